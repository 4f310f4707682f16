/**
 * Reading a workbook within Excel's documented limits: "Excel on the web has a payload size limit for
 * requests and responses of 5MB" and "A range is limited to 5,000,000 cells for read operations … Split
 * the operation into smaller pieces" (learn.microsoft.com/office/dev/add-ins/concepts/
 * resource-limits-and-performance-optimization). So sizes come first (sheet list, visibility, used
 * range dimensions), then the cells in row bands of at most CELLS_PER_SYNC cells per sync, a band
 * halved and retried when Excel still finds the payload too large; hidden sheets are not read at all
 * (the engine skips them), except our state sheet. Merged areas are fetched per band in a sync of
 * their own: getMergedAreasOrNullObject fails above 512 areas (@types/office-js, ExcelApi 1.13), and
 * only reports areas whose top-left cell lies in its range (office-js#3611), which is exactly a
 * partition by bands. Queue everything first, sync, then read: no property is read before its sync.
 */
import type { CellValue, SheetSnapshot } from '../../core/snapshot';
import { rangeToA1, parseRange } from '../../core/address';
import { isStateSheetName } from '../../core/state';
import { HostError } from '../host';
import { officeErrorCode } from './errors';

export interface ReadFeatures {
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  merges: boolean;
}

/** Cells per sync: ~150–250 bytes of JSON per cell keeps a sync near 2–3 MB, under the 5 MB limit. */
export const CELLS_PER_SYNC = 12_000;

const RANGE_PROPS = 'values,text,formulas,numberFormat,valueTypes';
const FILL_PROPS: Excel.CellPropertiesLoadOptions = { format: { fill: { color: true, pattern: true, tintAndShade: true } } };

/** Excel's visibility enum values -> the snapshot's. */
const VISIBILITY: Record<string, SheetSnapshot['visibility']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/** A sheet as the sizing pass found it. */
export interface SheetSize {
  name: string;
  visibility: SheetSnapshot['visibility'];
  protected: boolean;
  /** Used range (0-based); null for a blank sheet or one not read. */
  used: { top: number; left: number; rows: number; cols: number } | null;
}

/** Sheets whose cells are read: visible ones and our state sheet (very hidden). */
export function isRead(name: string, visibility: SheetSnapshot['visibility']): boolean {
  return visibility === 'visible' || isStateSheetName(name);
}

/** Queues the sizing of one sheet; call the returned function after the sync. */
export function queueSheetSize(ws: Excel.Worksheet, name: string, visibility: SheetSnapshot['visibility']): () => SheetSize {
  ws.protection.load('protected');
  const used = ws.getUsedRangeOrNullObject(false);
  used.load('rowIndex,columnIndex,rowCount,columnCount');
  return () => ({
    name,
    visibility,
    protected: ws.protection.protected,
    used: used.isNullObject ? null : { top: used.rowIndex, left: used.columnIndex, rows: used.rowCount, cols: used.columnCount },
  });
}

export function visibilityOf(v: string): SheetSnapshot['visibility'] {
  return VISIBILITY[v] ?? 'visible';
}

interface Band {
  sheet: SheetSize;
  /** Absolute 0-based first row and number of rows. */
  row: number;
  rows: number;
}

interface BandData {
  values: CellValue[][];
  texts: string[][];
  formulas: (string | null)[][];
  numberFormats: string[][];
  fills: (string | null)[][];
}

/** Row bands of at most CELLS_PER_SYNC cells (one row at least) covering each used range. */
export function bandsOf(sheets: SheetSize[], cellsPerSync = CELLS_PER_SYNC): Band[] {
  const bands: Band[] = [];
  for (const sheet of sheets) {
    if (!sheet.used) continue;
    const step = Math.max(1, Math.floor(cellsPerSync / sheet.used.cols));
    for (let r = 0; r < sheet.used.rows; r += step) {
      bands.push({ sheet, row: sheet.used.top + r, rows: Math.min(step, sheet.used.rows - r) });
    }
  }
  return bands;
}

