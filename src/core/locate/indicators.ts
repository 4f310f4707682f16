/** Reads the indicator rows under a header: names (merges carried down), cells, the total row. */
import type { Bound, IndicatorColumn, IndicatorRow, TotalRow } from '../form';
import type { Grid } from './grid';
import type { IndicatorHeader } from './header';
import { cleanLabel, indentOf } from './text';
import { GRADE_RE, isTotalLabel, labelFlags, LABEL_FOOTER, LABEL_HINT } from './vocab';

export interface RawIndicator extends IndicatorRow {
  /** Leading indentation of the level-3 text (for parent detection). */
  indent: number;
  /** Cell of the level-1 heading for grouping (the merge master, or the carried cell). */
  headingCell: Bound | null;
  /** Raw level-1 text, weight note included. */
  headingText: string;
}

export interface IndicatorTable {
  rows: RawIndicator[];
  total: TotalRow | null;
  /** Last row that belongs to the table (total row, or last indicator row). */
  lastRow: number;
}

/** Consecutive empty rows that end a table when no total or footer closes it. */
const MAX_BLANK_RUN = 3;

function hasContent(b: Bound | null | undefined): boolean {
  return !!b && b.text.trim() !== '';
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

function glance(g: Grid, row: number, from: number, to: number, totalLimit: number): RowGlance {
  const out: RowGlance = { first: -1, footer: false, totalCol: -1, star: false };
  for (let c = g.firstTextCol(row, from, to); c >= 0; c = g.firstTextCol(row, c + 1, to)) {
    const n = g.norm(row, c);
    if (out.first < 0) {
      out.first = c;
      out.footer = (labelFlags(n) & LABEL_FOOTER) !== 0;
    }
    if (out.totalCol < 0 && c < totalLimit && isTotalLabel(n)) out.totalCol = c;
    if (hasChar(n, STAR)) out.star = true;
  }
  return out;
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
  const rows: RawIndicator[] = [];
  const scanLeft = Math.max(g.left, h.left - 3);
  const roles = Object.keys(h.cols) as IndicatorColumn[];
  const cols = roles.map((role) => h.cols[role] as number);
  let total: TotalRow | null = null;
  let lastRow = h.dataStart - 1;
  let blank = 0;
  let prev: RawIndicator | null = null;
  // A 总分 label sits left of the weight (or score) column.
  const totalLabelLimit = h.cols.weight ?? h.cols.score ?? Infinity;
  for (let r = h.dataStart; r <= g.bottom; r++) {
    if (stopRows.has(r)) break;
    const seen = glance(g, r, scanLeft, h.right, totalLabelLimit);
    if (seen.footer) break;
    if (seen.totalCol >= 0) {
      total = readTotal(g, h, r, seen.totalCol);
      lastRow = r;
      break;
    }
    const cells = bindRow(g, r, roles, cols);
    const l3raw = cells.level3?.text ?? '';
    const scored = hasContent(cells.target) || hasContent(cells.actual) || hasContent(cells.weight) || hasContent(cells.score);
    if (l3raw.trim() === '' && !scored) {
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
    if (prev && l1Text.trim() === '') {
      l1Bound = prev.headingCell;
      l1Text = prev.headingText;
    }
    if (prev && l2Text.trim() === '' && l1Bound?.a1 === prev.headingCell?.a1 && l3raw.trim() !== '') {
      l2Bound = prev.cells.level2 ?? null;
      l2Text = prev.level2;
    }
    if (h.cols.level1 !== undefined) cells.level1 = l1Bound;
    if (h.cols.level2 !== undefined) cells.level2 = l2Bound;
    const row: RawIndicator = {
      row: r,
      level1: cleanLabel(l1Text),
      level2: cleanLabel(l2Text),
      level3: cleanLabel(l3raw),
      cells,
      indent: indentOf(l3raw),
      headingCell: l1Bound,
      headingText: l1Text,
    };
    if (seen.star) row.core = true;
    rows.push(row);
    prev = row;
    lastRow = r;
  }
  return { rows, total, lastRow };
}
