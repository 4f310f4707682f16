/**
 * What selfeval keeps inside the workbook, on the very hidden sheet STATE_SHEET: the settings
 * (so a whole office scores alike) and the journal of every cell the last recompute touched,
 * with its previous value and fill, so that revert and "clear marks" are exact even after the
 * file was saved and reopened, in any host.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import type { CellChange } from './edits';
import { STATE_SHEET } from './edits';

export interface CellImage {
  value: CellValue;
  fill: string | null;
  numberFormat?: string;
}

export interface JournalEntry {
  sheet: string;
  cell: string;
  /** The cell as it was before selfeval first touched it. */
  before: CellImage;
  /** What selfeval wrote: a value, a fill (a mark), or both. Undefined fields were not touched. */
  after: { value?: CellValue; fill?: string | null; numberFormat?: string };
  /** For the pane's list: "H14 解决问题到位率 得分". */
  label?: string;
  /** The defined name that follows the cell through inserted and deleted rows (core/follow.ts). */
  name?: string;
}

export interface StoredState {
  version: 1;
  /** `template`: the clerk's column map (src/core/profile.ts), validated again when read. */
  settings?: { rules: string; overrides?: Record<string, unknown>; template?: unknown };
  journal: JournalEntry[];
  /** ISO time of the last recompute. */
  at?: string;
}

const MARKER = 'selfeval state v1 — 绩效自评助手的撤销记录，请勿编辑 (do not edit)';
/** Excel caps a cell at 32,767 characters. */
const CHUNK = 30000;

export function emptyState(): StoredState {
  return { version: 1, journal: [] };
}

/**
 * Excel compares sheet names without regard to case (and the file writer matches them so): a
 * sheet named "_SELFEVAL" is the sheet a write to STATE_SHEET lands on. Folded through upper case
 * first so that letters with several lower-case forms (ſ, long s) fold too.
 */
export function isStateSheetName(name: string): boolean {
  return name.toUpperCase().toLowerCase() === STATE_SHEET;
}

/**
 * Where the state lives, if anywhere:
 * - `absent`: no sheet carries the state sheet's name in any case; a write creates it;
 * - `ours`: a sheet of that name holding our marker in A1, or an empty one (nothing to lose),
 *   addressed by its own name;
 * - `foreign`: a sheet of that name in some case that is not ours (the clerk's `_SELFEVAL` with
 *   content but without our marker, or several of them). It is never read
 *   as state, and nothing may be written to it (the app refuses: src/app/stateSheet.ts).
 */
export type StateSheetStatus =
  | { kind: 'absent' }
  | { kind: 'ours'; sheet: SheetSnapshot }
  | { kind: 'foreign'; name: string };

function cellOf(sheet: SheetSnapshot, row: number): CellValue {
  const r = row - sheet.top;
  const c = -sheet.left;
  return r >= 0 && r < sheet.values.length && c >= 0 ? sheet.values[r]?.[c] ?? null : null;
}

function isEmpty(sheet: SheetSnapshot): boolean {
  return sheet.values.every((row) => row.every((v) => v === null || v === '')) && (sheet.formulas ?? []).every((row) => row.every((f) => !f));
}

export function stateSheetStatus(book: WorkbookSnapshot): StateSheetStatus {
  const named = (book.sheets ?? []).filter((s) => s && typeof s.name === 'string' && isStateSheetName(s.name));
  if (named.length === 0) return { kind: 'absent' };
  const sheet = named[0];
  // Ours: our marker in A1, whatever its visibility (another program may save very hidden as hidden, a
  // clerk may unhide it); or an empty sheet, visible or not: nothing on it to lose, and Excel can leave
  // ours behind empty and visible when the batch that creates and hides it stops between the two (no
  // rollback: src/hosts/excel/ExcelHost.ts). Only a sheet of that name with content is the clerk's.
  if (named.length === 1 && (cellOf(sheet, 0) === MARKER || isEmpty(sheet))) return { kind: 'ours', sheet };
  const shown = named.find((s) => s.visibility !== 'veryHidden') ?? sheet;
  return { kind: 'foreign', name: shown.name };
}

/** Reads the state from the snapshot's state sheet; null when absent, not ours or unreadable (never throws). */
export function decodeState(snapshot: WorkbookSnapshot): StoredState | null {
  const found = stateSheetStatus(snapshot);
  if (found.kind !== 'ours') return null;
  const sheet = found.sheet;
  if (cellOf(sheet, 0) !== MARKER) return null;
  let json = '';
  for (let row = 1; ; row++) {
    const v = cellOf(sheet, row);
    if (typeof v !== 'string' || v === '') break;
    json += v;
  }
  try {
    const parsed = JSON.parse(json) as StoredState;
    if (!parsed || parsed.version !== 1 || !Array.isArray(parsed.journal)) return null;
    // An entry the planner cannot use (hand-edited, or from a damaged chunk) is dropped, not trusted.
    const journal: unknown[] = parsed.journal;
    if (!journal.every(isEntry)) parsed.journal = journal.filter(isEntry);
    return parsed;
  } catch {
    return null;
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isEntry(e: unknown): e is JournalEntry {
  return isObject(e) && typeof e.sheet === 'string' && typeof e.cell === 'string' && isObject(e.before) && isObject(e.after);
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/**
 * `text` in pieces of at most `size` UTF-16 code units, never splitting a surrogate pair (a CJK
 * Extension B character such as 𠮷 is two code units): a lone half cannot be stored in a cell, it
 * is written as U+FFFD, and the journal entry it belonged to would name a cell that does not exist.
 */
export function splitChunks(text: string, size = CHUNK): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    let end = Math.min(i + size, text.length);
    if (end < text.length && end - i > 1 && isHighSurrogate(text.charCodeAt(end - 1))) end--;
    chunks.push(text.slice(i, end));
    i = end;
  }
  return chunks;
}

/**
 * The cell changes that store `state`, clearing chunks an older, longer state left behind. They are
 * addressed to our state sheet by its own name when it exists. Callers must not write them when the
 * state sheet is foreign (stateSheetStatus).
 */
export function encodeState(state: StoredState, previous: WorkbookSnapshot | null): CellChange[] {
  const json = JSON.stringify(state);
  const chunks = splitChunks(json);
  const found = previous ? stateSheetStatus(previous) : { kind: 'absent' as const };
  const old = found.kind === 'ours' ? found.sheet : null;
  const name = old?.name ?? STATE_SHEET;
  const changes: CellChange[] = [{ sheet: name, cell: 'A1', value: MARKER }];
  chunks.forEach((c, i) => changes.push({ sheet: name, cell: `A${i + 2}`, value: c }));
  const oldRows = old ? old.top + old.values.length : 0;
  for (let row = chunks.length + 2; row <= oldRows; row++) {
    changes.push({ sheet: name, cell: `A${row}`, value: null });
  }
  return changes;
}
