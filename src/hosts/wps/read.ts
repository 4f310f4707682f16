/**
 * One worksheet as a SheetSnapshot, read in blocks of rows: Value2, Formula and Text of a block are
 * three calls whatever its size (through toMatrix, which takes every shape the bridge may give);
 * number formats, fills and merges are probed (formats.ts). Texts that a multi-cell read does not give
 * (VBA returns one Text only when every cell shows the same) are formatted from value and number
 * format exactly as the file host does.
 */
import type { CellValue, SheetSnapshot } from '../../core/snapshot';
import { parseRange, rangeToA1, type RangeRef } from '../../core/address';
import { HostError } from '../host';
import { readFormats, type Prediction } from './formats';
import type { BridgeFacts } from './probes';
import { textOf, toCellValue, toFormula, toMatrix } from './values';
import { XL, type WpsRange, type WpsWorksheet } from './types';

/** Cells per block read: the size of Kingsoft's own benchmark (notes §2.7). */
export const BLOCK_CELLS = 10000;
/** A used range larger than this is refused, as the file host refuses such a workbook (README, limits). */
export const MAX_CELLS = 1000000;

const VISIBILITY: Record<number, SheetSnapshot['visibility']> = {
  [XL.sheetVisible]: 'visible',
  [XL.sheetHidden]: 'hidden',
  [XL.sheetVeryHidden]: 'veryHidden',
};

export function visibilityOf(v: unknown): SheetSnapshot['visibility'] {
  if (v === true) return 'visible';
  if (v === false) return 'hidden';
  return VISIBILITY[Number(v)] ?? 'visible';
}

export function emptySheet(name: string, visibility: SheetSnapshot['visibility'], isProtected = false): SheetSnapshot {
  return { name, top: 0, left: 0, values: [], texts: [], formulas: [], numberFormats: [], merges: [], fills: [], protected: isProtected, visibility };
}

function blocksOf(box: RangeRef): RangeRef[] {
  const cols = box.right - box.left + 1;
  const step = Math.max(1, Math.floor(BLOCK_CELLS / cols));
  const out: RangeRef[] = [];
  for (let top = box.top; top <= box.bottom; top += step) out.push({ ...box, top, bottom: Math.min(box.bottom, top + step - 1) });
  return out;
}

/** The formats and fills a snapshot of the sheet showed, as a guess for the next read (formats.ts). */
export function predictionFrom(prior: SheetSnapshot, withMerges: boolean): Prediction {
  const at = <T>(grid: T[][] | undefined, row: number, col: number): T | undefined => grid?.[row - prior.top]?.[col - prior.left];
  return {
    numberFormat: (row, col) => at(prior.numberFormats, row, col) ?? 'General',
    fill: (row, col) => at(prior.fills, row, col) ?? null,
    merges: withMerges ? prior.merges.map((m) => parseRange(m)).filter((m): m is RangeRef => m !== null) : undefined,
  };
}

/**
 * Value2 or Formula of a block as a matrix. A single value for many cells is no shape VBA gives for
 * these two, so it is not spread over the block: the block is then read cell by cell (2 calls a cell),
 * slow but never wrong.
 */
function matrixOf(rg: WpsRange, prop: 'Value2' | 'Formula', rows: number, cols: number): { matrix: unknown[][] } {
  const m = toMatrix(rg[prop], rows, cols);
  if (!m.uniform) return m;
  return { matrix: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => rg.Item(r + 1, c + 1)[prop])) };
}

/**
 * Reads a sheet's used range; `name`, `visibility` and protection were read by the caller. `prior`
 * (the sheet at the last read) makes re-reading formats and fills cheap where `facts` allow; it is
 * verified, not trusted.
 */
export function readSheet(
  ws: WpsWorksheet,
  base: { name: string; visibility: SheetSnapshot['visibility']; protected: boolean },
  date1904: boolean,
  prior?: SheetSnapshot,
  facts: BridgeFacts = {},
): SheetSnapshot {
  const box = parseRange(ws.UsedRange.Address(false, false));
  const snap = { ...emptySheet(base.name, base.visibility, base.protected), ...(date1904 ? { date1904 } : {}) };
  if (!box) return snap;
  const size = (box.bottom - box.top + 1) * (box.right - box.left + 1);
  if (size > MAX_CELLS) {
    throw new HostError('too-large', `The used range of "${base.name}" (${rangeToA1(box)}) has ${size} cells; at most ${MAX_CELLS} are read`, base.name);
  }
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  const fills: (string | null)[][] = [];
  const merges = new Map<string, RangeRef>();
  const cols = box.right - box.left + 1;
  // The guess is checked with multi-area ranges: only once this build has shown it reads them whole.
  const predicted = prior && prior.values.length > 0 && facts.multiAreaReads ? predictionFrom(prior, facts.multiAreaMerges === true) : undefined;
  for (const block of blocksOf(box)) {
    const rows = block.bottom - block.top + 1;
    const rg = ws.Range(rangeToA1(block));
    const v = matrixOf(rg, 'Value2', rows, cols);
    const f = matrixOf(rg, 'Formula', rows, cols);
    const t = toMatrix(rg.Text, rows, cols);
    const fmt = readFormats(ws, block, predicted);
    // A single Text for many cells is only trusted when it is a string shown by every cell (uniform).
    const textKnown = !t.uniform || typeof t.matrix[0]?.[0] === 'string';
    for (let r = 0; r < rows; r++) {
      const shown = t.matrix[r].map((x) => (typeof x === 'string' ? x : undefined));
      const vals = v.matrix[r].map((x, c) => toCellValue(x, textKnown ? shown[c] : undefined));
      values.push(vals);
      formulas.push(f.matrix[r].map((x, c) => toFormula(x, vals[c])));
      numberFormats.push(fmt.numberFormats[r]);
      fills.push(fmt.fills[r]);
      texts.push(vals.map((x, c) => (textKnown && shown[c] !== undefined ? (shown[c] as string) : textOf(x, fmt.numberFormats[r][c], date1904))));
    }
    for (const m of fmt.merges) merges.set(rangeToA1(m), m);
  }
  const blank = values.length === 1 && cols === 1 && values[0][0] === null && !formulas[0][0] && fills[0][0] === null && numberFormats[0][0] === 'General';
  if (blank && merges.size === 0) return snap;
  return { ...snap, top: box.top, left: box.left, values, texts, formulas, numberFormats, fills, merges: [...merges.keys()] };
}
