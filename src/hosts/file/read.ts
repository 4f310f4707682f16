/**
 * Reads an .xlsx package into a WorkbookSnapshot: through the direct reader (./fast) when the parts
 * are in the plain form Excel, WPS, LibreOffice and ExcelJS write, else with ExcelJS (the same
 * snapshot: test/hosts/file/fast.test.ts). Values (cached formula results, dates as the serials the
 * cells hold in the workbook's date system, error values as text), formulas (every cell of an array
 * formula's or data table's range included), number formats, merges, solid fills, protection and
 * visibility. The bytes pass the inspect.ts safety gate first; rawparts.ts evens out
 * what ExcelJS reads differently from Excel; ExcelJS failures become HostErrors.
 */
import type ExcelJS from 'exceljs';
import { VALUE_TYPE as ValueType, cellModel, cellStyle, columnsOf, isProtected, mergesOf, newWorkbook, rowsOf } from './exceljs';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { excelEpochMs, formatNumber } from '../../core/numfmt';
import { columnName, parseRange } from '../../core/address';
import { HostError } from '../host';
import { inspectWorkbook, SNAPSHOT_PART, takeInflatedParts } from './inspect';
import { MAX_CELLS, MAX_ENTRY_UNCOMPRESSED_BYTES } from './limits';
import { addRefs, countCells, escapedCells, headOf, isDate1904, keepFormatEscapes, lacksRefs, mainPrefix, mayHoldEscapes, stripPrefix } from './rawparts';
import { sheetRefs } from './package';
import { readNames } from './names';
import { crc32, inflateEntry, readZip, storedZip, type ZipEntry } from './zip';
import { decodeEscapes, toBytes, toText } from './xml';
import { INDEXED_COLOURS } from './palette';
import { blankSheetArrays, sheetSnapshot, spreadFormulaRanges, type FormulaRange } from './sheetgrid';
import { fastSnapshot } from './fast';

