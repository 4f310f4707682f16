/**
 * What the app does when a write fails. Excel documents no rollback (a failed batch keeps what ran
 * before the failing operation), so "nothing was written" is checked, not assumed: the workbook is
 * read again; if none of the cells the write addressed changed, the host's error stands as it is (its
 * message says nothing was written, which is then true). Otherwise the journal is repaired to what the
 * cells now show (core/repair.ts) and stored, so 撤销重算 restores exactly, and the clerk is told the
 * write stopped part way ('interrupted'), or that the record could not be kept ('interrupted-unrecorded').
 */
import { HostError, type SpreadsheetHost } from '../hosts/host';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { CellChange } from '../core/edits';
import { cellByAddress } from '../core/grid';
import { decodeState, encodeState, stateSheetStatus, type JournalEntry, type StoredState } from '../core/state';
import { repairJournal } from '../core/repair';
import { nameJournal } from '../core/follow';

function changedAny(before: WorkbookSnapshot, after: WorkbookSnapshot, changes: CellChange[]): boolean {
  return changes.some((c) => {
    const a = cellByAddress(before, c.sheet, c.cell);
    const b = cellByAddress(after, c.sheet, c.cell);
    return a.value !== b.value || a.fill !== b.fill || a.numberFormat !== b.numberFormat || a.formula !== b.formula;
  });
}

/**
 * Called with the error of `host.apply(changes)`; always throws. `book` is what the write was planned
 * on, `previous` the state it held, `planned` the state the write meant to store.
 */
export async function recoverFailedWrite(
  host: SpreadsheetHost,
  error: unknown,
  book: WorkbookSnapshot,
  changes: CellChange[],
  previous: StoredState,
  planned: StoredState,
): Promise<never> {
  let now: WorkbookSnapshot;
  try {
    now = await host.read();
  } catch {
    throw interrupted('interrupted-unrecorded', error, 'the workbook could not be read again after a failed write');
  }
  if (!changedAny(book, now, changes)) throw error;
  const fixed = repairJournal(now, planned.journal, previous.journal);
  const named = nameJournal(fixed, now);
  const repaired: StoredState = { ...planned, journal: named.journal };
  if (!named.names.length && JSON.stringify(decodeState(now)) === JSON.stringify(repaired)) throw interrupted('interrupted', error, 'the journal already matches the cells');
  if (stateSheetStatus(now).kind === 'foreign') throw interrupted('interrupted-unrecorded', error, 'no journal sheet of ours to repair');
  try {
    await host.apply(encodeState(repaired, now), named.names);
  } catch {
    // A host that writes the journal first (WPS) may have left one that already covers every cell the
    // repair would record: 撤销重算 still restores them, so the record was kept after all.
    const stored = decodeState(now)?.journal;
    if (stored && covers(stored, repaired.journal)) throw interrupted('interrupted', error, 'the journal written before the cells covers them');
    throw interrupted('interrupted-unrecorded', error, 'the repaired journal could not be written');
  }
  throw interrupted('interrupted', error, 'the journal was repaired to what the cells show');
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * True when `stored` restores every cell `needed` records: an entry on the same cell with the same
 * before-image, and the same value and fill wherever the needed entry owns them (so that revert's
 * "the cell still shows what we wrote" check finds them). Extra stored entries for writes that never
 * happened are harmless: their cells do not show what they say we wrote, and revert leaves those alone.
 */
function covers(stored: JournalEntry[], needed: JournalEntry[]): boolean {
  const byCell = new Map(stored.map((e) => [`${e.sheet}!${e.cell}`, e]));
  return needed.every((n) => {
    const s = byCell.get(`${n.sheet}!${n.cell}`);
    if (!s || !sameJson(s.before, n.before)) return false;
    if (n.after.value !== undefined && !sameJson(s.after.value, n.after.value)) return false;
    return n.after.fill === undefined || (s.after.fill ?? null) === (n.after.fill ?? null);
  });
}

function interrupted(code: 'interrupted' | 'interrupted-unrecorded', cause: unknown, what: string): HostError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  const sheet = cause instanceof HostError ? cause.sheet : undefined;
  return new HostError(code, `The write stopped part way (${reason}); ${what}.`, sheet, cause);
}
