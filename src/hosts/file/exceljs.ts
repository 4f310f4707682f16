/**
 * The one place that knows ExcelJS's insides (4.4.0, pinned in package.json; test/hosts/file/exceljs.test.ts
 * holds every assumption below to the installed version): how its Workbook class is loaded, the value
 * type numbers, and the private fields the reader reads for speed (rows, cells, value models, styles,
 * merges) and the XLSX members the parts loader calls. Nothing else in the project touches a private
 * field of ExcelJS.
 *
 * Loading: in Node the CLI installs a loader of `exceljs/lib/doc/workbook` (./node), required on first
 * use only (most reads never need ExcelJS: see ./fast); it skips the streaming reader and writer,
 * CSV's consumers and archiver that `require('exceljs')` also loads (about half of its start-up);
 * the browser fetches its prebuilt bundle on first use.
 */
import type ExcelJS from 'exceljs';

/** ExcelJS's ValueType numbers (lib/doc/enums.js). */
export const VALUE_TYPE = { Null: 0, Merge: 1, Number: 2, String: 3, Formula: 6 } as const;

export type WorkbookClass = new () => ExcelJS.Workbook;
let workbookClass: WorkbookClass | null = null;

/** Installs (or with null removes) the Workbook class to use (Node: the class alone, without ExcelJS's index). */
export function useWorkbookClass(c: WorkbookClass | null): void {
  workbookClass = c;
}

let workbookClassLoader: (() => WorkbookClass) | null = null;

/** Installs a synchronous loader of the Workbook class, called on first use (Node: a `require`). */
export function useWorkbookClassLoader(load: (() => WorkbookClass) | null): void {
  workbookClassLoader = load;
}

export async function newWorkbook(): Promise<ExcelJS.Workbook> {
  if (!workbookClass && workbookClassLoader) workbookClass = workbookClassLoader();
  if (!workbookClass) {
    const m = (await import('exceljs')) as unknown as { default?: typeof ExcelJS; Workbook?: WorkbookClass };
    workbookClass = (m.default?.Workbook ?? m.Workbook) as WorkbookClass;
  }
  return new workbookClass();
}

/** A row as ExcelJS keeps it. */
export interface RowInternals {
  _cells: (ExcelJS.Cell | undefined)[];
  number: number;
  style?: Partial<ExcelJS.Style>;
}
/** A cell's style and value model, read without the public getters (they dispatch over a dozen value classes). */
export interface CellModel {
  type?: number;
  value?: unknown;
  shareType?: string;
  ref?: string;
  /** A formula's cached result (the public value drops a result of 0, false or ""). */
  result?: unknown;
}
interface CellInternals {
  style?: Partial<ExcelJS.Style>;
  _value?: { model?: CellModel };
}
interface SheetInternals {
  _rows: (RowInternals | undefined)[];
  _columns?: ({ style?: Partial<ExcelJS.Style> } | undefined)[];
  _merges?: Record<string, { range: string } | undefined>;
  sheetProtection?: { sheet?: boolean };
}

export const rowsOf = (ws: ExcelJS.Worksheet): (RowInternals | undefined)[] => (ws as unknown as SheetInternals)._rows;
export const columnsOf = (ws: ExcelJS.Worksheet): SheetInternals['_columns'] => (ws as unknown as SheetInternals)._columns;
export const cellStyle = (cell: ExcelJS.Cell): Partial<ExcelJS.Style> | undefined => (cell as unknown as CellInternals).style;
export const cellModel = (cell: ExcelJS.Cell): CellModel | undefined => (cell as unknown as CellInternals)._value?.model;
export const isProtected = (ws: ExcelJS.Worksheet): boolean => !!(ws as unknown as SheetInternals).sheetProtection?.sheet;

/** Merged areas as A1 ranges, in ExcelJS's order (what `ws.model.merges` gives, without building the whole model). */
export function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const own = (ws as unknown as SheetInternals)._merges;
  if (!own || typeof own !== 'object') return ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
  const out: string[] = [];
  for (const key of Object.keys(own)) {
    const m = own[key];
    if (m) out.push(m.range);
  }
  return out;
}

/** The members of ExcelJS's XLSX class that its `load` uses, called by the parts loader (./parts). */
export interface XlsxInternals {
  parseRels(chunks: Iterable<string>): Promise<unknown>;
  parseWorkbook(chunks: Iterable<string>): Promise<Record<string, unknown>>;
  _processWorksheetEntry(chunks: Iterable<string>, model: object, sheetNo: string, options: object, path: string): Promise<void>;
  reconcile(model: object, options: object): void;
}

export const xlsxOf = (wb: ExcelJS.Workbook): XlsxInternals => wb.xlsx as unknown as XlsxInternals;

/** Gives a workbook the model the parts loader built (ExcelJS's `load` does the same at its end). */
export function setModel(wb: ExcelJS.Workbook, model: object): void {
  (wb as unknown as { model: unknown }).model = model;
}
