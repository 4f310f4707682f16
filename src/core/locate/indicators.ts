/** Reads the indicator rows under a header: names (merges carried down), cells, the total row. */
import type { Bound, IndicatorColumn, IndicatorRow, TotalRow } from '../form';
import type { Grid } from './grid';
import type { IndicatorHeader } from './header';
import { cleanLabel, indentOf, isBlank } from './text';
import { GRADE_RE, isTotalLabel, labelFlags, LABEL_FOOTER, LABEL_HINT } from './vocab';

/**
 * The rows as the form shows them, and what grouping needs of each row in arrays of the same
 * length (not fields of a second object per row: there is one row object per indicator, no copy).
 */
export interface IndicatorTable {
  rows: IndicatorRow[];
  /** Leading indentation of each row's level-3 text (for parent detection). */
  indents: number[];
  /** Each row's level-1 heading cell for grouping (the merge master, or the carried cell). */
  headingCells: (Bound | null)[];
  /** Each row's raw level-1 text, weight note included. */
  headingTexts: string[];
  total: TotalRow | null;
  /** Last row that belongs to the table (total row, or last indicator row). */
  lastRow: number;
}

/** Consecutive empty rows that end a table when no total or footer closes it. */
const MAX_BLANK_RUN = 3;

function hasContent(b: Bound | null | undefined): boolean {
  return !!b && !isBlank(b.text);
}

/** A table row at a glance, from its text cells in one pass (this runs on every row). */
interface RowGlance {
  /** Column of the first text cell, -1 for none. */
  first: number;
  /** The first text cell is a footer (填表人, 说明 …). */
  footer: boolean;
  /** Column of the 总分 / 合计 label left of the weight (or score) column, or -1. */
  totalCol: number;
  /** ★ marks a core indicator anywhere on its row. */
  star: boolean;
}

const STAR = 0x2605; // ★

/** s.includes(char) by character codes: cheaper than the builtin on the short cell texts of every row. */
function hasChar(s: string, code: number): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === code) return true;
  return false;
}

/**
 * Fills `out` (one record per table, reused row after row) from the text-bearing masters of the
 * row in [from, to], in one pass over the row's cached keys.
 */
function glance(g: Grid, row: number, from: number, to: number, totalLimit: number, out: RowGlance): void {
  out.first = -1;
  out.footer = false;
  out.totalCol = -1;
  out.star = false;
  if (row < g.top || row > g.bottom) return;
  const norms = g.rowNorms(row);
  const merged = g.hasMerges(row);
  const last = Math.min(to, g.right);
  for (let c = Math.max(from, g.left); c <= last; c++) {
    const n = norms[c - g.left];
    if (n === '' || (merged && !g.isMaster(row, c))) continue;
    if (out.first < 0) {
      out.first = c;
      out.footer = (labelFlags(n) & LABEL_FOOTER) !== 0;
    }
    if (out.totalCol < 0 && c < totalLimit && isTotalLabel(n)) out.totalCol = c;
    if (hasChar(n, STAR)) out.star = true;
  }
}

function gradeCell(g: Grid, row: number, from: number, to: number): Bound | null {
  for (const cell of g.rowCells(row, from, to)) {
    const s = cell.norm.replace(/^(自评|评价|综合)?等级[:]?/, '');
    if (GRADE_RE.test(s)) return g.bound(row, cell.col);
    if (cell.norm.includes('等级')) {
      // "评价等级 | 优": the grade sits in the next cell.
      return g.ownBound(row, cell.right + 1) ?? null;
    }
  }
  return null;
}

function readTotal(g: Grid, h: IndicatorHeader, row: number, labelCol: number): TotalRow {
  const labelCell = g.bound(row, labelCol) as Bound;
  const labelRight = g.spanRight(row, labelCol);
  const at = (col: number | undefined): Bound | null =>
    col === undefined || col <= labelRight ? null : g.ownBound(row, col);
  const skip = new Set([h.cols.weight, h.cols.score]);
  let grade: Bound | null = null;
  for (const cell of g.rowCells(row, labelRight + 1, h.right + 2)) {
    if (skip.has(cell.col)) continue;
    grade = gradeCell(g, row, cell.col, cell.col);
    if (grade) break;
  }
  // "评价等级：优" may also sit on its own line right under the total.
  if (!grade && row + 1 <= g.bottom) {
    const next = g.rowCells(row + 1, h.left - 3, h.right);
    if (next.length > 0 && next[0].norm.includes('等级')) grade = gradeCell(g, row + 1, next[0].col, h.right);
  }
  return { labelCell, weight: at(h.cols.weight), score: at(h.cols.score), grade };
}

