/**
 * The journal after a write that stopped part way. Excel documents no rollback: a batch that fails
 * keeps every operation before the failing one (src/hosts/excel/ExcelHost.ts). After such a failure
 * the app re-reads the workbook and journals exactly what the cells now show, so that 撤销重算 puts
 * every cell back and no journal entry describes a write that never happened. Pure.
 */
import type { CellValue, WorkbookSnapshot } from './snapshot';
import type { JournalEntry } from './state';
import { cellByAddress } from './grid';

const key = (e: { sheet: string; cell: string }) => `${e.sheet}!${e.cell}`;

function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}

function sameFill(a: string | null | undefined, b: string | null | undefined): boolean {
  return a === b || (typeof a === 'string' && typeof b === 'string' && a.toUpperCase() === b.toUpperCase());
}

/**
 * `planned` is the journal the interrupted operation meant to store, `previous` the one the workbook
 * held before it. For every cell either names, each part we own (the value with its number format,
 * the fill) is kept from whichever entry the cell now shows — the planned one if its write happened,
 * the previous one if it did not — and dropped when the cell shows neither (a write that restored the
 * clerk's original, or one that never happened to a cell we did not own). The `before` image is the
 * planned entry's (it carries the previous one's forward) or else the previous one's.
 */
export function repairJournal(book: WorkbookSnapshot, planned: JournalEntry[], previous: JournalEntry[]): JournalEntry[] {
  const plan = new Map(planned.map((e) => [key(e), e]));
  const prev = new Map(previous.map((e) => [key(e), e]));
  const keys = [...new Set([...plan.keys(), ...prev.keys()])];
  const out: JournalEntry[] = [];
  for (const k of keys) {
    const candidates = [plan.get(k), prev.get(k)].filter((e): e is JournalEntry => e !== undefined);
    const base = candidates[0];
    const now = cellByAddress(book, base.sheet, base.cell);
    const after: JournalEntry['after'] = {};
    const byValue = candidates.find((e) => e.after.value !== undefined && !now.formula && sameValue(now.value, e.after.value as CellValue));
    if (byValue) {
      after.value = byValue.after.value;
      if (byValue.after.numberFormat !== undefined && now.numberFormat === byValue.after.numberFormat) after.numberFormat = byValue.after.numberFormat;
    }
    const byFill = candidates.find((e) => e.after.fill !== undefined && sameFill(now.fill, e.after.fill));
    if (byFill) after.fill = byFill.after.fill;
    if (after.value === undefined && after.fill === undefined) continue;
    out.push({ ...base, before: { ...base.before }, after });
  }
  return out;
}
