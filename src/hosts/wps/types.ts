/**
 * The slice of the WPS 表格 (ET) JS object model that selfeval uses, typed by hand instead of with
 * et-jsapi-declare (which declares globals and ambient `Et.*` enums that do not exist at run time:
 * ../shared/notes/wps-addin.md §2.6). Everything is synchronous; every property read, property write
 * and method call is one cross-process round trip (≈ 0.1 ms, notes §2.7), and every property read
 * returns a fresh wrapper (`===` never matches, notes fact 4). Indexes are 1-based.
 *
 * Multi-cell reads of NumberFormat, Interior.Color/Pattern, MergeCells, HasFormula (and Text) give one
 * value when all cells agree and null otherwise (VBA semantics, notes §2.4); Value2/Formula come in one
 * of several shapes (notes §2.3), so they are typed `unknown` and go through toMatrix (values.ts).
 */

/** Numeric constants of the ET object model (never `Et.*` at run time: notes §2.6). */
export const XL = {
  sheetVisible: -1,
  sheetHidden: 0,
  sheetVeryHidden: 2,
  /** xlColorIndexNone / xlPatternNone. */
  none: -4142,
  patternSolid: 1,
  /** An unfilled cell reads Interior.Color = white (notes §2.4). */
  white: 16777215,
  calcAutomatic: -4105,
  calcManual: -4135,
  cellTypeFormulas: -4123,
  cellTypeConstants: 2,
  ctpDockRight: 2,
} as const;

export interface WpsCount {
  readonly Count: number;
}

export interface WpsInterior {
  /** BGR integer (R + G·256 + B·65536); null over cells of different colours. */
  Color: number | null;
  ColorIndex: number | null;
  Pattern: number | null;
  PatternColor?: number | null;
  ThemeColor?: number | null;
  TintAndShade?: number | null;
}

export interface WpsComment {
  Text(text?: string): string;
  Delete(): void;
}

export interface WpsRange {
  readonly Row: number;
  readonly Column: number;
  readonly Rows: WpsCount;
  readonly Columns: WpsCount;
  readonly Count: number;
  /** A method, not a property (notes fact 5): Address(false, false) → "A1:C3". */
  Address(rowAbsolute?: boolean, columnAbsolute?: boolean): string;
  /** 2-D array, 1-D array, an Item(r,c) object, a VBArray-like, a scalar or null: see toMatrix. */
  Value2: unknown;
  Formula: unknown;
  /** Display text: a matrix, or one text when uniform and null otherwise (VBA). */
  readonly Text: unknown;
  NumberFormat: string | null;
  readonly HasFormula: boolean | null;
  readonly MergeCells: boolean | null;
  readonly MergeArea: WpsRange;
  readonly Interior: WpsInterior;
  readonly Comment: WpsComment | null;
  readonly Areas: WpsCount & { Item(i: number): WpsRange };
  readonly Worksheet: WpsWorksheet;
  /** 1-based, relative to the range. */
  Item(row: number, column?: number): WpsRange;
  Value(type?: number, value?: unknown): unknown;
  Select(): void;
  Activate(): void;
  AddComment(text?: string): WpsComment;
  ClearComments(): void;
  SpecialCells(type: number, value?: number): WpsRange;
}

export interface WpsWorksheet {
  Name: string;
  readonly Index: number;
  /** XL.sheetVisible (-1), sheetHidden (0), sheetVeryHidden (2). */
  Visible: number;
  readonly CodeName: string;
  readonly ProtectContents: boolean;
  readonly UsedRange: WpsRange;
  readonly Cells: WpsRange;
  readonly Parent: WpsWorkbook;
  Range(address: string): WpsRange;
  Activate(): void;
  Delete(): void;
  Protect(password?: string): void;
  Unprotect(password?: string): void;
}

export interface WpsSheets extends WpsCount {
  /** 1-based index or name (names compare without regard to case); throws when missing. */
  Item(indexOrName: number | string): WpsWorksheet;
  /** Sheets.Add(Before, After, Count, Type): the new sheet becomes the active one. */
  Add(before?: WpsWorksheet | null, after?: WpsWorksheet | null, count?: number, type?: number): WpsWorksheet;
}

export interface WpsWorkbook {
  readonly Name: string;
  readonly FullName: string;
  readonly Worksheets: WpsSheets;
  readonly Sheets: WpsSheets;
  readonly ProtectStructure: boolean;
  readonly Date1904: boolean;
  Saved: boolean;
  readonly Windows: WpsCount & { Item(i: number): { readonly Hwnd: number } };
  Activate(): void;
}

export interface WpsDebugTools {
  UndoTransBegin(workbook: WpsWorkbook, description?: string): void;
  UndoTransEnd(workbook: WpsWorkbook, cancelTrans?: boolean, description?: string): void;
}

/** Listener: a function, or the dotted name of a global function ("ribbon.OnBeforePrint"). */
export type WpsListener = ((...args: unknown[]) => unknown) | string;

export interface WpsApiEvent {
  /** Set true inside an asking event (WorkbookBeforePrint…) to cancel it, like `Cancel.Value = true`. */
  Cancel: boolean;
  AddApiEventListener(event: string, listener: WpsListener): void;
  RemoveApiEventListener(event: string, listener?: WpsListener): void;
}

export interface WpsPluginStorage {
  readonly length: number;
  setItem(key: string, value: string | number | boolean): void;
  getItem(key: string): string | number | boolean | null;
  removeItem(key: string): void;
  clear(): void;
  key(index: number): string | null;
}

export interface WpsTaskPane {
  readonly ID: number;
  Visible: boolean;
  DockPosition: number;
  Width: number;
  Height?: number;
  Navigate(url: string): void;
  Delete(): void;
}

export interface WpsApplication {
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ActiveSheet: WpsWorksheet | null;
  readonly ActiveCell: WpsRange | null;
  readonly Selection: WpsRange | null;
  ScreenUpdating: boolean;
  EnableEvents: boolean;
  DisplayAlerts: boolean;
  Calculation: number;
  /** Setting it fails while the user edits a cell, although Ready stays true (notes fact 17). */
  EditDirectlyInCell: boolean;
  readonly Ready: boolean;
  /** Absent on builds without it (notes §4). */
  readonly DebugTools?: WpsDebugTools;
  readonly ApiEvent: WpsApiEvent;
  readonly PluginStorage: WpsPluginStorage;
  Intersect(a: WpsRange, b: WpsRange): WpsRange | null;
  Undo(): void;
  /** Both spellings exist (notes §1.3): feature-detect. */
  CreateTaskPane?(url: string, title?: string): WpsTaskPane;
  CreateTaskpane?(url: string, title?: string): WpsTaskPane;
  GetTaskPane?(id: number): WpsTaskPane;
  GetTaskpane?(id: number): WpsTaskPane;
  ribbonUI?: unknown;
}