type RowCells = IndicatorRow['cells'];

/** A row's cells by role, in the header's column order; level-1/level-2 names: the merge master's cell, else the cell's own. */
function bindRow(g: Grid, row: number, roles: IndicatorColumn[], cols: number[]): RowCells {
  const cells: RowCells = {};
  for (let k = 0; k < roles.length; k++) {
    const role = roles[k];
    setCell(cells, role, role === 'level1' || role === 'level2' ? g.masterBound(row, cols[k]) : g.ownBound(row, cols[k]));
  }
  return cells;
}

/** cells[role] = b, written out per role: a named store stays fast where a computed key, on every row, does not. */
function setCell(cells: RowCells, role: IndicatorColumn, b: Bound | null): void {
  switch (role) {
    case 'level1': cells.level1 = b; break;
    case 'level2': cells.level2 = b; break;
    case 'level3': cells.level3 = b; break;
    case 'target': cells.target = b; break;
    case 'initialTarget': cells.initialTarget = b; break;
    case 'nature': cells.nature = b; break;
    case 'targetUnit': cells.targetUnit = b; break;
    case 'actual': cells.actual = b; break;
    case 'weight': cells.weight = b; break;
    case 'score': cells.score = b; break;
    case 'explanation': cells.explanation = b; break;
    default: cells[role as IndicatorColumn] = b;
  }
}

export function readIndicatorTable(g: Grid, h: IndicatorHeader, stopRows: Set<number>): IndicatorTable {
  const rows: IndicatorRow[] = [];
  const indents: number[] = [];
  const headingCells: (Bound | null)[] = [];
  const headingTexts: string[] = [];
  const scanLeft = Math.max(g.left, h.left - 3);
  const roles = Object.keys(h.cols) as IndicatorColumn[];
  const cols = roles.map((role) => h.cols[role] as number);
  let total: TotalRow | null = null;
  let lastRow = h.dataStart - 1;
  let blank = 0;
  // The last row read (index into rows), whose heading and level-2 name carry down.
  let prev = -1;
  // A 总分 label sits left of the weight (or score) column.
  const totalLabelLimit = h.cols.weight ?? h.cols.score ?? Infinity;
  const seen: RowGlance = { first: -1, footer: false, totalCol: -1, star: false };
  for (let r = h.dataStart; r <= g.bottom; r++) {
    if (stopRows.has(r)) break;
    glance(g, r, scanLeft, h.right, totalLabelLimit, seen);
    if (seen.footer) break;
    if (seen.totalCol >= 0) {
      total = readTotal(g, h, r, seen.totalCol);
      lastRow = r;
      break;
    }
    const cells = bindRow(g, r, roles, cols);
    const l3raw = cells.level3?.text ?? '';
    const scored = hasContent(cells.target) || hasContent(cells.actual) || hasContent(cells.weight) || hasContent(cells.score);
    const l3blank = isBlank(l3raw);
    if (l3blank && !scored) {
      if (seen.first < 0 && ++blank >= MAX_BLANK_RUN) break;
      continue;
    }
    blank = 0;
    if (labelFlags(g.norm(r, h.cols.level3 ?? h.left)) & LABEL_HINT && !hasContent(cells.weight) && !hasContent(cells.score)) continue;
    // The level cells bound above, with their text.
    let l1Bound = cells.level1 ?? null;
    let l1Text = l1Bound?.text ?? '';
    let l2Bound = cells.level2 ?? null;
    let l2Text = l2Bound?.text ?? '';
    // Unmerged templates leave the heading blank under its first row: carry it down.
    if (prev >= 0 && isBlank(l1Text)) {
      l1Bound = headingCells[prev];
      l1Text = headingTexts[prev];
    }
    if (prev >= 0 && isBlank(l2Text) && l1Bound?.a1 === headingCells[prev]?.a1 && !l3blank) {
      l2Bound = rows[prev].cells.level2 ?? null;
      l2Text = rows[prev].level2;
    }
    if (h.cols.level1 !== undefined) cells.level1 = l1Bound;
    if (h.cols.level2 !== undefined) cells.level2 = l2Bound;
    const row: IndicatorRow = { row: r, level1: cleanLabel(l1Text), level2: cleanLabel(l2Text), level3: cleanLabel(l3raw), cells };
    if (seen.star) row.core = true;
    prev = rows.push(row) - 1;
    indents.push(indentOf(l3raw));
    headingCells.push(l1Bound);
    headingTexts.push(l1Text);
    lastRow = r;
  }
  return { rows, indents, headingCells, headingTexts, total, lastRow };
}
