/**
 * Errors the clerk has seen and chosen to print with. A print is stopped for errors nobody has
 * looked at; once the clerk clears our marks (the step before printing) or clicks "clear marks and
 * print", the errors of that moment no longer stop it, and only a new error does. Kept for the
 * session in PluginStorage, per workbook name.
 */
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
