/**
 * One worksheet part straight into a SheetSnapshot, giving what read.ts's sheetFromExcelJS gives for
 * the workbook ExcelJS 4.4.0 builds (lib/xlsx/xform/sheet/cell-xform.js parse and reconcile,
 * lib/doc/{row,cell,worksheet}.js): a `<c>` with neither a value nor a style index is not a cell;
 * a cell's style is its own `s` (none for 0), an empty position's is its row's, else its column's;
 * merged areas keep only their top-left value; the extent runs to the last cell with a value or
 * formula and the last merged cell; date-formatted serials take ExcelJS's millisecond round trip.
 */
import type { CellValue, SheetSnapshot } from '../../../core/snapshot';
import { excelEpochMs, formatNumber } from '../../../core/numfmt';
import { parseRange, type RangeRef } from '../../../core/address';
import { decodeEscapes, hasEscape } from '../xml';
import { NO_STYLE, type CellStyle } from './styles';
import { slideFormula } from './formula';
import { stringBody, runText } from './strings';
import type { SheetEntry } from './workbook';
import { blankSheetArrays, sheetSnapshot, spreadFormulaRanges, type FormulaRange } from '../sheetgrid';
import { attrIn, attrOf, attrsOf, bail, checkPlain, elementBody, innerOf, isNameEnd, isRegular, openTag, quickAttr, textOf, type Tag } from './scan';

export interface SheetContext {
  strings: readonly string[] | undefined;
  styles: readonly CellStyle[];
  exceljs1904: boolean;
  date1904: boolean;
}

