/**
 * Errors the clerk has seen and chosen to print with. A print is stopped for errors nobody has
 * looked at; once the clerk clears our marks (the step before printing) or clicks "clear marks and
 * print", the errors of that moment no longer stop it, and only a new error does. Kept for the
 * session in PluginStorage, per workbook name.
 */
import type { AssistantApi } from '../app/types';
import type { FileReview } from '../core/types';
import type { WpsApplication } from './application';
import { KEYS, readJson, writeJson } from './storage';

interface Acknowledged {
  file: string;
  keys: string[];
}

export function errorKeys(review: FileReview): string[] {
  return review.findings.filter((f) => f.severity === 'error').map((f) => `${f.code}@${f.sheet ?? ''}!${f.cell ?? ''}`);
}

export function acknowledge(app: WpsApplication, review: FileReview): void {
  writeJson(app, KEYS.acknowledged, { file: review.file, keys: errorKeys(review) } satisfies Acknowledged);
}

/** The errors of review that were not acknowledged. */
export function unacknowledged(app: WpsApplication, review: FileReview): string[] {
  const ack = readJson<Acknowledged>(app, KEYS.acknowledged);
  const seen = new Set(ack && ack.file === review.file && Array.isArray(ack.keys) ? ack.keys : []);
  return errorKeys(review).filter((k) => !seen.has(k));
}

/**
 * The controller, with clearing marks (the step before printing) acknowledging the errors then on
 * screen. A new object each call (the pane relies on that to re-check).
 */
export function acknowledging(app: WpsApplication, api: AssistantApi): AssistantApi {
  return {
    check: () => api.check(),
    recompute: () => api.recompute(),
    revert: () => api.revert(),
    clearMarks: async () => {
      const state = await api.clearMarks();
      acknowledge(app, state.review);
      return state;
    },
    reveal: (finding) => api.reveal(finding),
    saveSettings: (settings) => api.saveSettings(settings),
  };
}
