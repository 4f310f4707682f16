// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the ambient types must follow this file into every build (CLI, bench), whatever its include list
/// <reference path="./formula-parser.d.ts" />
/**
 * Recalculation like a spreadsheet's, over a snapshot: after we write scores, the formulas that
 * depend on them (a 总分 of =I7+SUM(H11:H19)) must show the new sum in the file we hand back and in
 * the playground, not the result Excel cached before. The engine is fast-formula-parser (MIT): its
 * DepParser gives each formula's references and its evaluator the result.
 *
 * Only formulas that depend, directly or through other formulas, on a changed cell are evaluated,
 * and formulas without a cached result (a file written by a program that does not calculate).
 * A formula the engine cannot evaluate (an unknown function, an external link, an array formula)
 * keeps its cached result, and so does every formula that depends on it: a stale number we did not
 * make is better than a wrong one we did.
 */
import type { CellRef, DepParser, FormulaValue, RangeRef } from 'fast-formula-parser';
import { formulaEngine } from './formulaEngine';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from './snapshot';
import { isErrorValue } from './snapshot';
import { parseA1, toA1 } from './address';
import type { CellChange } from './edits';
import { applyToSnapshot } from './applySnapshot';
import { isStateSheetName } from './state';

export interface CellAt {
  sheet: string;
  cell: string;
}

export interface Recalculated extends CellAt {
  value: CellValue;
}

interface FormulaCell {
  sheet: SheetSnapshot;
  row: number;
  col: number;
  formula: string;
  deps: (CellRef | RangeRef)[] | null;
}

/** Results the engine could not give. */
const UNKNOWN = Symbol('unknown');
type Result = CellValue | typeof UNKNOWN;

/** Errors that mean "the engine does not know", not "the spreadsheet would show this error". */
const ENGINE_ERRORS = new Set(['#ERROR!', '#NAME?', '#REF!', '#N/A']);
/** Larger ranges are checked against the changed cells instead of cell by cell. */
const SCAN_LIMIT = 4096;

const keyOf = (sheet: string, row: number, col: number) => `${sheet.toLowerCase()}\u0000${row},${col}`;
const isRange = (d: CellRef | RangeRef): d is RangeRef => 'from' in d;

function sheetsByName(book: WorkbookSnapshot): Map<string, SheetSnapshot> {
  const m = new Map<string, SheetSnapshot>();
  for (const s of book.sheets) if (!m.has(s.name.toLowerCase())) m.set(s.name.toLowerCase(), s);
  return m;
}

/**
 * References per formula and position, kept across calls: one recompute reviews the workbook several
 * times (trusted writes, the commit), and parsing every formula again each time would dominate.
 */
const DEPS_CACHE = new Map<string, (CellRef | RangeRef)[] | null>();
const DEPS_CACHE_MAX = 50_000;
let depParser: DepParser | null = null;

function depsOf(formula: string, sheet: string, row: number, col: number): (CellRef | RangeRef)[] | null {
  const k = `${sheet}\u0000${row},${col}\u0000${formula}`;
  const hit = DEPS_CACHE.get(k);
  if (hit !== undefined) return hit;
  let refs: (CellRef | RangeRef)[] | null;
  try {
    refs = (depParser ??= new (formulaEngine().DepParser)()).parse(formula, { sheet, row: row + 1, col: col + 1 });
  } catch {
    refs = null;
  }
  if (DEPS_CACHE.size >= DEPS_CACHE_MAX) DEPS_CACHE.clear();
  DEPS_CACHE.set(k, refs);
  return refs;
}

function formulaCells(book: WorkbookSnapshot): Map<string, FormulaCell> {
  const out = new Map<string, FormulaCell>();
  for (const sheet of book.sheets) {
    sheet.formulas.forEach((line, r) =>
      line?.forEach((f, c) => {
        if (!f) return;
        const row = r + sheet.top;
        const col = c + sheet.left;
        const formula = f.replace(/^=/, '');
        out.set(keyOf(sheet.name, row, col), { sheet, row, col, formula, deps: depsOf(formula, sheet.name, row, col) });
      }),
    );
  }
  return out;
}

function valueAt(sheet: SheetSnapshot, row: number, col: number): CellValue {
  return sheet.values[row - sheet.top]?.[col - sheet.left] ?? null;
}

/** The cells a changed set makes stale: every formula reading one of them, transitively. */
function staleFormulas(formulas: Map<string, FormulaCell>, seeds: Set<string>): Set<string> {
  const changed = new Set(seeds);
  const bySheet = new Map<string, { row: number; col: number }[]>();
  const add = (k: string) => {
    changed.add(k);
    const [sheet, at] = k.split('\u0000');
    const [row, col] = at.split(',').map(Number);
    if (!bySheet.has(sheet)) bySheet.set(sheet, []);
    bySheet.get(sheet)!.push({ row, col });
  };
  for (const k of seeds) add(k);
  // A seed that is itself a formula (one without a cached result) is stale from the start.
  const stale = new Set<string>([...seeds].filter((k) => formulas.has(k)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [k, f] of formulas) {
      if (stale.has(k) || !f.deps) continue;
      if (f.deps.some((d) => touches(d, f.sheet.name, changed, bySheet))) {
        stale.add(k);
        if (!changed.has(k)) add(k);
        grew = true;
      }
    }
  }
  return stale;
}

