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
import { inspectWorkbook, takeStoredCopy } from './inspect';
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

function fillOf(cell: ExcelJS.Cell): string | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
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
  getCell(col: number): ExcelJS.Cell;
}
interface SheetInternals {
  _rows: (RowInternals | undefined)[];
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

const isValueCell = (cell: ExcelJS.Cell | undefined): cell is ExcelJS.Cell => !!cell && cell.type !== ExcelJS.ValueType.Null;

export function sheetFromExcelJS(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges = mergesOf(ws);
  const sheetRows = (ws as unknown as SheetInternals)._rows;
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
      // Like eachCell({ includeEmpty: true }): a gap becomes a cell carrying its row's or column's style.
      const cell = row._cells[j] ?? row.getCell(j + 1);
      numberFormats[i][j] = cell.numFmt || 'General';
      fills[i][j] = fillOf(cell);
      // Like Excel, only a merged area's top-left cell holds the value.
      if (cell.isMerged && cell.master !== cell) continue;
      const raw = cell.value;
      const value = plainValue(raw);
      values[i][j] = value;
      formulas[i][j] = formulaOf(cell, formulaText(raw));
      texts[i][j] = textOf(value, cell.numFmt);
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

/** Loads the bytes into an ExcelJS workbook after the safety gate; errors are HostErrors. */
export async function loadExcelJS(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  inspectWorkbook(bytes, true);
  // The parts the inspection inflated, repackaged uncompressed: JSZip then only slices them.
  const stored = takeStoredCopy(bytes) ?? bytes;
  const wb = new ExcelJS.Workbook();
  try {
    // Data validations are not needed here, and ExcelJS expands their ranges cell by cell.
    await wb.xlsx.load(stored as unknown as ArrayBuffer, { ignoreNodes: ['dataValidations'] } as object);
  } catch (e) {
    throw new HostError('unreadable', `the workbook could not be read (${short(e)})`, undefined, e);
  }
  return wb;
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