/** Bands packed into syncs of at most `cells` cells each. */
function pack(bands: Band[], cells: number): Band[][] {
  const groups: Band[][] = [];
  let cur: Band[] = [];
  let n = 0;
  for (const b of bands) {
    const size = b.rows * (b.sheet.used?.cols ?? 0);
    if (cur.length && n + size > cells) {
      groups.push(cur);
      cur = [];
      n = 0;
    }
    cur.push(b);
    n += size;
  }
  if (cur.length) groups.push(cur);
  return groups;
}

function halves(group: Band[]): Band[][] | null {
  if (group.length > 1) return [group.slice(0, group.length >> 1), group.slice(group.length >> 1)];
  const [b] = group;
  if (b.rows < 2) return null;
  const top = b.rows >> 1;
  return [[{ ...b, rows: top }], [{ ...b, row: b.row + top, rows: b.rows - top }]];
}

const PAYLOAD = new Set(['RequestPayloadSizeLimitExceeded', 'ResponsePayloadSizeLimitExceeded', 'RangeExceedsLimit', 'OperationCellsExceedLimit', 'MemoryLimitReached']);

/**
 * Runs `load` over groups of bands, halving a group whose sync fails with a payload error. A single
 * row that still fails goes to `single` (which may throw); other errors propagate.
 */
async function halving<T>(
  groups: Band[][],
  load: (group: Band[]) => Promise<T[]>,
  single: (band: Band, e: unknown) => T,
  retry: (e: unknown) => boolean = isPayloadError,
): Promise<T[]> {
  const out: T[] = [];
  const queue = [...groups];
  while (queue.length) {
    const group = queue.shift() as Band[];
    try {
      out.push(...(await load(group)));
    } catch (e) {
      if (!retry(e)) throw e;
      const split = halves(group);
      if (split) queue.unshift(...split);
      else out.push(single(group[0], e));
    }
  }
  return out;
}

/** Excel may return null values instead of throwing for a read over its cell limit. */
class TooLarge extends Error {}

function isPayloadError(e: unknown): boolean {
  return e instanceof TooLarge || PAYLOAD.has(officeErrorCode(e) ?? '');
}

/** Reads the cells of every used range, band by band. */
export async function readCells(ctx: Excel.RequestContext, sheets: SheetSize[]): Promise<Map<string, SheetSnapshot>> {
  const bands = bandsOf(sheets);
  const data = await halving(pack(bands, CELLS_PER_SYNC), (group) => loadBands(ctx, group), (band, e) => {
    throw new HostError('too-large', `Excel could not send row ${band.row + 1} of "${band.sheet.name}" (${officeErrorCode(e) ?? 'no values'})`, band.sheet.name, e);
  });
  return assemble(sheets, data);
}

async function loadBands(ctx: Excel.RequestContext, group: Band[]): Promise<[Band, BandData][]> {
  const queued = group.map((band) => {
    const used = band.sheet.used as NonNullable<SheetSize['used']>;
    const range = ctx.workbook.worksheets.getItem(band.sheet.name).getRangeByIndexes(band.row, used.left, band.rows, used.cols);
    range.load(RANGE_PROPS);
    const props = range.getCellProperties(FILL_PROPS);
    return { band, range, props };
  });
  await ctx.sync();
  return queued.map(({ band, range, props }): [Band, BandData] => {
    const values = range.values;
    const types = range.valueTypes;
    if (values == null || types == null) throw new TooLarge();
    // A text constant such as "=100%" comes back in `formulas` as itself: a formula only when it differs from the value.
    const formulaAt = (r: number, c: number): string | null => {
      const f = range.formulas[r][c];
      return isFormula(f) && f !== values[r][c] ? f : null;
    };
    return [
      band,
      {
        values: values.map((row, r) => row.map((v, c) => toCellValue(v, types[r][c]))),
        texts: range.text.map((row) => row.map((t) => t ?? '')),
        formulas: range.formulas.map((row, r) => row.map((_, c) => formulaAt(r, c))),
        numberFormats: range.numberFormat.map((row) => row.map((f) => (typeof f === 'string' ? f : 'General'))),
        fills: props.value.map((row) => row.map(fillOf)),
      },
    ];
  });
}

