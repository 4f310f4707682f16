/**
 * What one operation did, as the pane and the ribbon report it. A recompute reports the cells it wrote
 * and marked in this run (RecomputeState.written), not the journal's totals, which still count the
 * writes of an earlier recompute. A ribbon command's outcome is stored (same origin localStorage, the
 * documented way to share data between a function command and the task pane: docs/testing/runtimes.md
 * of office-js-docs-pr) so that the pane shows it when it opens.
 */
import type { AssistantState } from './types';

/** Cells given a value and cells marked by this run; falls back to the journal for a non-recompute state. */
export function runCounts(state: AssistantState): { written: number; marked: number } {
  const written = (state as { written?: { values: number; marks: number } }).written;
  return written ? { written: written.values, marked: written.marks } : { written: state.changed.length, marked: state.marked };
}

/** Where the last ribbon command's outcome is kept. */
export const LAST_OUTCOME_KEY = 'selfeval.lastCommand';
/** Older outcomes are not shown: they belong to another session or workbook. */
const FRESH_MS = 10 * 60_000;

/** The part of Web Storage used here (no DOM types: this module is also compiled for the CLI). */
interface Store {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const localStore = (): Store | undefined => (globalThis as { localStorage?: Store }).localStorage;

export interface StoredOutcome {
  command: string;
  ok: boolean;
  text: string;
  at: string;
}

export function rememberOutcome(outcome: StoredOutcome, storage: Store | undefined = localStore()): void {
  try {
    storage?.setItem(LAST_OUTCOME_KEY, JSON.stringify(outcome));
  } catch {
    // storage may be unavailable (private mode, partitioned storage)
  }
}

/** The stored outcome if recent, removed once read so that it is shown once. */
export function takeLastOutcome(now = Date.now(), storage: Store | undefined = localStore()): StoredOutcome | null {
  try {
    const raw = storage?.getItem(LAST_OUTCOME_KEY);
    if (!raw) return null;
    storage?.removeItem(LAST_OUTCOME_KEY);
    const o = JSON.parse(raw) as StoredOutcome;
    if (typeof o?.text !== 'string' || typeof o.at !== 'string') return null;
    const age = now - Date.parse(o.at);
    return age >= 0 && age < FRESH_MS ? o : null;
  } catch {
    return null;
  }
}
