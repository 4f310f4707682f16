/**
 * Marks that follow their cells. The journal keys each cell by address, and rows the clerk inserts or
 * deletes above a marked cell move it. Each journal entry therefore also carries a workbook-level
 * defined name on its cell, which Excel, WPS and the .xlsx format keep in step with inserted and
 * deleted rows: before planning, an entry is moved to where its name now points. When the name is
 * gone (a host that does not keep names, a file saved by another program) the recorded address is
 * kept, and the planner's own check (the cell must still show what we wrote) decides as before. Pure.
 */
import type { CellValue, WorkbookSnapshot } from './snapshot';
import type { NameChange } from './edits';
import type { JournalEntry } from './state';
import { cellByAddress } from './grid';

/** Our defined names: `_selfeval_1`, `_selfeval_2`, … (a letter or underscore first, as Excel requires). */
export const NAME_PREFIX = '_selfeval_';

export function isOurName(name: string): boolean {
  return name.toLowerCase().startsWith(NAME_PREFIX) && /^\d+$/.test(name.slice(NAME_PREFIX.length));
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}

/** True when the cell at sheet!cell still shows something this entry wrote. */
function showsOurs(book: WorkbookSnapshot, e: JournalEntry, sheet: string, cell: string): boolean {
  const now = cellByAddress(book, sheet, cell);
  if (e.after.value !== undefined && !now.formula && sameValue(now.value, e.after.value as CellValue)) return true;
  return e.after.fill !== undefined && typeof now.fill === 'string' && typeof e.after.fill === 'string' && now.fill.toUpperCase() === e.after.fill.toUpperCase();
}

/**
 * The journal with every named entry moved to its name's cell. An entry whose cell was deleted
 * (#REF!) is dropped: there is no cell left to restore. An entry whose name points elsewhere but
 * whose recorded address still shows what we wrote, while the named cell does not, stays put.
 */
export function relocate(journal: JournalEntry[], book: WorkbookSnapshot): JournalEntry[] {
  if (!book.names) return journal;
  const where = new Map(book.names.map((n) => [n.name.toLowerCase(), n]));
  const out: JournalEntry[] = [];
  for (const e of journal) {
    const n = e.name ? where.get(e.name.toLowerCase()) : undefined;
    if (!n) {
      out.push(e);
      continue;
    }
    if (n.sheet === null || n.cell === null) continue; // the clerk deleted the cell
    if (n.sheet === e.sheet && n.cell === e.cell) {
      out.push(e);
      continue;
    }
    const moved = showsOurs(book, e, n.sheet, n.cell) || !showsOurs(book, e, e.sheet, e.cell);
    out.push(moved ? { ...e, sheet: n.sheet, cell: n.cell } : e);
  }
  return out;
}

/**
 * Names for a journal about to be stored: every entry gets one (new ones numbered after the highest
 * in use), a name that no longer points at its entry's cell is defined again, and our names that no
 * entry uses any more are deleted. Returns the journal with its names and the changes to write.
 */
export function nameJournal(journal: JournalEntry[], book: WorkbookSnapshot): { journal: JournalEntry[]; names: NameChange[] } {
  if (!book.names) return { journal, names: [] };
  const existing = new Map(book.names.filter((n) => isOurName(n.name)).map((n) => [n.name.toLowerCase(), n]));
  const numberOf = (name: string) => Number(name.slice(NAME_PREFIX.length));
  let next = Math.max(0, ...[...existing.values()].map((n) => numberOf(n.name)), ...journal.filter((e) => e.name && isOurName(e.name)).map((e) => numberOf(e.name as string))) + 1;
  const used = new Set<string>();
  const names: NameChange[] = [];
  const named = journal.map((e) => {
    let name = e.name && isOurName(e.name) && !used.has(e.name.toLowerCase()) ? e.name : undefined;
    if (!name) name = `${NAME_PREFIX}${next++}`;
    used.add(name.toLowerCase());
    const now = existing.get(name.toLowerCase());
    if (!now || now.sheet !== e.sheet || now.cell !== e.cell) names.push({ name, sheet: e.sheet, cell: e.cell });
    return name === e.name ? e : { ...e, name };
  });
  for (const [key, n] of existing) if (!used.has(key)) names.push({ name: n.name, sheet: n.sheet ?? '', cell: null });
  return { journal: named, names };
}
