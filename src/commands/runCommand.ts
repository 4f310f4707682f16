/**
 * One ribbon command: run it through the shared controller, tell the user how it went, and always
 * end with event.completed() so Excel never keeps the button busy.
 */
import type { AssistantApi, AssistantState } from '../app/types';
import type { Lang } from '../core/types';
import { errorText, t } from '../i18n';

export type CommandName = 'recompute' | 'clearMarks';

export interface Outcome {
  command: CommandName;
  ok: boolean;
  text: string;
  /** HostError code (or "error") when not ok. */
  code?: string;
  at: string;
}

export interface CommandDeps {
  assistant: () => AssistantApi;
  lang: Lang;
  /** Shows the outcome (a brief dialog); must not throw, may take a while. */
  notify: (outcome: Outcome) => Promise<void>;
  /** Upper bound for notify before the command completes anyway (ms). */
  notifyTimeout?: number;
}

/** Where the last outcome is kept, so the task pane can show it when opened (same origin). */
export const LAST_OUTCOME_KEY = 'selfeval.lastCommand';

export async function runCommand(name: CommandName, event: { completed(): void }, deps: CommandDeps): Promise<Outcome> {
  let outcome: Outcome;
  try {
    const state = await deps.assistant()[name]();
    outcome = { command: name, ok: true, text: successText(name, state, deps.lang), at: new Date().toISOString() };
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    outcome = {
      command: name,
      ok: false,
      code: typeof code === 'string' ? code : 'error',
      text: errorText(deps.lang, e),
      at: new Date().toISOString(),
    };
  }
  try {
    remember(outcome);
    await withTimeout(deps.notify(outcome), deps.notifyTimeout ?? 60_000);
  } catch {
    // showing the outcome is best effort
  } finally {
    event.completed();
  }
  return outcome;
}

function successText(name: CommandName, state: AssistantState, lang: Lang): string {
  if (name === 'clearMarks') return t(lang, 'feedback.cleared');
  return t(lang, 'feedback.recomputed', { written: state.changed.length, marked: state.marked });
}

function remember(outcome: Outcome): void {
  try {
    globalThis.localStorage?.setItem(LAST_OUTCOME_KEY, JSON.stringify(outcome));
  } catch {
    // storage may be unavailable (private mode, partitioned storage)
  }
}

function withTimeout(p: Promise<void>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    p.catch(() => undefined).then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