function assemble(sheets: SheetSize[], data: [Band, BandData][]): Map<string, SheetSnapshot> {
  const out = new Map<string, SheetSnapshot>();
  const sorted = [...data].sort((a, b) => a[0].row - b[0].row);
  for (const s of sheets) {
    const snap = emptySnapshot(s);
    if (s.used) {
      snap.top = s.used.top;
      snap.left = s.used.left;
      for (const [band, d] of sorted) {
        if (band.sheet !== s) continue;
        snap.values.push(...d.values);
        snap.texts.push(...d.texts);
        snap.formulas.push(...d.formulas);
        snap.numberFormats.push(...d.numberFormats);
        snap.fills?.push(...d.fills);
      }
    }
    out.set(s.name, snap);
  }
  return out;
}

export function emptySnapshot(s: Pick<SheetSize, 'name' | 'visibility' | 'protected'>): SheetSnapshot {
  return { name: s.name, protected: s.protected, visibility: s.visibility, top: 0, left: 0, values: [], texts: [], formulas: [], numberFormats: [], merges: [], fills: [] };
}

/**
 * Merged areas per band, all bands in one sync; a sync that fails (over 512 areas in some band, or
 * the payload) is retried in halves, and a single row that still fails is read as unmerged — merges
 * only help the locator read headers, they never decide what is written.
 */
export async function readMerges(ctx: Excel.RequestContext, sheets: SheetSize[]): Promise<Map<string, string[]>> {
  const bands = bandsOf(sheets);
  const out = new Map<string, string[]>(sheets.map((s) => [s.name, []]));
  if (!bands.length) return out;
  const got = await halving<[Band, string[]]>(
    [bands],
    async (group) => {
      const queued = group.map((band) => {
        const used = band.sheet.used as NonNullable<SheetSize['used']>;
        const areas = ctx.workbook.worksheets.getItem(band.sheet.name).getRangeByIndexes(band.row, used.left, band.rows, used.cols).getMergedAreasOrNullObject();
        areas.load('address');
        return { band, areas };
      });
      await ctx.sync();
      return queued.map(({ band, areas }): [Band, string[]] => [band, areas.isNullObject ? [] : splitAreas(areas.address)]);
    },
    (band) => [band, []],
    (e) => !(e instanceof HostError),
  );
  for (const [band, areas] of got) out.get(band.sheet.name)?.push(...areas);
  return out;
}

function isFormula(f: unknown): f is string {
  return typeof f === 'string' && f.startsWith('=');
}

function toCellValue(v: unknown, type: string): CellValue {
  if (type === 'Empty' || v === '' || v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/**
 * The snapshot's fill of a cell (snapshot.ts `fills`), from getCellProperties. Excel reports No Fill as
 * color "#FFFFFF" (office-js#6218) with pattern null or absent, just like a solid white fill
 * (office-js#4900), so `pattern` alone is never trusted: tintAndShade is null for No Fill and a number
 * for any fill (Microsoft's answer in #4900). A tint other than 0 is a theme colour's shade, a pattern
 * other than Solid cannot be written back as a colour: both 'other', never painted over. An Excel that
 * does not report tintAndShade leaves white and No Fill alike: read as No Fill, so that the cell can
 * still be marked (clear-marks then leaves No Fill, which looks the same).
 */
export function fillOf(p: Excel.CellProperties | undefined): string | null {
  const fill = p?.format?.fill;
  if (!fill || typeof fill.color !== 'string') return null;
  const color = fill.color.toUpperCase();
  const pattern = fill.pattern ?? null;
  if (pattern === 'None') return null;
  if (pattern !== null && pattern !== 'Solid') return 'other';
  const tint = fill.tintAndShade;
  if (tint === null || tint === undefined) return color === '#FFFFFF' ? null : /^#[0-9A-F]{6}$/.test(color) ? color : 'other';
  if (tint !== 0) return 'other';
  return /^#[0-9A-F]{6}$/.test(color) ? color : 'other';
}

/**
 * "Sheet1!A1:B2, 'a,b'!D4:E4" -> ["A1:B2", "D4:E4"]. Commas inside quoted sheet names are kept;
 * each area is normalised (no $, no sheet).
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      const r = parseRange(a.replace(/\$/g, ''));
      return r ? rangeToA1(r) : a.slice(a.lastIndexOf('!') + 1);
    });
}
