/** Reads the indicator rows under a header: names (merges carried down), cells, the total row. */
import type { Bound, IndicatorColumn, IndicatorRow, TotalRow } from '../form';
import type { Grid, RowCell } from './grid';
import type { IndicatorHeader } from './header';
import { cleanLabel, indentOf } from './text';
import { GRADE_RE, isFooter, isHint, isTotalLabel } from './vocab';

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

// Plain loops over a row's cells, not find/some with closures: these run on every table row.

/** The 总分 / 合计 label left of `limit` (the weight or score column), if the row has one. */
function totalLabelCell(texts: RowCell[], limit: number): RowCell | undefined {
  for (const t of texts) if (t.col < limit && isTotalLabel(t.norm)) return t;
  return undefined;
}

/** ★ marks a core indicator anywhere on its row. */
function hasStar(texts: RowCell[]): boolean {
  for (const t of texts) if (t.norm.includes('★')) return true;
  return false;
}

function gradeCell(g: Grid, row: number, from: number, to: number): Bound | null {
  for (const cell of g.rowCells(row, from, to)) {
    const s = cell.norm.replace(/^(自评|评价|综合)?等级[:]?/, '');
    if (GRADE_RE.test(s)) return g.bound(row, cell.col);
    if (/等级/.test(cell.norm)) {
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
    if (next.length > 0 && /等级/.test(next[0].norm)) grade = gradeCell(g, row + 1, next[0].col, h.right);
  }
  return { labelCell, weight: at(h.cols.weight), score: at(h.cols.score), grade };
}

export function readIndicatorTable(g: Grid, h: IndicatorHeader, stopRows: Set<number>): IndicatorTable {
  const rows: RawIndicator[] = [];
  const scanLeft = Math.max(g.left, h.left - 3);
  const roleCols = Object.entries(h.cols) as [IndicatorColumn, number][];
  let total: TotalRow | null = null;
  let lastRow = h.dataStart - 1;
  let blank = 0;
  let prev: RawIndicator | null = null;
  // A 总分 label sits left of the weight (or score) column.
  const totalLabelLimit = h.cols.weight ?? h.cols.score ?? Infinity;
  for (let r = h.dataStart; r <= g.bottom; r++) {
    if (stopRows.has(r)) break;
    const texts = g.rowCells(r, scanLeft, h.right);
    if (texts.length > 0 && isFooter(texts[0].norm)) break;
    const totalCell = totalLabelCell(texts, totalLabelLimit);
    if (totalCell) {
      total = readTotal(g, h, r, totalCell.col);
      lastRow = r;
      break;
    }
    const cells: Partial<Record<IndicatorColumn, Bound | null>> = {};
    for (const [role, col] of roleCols) {
      // Level-1/level-2 names: the merge master's cell, else the cell's own.
      cells[role] = role === 'level1' || role === 'level2' ? g.masterBound(r, col) : g.ownBound(r, col);
    }
    const l3raw = cells.level3?.text ?? '';
    const scored = hasContent(cells.target) || hasContent(cells.actual) || hasContent(cells.weight) || hasContent(cells.score);
    if (l3raw.trim() === '' && !scored) {
      if (texts.length === 0 && ++blank >= MAX_BLANK_RUN) break;
      continue;
    }
    blank = 0;
    if (isHint(g.norm(r, h.cols.level3 ?? h.left)) && !hasContent(cells.weight) && !hasContent(cells.score)) continue;
    // The level cells bound above, with their text.
    let l1 = { bound: cells.level1 ?? null, text: cells.level1?.text ?? '' };
    let l2 = { bound: cells.level2 ?? null, text: cells.level2?.text ?? '' };
    // Unmerged templates leave the heading blank under its first row: carry it down.
    if (prev && l1.text.trim() === '') l1 = { bound: prev.headingCell, text: prev.headingText };
    if (prev && l2.text.trim() === '' && l1.bound?.a1 === prev.headingCell?.a1 && l3raw.trim() !== '') {
      l2 = { bound: prev.cells.level2 ?? null, text: prev.level2 };
    }
    if (h.cols.level1 !== undefined) cells.level1 = l1.bound;
    if (h.cols.level2 !== undefined) cells.level2 = l2.bound;
    const row: RawIndicator = {
      row: r,
      level1: cleanLabel(l1.text),
      level2: cleanLabel(l2.text),
      level3: cleanLabel(l3raw),
      cells,
      indent: indentOf(l3raw),
      headingCell: l1.bound,
      headingText: l1.text,
    };
    if (hasStar(texts)) row.core = true;
    rows.push(row);
    prev = row;
    lastRow = r;
  }
  return { rows, total, lastRow };
}