function touches(d: CellRef | RangeRef, home: string, changed: Set<string>, bySheet: Map<string, { row: number; col: number }[]>): boolean {
  const sheet = (d.sheet ?? home).toLowerCase();
  if (!isRange(d)) return changed.has(keyOf(sheet, d.row - 1, d.col - 1));
  const { from, to } = d;
  const area = (to.row - from.row + 1) * (to.col - from.col + 1);
  if (area > SCAN_LIMIT) {
    return (bySheet.get(sheet) ?? []).some((c) => c.row + 1 >= from.row && c.row + 1 <= to.row && c.col + 1 >= from.col && c.col + 1 <= to.col);
  }
  for (let r = from.row; r <= to.row; r++) for (let c = from.col; c <= to.col; c++) if (changed.has(keyOf(sheet, r - 1, c - 1))) return true;
  return false;
}

/** A result as a cell holds it: 15 significant digits like Excel, errors as their text. */
function toCell(v: FormulaValue): Result {
  if (v instanceof formulaEngine().FormulaError) return ENGINE_ERRORS.has(v.error) ? UNKNOWN : v.error;
  if (Array.isArray(v)) return UNKNOWN;
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return Number.isFinite(v) ? Number(v.toPrecision(15)) : '#NUM!';
  return v;
}

/**
 * New results of the formulas that depend on `changed` (cells whose values in `book` are new), and of
 * formulas without a cached result. Only results that differ from the cached ones are returned.
 */
export function recalculate(book: WorkbookSnapshot, changed: CellAt[]): Recalculated[] {
  const formulas = formulaCells(book);
  if (!formulas.size) return [];
  const seeds = new Set<string>();
  for (const c of changed) {
    const ref = parseA1(c.cell);
    if (ref) seeds.add(keyOf(c.sheet, ref.row, ref.col));
  }
  for (const [k, f] of formulas) if (valueAt(f.sheet, f.row, f.col) === null) seeds.add(k);
  const stale = staleFormulas(formulas, seeds);
  if (!stale.size) return [];

  const sheets = sheetsByName(book);
  const results = new Map<string, Result>();
  const evaluating = new Set<string>();
  let tainted = false;

  const read = (sheetName: string, row: number, col: number): FormulaValue => {
    const k = keyOf(sheetName, row, col);
    const sheet = sheets.get(sheetName.toLowerCase());
    if (!sheet) {
      tainted = true;
      return null;
    }
    if (stale.has(k)) {
      const v = evaluate(k);
      if (v === UNKNOWN) {
        tainted = true;
        return null;
      }
      return isErrorValue(v) ? new (formulaEngine().FormulaError)(v.trim().toUpperCase()) : v;
    }
    const v = valueAt(sheet, row, col);
    return isErrorValue(v) ? new (formulaEngine().FormulaError)(v.trim().toUpperCase()) : v;
  };

  const parser = new (formulaEngine())({
    onCell: (ref) => read(ref.sheet, ref.row - 1, ref.col - 1),
    onRange: (ref) => {
      const sheet = sheets.get(ref.sheet.toLowerCase());
      // Whole columns or rows (A:A) end at the sheet's used range.
      const bottom = Math.min(ref.to.row, sheet ? sheet.top + sheet.values.length : ref.from.row);
      const right = Math.min(ref.to.col, sheet ? sheet.left + Math.max(0, ...sheet.values.map((l) => l.length)) : ref.from.col);
      const out: FormulaValue[][] = [];
      for (let r = ref.from.row; r <= bottom; r++) {
        const line: FormulaValue[] = [];
        for (let c = ref.from.col; c <= right; c++) line.push(read(ref.sheet, r - 1, c - 1));
        out.push(line);
      }
      return out;
    },
  });

  function evaluate(k: string): Result {
    if (results.has(k)) return results.get(k)!;
    const f = formulas.get(k)!;
    // A circular reference: Excel would refuse it too; keep what the file says.
    if (evaluating.has(k) || !f.deps) return UNKNOWN;
    evaluating.add(k);
    const outer = tainted;
    tainted = false;
    let v: Result;
    try {
      v = toCell(parser.parse(f.formula, { sheet: f.sheet.name, row: f.row + 1, col: f.col + 1 }));
    } catch (e) {
      v = e instanceof formulaEngine().FormulaError && !ENGINE_ERRORS.has(e.error) ? e.error : UNKNOWN;
    }
    if (tainted) v = UNKNOWN;
    tainted = outer;
    evaluating.delete(k);
    results.set(k, v);
    return v;
  }

  const out: Recalculated[] = [];
  for (const k of stale) {
    const v = evaluate(k);
    const f = formulas.get(k)!;
    const cached = valueAt(f.sheet, f.row, f.col);
    if (v === UNKNOWN || sameResult(v, cached)) continue;
    out.push({ sheet: f.sheet.name, cell: toA1(f.row, f.col), value: v });
  }
  return out;
}

function sameResult(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

/**
 * The snapshot after `changes`, with the formulas they make stale recalculated, and the cell changes
 * that carry those results (CellChange.cached) to a host that does not recalculate.
 */
export function applyAndRecalculate(book: WorkbookSnapshot, changes: CellChange[]): { book: WorkbookSnapshot; results: CellChange[] } {
  const next = applyToSnapshot(book, changes);
  const written = changes.filter((c) => c.value !== undefined && !isStateSheetName(c.sheet));
  const results: CellChange[] = recalculate(next, written).map((r) => ({ sheet: r.sheet, cell: r.cell, cached: r.value }));
  return { book: results.length ? applyToSnapshot(next, results) : next, results };
}
