/** Reads the indicator rows under a header: names (merges carried down), cells, the total row. */
import type { Bound, IndicatorColumn, IndicatorRow, TotalRow } from '../form';
import type { Grid } from './grid';
import type { IndicatorHeader } from './header';
import { parseWeightHeading } from '../parse';
import { cleanLabel, indentOf, isBlank, numberingOf } from './text';
import { GRADE_RE, isTotalLabel, labelFlags, sectionHeading, LABEL_CONTINUED, LABEL_FOOTER, LABEL_HEADER, LABEL_HINT, LABEL_SUBTOTAL } from './vocab';

/** A row's level-1 heading as the table gives it. */
export interface Heading {
  /** The heading cell for grouping (the merge master, or the carried cell). */
  cell: Bound | null;
  /** Its raw text, weight note included. */
  text: string;
  /**
   * The level-1 weight cell, where the form states it outside the heading text: a 分值 column of
   * the 一级 level, the weight of a "一、产出指标 | | 50" section line, or a 小计 line's weight.
   */
  weight: Bound | null;
}

/** One indicator row as read: the form's row record, and what grouping needs of it. */
export interface TableRow {
  row: IndicatorRow;
  /** Leading indentation of its level-3 text (for parent detection). */
  indent: number;
  heading: Heading;
}

export interface IndicatorTable {
  rows: TableRow[];
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
  /** labelFlags of the first text cell (LABEL_*). */
  flags: number;
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
  out.flags = 0;
  if (row < g.top || row > g.bottom) return;
  const norms = g.rowNorms(row);
  const merged = g.hasMerges(row);
  const last = Math.min(to, g.right);
  for (let c = Math.max(from, g.left); c <= last; c++) {
    const n = norms[c - g.left];
    if (n === '' || (merged && !g.isMaster(row, c))) continue;
    if (out.first < 0) {
      out.first = c;
      out.flags = labelFlags(n);
      out.footer = (out.flags & LABEL_FOOTER) !== 0;
    }
    if (out.totalCol < 0 && c < totalLimit && isTotalLabel(n)) out.totalCol = c;
    if (hasChar(n, STAR)) out.star = true;
  }
}

/**
 * The grade cell among the cells of a row in [from, to]: a cell that states a grade ("优", "评价等级：优"),
 * else the value of a 等级 label: the first text cell right of it up to `limit` when it is a grade word
 * ("自评等级 | | | 优秀", the value not merged up to its label), else the cell next to the label.
 */
function gradeCell(g: Grid, row: number, from: number, to: number, limit: number): Bound | null {
  for (const cell of g.rowCells(row, from, to)) {
    const s = cell.norm.replace(GRADE_LABEL, '');
    if (GRADE_RE.test(s)) return g.bound(row, cell.col);
    if (cell.norm.includes('等级')) {
      const value = g.firstRowCell(row, cell.right + 1, limit);
      return (value && GRADE_RE.test(value.norm) ? g.bound(row, value.col) : g.ownBound(row, cell.right + 1)) ?? null;
    }
  }
  return null;
}

const GRADE_LABEL = /^(自评|评价|综合|绩效)?等级[:]?/;