/** ExcelJS's utils.isDateFmt. */
function isDateFmtUncached(fmt: string): boolean {
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** isDateFmt's answers by format code: a workbook has a few codes, its cells ask for them again and again. */
const datedFormats = new Map<string, boolean>();

function isDateFmt(fmt: string | undefined): boolean {
  if (!fmt) return false;
  let dated = datedFormats.get(fmt);
  if (dated === undefined) {
    if (datedFormats.size >= 256) datedFormats.clear(); // bounded over an audit of many workbooks
    dated = isDateFmtUncached(fmt);
    datedFormats.set(fmt, dated);
  }
  return dated;
}

/** A serial through ExcelJS's excelToDate and read.ts's way back (the same float steps). */
function dateRoundTrip(v: number, exceljs1904: boolean): number {
  const ms = Math.round((v - 25569 + (exceljs1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return (new Date(ms).getTime() - excelEpochMs(exceljs1904)) / 86400000;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?Z?)?$/;

/**
 * A `t="d"` value (an ISO 8601 date, written by strict-OOXML writers) as the serial Excel shows in the
 * workbook's date system. ExcelJS reads it with parseFloat ("2023-12-31" → 2023), which is wrong:
 * test/hosts/file/fast.test.ts shows the difference. Dates before 1900-03-01 (the 1900 leap-year
 * bug) and other forms go to ExcelJS.
 */
function isoSerial(text: string, date1904: boolean): number {
  const m = ISO_DATE.exec(text.trim());
  if (!m) bail(`t="d" value ${text}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), 0) + Number(m[6] ?? 0) * 1000;
  if (!(ms >= Date.UTC(date1904 ? 1904 : 1900, date1904 ? 0 : 2, 1))) bail('a t="d" date before the date system');
  return (ms - excelEpochMs(date1904)) / 86400000;
}

function styleAt(styles: readonly CellStyle[], s: string | undefined): CellStyle {
  if (!s) return NO_STYLE;
  const id = parseInt(s, 10);
  return (id && styles[id]) || NO_STYLE;
}

const CELL_REF = /^([A-Z]{1,3})([1-9]\d{0,6})$/;
const MERGE_REF = /^([A-Z]{1,3})([1-9]\d{0,6}):([A-Z]{1,3})([1-9]\d{0,6})$/;
const MAX_COLS = 16384;
const MAX_ROWS = 1048576;

function colNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

/** A `<c>` ExcelJS makes a cell of, before merges. */
interface Cell {
  row: number; // 0-based
  col: number;
  style: CellStyle;
  /** It holds a value or a formula (ExcelJS: any type but Null). */
  filled: boolean;
  value: CellValue;
  /** The formula as the snapshot gives it ("=…"), or null. */
  formula: string | null;
  /** The range an array formula or a data table computes. */
  range: string | undefined;
  /** Its `<f>` text (a shared formula's master needs it). */
  ownFormula: string | undefined;
  /** A shared formula's master: the `si` whose cells slide this cell's formula. */
  sharedSi: string | undefined;
  /** A shared formula's other cell: the `si` of its master. */
  slaveSi: string | undefined;
}

interface Row {
  index: number;
  style: CellStyle;
  cells: Cell[];
}

/** The first `<name>` child in a cell's content: its attribute text and its text ("" when empty). */
function child(content: string, name: string): [attrs: string, text: string] | null {
  if (!content.includes('<' + name)) return null;
  const tag = openTag(content, name, 0);
  return tag ? [tag.attrs, innerOf(content, name, tag).text] : null;
}

/** An inline string's plain `<t>`: ExcelJS leaves escapes in, read.ts decodes them (any hex case). */
function inlinePlain(raw: string): string {
  const s = textOf(raw);
  return hasEscape(s) ? decodeEscapes(s) : s;
}

/** The cell ExcelJS makes of one `<c>` (undefined when it makes none), from its start tag's attribute text. */
function readCell(attrs: string, content: string, rowNumber: number, lastCol: number, ctx: SheetContext): Cell | undefined {
  let r: string | undefined;
  let sAttr: string | undefined;
  let t: string | undefined;
  if (isRegular(attrs)) {
    r = quickAttr(attrs, 'r');
    sAttr = quickAttr(attrs, 's');
    t = quickAttr(attrs, 't');
  } else {
    const a = attrsOf(attrs);
    [r, sAttr, t] = [a.r, a.s, a.t];
  }
  const ref = r === undefined ? null : CELL_REF.exec(r);
  if (!ref) bail('a cell without a plain address');
  const col = colNumber(ref[1]) - 1;
  if (Number(ref[2]) !== rowNumber || col <= lastCol || col >= MAX_COLS) bail('cells out of order');
  const f = content ? child(content, 'f') : null;
  const v = content ? child(content, 'v') : null;
  const is = content ? child(content, 'is') : null;
  return cellOf(rowNumber, col, styleId(sAttr), t, f, v !== null, v?.[1], is, ctx);
}

/**
 * The cell ExcelJS makes of a `<c>` at (rowNumber, col) with style index sId (styleId of its `s`), type
 * t, children `<f>` and `<is>` ([attribute text, text]), and a `<v>` when hasV (vRaw its text).
 */
function cellOf(
  rowNumber: number, col: number, sId: number, t: string | undefined,
  f: [string, string] | null, hasV: boolean, vRaw: string | undefined, is: [string, string] | null, ctx: SheetContext,
): Cell | undefined {
  const style = (sId && ctx.styles[sId]) || NO_STYLE;
  const cell: Cell = { row: rowNumber - 1, col, style, filled: false, value: null, formula: null, range: undefined, ownFormula: undefined, sharedSi: undefined, slaveSi: undefined };
  if (hasV && is) bail('<v> and <is> in one cell');
  const dated = isDateFmt(style.numFmt);
  const vText = vRaw ? textOf(vRaw) : undefined;
  if (f) {
    const fa = attrsOf(f[0]);
    const text = f[1] ? textOf(f[1]) : undefined;
    const share = fa.t || undefined;
    if (text || share) {
      if (is || t === 's' || t === 'inlineStr') bail('formula with a string index or an inline string');
      cell.filled = true;
      let result: CellValue | undefined;
      if (vText !== undefined) {
        if (t === 'str') result = strValue(vText);
        else if (t === 'b') result = parseInt(vText, 10) !== 0;
        else if (t === 'e') result = vText;
        else if (t === undefined || t === 'n') result = parseFloat(vText);
        else if (t === 'd') result = isoSerial(vText, ctx.date1904);
        else bail(`formula result of type ${t}`);
      }
      if (result !== undefined && dated && t !== 'd') {
        if (typeof result !== 'number') bail('a date-formatted text result');
        result = dateRoundTrip(result, ctx.exceljs1904);
      }
      cell.value = result ?? null;
      cell.ownFormula = text;
      if (share === 'shared') {
        if (fa.ref) cell.sharedSi = fa.si;
        else cell.slaveSi = fa.si;
      }
      if (text) cell.formula = '=' + text;
      else if (share === 'dataTable') cell.formula = '=TABLE()'; // what Excel shows: {=TABLE(r1,r2)}
      if (cell.formula && (share === 'array' || share === 'dataTable') && fa.ref) cell.range = fa.ref;
      return cell;
    }
  }
  if (is) {
    if (t !== 'inlineStr') bail('an inline string in a cell not typed inlineStr');
    if (is[1].includes('<rPh')) bail('phonetic runs in an inline string'); // ExcelJS adds their text
    const s = is[1] ? stringBody(is[1], inlinePlain) : undefined;
    // An empty plain <t> gives ExcelJS no text event, hence no value (rich runs always make one).
    if (s === undefined || (s === '' && !openTag(is[1], 'r', 0))) return sId ? cell : undefined;
    cell.filled = true;
    cell.value = s;
    return cell;
  }
  if (vText === undefined) {
    // No value: a cell only when it has a style (ExcelJS's Null type); else ExcelJS makes none.
    return sId ? cell : undefined;
  }
  cell.filled = true;
  if (t === 's') {
    const s = ctx.strings?.[parseInt(vText, 10)];
    if (s === undefined) bail('a shared string index out of range');
    cell.value = s;
  } else if (t === 'str') cell.value = strValue(vText);
  else if (t === 'inlineStr') cell.value = vText;
  else if (t === 'b') cell.value = parseInt(vText, 10) !== 0;
  else if (t === 'e') cell.value = vText;
  else if (t === undefined || t === 'n') {
    const n = parseFloat(vText);
    cell.value = dated ? dateRoundTrip(n, ctx.exceljs1904) : n;
  } else if (t === 'd') cell.value = isoSerial(vText, ctx.date1904);
  else bail(`cell type ${t}`);
  return cell;
}

/** A `t="str"` text: ExcelJS decodes entities a second time (left to it), read.ts the escapes. */
function strValue(s: string): string {
  if (s.includes('&')) bail('an entity in a t="str" value');
  return hasEscape(s) ? decodeEscapes(s) : s;
}

/** Column styles by 0-based column, as ExcelJS's Column.fromModel lays `<col min max style>` out. */
function columnStyles(xml: string, ctx: SheetContext): CellStyle[] {
  const cols = elementBody(xml, 'cols');
  if (!cols) return [];
  const defs: { min: number; max: number; style: CellStyle }[] = [];
  const regular = isRegular(cols.body);
  for (let tag = openTag(cols.body, 'col', 0); tag; tag = openTag(cols.body, 'col', tag.end)) {
    const min = attrIn(tag.attrs, 'min', regular);
    const max = attrIn(tag.attrs, 'max', regular);
    defs.push({ min: parseInt(min || '0', 10), max: parseInt(max || '0', 10), style: styleAt(ctx.styles, attrIn(tag.attrs, 'style', regular)) });
  }
  defs.sort((p, q) => p.min - q.min);
  const out: CellStyle[] = [];
  let count = 1;
  for (const d of defs) {
    if (!(d.max <= MAX_COLS)) bail('column range');
    while (count < d.min) {
      out.push(NO_STYLE);
      count++;
    }
    while (count <= d.max) {
      out.push(d.style);
      count++;
    }
  }
  return out;
}

function mergesOf(xml: string, from: number, regular: boolean): { ranges: string[]; refs: RangeRef[] } {
  const ranges: string[] = [];
  const refs: RangeRef[] = [];
  for (let tag = openTag(xml, 'mergeCell', from); tag; tag = openTag(xml, 'mergeCell', tag.end)) {
    const ref = attrIn(tag.attrs, 'ref', regular) ?? '';
    const p = MERGE_REF.exec(ref);
    if (!p) bail(`merge ${ref}`);
    const r: RangeRef = { top: Number(p[2]) - 1, left: colNumber(p[1]) - 1, bottom: Number(p[4]) - 1, right: colNumber(p[3]) - 1 };
    if (r.top > r.bottom || r.left > r.right || r.right >= MAX_COLS || r.bottom >= MAX_ROWS) bail(`merge ${ref}`);
    // ExcelJS refuses overlapping merges; the full parser reports it.
    for (const o of refs) if (r.top <= o.bottom && o.top <= r.bottom && r.left <= o.right && o.left <= r.right) bail('overlapping merges');
    ranges.push(ref);
    refs.push(r);
  }
  return { ranges, refs };
}

/** A cell's style index as readCell used its `s`: 0 (no style) when absent or "", else parseInt's answer (NaN counts as none). */
function styleId(sAttr: string | undefined): number {
  return sAttr ? parseInt(sAttr, 10) : 0;
}

/** styleId of the attribute value xml[from, to): digits read in place, anything else through parseInt. */
function digitsOrParse(xml: string, from: number, to: number): number {
  if (to === from) return 0;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i);
    if (c < 48 || c > 57 || i - from > 8) return parseInt(xml.slice(from, to), 10);
    n = n * 10 + c - 48;
  }
  return n;
}

/** The one-letter cell types as constants (no string made per cell). */
function oneLetterType(c: number): string | undefined {
  return c === 115 ? 's' : c === 110 ? 'n' : c === 98 ? 'b' : c === 101 ? 'e' : c === 100 ? 'd' : undefined;
}

/** Where the next `<c` start tag is, at or after `from` and before `to` (-1 when none). */
function nextCell(xml: string, from: number, to: number): number {
  for (let at = xml.indexOf('<c', from); at >= 0 && at < to; at = xml.indexOf('<c', at + 2)) {
    if (isNameEnd(xml.charCodeAt(at + 2))) return at;
  }
  return -1;
}

/** What scanCell read: one object for every cell (no per-cell allocations but the strings kept). */
const scanned = { row: 0, col: 0, sId: 0, t: undefined as string | undefined, vRaw: undefined as string | undefined, end: 0 };

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57) || c === 46 || c === 58 || c === 45;

/**
 * Reads the `<c>` at `at` in place when it is written the usual way: attributes as ` name="value"`
 * (values without markup, entities or line ends, r/s/t once each), a plain address, and no content
 * or just `<v>text</v>`. Fills `scanned` and returns true; false leaves the cell to the general path
 * (openTag, readCell), which gives the same answer or bails.
 */
function scanCell(xml: string, at: number, to: number): boolean {
  let i = at + 2;
  let row = -1;
  let col = -1;
  let sId = 0;
  let hasS = false;
  let t: string | undefined;
  let end: number;
  let empty: boolean;
  for (;;) {
    const c = xml.charCodeAt(i);
    if (c === 62) {
      empty = false;
      end = i + 1;
      break;
    }
    if (c === 47) {
      if (xml.charCodeAt(i + 1) !== 62) return false;
      empty = true;
      end = i + 2;
      break;
    }
    if (c !== 32 || !isNameStart(xml.charCodeAt(i + 1))) return false;
    const nameAt = i + 1;
    let j = nameAt + 1;
    while (isNameChar(xml.charCodeAt(j))) j++;
    if (xml.charCodeAt(j) !== 61 || xml.charCodeAt(j + 1) !== 34) return false;
    const valueAt = j + 2;
    const q = xml.indexOf('"', valueAt);
    if (q < 0 || q >= to) return false;
    for (let k = valueAt; k < q; k++) {
      const v = xml.charCodeAt(k);
      if (v === 60 || v === 62 || v === 38 || v === 9 || v === 10 || v === 13) return false;
    }
    if (j === nameAt + 1) {
      const name = xml.charCodeAt(nameAt);
      if (name === 114) {
        // r: [A-Z]{1,3}[1-9]\d{0,6}, as CELL_REF
        if (row >= 0) return false;
        let k = valueAt;
        col = 0;
        while (k < q && k - valueAt < 3 && xml.charCodeAt(k) >= 65 && xml.charCodeAt(k) <= 90) col = col * 26 + xml.charCodeAt(k++) - 64;
        const digitsAt = k;
        if (k === valueAt || xml.charCodeAt(k) < 49 || xml.charCodeAt(k) > 57) return false;
        row = 0;
        while (k < q && k - digitsAt < 7 && xml.charCodeAt(k) >= 48 && xml.charCodeAt(k) <= 57) row = row * 10 + xml.charCodeAt(k++) - 48;
        if (k !== q) return false;
        col -= 1;
      } else if (name === 115) {
        if (hasS) return false;
        hasS = true;
        sId = digitsOrParse(xml, valueAt, q);
      } else if (name === 116) {
        if (t !== undefined) return false;
        t = q === valueAt + 1 ? oneLetterType(xml.charCodeAt(valueAt)) ?? xml.slice(valueAt, q) : xml.slice(valueAt, q);
      }
    }
    i = q + 1;
  }
  if (row < 0) return false;
  let vRaw: string | undefined;
  if (!empty) {
    const close = xml.indexOf('</c>', end);
    if (close < 0 || close >= to) return false;
    if (close > end) {
      // Just <v>text</v>, else the general path.
      if (!xml.startsWith('<v>', end)) return false;
      const vEnd = xml.indexOf('<', end + 3);
      if (vEnd !== close - 4 || !xml.startsWith('</v>', vEnd)) return false;
      vRaw = xml.slice(end + 3, vEnd);
    }
    end = close + 4;
  }
  scanned.row = row;
  scanned.col = col;
  scanned.sId = sId;
  scanned.t = t;
  scanned.vRaw = vRaw;
  scanned.end = end;
  return true;
}

export function readSheet(xml: string, entry: SheetEntry, ctx: SheetContext): SheetSnapshot {
  checkPlain(xml, entry.part);
  const data = elementBody(xml, 'sheetData');
  if (!data) bail('no sheetData');
  // Every tag from <sheetData> on is regular (isRegular) when that whole text is: one test per part, not one per tag.
  const regular = isRegular(data.body) && isRegular(xml.slice(data.end));
  const columns = columnStyles(xml, ctx);
  const body = data.body;
  const rowsRead: Row[] = [];
  let lastRow = 0;
  for (let rowTag = openTag(body, 'row', 0); rowTag; ) {
    const r = attrIn(rowTag.attrs, 'r', regular);
    const number = r === undefined ? NaN : Number(r);
    if (!Number.isInteger(number) || number <= lastRow || number > MAX_ROWS) bail('rows without a plain number, or out of order');
    lastRow = number;
    const row: Row = { index: number - 1, style: styleAt(ctx.styles, attrIn(rowTag.attrs, 's', regular)), cells: [] };
    rowsRead.push(row);
    const { end } = innerOf(body, 'row', rowTag);
    const to = rowTag.empty ? rowTag.end : end - 6; // the row's content ends at its </row>
    let lastCol = -1;
    if (!rowTag.empty) {
      for (let at = nextCell(body, rowTag.end, to); at >= 0; ) {
        let cell: Cell | undefined;
        let cellEnd: number;
        if (scanCell(body, at, to)) {
          const col = scanned.col;
          if (scanned.row !== number || col <= lastCol || col >= MAX_COLS) bail('cells out of order');
          cell = cellOf(number, col, scanned.sId, scanned.t, null, scanned.vRaw !== undefined, scanned.vRaw, null, ctx);
          lastCol = col;
          cellEnd = scanned.end;
        } else {
          const c = openTag(body, 'c', at, to) as Tag; // the tag nextCell found
          const inner = innerOf(body, 'c', c, to);
          cell = readCell(c.attrs, inner.text, number, lastCol, ctx);
          // Cell or not (ExcelJS makes none of a bare <c>), it holds its place in the column order.
          lastCol = cell ? cell.col : colNumber(CELL_REF.exec(attrOf(c.attrs, 'r') ?? '')?.[1] ?? 'A') - 1;
          cellEnd = inner.end;
        }
        if (cell) row.cells.push(cell);
        at = nextCell(body, cellEnd, to);
      }
    }
    rowTag = openTag(body, 'row', end);
  }
  const merges = mergesOf(xml, data.end, regular);
  return build(entry, ctx, rowsRead, columns, merges, protectedSheet(xml, data.end, regular));
}

function protectedSheet(xml: string, from: number, regular: boolean): boolean {
  const tag = openTag(xml, 'sheetProtection', from);
  return !!tag && attrIn(tag.attrs, 'sheet', regular) === '1';
}

/** Merged-over cells (all but each area's top-left), by row * MAX_COLS + col. */
function coveredCells(refs: RangeRef[]): Set<number> {
  const out = new Set<number>();
  for (const r of refs) {
    for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) if (i > r.top || j > r.left) out.add(i * MAX_COLS + j);
  }
  return out;
}

function build(entry: SheetEntry, ctx: SheetContext, rowsRead: Row[], columns: CellStyle[], merges: { ranges: string[]; refs: RangeRef[] }, isProtected: boolean): SheetSnapshot {
  const covered = merges.refs.length ? coveredCells(merges.refs) : null;
  // Shared formulas: each master's formula, found through its `si` (ExcelJS reconciles in document order).
  const masters = new Map<string, Cell>();
  let bottom = -1;
  let right = -1;
  for (const row of rowsRead) {
    for (const cell of row.cells) {
      if (cell.sharedSi !== undefined) masters.set(cell.sharedSi, cell);
      else if (cell.slaveSi !== undefined && !cell.ownFormula) {
        const master = masters.get(cell.slaveSi);
        if (!master || !master.ownFormula) bail('a shared formula without its master');
        if (covered?.has(master.row * MAX_COLS + master.col)) bail('a merged-over shared formula master');
        cell.formula = '=' + slideFormula(master.ownFormula, master.row + 1, master.col + 1, cell.row + 1, cell.col + 1);
      }
      if (cell.filled || covered?.has(cell.row * MAX_COLS + cell.col)) {
        if (cell.row > bottom) bottom = cell.row;
        if (cell.col > right) right = cell.col;
      }
    }
  }
  for (const r of merges.refs) {
    if (r.bottom > bottom) bottom = r.bottom;
    if (r.right > right) right = r.right;
  }
  const date1904 = ctx.date1904;
  const fmt = date1904 ? { date1904 } : undefined;
  const colFormat = (j: number): string => columns[j]?.numFmt || 'General';
  const colFill = (j: number): string | null => columns[j]?.fill ?? null;
  const column = { format: colFormat, fill: colFill };
  const grid = blankSheetArrays(bottom + 1, right + 1, column);
  const { rows, cols, values, texts, formulas, numberFormats, fills } = grid;
  const ranges: FormulaRange[] = [];
  for (const row of rowsRead) {
    const i = row.index;
    if (i >= rows) continue;
    const rs = row.style;
    if (rs.numFmt || rs.hasFill) {
      for (let j = 0; j < cols; j++) {
        numberFormats[i][j] = rs.numFmt || colFormat(j);
        fills[i][j] = rs.hasFill ? rs.fill : colFill(j);
      }
    }
    for (const cell of row.cells) {
      const j = cell.col;
      if (j >= cols) break;
      numberFormats[i][j] = cell.style.numFmt || 'General';
      fills[i][j] = cell.style.fill;
      if (!cell.filled || covered?.has(i * MAX_COLS + j)) continue;
      const v = cell.value;
      values[i][j] = v;
      texts[i][j] = v === null ? '' : typeof v === 'number' ? formatNumber(v, cell.style.numFmt, fmt) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
      formulas[i][j] = cell.formula;
      if (cell.range && cell.formula) {
        const range = parseRange(cell.range);
        if (range) ranges.push({ range, formula: cell.formula });
      }
    }
  }
  // As sheetFromExcelJS: every cell of an array formula's or data table's range is computed by Excel.
  spreadFormulaRanges(grid, ranges, column);
  return sheetSnapshot(grid, { name: entry.name, merges: merges.ranges, protected: isProtected, visibility: entry.visibility, date1904 });
}

export { runText };