/** The plain value of an ExcelJS cell value (a formula's cached result). No pair object per cell: this runs on every cell. */
function plainValue(v: ExcelJS.CellValue, epochMs: number): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  // ExcelJS turned the serial into a Date with `epochMs`: the same epoch gives the serial back.
  if (v instanceof Date) return (v.getTime() - epochMs) / 86400000;
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return String(o.error);
  if ('richText' in o && Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('formula' in o || 'sharedFormula' in o || 'shareType' in o) return plainValue((o.result ?? null) as ExcelJS.CellValue, epochMs);
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
  // A what-if data table (<f t="dataTable" ref r1 r2/>): Excel computes it and shows {=TABLE(r1,r2)}.
  if (o.shareType === 'dataTable') return '=TABLE()';
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

/** "#RRGGBB" for a plain solid colour, null for no fill, 'other' for any fill we could not write back exactly (snapshot.ts). */
function solidFill(fill: ExcelJS.Fill | undefined): string | null {
  if (!fill) return null;
  const f = fill as ExcelJS.FillPattern;
  if (f.type === 'pattern' && (f.pattern === 'none' || f.pattern === undefined)) return null;
  if (f.type !== 'pattern' || f.pattern !== 'solid') return OTHER_FILL;
  const c = f.fgColor as Partial<ExcelJS.Color> | undefined;
  // A theme colour (with or without tint) is not an RGB we could put back as it was.
  if (c && typeof c.argb !== 'string' && (c as { theme?: number }).theme !== undefined) return OTHER_FILL;
  return colourOf(c) ?? OTHER_FILL;
}

const OTHER_FILL = 'other';

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

function textOf(value: CellValue, numFmt: string | undefined, date1904: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value, numFmt, date1904 ? { date1904 } : undefined);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

const isValueCell = (cell: ExcelJS.Cell | undefined): cell is ExcelJS.Cell => !!cell && cell.type !== ValueType.Null;

/** What a sheet's snapshot needs beyond ExcelJS's model, found in the workbook's raw XML. */
export interface SheetReadOptions {
  /** ExcelJS converted date-formatted serials with the 1904 epoch (it read `date1904="1"`). */
  exceljs1904?: boolean;
  /** The workbook's date system is 1904 (`<workbookPr date1904>`): date texts count from 1904-01-01. */
  date1904?: boolean;
  /** A1 addresses of string cells whose text ExcelJS left with `_xHHHH_` escapes (see rawparts.ts). */
  escaped?: ReadonlySet<string>;
}


export function sheetFromExcelJS(ws: ExcelJS.Worksheet, options: SheetReadOptions = {}): SheetSnapshot {
  const epochMs = excelEpochMs(options.exceljs1904 ?? options.date1904);
  const date1904 = !!options.date1904;
  const escaped = options.escaped?.size ? options.escaped : null;
  const merges = mergesOf(ws);
  const sheetRows = rowsOf(ws);
  const columns = columnsOf(ws);
  // Rows holding a value (ExcelJS's eachRow), with the extent of their cells.
  let bottom = -1;
  let right = -1;
  for (const row of sheetRows) {
    if (!row) continue;
    // The last value cell, found from the end: one test for most rows instead of one per cell.
    let last = row._cells.length - 1;
    while (last >= 0 && !isValueCell(row._cells[last])) last--;
    if (last < 0) continue;
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
  // An empty position shows its row's style, else its column's (as ExcelJS gives a cell it creates there).
  const colFormat = (j: number): string => columns?.[j]?.style?.numFmt || 'General';
  const column = { format: colFormat, fill: (j: number): string | null => solidFill(columns?.[j]?.style?.fill) };
  const grid = blankSheetArrays(bottom + 1, right + 1, column);
  const { rows, cols, values, texts, formulas, numberFormats, fills } = grid;
  const ranges: FormulaRange[] = [];
  for (const row of sheetRows) {
    if (!row) continue;
    const i = row.number - 1;
    if (i >= rows) continue;
    const rowStyle = row.style;
    if (rowStyle && (rowStyle.numFmt || rowStyle.fill)) {
      for (let j = 0; j < cols; j++) {
        numberFormats[i][j] = rowStyle.numFmt || colFormat(j);
        fills[i][j] = solidFill(rowStyle.fill ?? columns?.[j]?.style?.fill);
      }
    }
    const n = Math.min(row._cells.length, cols);
    for (let j = 0; j < n; j++) {
      const cell = row._cells[j];
      // A gap keeps its row's or column's style, set above.
      if (!cell) continue;
      const style = cellStyle(cell);
      const numFmt = style?.numFmt;
      numberFormats[i][j] = numFmt || 'General';
      fills[i][j] = solidFill(style?.fill);
      // The value's model, read directly: the public getters dispatch over a dozen value classes on every cell.
      const model = cellModel(cell);
      const type = model?.type;
      if (type === ValueType.Number || type === ValueType.String) {
        let v = model!.value as number | string;
        if (escaped && typeof v === 'string' && escaped.has(columnName(j) + (i + 1))) v = decodeEscapes(v);
        values[i][j] = v;
        texts[i][j] = typeof v === 'number' ? textOf(v, numFmt, date1904) : v;
        continue;
      }
      if (type === ValueType.Null) continue;
      // Like Excel, only a merged area's top-left cell holds the value.
      if (type === ValueType.Merge) continue;
      const raw = cell.value;
      // A formula's cached result from its model: ExcelJS's public value leaves out a result of 0,
      // false or "" (FormulaValue._copyModel copies truthy fields only), where Excel shows 0, FALSE, "".
      let value = type === ValueType.Formula ? plainValue((model?.result ?? null) as ExcelJS.CellValue, epochMs) : plainValue(raw, epochMs);
      if (escaped && typeof value === 'string' && escaped.has(columnName(j) + (i + 1))) value = decodeEscapes(value);
      values[i][j] = value;
      const formula = formulaOf(cell, formulaText(raw));
      formulas[i][j] = formula;
      texts[i][j] = textOf(value, numFmt, date1904);
      // ExcelJS gives the other cells of an array formula's or data table's range as plain values.
      const share = model?.shareType;
      if (formula && (share === 'array' || share === 'dataTable') && model?.ref) {
        const range = parseRange(model.ref);
        if (range) ranges.push({ range, formula });
      }
    }
  }
  spreadFormulaRanges(grid, ranges, column);
  return sheetSnapshot(grid, { name: ws.name, merges, protected: isProtected(ws), visibility: (ws.state as SheetSnapshot['visibility']) ?? 'visible', date1904 });
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
const WORKSHEET_PART = /^\/?xl\/worksheets\/sheet\d+\.xml$/;
const STYLES_PART = /^\/?xl\/styles\.xml$/;

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

/** The snapshot's parts, inflated: those the inspection kept, else inflated here (capped like every inflate). */
interface SnapshotParts {
  entries: ZipEntry[];
  parts: Uint8Array[];
}

function snapshotParts(bytes: Uint8Array): SnapshotParts {
  const kept = takeInflatedParts(bytes, (name) => SNAPSHOT_PART.test(name));
  if (kept) return { entries: kept.entries.slice(), parts: kept.parts.slice() };
  const out: SnapshotParts = { entries: [], parts: [] };
  for (const e of readZip(bytes).entries) {
    if (!SNAPSHOT_PART.test(e.name)) continue;
    out.entries.push(e);
    out.parts.push(inflateEntry(bytes, e, MAX_ENTRY_UNCOMPRESSED_BYTES));
  }
  return out;
}

const NOT_EXCEL_FORM =
  "its XML is not in the form Excel writes (cells or rows without their address, or unusual element names); open it in Excel or WPS and save it again as .xlsx";

/** Replaces part i's text (and its CRC, for the stored zip). */
function replacePart(p: SnapshotParts, i: number, text: string): void {
  const data = toBytes(text);
  p.parts[i] = data;
  p.entries[i] = { ...p.entries[i], crc: crc32(data), size: data.length };
}

/**
 * Evens out what ExcelJS reads differently from Excel (see rawparts.ts): prefixed elements now,
 * missing `r` attributes when `refs` (after ExcelJS failed on them). True when a part changed.
 */
function normalizeParts(p: SnapshotParts, baseCells: number, refs: boolean): boolean {
  let changed = false;
  let extraCells = 0;
  p.parts.forEach((data, i) => {
    const prefix = mainPrefix(headOf(data));
    const isSheet = WORKSHEET_PART.test(p.entries[i].name);
    const escapes = !refs && STYLES_PART.test(p.entries[i].name) && data.includes(0x5c);
    if (!prefix && !(refs && isSheet) && !escapes) return;
    let text = toText(data);
    const before = text;
    if (escapes) text = keepFormatEscapes(text);
    if (prefix) {
      text = stripPrefix(text, prefix);
      // The inspection counted `<c` only: the prefixed cells count against the limit too.
      if (isSheet) extraCells += countCells(text);
    }
    if (refs && isSheet && lacksRefs(text)) text = addRefs(text);
    if (text !== before) {
      replacePart(p, i, text);
      changed = true;
    }
  });
  if (baseCells + extraCells > MAX_CELLS) {
    throw new HostError('too-large', `the workbook has more than ${MAX_CELLS.toLocaleString('en-US')} cells`);
  }
  return changed;
}

async function excelJSFrom(p: SnapshotParts): Promise<ExcelJS.Workbook> {
  const options = { ignoreNodes: IGNORED_NODES };
  if (partsLoader) return partsLoader(p.entries.map((e, i) => ({ name: e.name, data: p.parts[i] })), options);
  const wb = await newWorkbook();
  // Repackaged uncompressed, JSZip only slices them.
  await wb.xlsx.load(storedZip(p.entries, p.parts) as unknown as ArrayBuffer, options as object);
  return wb;
}

/** An ExcelJS workbook and what the raw parts tell about it. */
interface Loaded {
  wb: ExcelJS.Workbook;
  /** Per sheet name, the string cells ExcelJS left with `_xHHHH_` escapes. */
  escaped: Map<string, Set<string>>;
  date1904: boolean;
  /** Our defined names (names.ts). */
  names: NonNullable<WorkbookSnapshot['names']>;
}

/** The safety gate, then the parts it inflated (ExcelJS and the fast reader need not unzip them again). */
function gatedParts(data: ArrayBuffer | Uint8Array): { p: SnapshotParts; cells: number } {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const { cells } = inspectWorkbook(bytes, true);
  return { p: snapshotParts(bytes), cells };
}

async function loadWorkbook(data: ArrayBuffer | Uint8Array, gated = gatedParts(data)): Promise<Loaded> {
  const { p, cells } = gated;
  normalizeParts(p, cells, false);
  let wb: ExcelJS.Workbook;
  try {
    wb = await excelJSFrom(p);
  } catch (e) {
    // ExcelJS needs the `r` that Excel may leave out: written out, one more try.
    if (!normalizeParts(p, cells, true)) throw new HostError('unreadable', `the workbook could not be read (${short(e)})`, undefined, e);
    try {
      wb = await excelJSFrom(p);
    } catch (e2) {
      throw new HostError('unreadable', `the workbook could not be read: ${NOT_EXCEL_FORM} (${short(e2)})`, undefined, e2);
    }
  }
  const text = (name: string): string => {
    const i = p.entries.findIndex((e) => e.name.replace(/^\//, '') === name);
    return i < 0 ? '' : toText(p.parts[i]);
  };
  const workbookXml = text('xl/workbook.xml');
  const escaped = new Map<string, Set<string>>();
  const sheets = p.entries.some((e, i) => WORKSHEET_PART.test(e.name) && mayHoldEscapes(p.parts[i]))
    ? sheetRefs(workbookXml, text('xl/_rels/workbook.xml.rels'))
    : [];
  for (const { name, part } of sheets) {
    const i = p.entries.findIndex((e) => e.name.replace(/^\//, '') === part);
    if (i < 0 || !mayHoldEscapes(p.parts[i])) continue;
    const set = escapedCells(toText(p.parts[i]));
    if (set.size) escaped.set(name, set);
  }
  return { wb, escaped, date1904: isDate1904(workbookXml), names: readNames(workbookXml) };
}

/** Loads the bytes into an ExcelJS workbook after the safety gate, for reading only; errors are HostErrors. */
export async function loadExcelJS(data: ArrayBuffer | Uint8Array): Promise<ExcelJS.Workbook> {
  return (await loadWorkbook(data)).wb;
}

/** The parts by name without a leading slash, for the fast reader. */
function partMap(p: SnapshotParts): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  p.entries.forEach((e, i) => out.set(e.name[0] === '/' ? e.name.slice(1) : e.name, p.parts[i]));
  return out;
}

/** Whether the direct reader is tried first (tests turn it off to get the ExcelJS route). */
let fastFirst = true;
export function useFastReader(on: boolean): void {
  fastFirst = on;
}

export async function snapshotFromBuffer(data: ArrayBuffer | Uint8Array, name?: string): Promise<WorkbookSnapshot> {
  const gated = gatedParts(data);
  if (fastFirst) {
    try {
      return fastSnapshot(partMap(gated.p), name);
    } catch {
      // NotSimple (or a part it misread): ExcelJS reads the same parts, and reports what is wrong.
    }
  }
  const { wb, escaped, date1904, names } = await loadWorkbook(data, gated);
  const exceljs1904 = !!(wb.properties as { date1904?: boolean } | undefined)?.date1904;
  const sheets: SheetSnapshot[] = [];
  try {
    wb.eachSheet((ws) => sheets.push(sheetFromExcelJS(ws, { exceljs1904, date1904, escaped: escaped.get(ws.name) })));
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('unreadable', `the workbook could not be read (${short(e)})`, undefined, e);
  }
  return { name, sheets, names };
}