function readTotal(g: Grid, h: IndicatorHeader, row: number, labelCol: number): TotalRow {
  const labelCell = g.bound(row, labelCol) as Bound;
  const labelRight = g.spanRight(row, labelCol);
  const at = (col: number | undefined): Bound | null =>
    col === undefined || col <= labelRight ? null : g.ownBound(row, col);
  const skip = new Set([h.cols.weight, h.cols.score]);
  let grade: Bound | null = null;
  for (const cell of g.rowCells(row, labelRight + 1, h.right + 2)) {
    if (skip.has(cell.col)) continue;
    grade = gradeCell(g, row, cell.col, cell.col, h.right + 2);
    if (grade) break;
  }
  // "评价等级：优" may also sit on its own line right under the total.
  if (!grade && row + 1 <= g.bottom) {
    const next = g.rowCells(row + 1, h.left - 3, h.right);
    if (next.length > 0 && next[0].norm.includes('等级')) grade = gradeCell(g, row + 1, next[0].col, h.right, h.right + 2);
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

/** A section line's name without its "一、" / "（一）". */
const withoutNumber = (text: string): string => {
  const n = numberingOf(text);
  return n && (n.style === 'cn' || n.style === 'pcn') ? n.rest : text;
};

/** A section line's level and cell, its name without the numbering (weight note kept), and the weight it states in the weight column. */
interface Section {
  level: 1 | 2;
  cell: Bound;
  text: string;
  weight: Bound | null;
}

/**
 * A line that heads the rows under it instead of being an indicator: "一、产出指标（50分）" across
 * the table, "（一）数量指标" in a single hierarchy column. Null when the row is not one.
 */
function sectionOf(g: Grid, h: IndicatorHeader, row: number, cells: RowCells, first: number): Section | null {
  if (first < 0 || hasContent(cells.target) || hasContent(cells.actual)) return null;
  if (h.hierarchy) {
    const col = h.cols.level3 as number;
    const cell = cells.level3;
    const heading = cell && !isBlank(cell.text) ? sectionHeading(g.norm(row, col)) : null;
    if (!cell || !heading) return null;
    const weight = heading.level === 1 && h.cols.weight !== undefined ? g.ownBound(row, h.cols.weight) : null;
    return { level: heading.level, cell, text: withoutNumber(cell.text), weight: hasContent(weight) ? weight : null };
  }
  // Across the table: text in a level column only, no indicator named, nothing scored (a scored
  // heading line is a row of its own). Its column says its level.
  if (hasContent(cells.level3) || hasContent(cells.weight) || hasContent(cells.score)) return null;
  const level = first === h.cols.level1 ? 1 : first === h.cols.level2 ? 2 : 0;
  const cell = g.bound(row, first);
  if (level === 0 || !cell) return null;
  if (level === 1 && !sectionHeading(g.norm(row, first))) return null;
  if (level === 2 && g.norm(row, first).length > 20) return null;
  return { level, cell, text: withoutNumber(cell.text), weight: null };
}

/** The level-1 weight cell of a row from the 一级 分值 column (merged down its group, or written on the group's first row). */
function levelWeight(g: Grid, h: IndicatorHeader, row: number): Bound | null {
  const col = h.levelWeights?.level1;
  if (col === undefined) return null;
  const b = g.masterBound(row, col);
  return hasContent(b) ? b : null;
}

/** What reading carries from row to row: the rows read, the section lines above the next row, the blank run. */
interface Reading {
  rows: TableRow[];
  /** Section lines above the next row ("一、产出指标（50分）", "（一）数量指标"): they name its groups. */
  section1: Section | null;
  section2: Section | null;
  blank: number;
}

/** What one row was: part of the table ('read'), passed over ('skip'), or past its end ('end'). */
type Step = 'read' | 'skip' | 'end';

export function readIndicatorTable(g: Grid, h: IndicatorHeader, stopRows: Set<number>): IndicatorTable {
  const reading: Reading = { rows: [], section1: null, section2: null, blank: 0 };
  const scanLeft = Math.max(g.left, h.left - 3);
  const roles = Object.keys(h.cols) as IndicatorColumn[];
  const cols = roles.map((role) => h.cols[role] as number);
  // A 总分 label sits left of the weight (or score) column.
  const totalLabelLimit = h.cols.weight ?? h.cols.score ?? Infinity;
  const seen: RowGlance = { first: -1, footer: false, totalCol: -1, star: false, flags: 0 };
  let total: TotalRow | null = null;
  let lastRow = h.dataStart - 1;
  for (let r = h.dataStart; r <= g.bottom; r++) {
    if (stopRows.has(r)) break;
    glance(g, r, scanLeft, h.right, totalLabelLimit, seen);
    if (seen.footer) break;
    if (seen.totalCol >= 0) {
      total = readTotal(g, h, r, seen.totalCol);
      lastRow = r;
      break;
    }
    const step = readRow(g, h, r, seen, reading, roles, cols);
    if (step === 'end') break;
    if (step === 'read') lastRow = r;
  }
  return { rows: reading.rows, total, lastRow };
}

/** One row under the header: a page-break line, a 小计 line, a section line, a blank or hint row, or an indicator. */
function readRow(g: Grid, h: IndicatorHeader, r: number, seen: RowGlance, reading: Reading, roles: IndicatorColumn[], cols: number[]): Step {
  // A 续表 line or the header repeated after a page break: the table goes on below.
  if (seen.flags & (LABEL_CONTINUED | LABEL_HEADER)) return 'skip';
  const l3flags = labelFlags(g.norm(r, h.cols.level3 ?? h.left));
  // A group's 小计 line: not an indicator; its weight stands for a group that states none.
  if ((seen.flags | l3flags) & LABEL_SUBTOTAL) {
    subtotalWeight(g, h, r, reading.rows);
    return 'read';
  }
  const cells = bindRow(g, r, roles, cols);
  const section = sectionOf(g, h, r, cells, seen.first);
  if (section) {
    enterSection(h, r, cells, section, reading);
    reading.blank = 0;
    return 'read';
  }
  const l3raw = cells.level3?.text ?? '';
  const scored = hasContent(cells.target) || hasContent(cells.actual) || hasContent(cells.weight) || hasContent(cells.score);
  if (isBlank(l3raw) && !scored) return seen.first < 0 && ++reading.blank >= MAX_BLANK_RUN ? 'end' : 'skip';
  reading.blank = 0;
  if (l3flags & LABEL_HINT && !hasContent(cells.weight) && !hasContent(cells.score)) return 'skip';
  reading.rows.push(indicatorRow(g, h, r, cells, seen.star, reading));
  return 'read';
}

/** A section line names the groups of the rows under it; a level-1 line across 一级 | 二级 names both. */
function enterSection(h: IndicatorHeader, r: number, cells: RowCells, section: Section, reading: Reading): void {
  if (section.level === 2) {
    reading.section2 = section;
    return;
  }
  reading.section1 = section;
  // "产出指标 | 数量指标 | (no indicator)": the line names both levels.
  const l2 = h.hierarchy ? null : cells.level2;
  reading.section2 = l2 && l2.row === r && !isBlank(l2.text) ? { level: 2, cell: l2, text: l2.text, weight: null } : null;
}

/** The row's level-1 heading: its own 一级 cell, else the section line above it, else the previous row's (unmerged templates leave it blank). */
function headingOf(g: Grid, h: IndicatorHeader, r: number, cells: RowCells, prev: TableRow | null, section1: Section | null): Heading {
  const cell = cells.level1 ?? null;
  const text = cell?.text ?? '';
  const weight = levelWeight(g, h, r);
  if (!isBlank(text)) return { cell, text, weight };
  if (section1) return { cell: section1.cell, text: section1.text, weight: section1.weight };
  if (prev) return { cell: prev.heading.cell, text: prev.heading.text, weight: weight ?? prev.heading.weight };
  return { cell, text, weight };
}

/** The row's level-2 cell and name: its own, else the section line above it, else the previous row's under the same heading. */
function level2Of(cells: RowCells, heading: Heading, prev: TableRow | null, section2: Section | null, l3blank: boolean): { cell: Bound | null; text: string } {
  const cell = cells.level2 ?? null;
  const text = cell?.text ?? '';
  if (!isBlank(text)) return { cell, text };
  if (section2) return { cell: section2.cell, text: section2.text };
  if (prev && heading.cell?.a1 === prev.heading.cell?.a1 && !l3blank) return { cell: prev.row.cells.level2 ?? null, text: prev.row.level2 };
  return { cell, text };
}

/** An indicator row: its names (carried down where blank), cells, and heading. */
function indicatorRow(g: Grid, h: IndicatorHeader, r: number, cells: RowCells, star: boolean, reading: Reading): TableRow {
  const prev = reading.rows.length > 0 ? reading.rows[reading.rows.length - 1] : null;
  const l3raw = cells.level3?.text ?? '';
  const heading = headingOf(g, h, r, cells, prev, reading.section1);
  const level2 = level2Of(cells, heading, prev, reading.section2, isBlank(l3raw));
  reading.section1 = null;
  reading.section2 = null;
  if (h.cols.level1 !== undefined || (heading.cell && h.hierarchy)) cells.level1 = heading.cell;
  if (h.cols.level2 !== undefined || (level2.cell && h.hierarchy)) cells.level2 = level2.cell;
  const row: IndicatorRow = { row: r, level1: cleanLabel(heading.text), level2: cleanLabel(level2.text), level3: cleanLabel(l3raw), cells };
  if (star) row.core = true;
  return { row, indent: indentOf(l3raw), heading };
}

/** A 小计 line's weight, for the rows of the group above it when neither its heading nor a weight column states one. */
function subtotalWeight(g: Grid, h: IndicatorHeader, row: number, rows: TableRow[]): void {
  const last = rows[rows.length - 1];
  if (!last) return;
  const w = h.cols.weight === undefined ? null : g.ownBound(row, h.cols.weight);
  if (!w || typeof w.value !== 'number' || last.heading.weight || parseWeightHeading(last.heading.text) !== null) return;
  for (let i = rows.length - 1; i >= 0 && rows[i].heading.text === last.heading.text && !rows[i].heading.weight; i--) rows[i].heading.weight = w;
}
