import type { CellValue } from './snapshot';
import type { Severity } from './types';

/**
 * The one thing a host applies: a list of cell changes, in one batch.
 * A change sets the value and/or the fill of one cell; fields left undefined are not touched.
 */
export interface CellChange {
  sheet: string;
  /** A1 address. */
  cell: string;
  /** New constant value (never a formula). */
  value?: CellValue;
  /** Number format to set with the value (e.g. "0.00%"); undefined leaves the format alone. */
  numberFormat?: string;
  /** New solid fill "#RRGGBB", or null to remove the fill. Never anything else (not 'other': see snapshot.ts `fills`). */
  fill?: string | null;
  /**
   * The new result of the formula in this cell, recalculated after other cells changed (core/recalc.ts);
   * the formula stays. Hosts that recalculate themselves (Excel, WPS) ignore it; the file writer stores it
   * as the formula's cached value, so a viewer that does not recalculate shows it too.
   */
  cached?: CellValue;
}

/**
 * A workbook-level defined name on one cell, written with the changes of the same batch. Excel, WPS
 * and the .xlsx format keep a defined name in step with inserted and deleted rows and columns, so a
 * journal entry keyed to one finds its cell after the clerk inserted rows above it. `cell: null`
 * deletes the name. Hosts that cannot keep names ignore these (the journal falls back to addresses).
 */
export interface NameChange {
  name: string;
  sheet: string;
  /** A1 address, or null to delete the name. */
  cell: string | null;
}

/**
 * The two kinds of marks. 已更正 (CORRECTED_FILL): a value we wrote, one calm colour, whatever the
 * finding it corrected. 待处理 (MARK_FILLS, by severity): a cell the clerk must still act on.
 */
export const CORRECTED_FILL = '#E2EFDA';

/** Fill colours of the 待处理 marks, per severity (Office's own conditional-format palette). */
export const MARK_FILLS: Record<Severity, string> = {
  error: '#FFC7CE',
  warning: '#FFEB9C',
  info: '#DDEBF7',
};

/**
 * Name of the very hidden sheet where selfeval keeps its journal and settings inside the workbook.
 * Sheet names compare without regard to case: use isStateSheetName / stateSheetStatus (state.ts),
 * never `=== STATE_SHEET`, to tell whether a sheet is (or would collide with) ours.
 */
export const STATE_SHEET = '_selfeval';
