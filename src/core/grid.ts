/** Reading one cell of a snapshot by its sheet coordinates. */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { parseA1 } from './address';

export interface CellView {
  value: CellValue;
  text: string;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
}

const EMPTY: CellView = { value: null, text: '', formula: null, numberFormat: 'General', fill: null };

export function cellAt(sheet: SheetSnapshot, row: number, col: number): CellView {
  const r = row - sheet.top;
  const c = col - sheet.left;
  if (r < 0 || c < 0 || r >= sheet.values.length) return EMPTY;
  const values = sheet.values[r];
  if (!values || c >= values.length) return EMPTY;
  return {
    value: values[c] ?? null,
    text: sheet.texts[r]?.[c] ?? '',
    formula: sheet.formulas[r]?.[c] ?? null,
    numberFormat: sheet.numberFormats[r]?.[c] ?? 'General',
    fill: sheet.fills?.[r]?.[c] ?? null,
  };
}

export function findSheet(book: WorkbookSnapshot, name: string): SheetSnapshot | undefined {
  return book.sheets.find((s) => s.name === name);
}

/** The cell at an A1 address of a named sheet (empty when the sheet or cell is absent). */
export function cellByAddress(book: WorkbookSnapshot, sheet: string, a1: string): CellView {
  const s = findSheet(book, sheet);
  const ref = parseA1(a1);
  return s && ref ? cellAt(s, ref.row, ref.col) : EMPTY;
}
