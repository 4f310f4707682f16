/**
 * What the engine sees of a workbook: plain, serialisable data, read by a host in one batch.
 * Rows and columns are 0-based everywhere in the core; A1 addresses are only for output.
 */

/** A cell's raw value. Error values (#DIV/0!, #N/A…) are kept as their text; see isErrorValue. */
export type CellValue = string | number | boolean | null;

export interface SheetSnapshot {
  name: string;
  /** 0-based row and column of the top-left cell of the arrays below (the used range's origin). */
  top: number;
  left: number;
  /** Raw values; dates arrive as Excel serial numbers. All arrays below share this shape. */
  values: CellValue[][];
  /** Text as displayed (number format applied); "" for empty cells. */
  texts: string[][];
  /** Formula text beginning with "=", or null where the cell holds a constant. */
  formulas: (string | null)[][];
  /** Number format code per cell ("General", "0.00%", …). */
  numberFormats: string[][];
  /** Merged areas as A1 ranges ("A13:A15"). */
  merges: string[];
  /**
   * Fill per cell. Contract between hosts and the planner:
   * - null: no fill;
   * - "#RRGGBB": a plain solid fill of exactly that RGB colour, which a host can write back as is;
   * - 'other': any other fill — a theme colour from Excel's palette (with or without tint), a
   *   pattern (lightGray, …), a gradient — one the core could not write back exactly.
   * Hosts report 'other' rather than null or an approximate colour: null would be restored as
   * "no fill". The planner never marks a cell whose fill is neither null nor "#RRGGBB" (any such
   * string, 'other' or not), so such a fill is never journalled as one to write back; its finding
   * is still listed. Optional: not every host reads fills.
   */
  fills?: (string | null)[][];
  /** True when the sheet is protected against editing. */
  protected?: boolean;
  /** "visible" | "hidden" | "veryHidden". */
  visibility?: 'visible' | 'hidden' | 'veryHidden';
  /** The workbook counts dates from 1904-01-01 (Mac Excel's old system): date serials are 1462 days smaller. */
  date1904?: boolean;
}

export interface WorkbookSnapshot {
  /** File or workbook name, for reports. */
  name?: string;
  sheets: SheetSnapshot[];
  /**
   * Our defined names (NAME_PREFIX, core/follow.ts) and the cell each refers to now; sheet and cell are
   * null when the cell was deleted (#REF!). Undefined when the host does not keep defined names.
   */
  names?: { name: string; sheet: string | null; cell: string | null }[];
}

const ERROR_VALUES = new Set([
  '#DIV/0!', '#N/A', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!',
  '#EXTERNAL!', '#PYTHON!', '#TIMEOUT!',
]);

export function isErrorValue(v: unknown): v is string {
  return typeof v === 'string' && ERROR_VALUES.has(v.trim().toUpperCase());
}
