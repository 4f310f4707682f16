/**
 * Reads .xls (Excel 97-2003, BIFF8), .xlsb and .ods into the same WorkbookSnapshot as the .xlsx
 * reader, with SheetJS's community edition (`@e965/xlsx`, Apache-2.0; see README "Reviewing many
 * forms"). Read only: these formats are checked, never written (the clerk saves as .xlsx, or uses the
 * add-in in Excel or WPS). The limits of limits.ts apply before SheetJS parses anything:
 * - an .ods is a zip: the same directory checks as an .xlsx (parts, declared sizes, ratios), every
 *   part inflated under its cap while its cells are counted, and SheetJS given the inflated parts
 *   as a stored zip, so it never inflates a byte itself;
 * - an .xls is a compound file with nothing compressed: its size bounds what SheetJS allocates;
 *   cells are counted once parsed.
 * Texts are our own number formatting of the value (core/numfmt), as for .xlsx, so that the engine
 * sees the same text whatever format the form came in.
 */
import type * as XLSXTypes from '@e965/xlsx';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { formatNumber } from '../../core/numfmt';
import { HostError } from '../host';
import {
  MAX_CELLS, MAX_COMPRESSION_RATIO, MAX_ENTRIES, MAX_ENTRY_UNCOMPRESSED_BYTES, MAX_FILE_BYTES, MAX_TOTAL_UNCOMPRESSED_BYTES,
  RATIO_CHECK_MIN_BYTES,
} from './limits';
import { inflateEntry, readZip, storedZip } from './zip';
import { readsWithSheetJS, sniffFormat, type SpreadsheetFormat } from './format';

type XLSX = typeof XLSXTypes;

const MB = 1024 * 1024;
const mb = (n: number): string => `${Math.round((n / MB) * 10) / 10} MB`;

function tooManyCells(): HostError {
  return new HostError('too-large', `the workbook has more than ${MAX_CELLS.toLocaleString('en-US')} cells`);
}

/** Counts `<table:table-cell` start tags (ODS cells; covered cells of merges are another element). */
function countOdsCells(xml: Uint8Array): number {
  const pat = [0x3c, 0x74, 0x61, 0x62, 0x6c, 0x65, 0x3a, 0x74, 0x61, 0x62, 0x6c, 0x65, 0x2d, 0x63, 0x65, 0x6c, 0x6c]; // "<table:table-cell"
  let n = 0;
  outer: for (let i = xml.indexOf(0x3c); i >= 0 && i + pat.length < xml.length; i = xml.indexOf(0x3c, i + 1)) {
    for (let k = 1; k < pat.length; k++) if (xml[i + k] !== pat[k]) continue outer;
    const next = xml[i + pat.length];
    if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x0a || next === 0x0d || next === 0x09) n++;
  }
  return n;
}

/** A zip package (.ods, .xlsb), checked and inflated under the limits, repacked stored for SheetJS. */
function gatedZip(b: Uint8Array, format: SpreadsheetFormat): Uint8Array {
  let zip;
  try {
    zip = readZip(b);
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('unreadable', 'the spreadsheet file is damaged or truncated', undefined, e);
  }
  const { entries } = zip;
  if (entries.length > MAX_ENTRIES) throw new HostError('too-large', `the package has ${entries.length} parts; the limit is ${MAX_ENTRIES}`);
  let total = 0;
  for (const e of entries) {
    if (e.size > MAX_ENTRY_UNCOMPRESSED_BYTES) throw new HostError('too-large', `part ${e.name} declares ${mb(e.size)} uncompressed; the limit is ${mb(MAX_ENTRY_UNCOMPRESSED_BYTES)}`);
    if (e.size > RATIO_CHECK_MIN_BYTES && e.size > MAX_COMPRESSION_RATIO * Math.max(1, e.compressedSize)) {
      throw new HostError('too-large', `part ${e.name} is compressed more than ${MAX_COMPRESSION_RATIO}:1 (possible zip bomb)`);
    }
    total += e.size;
  }
  if (total > MAX_TOTAL_UNCOMPRESSED_BYTES) throw new HostError('too-large', `the spreadsheet unpacks to ${mb(total)}; the limit is ${mb(MAX_TOTAL_UNCOMPRESSED_BYTES)}`);
  const parts = entries.map((e) => inflateEntry(b, e, MAX_ENTRY_UNCOMPRESSED_BYTES));
  if (format === 'ods') {
    const content = parts[entries.findIndex((e) => e.name === 'content.xml')];
    if (!content) throw new HostError('unreadable', 'not an OpenDocument spreadsheet (the package has no content.xml)');
    if (countOdsCells(content) > MAX_CELLS) throw tooManyCells();
  }
  return storedZip(entries, parts);
}

/** Bytes for SheetJS once the limits hold, by format. */
function gated(b: Uint8Array, format: SpreadsheetFormat): Uint8Array {
  if (b.length === 0) throw new HostError('unreadable', 'the file is empty');
  if (b.length > MAX_FILE_BYTES) throw new HostError('too-large', `the file is ${mb(b.length)}; the limit is ${mb(MAX_FILE_BYTES)}`);
  if (format === 'ods' || format === 'xlsb') return gatedZip(b, format);
  return b;
}

let loaded: Promise<XLSX> | null = null;
/** SheetJS, loaded on first use only (the CLI's start and the playground's first paint do without it). */
function sheetjs(): Promise<XLSX> {
  loaded ??= import(/* webpackChunkName: "sheetjs" */ '@e965/xlsx');
  return loaded;
}

