/**
 * Reads an .xlsx package into a WorkbookSnapshot with ExcelJS: values (cached formula results, dates
 * as serials, error values as text), formulas, number formats, merges, solid fills, protection and
 * visibility. The bytes pass the inspect.ts safety gate first; ExcelJS failures become HostErrors.
 */
import ExcelJS from 'exceljs';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { EXCEL_EPOCH_MS, formatNumber } from '../../core/numfmt';
import { parseRange } from '../../core/address';
import { HostError } from '../host';
import { inspectWorkbook, takeInflatedParts } from './inspect';
import { storedZip } from './zip';
import { INDEXED_COLOURS } from './palette';

function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86400000;
}

/** The plain value of an ExcelJS cell value (a formula's cached result). No pair object per cell: this runs on every cell. */
function plainValue(v: ExcelJS.CellValue): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v);
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return String(o.error);
  if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o) return plainValue((o.result ?? null) as ExcelJS.CellValue);
  if ('text' in o) return String(o.text);
  return null;
}

/** "=" + the formula of a formula value, else null (the same tests, in the same order, as plainValue). */
function formulaText(v: ExcelJS.CellValue): string | null {
  if (v === null || typeof v !== 'object' || v instanceof Date) return null;
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return null;
  if ('richText' in o && Array.isArray(o.richText)) return null;
  if ('formula' in o || 'sharedFormula' in o) return '=' + String(o.formula ?? o.sharedFormula ?? '');
  return null;
}

/** "#RRGGBB" of an ExcelJS colour given as argb or a legacy palette index; theme colours give null. */
function colourOf(c: Partial<ExcelJS.Color> | undefined): string | null {
  if (!c) return null;
  if (typeof c.argb === 'string' && /^[0-9A-Fa-f]{6,8}$/.test(c.argb)) return '#' + c.argb.slice(-6).toUpperCase();
  const indexed = (c as { indexed?: number }).indexed;
  if (typeof indexed === 'number' && INDEXED_COLOURS[indexed]) return INDEXED_COLOURS[indexed];
  return null;
}

function solidFill(fill: ExcelJS.Fill | undefined): string | null {
  const f = fill as ExcelJS.FillPattern | undefined;
  if (!f || f.type !== 'pattern' || f.pattern !== 'solid') return null;
  return colourOf(f.fgColor);
}

/** The formula text of a cell, with shared formulas translated to this cell. */
function formulaOf(cell: ExcelJS.Cell, fallback: string | null): string | null {
  if (fallback === null) return null;
  try {
    const f = cell.formula;
    return f ? '=' + f : fallback;
  } catch {
    return fallback;
  }
}

function textOf(value: CellValue, numFmt: string | undefined): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value, numFmt);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/** ExcelJS internals read directly: the public iterators and `ws.model` rebuild far more than a read needs. */
interface RowInternals {
  _cells: (ExcelJS.Cell | undefined)[];
  number: number;
  style?: Partial<ExcelJS.Style>;
}
interface CellInternals {
  style?: Partial<ExcelJS.Style>;
  _value?: { model?: { type?: number; value?: unknown } };
}
const { ValueType } = ExcelJS;
interface SheetInternals {
  _rows: (RowInternals | undefined)[];
  _columns?: ({ style?: Partial<ExcelJS.Style> } | undefined)[];
  _merges?: Record<string, { range: string } | undefined>;
}

/** Merged areas as A1 ranges, in ExcelJS's order (what `ws.model.merges` gives, without building the whole model). */
function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const own = (ws as unknown as SheetInternals)._merges;
  if (!own || typeof own !== 'object') return ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
  const out: string[] = [];
  for (const key of Object.keys(own)) {
    const m = own[key];
    if (m) out.push(m.range);
  }
  return out;
}

const isValueCell = (cell: ExcelJS.Cell | undefined): cell is ExcelJS.Cell => !!cell && cell.type !== ValueType.Null;

