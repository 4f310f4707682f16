/**
 * Validates a list of CellChanges against the last snapshot (pure, throws HostError before anything
 * is queued) and queues the writes on a RequestContext: values and number formats in horizontal runs,
 * fills grouped by colour into multi-area ranges.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { STATE_SHEET, type CellChange } from '../../core/edits';
import { parseA1, toA1, type CellRef } from '../../core/address';
import { HostError } from '../host';

/** Excel truncates getRanges() addresses at 8192 characters; stay well below. */
const MAX_ADDRESS = 7000;
/** A write batch is synced whenever this much is queued: far below the web's 5 MB request limit. */
export const WRITE_BYTES_PER_SYNC = 1_000_000;

interface Cell extends CellRef {
  value?: CellValue;
  numberFormat?: string;
  fill?: string | null;
}

export interface SheetWrites {
  sheet: string;
  /** True when the sheet must be created (only ever STATE_SHEET). */
  create: boolean;
  cells: Cell[];
}

/** Checks every change and groups them per sheet. Throws HostError and queues nothing on any problem. */
export function planWrites(changes: CellChange[], snapshot: WorkbookSnapshot): SheetWrites[] {
  const sheets = new Map(snapshot.sheets.map((s) => [s.name, s]));
  const bySheet = new Map<string, SheetWrites>();
  for (const ch of changes) {
    const snap = sheets.get(ch.sheet);
    if (!snap && ch.sheet !== STATE_SHEET) {
      throw new HostError('write-failed', `No sheet named "${ch.sheet}" in the workbook`, ch.sheet);
    }
    if (snap?.protected) {
      throw new HostError('protected', `Sheet "${ch.sheet}" is protected; nothing was written`, ch.sheet);
    }
    const ref = parseA1(ch.cell);
    if (!ref) throw new HostError('write-failed', `Bad cell address "${ch.cell}"`, ch.sheet);
    if (ch.value !== undefined && snap && formulaAt(snap, ref)) {
      throw new HostError('write-failed', `Refusing to overwrite the formula in ${ch.sheet}!${ch.cell}`, ch.sheet);
    }
    let group = bySheet.get(ch.sheet);
    if (!group) bySheet.set(ch.sheet, (group = { sheet: ch.sheet, create: !snap, cells: [] }));
    group.cells.push({ ...ref, value: ch.value, numberFormat: ch.numberFormat, fill: ch.fill });
  }
  // Journal first: should Excel stop part-way through a batch, the journal already knows what to revert.
  return [...bySheet.values()].sort((a, b) => Number(b.sheet === STATE_SHEET) - Number(a.sheet === STATE_SHEET));
}

function formulaAt(s: SheetSnapshot, { row, col }: CellRef): boolean {
  return Boolean(s.formulas[row - s.top]?.[col - s.left]);
}

/**
 * Queues all writes of one sheet (which exists: the state sheet is created beforehand), calling
 * `spend` with the request bytes of each operation so that the caller can sync before a batch grows
 * too large. Values first, then number formats, then fills: a batch that stops part way leaves
 * values without their mark, never a mark on a value not written.
 */
export async function queueSheetWrites(ws: Excel.Worksheet, plan: SheetWrites, spend: (bytes: number) => Promise<void>): Promise<void> {
  for (const run of runs(plan.cells.filter((c) => c.value !== undefined))) {
    const values = [run.map((c) => toExcelValue(c.value ?? null))];
    ws.getRange(runAddress(run)).values = values;
    await spend(JSON.stringify(values).length + 40);
  }
  for (const run of runs(plan.cells.filter((c) => c.numberFormat !== undefined))) {
    const formats = [run.map((c) => c.numberFormat as string)];
    ws.getRange(runAddress(run)).numberFormat = formats;
    await spend(JSON.stringify(formats).length + 40);
  }
  const byFill = new Map<string | null, string[]>();
  for (const c of plan.cells) {
    if (c.fill === undefined) continue;
    const key = c.fill === null ? null : c.fill.toUpperCase();
    byFill.set(key, [...(byFill.get(key) ?? []), toA1(c.row, c.col)]);
  }
  for (const [color, cells] of byFill) {
    for (const address of chunkAddresses(cells)) {
      const fill = ws.getRanges(address).format.fill;
      if (color === null) fill.clear();
      else fill.color = color;
      await spend(address.length + 60);
    }
  }
}

/** Horizontal runs of adjacent cells in the same row (last change to a cell wins). */
export function runs(cells: Cell[]): Cell[][] {
  const unique = new Map<string, Cell>();
  for (const c of cells) unique.set(`${c.row},${c.col}`, c);
  const sorted = [...unique.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: Cell[][] = [];
  for (const c of sorted) {
    const last = out[out.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && prev.row === c.row && prev.col + 1 === c.col) last.push(c);
    else out.push([c]);
  }
  return out;
}

function runAddress(run: Cell[]): string {
  const a = toA1(run[0].row, run[0].col);
  return run.length === 1 ? a : `${a}:${toA1(run[run.length - 1].row, run[run.length - 1].col)}`;
}

export function chunkAddresses(cells: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of [...new Set(cells)]) {
    if (cur && cur.length + c.length + 1 > MAX_ADDRESS) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${c}` : c;
  }
  if (cur) out.push(cur);
  return out;
}

/**
 * A constant as Excel must receive it: null clears the cell (""); text that Excel would parse
 * (formula-like, numbers, dates, percentages) gets a quote prefix so it stays text.
 */
export function toExcelValue(v: CellValue): string | number | boolean {
  if (v === null) return '';
  if (typeof v !== 'string' || v === '') return v;
  const parsed = /^[=+\-'@]/.test(v) || /^\s*[\d.,(¥$￥%]/.test(v) || /^\s*(true|false)\s*$/i.test(v);
  return parsed ? `'${v}` : v;
}
