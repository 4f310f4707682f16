/**
 * One ribbon command: run it through the shared controller, tell the user how it went, and always
 * end with event.completed(). Without a shared runtime a function command's runtime "shuts down when
 * the first of the following occurs: the function command calls the completed method …; five minutes
 * have elapsed since the triggering event" (office-js-docs-pr docs/testing/runtimes.md). Excel.run
 * with delayForCellEdit waits for as long as the user keeps editing a cell, so the work gets at most
 * WORK_MS and the notice at most NOTIFY_MS: completed() is always called well inside five minutes.
 */
import type { AssistantApi, AssistantState } from '../app/types';
import type { Lang } from '../core/types';
import { HostError } from '../hosts/host';
import { errorText, t } from '../i18n';
import { LAST_OUTCOME_KEY, rememberOutcome, runCounts } from '../app/outcome';

export { LAST_OUTCOME_KEY };

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
  /** Upper bound for the work itself, e.g. while Excel waits for a cell edit to end (ms). */
  workTimeout?: number;
}

/** 3½ minutes of work + 1 minute of notice: completed() comes at least 30 s before Excel's five minutes. */
export const WORK_MS = 210_000;
export const NOTIFY_MS = 60_000;

export async function runCommand(name: CommandName, event: { completed(): void }, deps: CommandDeps): Promise<Outcome> {
  let outcome: Outcome;
  try {
    const work = Promise.resolve().then(() => deps.assistant()[name]());
    const state = await deadline(work, deps.workTimeout ?? WORK_MS);
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
    rememberOutcome(outcome);
    await withTimeout(deps.notify(outcome), deps.notifyTimeout ?? NOTIFY_MS);
  } catch {
    // showing the outcome is best effort
  } finally {
    event.completed();
  }
  return outcome;
}

function successText(name: CommandName, state: AssistantState, lang: Lang): string {
  if (name === 'clearMarks') return t(lang, 'feedback.cleared');
  const counts = runCounts(state);
  return counts.written + counts.marked === 0 ? t(lang, 'feedback.upToDate') : t(lang, 'feedback.recomputed', counts);
}

/**
 * The work, or a 'cell-edit' error once `ms` have passed: the only thing that keeps Excel.run waiting
 * that long is a cell still being edited (delayForCellEdit). The batch has then not started; should
 * it start before the runtime closes, it is a whole recompute, journalled like any other.
 */
function deadline<T>(work: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new HostError('cell-edit', `no answer from Excel within ${ms} ms (a cell is being edited?)`)), ms);
    work.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
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