export function sheetFromExcelJS(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges = mergesOf(ws);
  const sheetRows = (ws as unknown as SheetInternals)._rows;
  const columns = (ws as unknown as SheetInternals)._columns;
  // Rows holding a value (ExcelJS's eachRow), with the extent of their cells.
  const valueRows: RowInternals[] = [];
  let bottom = -1;
  let right = -1;
  for (const row of sheetRows) {
    if (!row) continue;
    // The last value cell, found from the end: one test for most rows instead of one per cell.
    let last = row._cells.length - 1;
    while (last >= 0 && !isValueCell(row._cells[last])) last--;
    if (last < 0) continue;
    valueRows.push(row);
    bottom = Math.max(bottom, row.number - 1);
    right = Math.max(right, last);
  }
  for (const m of merges) {
    const rr = parseRange(m);
    if (rr) {
      bottom = Math.max(bottom, rr.bottom);
      right = Math.max(right, rr.right);
    }
  }
  const rows = bottom + 1;
  const cols = right + 1;
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  const fills: (string | null)[][] = [];
  // Every row starts as a copy of a blank row: slice() of a filled array is a block copy, cheaper than fill() per row.
  const blankNulls = new Array<null>(cols).fill(null);
  const blankTexts = new Array<string>(cols).fill('');
  const blankFormats = new Array<string>(cols).fill('General');
  for (let r = 0; r < rows; r++) {
    values.push(blankNulls.slice());
    texts.push(blankTexts.slice());
    formulas.push(blankNulls.slice());
    numberFormats.push(blankFormats.slice());
    fills.push(blankNulls.slice());
  }
  for (const row of valueRows) {
    const i = row.number - 1;
    if (i >= rows) continue;
    const n = Math.min(row._cells.length, cols);
    for (let j = 0; j < n; j++) {
      const cell = row._cells[j];
      if (!cell) {
        // A gap: empty, with its row's or else its column's style, as ExcelJS would give a cell it created there.
        const rowStyle = row.style;
        const colStyle = columns?.[j]?.style;
        numberFormats[i][j] = rowStyle?.numFmt || colStyle?.numFmt || 'General';
        fills[i][j] = solidFill(rowStyle?.fill ?? colStyle?.fill);
        continue;
      }
      const style = (cell as unknown as CellInternals).style;
      const numFmt = style?.numFmt;
      numberFormats[i][j] = numFmt || 'General';
      fills[i][j] = solidFill(style?.fill);
      // The value's model, read directly: the public getters dispatch over a dozen value classes on every cell.
      const model = (cell as unknown as CellInternals)._value?.model;
      const type = model?.type;
      if (type === ValueType.Number || type === ValueType.String) {
        const v = model!.value as number | string;
        values[i][j] = v;
        texts[i][j] = typeof v === 'number' ? textOf(v, numFmt) : v;
        continue;
      }
      if (type === ValueType.Null) continue;
      // Like Excel, only a merged area's top-left cell holds the value.
      if (type === ValueType.Merge) continue;
      const raw = cell.value;
      const value = plainValue(raw);
      values[i][j] = value;
      formulas[i][j] = formulaOf(cell, formulaText(raw));
      texts[i][j] = textOf(value, numFmt);
    }
  }
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return {
    name: ws.name,
    top: 0,
    left: 0,
    values,
    texts,
    formulas,
    numberFormats,
    merges,
    fills,
    protected: !!protection?.sheet,
    visibility: (ws.state as SheetSnapshot['visibility']) ?? 'visible',
  };
}

function short(e: unknown): string {
  const m = e instanceof Error ? e.message : String(e);
  const line = m.split('\n')[0].trim();
  return line.length > 120 ? line.slice(0, 117) + '...' : line;
}

/**
 * The parts a snapshot is read from, named as ExcelJS matches them. ExcelJS decodes every other part
 * too (themes, docProps, calcChain, charts, printer settings …) only to drop or keep it for saving,
 * which a read never does; comments and drawings reach it through the sheets' rels, left out too.
 */
const SNAPSHOT_PART = /^\/?xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml)$/;

/**
 * Worksheet elements a snapshot has no use for, skipped by ExcelJS's parser (it expands data
 * validations cell by cell, and drawings and hyperlinks would need the rels left out above).
 * Kept: sheetData, cols (styles of empty cells), mergeCells, sheetProtection.
 */
const IGNORED_NODES = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'autoFilter', 'rowBreaks', 'hyperlinks', 'pageMargins',
  'dataValidations', 'pageSetup', 'headerFooter', 'printOptions', 'picture', 'drawing', 'tableParts',
  'conditionalFormatting', 'extLst',
];

/** Builds a workbook from inflated parts with ExcelJS's parsers, skipping its zip layer (see ./parts, Node only). */
export type PartsLoader = (parts: { name: string; data: Uint8Array }[], options: { ignoreNodes: string[] }) => Promise<ExcelJS.Workbook>;
let partsLoader: PartsLoader | null = null;

/** Installs (or with null removes) the parts loader; without one, ExcelJS loads a stored zip of the parts (the browser). */
export function usePartsLoader(f: PartsLoader | null): void {
  partsLoader = f;
}

/** Loads the bytes into an ExcelJS workbook after the safety gate, for reading only; errors are HostErrors. */
export async function loadExcelJS(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  inspectWorkbook(bytes, true);
  // The parts the inspection inflated: ExcelJS need not unzip them again.
  const kept = takeInflatedParts(bytes, (name) => SNAPSHOT_PART.test(name));
  const options = { ignoreNodes: IGNORED_NODES };
  try {
    if (kept && partsLoader) return await partsLoader(kept.entries.map((e, i) => ({ name: e.name, data: kept.parts[i] })), options);
    const wb = new ExcelJS.Workbook();
    // Repackaged uncompressed, JSZip only slices them.
    await wb.xlsx.load((kept ? storedZip(kept.entries, kept.parts) : bytes) as unknown as ArrayBuffer, options as object);
    return wb;
  } catch (e) {
    throw new HostError('unreadable', `the workbook could not be read (${short(e)})`, undefined, e);
  }
}

export async function snapshotFromBuffer(data: ArrayBuffer | Uint8Array, name?: string): Promise<WorkbookSnapshot> {
  const wb = await loadExcelJS(data);
  const sheets: SheetSnapshot[] = [];
  try {
    wb.eachSheet((ws) => sheets.push(sheetFromExcelJS(ws)));
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('unreadable', `the workbook could not be read (${short(e)})`, undefined, e);
  }
  return { name, sheets };
}
