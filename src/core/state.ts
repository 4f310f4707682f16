/**
 * What selfeval keeps inside the workbook, on the very hidden sheet STATE_SHEET: the settings
 * (so a whole office scores alike) and the journal of every cell the last recompute touched,
 * with its previous value and fill, so that revert and "clear marks" are exact even after the
 * file was saved and reopened, in any host.
 */
import type { CellValue, WorkbookSnapshot } from './snapshot';
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
}

export interface StoredState {
  version: 1;
  settings?: { rules: string; overrides?: Record<string, unknown> };
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

/** Reads the state from the snapshot's state sheet; null when absent or unreadable (never throws). */
export function decodeState(snapshot: WorkbookSnapshot): StoredState | null {
  const sheet = snapshot.sheets.find((s) => s.name === STATE_SHEET);
  if (!sheet) return null;
  const col = -sheet.left;
  const cellAt = (row: number): CellValue => {
    const r = row - sheet.top;
    return r >= 0 && r < sheet.values.length && col >= 0 ? sheet.values[r]?.[col] ?? null : null;
  };
  if (cellAt(0) !== MARKER) return null;
  let json = '';
  for (let row = 1; ; row++) {
    const v = cellAt(row);
    if (typeof v !== 'string' || v === '') break;
    json += v;
  }
  try {
    const parsed = JSON.parse(json) as StoredState;
    if (!parsed || parsed.version !== 1 || !Array.isArray(parsed.journal)) return null;
    return parsed;
  } catch {
    return null;
  }
}

/** The cell changes that store `state`, clearing chunks an older, longer state left behind. */
export function encodeState(state: StoredState, previous: WorkbookSnapshot | null): CellChange[] {
  const json = JSON.stringify(state);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += CHUNK) chunks.push(json.slice(i, i + CHUNK));
  const changes: CellChange[] = [{ sheet: STATE_SHEET, cell: 'A1', value: MARKER }];
  chunks.forEach((c, i) => changes.push({ sheet: STATE_SHEET, cell: `A${i + 2}`, value: c }));
  const old = previous?.sheets.find((s) => s.name === STATE_SHEET);
  const oldRows = old ? old.top + old.values.length : 0;
  for (let row = chunks.length + 2; row <= oldRows; row++) {
    changes.push({ sheet: STATE_SHEET, cell: `A${row}`, value: null });
  }
  return changes;
}
