/**
 * What clerks asked for: a printout without our marks and without known errors. WPS asks before
 * printing (WorkbookBeforePrint, an "询问型" event whose last argument's Value = true cancels;
 * notes §3); the answer must be given before the listener returns, so the check here is
 * synchronous over a snapshot read synchronously (every object-model call is).
 */
import type { WorkbookSnapshot } from '../core/snapshot';
import type { FileReview, Lang } from '../core/types';
import { decodeState } from '../core/state';
import type { Settings } from '../app/types';
import { runReview, storedSettings } from '../app/review';
import { t } from '../i18n';
import type { WpsApplication } from './application';
import { tryCall } from './application';
import { unacknowledged } from './acknowledge';
import { postNotice, showStatus } from './notice';
import { KEYS, readString, remove } from './storage';

export interface PrintVerdict {
  /** Cells carrying our marks (the journal's fills, as the pane counts them). */
  marks: number;
  /** Findings of severity "error" the clerk has not acknowledged (acknowledge.ts). */
  errors: number;
}

export function errorCount(review: FileReview): number {
  return review.findings.filter((f) => f.severity === 'error').length;
}

/** The verdict on a workbook snapshot, with the settings stored in it. */
export function verdictOf(app: WpsApplication, book: WorkbookSnapshot, lang: Lang): PrintVerdict {
  const state = decodeState(book);
  const settings = storedSettings(state?.settings as Partial<Settings> | undefined);
  const marks = (state?.journal ?? []).filter((e) => e.after.fill !== undefined).length;
  return { marks, errors: unacknowledged(app, runReview(book, settings, lang).review).length };
}

export interface PrintGuardDeps {
  app(): WpsApplication | null;
  /** Reads the active workbook now (synchronously) and judges it; throws when it cannot. */
  verdictNow(): PrintVerdict;
  openPane(): void;
  lang: Lang;
  now?: () => number;
}

type CancelArg = { Value: boolean };

function cancelArg(args: unknown[]): CancelArg | null {
  const last = args[args.length - 1];
  return last && typeof last === 'object' && 'Value' in last ? (last as CancelArg) : null;
}

/**
 * The WorkbookBeforePrint listener. Stops the print (Cancel.Value, else ApiEvent.Cancel: the two
 * documented ways) when it would carry our marks or errors the clerk has not acknowledged, and opens
 * the pane saying why.
 * Lets it through once after "clear marks and print", and always when the check itself fails:
 * our own failure never keeps a clerk from printing. Returns true when it stopped the print.
 */
export function beforePrint(deps: PrintGuardDeps, args: unknown[]): boolean {
  const app = deps.app();
  if (!app) return false;
  const now = (deps.now ?? Date.now)();
  const allowedUntil = Number(readString(app, KEYS.allowPrint));
  if (allowedUntil) {
    remove(app, KEYS.allowPrint);
    if (allowedUntil >= now) return false;
  }
  const verdict = tryCall(deps.verdictNow);
  if (!verdict || (verdict.marks === 0 && verdict.errors === 0)) return false;

  const cancel = cancelArg(args);
  if (cancel) cancel.Value = true;
  // The overview page's other way; only without a Cancel argument, in case the flag outlives this event.
  else tryCall(() => app.ApiEvent && (app.ApiEvent.Cancel = true));
  const text = [
    t(deps.lang, 'wps.print.blockedTitle'),
    verdict.marks ? t(deps.lang, 'wps.print.blockedMarks', { marks: verdict.marks }) : '',
    verdict.errors ? t(deps.lang, 'wps.print.blockedErrors', { errors: verdict.errors }) : '',
  ].filter(Boolean);
  postNotice(app, { kind: 'printBlocked', ok: false, text: text.slice(1).join(''), marks: verdict.marks, errors: verdict.errors }, now);
  showStatus(app, text.join('：'));
  tryCall(deps.openPane);
  return true;
}
