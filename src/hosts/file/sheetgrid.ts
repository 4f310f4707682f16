/**
 * The per-cell arrays of a sheet snapshot as both .xlsx readers build them (read.ts's ExcelJS route
 * and the direct reader in fast/), so that the two stay alike where fast.test.ts holds them equal.
 */
import type { CellValue, SheetSnapshot } from '../../core/snapshot';
import type { RangeRef } from '../../core/address';

export interface SheetArrays {
  rows: number;
  cols: number;
  values: CellValue[][];
  texts: string[][];
  formulas: (string | null)[][];
  numberFormats: string[][];
  fills: (string | null)[][];
}

/** Style of an empty position in column j (its column's, as Excel shows it). */
export interface ColumnStyles {
  format(j: number): string;
  fill(j: number): string | null;
}

/** rows × cols of empty cells in their columns' styles. Each row is a copy of one blank row: slice() of a filled array is a block copy, cheaper than fill() per row. */
export function blankSheetArrays(rows: number, cols: number, column: ColumnStyles): SheetArrays {
  const a: SheetArrays = { rows, cols, values: [], texts: [], formulas: [], numberFormats: [], fills: [] };
  const blankNulls = new Array<null>(cols).fill(null);
  const blankTexts = new Array<string>(cols).fill('');
  const blankFormats = Array.from({ length: cols }, (_, j) => column.format(j));
  const blankFills = Array.from({ length: cols }, (_, j) => column.fill(j));
  for (let r = 0; r < rows; r++) {
    a.values.push(blankNulls.slice());
    a.texts.push(blankTexts.slice());
    a.formulas.push(blankNulls.slice());
    a.numberFormats.push(blankFormats.slice());
    a.fills.push(blankFills.slice());
  }
  return a;
}

/** A range computed by one formula: an array formula (legacy or dynamic/spilled) or a data table. */
export interface FormulaRange {
  range: RangeRef;
  formula: string;
}

/**
 * Every cell of an array formula's or data table's range is computed by Excel: a formula cell for the
 * engine, never written. A range reaching past the cells with values grows the arrays to hold it.
 */
export function spreadFormulaRanges(a: SheetArrays, ranges: readonly FormulaRange[], column: ColumnStyles): void {
  for (const { range, formula } of ranges) {
    if (range.bottom >= a.rows || range.right >= a.cols) {
      const newCols = Math.max(a.cols, range.right + 1);
      for (let r = 0; r < a.rows; r++) {
        for (let j = a.cols; j < newCols; j++) {
          a.values[r].push(null);
          a.texts[r].push('');
          a.formulas[r].push(null);
          a.numberFormats[r].push(column.format(j));
          a.fills[r].push(column.fill(j));
        }
      }
      a.cols = newCols;
      for (let r = a.rows; r <= range.bottom; r++) {
        a.values.push(new Array<null>(a.cols).fill(null));
        a.texts.push(new Array<string>(a.cols).fill(''));
        a.formulas.push(new Array<null>(a.cols).fill(null));
        a.numberFormats.push(Array.from({ length: a.cols }, (_, j) => column.format(j)));
        a.fills.push(Array.from({ length: a.cols }, (_, j) => column.fill(j)));
      }
      a.rows = Math.max(a.rows, range.bottom + 1);
    }
    for (let r = range.top; r <= range.bottom; r++) {
      for (let j = range.left; j <= range.right; j++) if (!a.formulas[r][j]) a.formulas[r][j] = formula;
    }
  }
}

/** The sheet's snapshot from its arrays (origin A1) and what else both readers find. */
export function sheetSnapshot(
  a: SheetArrays,
  sheet: { name: string; merges: string[]; protected: boolean; visibility: SheetSnapshot['visibility']; date1904: boolean },
): SheetSnapshot {
  return {
    name: sheet.name,
    top: 0,
    left: 0,
    values: a.values,
    texts: a.texts,
    formulas: a.formulas,
    numberFormats: a.numberFormats,
    merges: sheet.merges,
    fills: a.fills,
    protected: sheet.protected,
    visibility: sheet.visibility,
    ...(sheet.date1904 ? { date1904: true } : {}),
  };
}
