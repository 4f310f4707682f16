/**
 * A brief notice for function commands: Excel has no toast API for them, so the command opens
 * commands.html?notice=… as a small dialog that shows the text and closes itself (success) or waits
 * for the user (errors).
 */
import type { Outcome } from './runCommand';

const SUCCESS_MS = 4000;

/** Opens the notice dialog and resolves when it is closed. Never rejects. */
export function showNotice(outcome: Outcome): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL(location.href);
    url.search = new URLSearchParams({ notice: outcome.ok ? 'ok' : 'error', text: outcome.text }).toString();
    url.hash = '';
    try {
      Office.context.ui.displayDialogAsync(url.toString(), { height: 20, width: 30, displayInIframe: true }, (res) => {
        if (res.status !== Office.AsyncResultStatus.Succeeded) return resolve(); // e.g. a dialog is already open
        const dialog = res.value;
        const done = (): void => {
          try {
            dialog.close();
          } catch {
            // already closed
          }
          resolve();
        };
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, done);
        dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
      });
    } catch {
      resolve();
    }
  });
}

/** In the dialog: renders the notice and asks the parent to close it (after a delay when ok). */
export function renderNotice(params: URLSearchParams, doc: Document = document): void {
  const ok = params.get('notice') === 'ok';
  const body = doc.getElementById('notice') ?? doc.body;
  body.className = ok ? 'notice ok' : 'notice error';
  body.textContent = params.get('text') ?? '';
  const close = (): void => Office.context.ui.messageParent('close');
  doc.addEventListener('keydown', (e) => e.key === 'Escape' && close());
  doc.addEventListener('click', close);
  if (ok) setTimeout(close, SUCCESS_MS);
}