/** A SheetJS cell's plain value, as the .xlsx reader gives it: numbers, strings, booleans, error texts. */
function valueOf(c: XLSXTypes.CellObject | undefined): CellValue {
  if (!c) return null;
  switch (c.t) {
    case 'n':
      return typeof c.v === 'number' ? c.v : null;
    case 's':
      return typeof c.v === 'string' ? c.v : c.v == null ? null : String(c.v);
    case 'b':
      return !!c.v;
    case 'e':
      return c.w ?? '#N/A';
    case 'd':
      return c.v instanceof Date ? c.v.getTime() / 86400000 + 25569 : null;
    default:
      return null;
  }
}

function sheetFromSheetJS(X: XLSX, ws: XLSXTypes.WorkSheet, name: string, hidden: 0 | 1 | 2 | undefined, date1904: boolean): SheetSnapshot {
  const data = (ws as XLSXTypes.DenseWorkSheet)['!data'] ?? [];
  const merges = (ws['!merges'] ?? []).map((m) => X.utils.encode_range(m));
  // The used range as the .xlsx reader sees it: cells with a value, and merged areas.
  let bottom = -1;
  let right = -1;
  data.forEach((row, r) => {
    if (!row) return;
    for (let j = row.length - 1; j >= 0; j--) {
      const c = row[j];
      if (c && c.t !== 'z' && (c.v !== undefined || c.f)) {
        bottom = Math.max(bottom, r);
        right = Math.max(right, j);
        break;
      }
    }
  });
  for (const m of ws['!merges'] ?? []) {
    bottom = Math.max(bottom, m.e.r);
    right = Math.max(right, m.e.c);
  }
  const rows = bottom + 1;
  const cols = right + 1;
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  const covered = new Set<string>();
  for (const m of ws['!merges'] ?? []) {
    for (let r = m.s.r; r <= m.e.r; r++) for (let j = m.s.c; j <= m.e.c; j++) if (r !== m.s.r || j !== m.s.c) covered.add(`${r},${j}`);
  }
  for (let r = 0; r < rows; r++) {
    const row = data[r] ?? [];
    const v: CellValue[] = new Array(cols).fill(null);
    const t: string[] = new Array(cols).fill('');
    const f: (string | null)[] = new Array(cols).fill(null);
    const z: string[] = new Array(cols).fill('General');
    for (let j = 0; j < cols; j++) {
      const c = row[j];
      if (!c) continue;
      const fmt = typeof c.z === 'string' && c.z ? c.z : 'General';
      z[j] = fmt;
      // Like Excel (and the .xlsx reader), only a merged area's top-left cell holds the value.
      if (covered.has(`${r},${j}`)) continue;
      const value = valueOf(c);
      v[j] = value;
      f[j] = c.f ? '=' + c.f : null;
      t[j] = value === null ? '' : typeof value === 'number' ? formatNumber(value, fmt, date1904 ? { date1904 } : undefined) : typeof value === 'boolean' ? (value ? 'TRUE' : 'FALSE') : value;
    }
    values.push(v);
    texts.push(t);
    formulas.push(f);
    numberFormats.push(z);
  }
  const visibility = hidden === 2 ? 'veryHidden' : hidden === 1 ? 'hidden' : 'visible';
  return {
    name, top: 0, left: 0, values, texts, formulas, numberFormats, merges,
    protected: !!ws['!protect'], visibility,
    ...(date1904 ? { date1904 } : {}),
  };
}

/** SheetJS reports ODS number formats it cannot translate on the console; a read must stay quiet. */
async function quietly<T>(f: () => T): Promise<T> {
  const { error, warn } = console;
  console.error = () => undefined;
  console.warn = () => undefined;
  try {
    return f();
  } finally {
    console.error = error;
    console.warn = warn;
  }
}

/** A snapshot of an .xls, .xlsb or .ods file; HostError 'unreadable' / 'too-large' otherwise. */
export async function snapshotFromSheetJS(bytes: Uint8Array, name?: string, format?: SpreadsheetFormat): Promise<WorkbookSnapshot> {
  if (bytes.length > MAX_FILE_BYTES) throw new HostError('too-large', `the file is ${mb(bytes.length)}; the limit is ${mb(MAX_FILE_BYTES)}`);
  format ??= sniffFormat(bytes);
  if (!readsWithSheetJS(format)) throw new HostError('unreadable', 'not an .xls, .xlsb or .ods spreadsheet');
  const input = gated(bytes, format);
  const X = await sheetjs();
  let wb: XLSXTypes.WorkBook;
  try {
    wb = await quietly(() => X.read(input, { type: 'array', dense: true, cellFormula: true, cellNF: true, cellText: true, cellDates: false, cellStyles: false }));
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    const encrypted = /password|encrypt/i.test(why);
    throw new HostError('unreadable', encrypted ? 'the workbook is protected by a password; save it without one first' : `the spreadsheet could not be read (${why.slice(0, 120)})`, undefined, e);
  }
  const date1904 = !!wb.Workbook?.WBProps?.date1904;
  const sheets: SheetSnapshot[] = [];
  let cells = 0;
  wb.SheetNames.forEach((sheetName, i) => {
    const ws = wb.Sheets[sheetName];
    if (!ws || !(ws as XLSXTypes.DenseWorkSheet)['!data']) return; // a chart sheet or dialog sheet holds no cells
    for (const row of (ws as XLSXTypes.DenseWorkSheet)['!data']) if (row) for (const c of row) if (c) cells++;
    if (cells > MAX_CELLS) throw tooManyCells();
    sheets.push(sheetFromSheetJS(X, ws, sheetName, wb.Workbook?.Sheets?.[i]?.Hidden, date1904));
  });
  if (!sheets.length) throw new HostError('unreadable', 'the spreadsheet holds no worksheet');
  return { name, sheets };
}
