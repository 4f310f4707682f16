/** The 部门整体支出绩效评价基础数据表: sections keyed by a title cell in the block's first column. */
import type { BasicDataSection, Bound } from '../form';
import type { Grid } from './grid';
import { cleanLabel, coreLabel, hasSpace, indentOf, isBlank, moneyUnit, norm, numberingOf, withoutSpaces } from './text';
import { endsBasicData, SECTION_RE } from './vocab';

export interface LocatedBasicData {
  sections: BasicDataSection[];
  /** Rows and columns the sections cover. */
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const MAX_BLANK_RUN = 3;

/**
 * A money unit stated by a unit line ("金额单位：元", "单位：万元", "（单位：万元）", "… 金额单位：万元"), on a
 * normalised text; never a 填报单位 (the word before 单位 must be 金额/资金/货币/计量 or nothing).
 */
const UNIT_IN_TEXT = /(?:^|[^\u4e00-\u9fff]|金额|资金|货币|计量)单位:(?:人民币)?(亿元|万元|千元|元)(?![\u4e00-\u9fff])/;
/** A cell that is only a unit line. */
const UNIT_CELL = /^\(?(?:金额|资金|货币|计量)?单位:(?:人民币)?(?:亿元|万元|千元|元)\)?$/;
/** A title counting people or area ("财政供养人员情况（人）"): the table's money unit line is not its unit. */
const COUNT_TITLE = /\((?:单位:)?(?:人|人数|名|户|个|㎡|平方米|m2)\)/;
/** A money unit in a column heading's brackets: "2023年决算数（元）", "预算投资(单位：万元)". */
const HEADING_UNIT = /[(（](?:单位[:：])?(亿元|万元|千元|元)[)）]/;

/** A section name, numbering dropped: a known title, or "…情况" with an optional note. */
function namesSection(n: string): boolean {
  const s = coreLabel(n);
  if (SECTION_RE.test(s)) return true;
  return s.length <= 40 && /情况(\(.*\))?$/.test(s);
}

/** Cell texts that say there is nothing: never a column heading. */
const FILLER = /^(无|暂无|没有|不适用|空|略)$/;

/** The first cell of a column-header row under a section title: blank, or a generic word (项目, 项目名称, 类别 …). */
const HEADER_FIRST = /^(项目|名称|类别|类型|内容|指标|科目|分类|摘要)|(项目|名称|类别|类型|内容)$/;

/** Column headings right of a section title: text with a Chinese word, not a number, a dash or a unit line. */
function headingCells(g: Grid, row: number, from: number, to: number): { label: string; cell: Bound }[] {
  const out: { label: string; cell: Bound }[] = [];
  const cells = g.rowCells(row, from, to);
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    if (g.isNumber(row, c.col) || !/[\u4e00-\u9fff]/.test(c.norm) || UNIT_CELL.test(c.norm)) continue;
    const cell = g.bound(row, c.col);
    if (cell) out.push({ label: cleanLabel(cell.text), cell });
  }
  return out;
}

function isSectionTitle(g: Grid, row: number, col: number, right: number): { label: string; cell: Bound }[] | null {
  if (!g.isMaster(row, col)) return null;
  const n = g.norm(row, col);
  if (n === '' || endsBasicData(n)) return null;
  const known = SECTION_RE.test(n) || SECTION_RE.test(coreLabel(n));
  // Sections of other templates: "…情况" with at least two column headings. Most rows are neither: no headings read.
  if (!known && !/情况/.test(n)) return null;
  const heads = headingCells(g, row, g.spanRight(row, col) + 1, right);
  return heads.length >= (known ? 1 : 2) ? heads : null;
}

/**
 * A section title on a line of its own ("一、财政供养人员情况", merged across or not; a unit line may sit
 * beside it) with its column headers on the next row ("项目 | 编制数 | 实有人数 | 控制率"): the headings.
 */
function ownLineTitle(g: Grid, row: number, col: number, right: number): { label: string; cell: Bound }[] | null {
  if (!g.isMaster(row, col)) return null;
  const n = g.norm(row, col);
  if (n === '' || endsBasicData(n) || g.isNumber(row, col) || !namesSection(n)) return null;
  const beside = g.rowCells(row, g.spanRight(row, col) + 1, right);
  for (let k = 0; k < beside.length; k++) if (!UNIT_CELL.test(beside[k].norm)) return null;
  const next = row + 1;
  if (next > g.bottom || !g.isMaster(next, col) || g.isNumber(next, col)) return null;
  const first = g.norm(next, col);
  if (first !== '' && (!HEADER_FIRST.test(first) || namesSection(first))) return null;
  const heads = headingCells(g, next, g.spanRight(next, col) + 1, right).filter((h) => !FILLER.test(h.label));
  return heads.length >= (first === '' ? 2 : 1) ? heads : null;
}

/** A row holding nothing but a unit line (in [from, to]). */
function unitLineOnly(g: Grid, row: number, from: number, to: number): boolean {
  const cells = g.rowCells(row, from, to);
  for (let k = 0; k < cells.length; k++) if (!UNIT_CELL.test(cells[k].norm)) return false;
  return cells.length > 0;
}

/** A row's own cells under the section's column headings. (Loops, not map/every: this runs on every row of the table.) */
function cellsUnder(g: Grid, row: number, columns: { cell: Bound }[]): (Bound | null)[] {
  const out = new Array<Bound | null>(columns.length);
  for (let k = 0; k < columns.length; k++) out[k] = g.ownBound(row, columns[k].cell.col);
  return out;
}

function allBlank(cells: (Bound | null)[]): boolean {
  for (let k = 0; k < cells.length; k++) {
    const b = cells[k];
    if (b && !isBlank(b.text)) return false;
  }
  return true;
}

/** The money unit a section's own text states: its title, else its column headings when they agree on one. */
function ownUnit(title: string, columns: { label: string }[]): string | null {
  const t = moneyUnit(withoutSpaces(title));
  if (t) return t;
  const units = new Set<string>();
  for (const c of columns) {
    const m = HEADING_UNIT.exec(withoutSpaces(c.label));
    if (m) units.add(m[1]);
  }
  return units.size === 1 ? [...units][0] : null;
}

/** The nearest unit line at or above `row` (rows [top, row], columns [left, right]). */
function unitLineAbove(g: Grid, row: number, top: number, left: number, right: number): string | null {
  for (let r = row; r >= top; r--) {
    const cells = g.rowCells(r, left, right);
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (!c.norm.includes('单位')) continue;
      const m = UNIT_IN_TEXT.exec(c.norm);
      if (m) return m[1];
    }
  }
  return null;
}

/** Reads sections in rows [top, limit], columns [left, right] (left: the block's first column, if known). */
export function readBasicData(g: Grid, top: number, limit: number, left: number, right: number): LocatedBasicData | null {
  const last = Math.min(limit, g.bottom);
  // The block's first column: where the first known section title sits (numbering aside), else the
  // first title of another template ("…情况" over its headings, or on its own line over a header row).
  let col = -1;
  let byShape = -1;
  outer: for (let r = top; r <= last; r++) {
    const cells = g.rowCells(r, left, right);
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (SECTION_RE.test(c.norm) || (numberingOf(c.norm) && SECTION_RE.test(coreLabel(c.norm)))) {
        col = c.col;
        break outer;
      }
      if (byShape < 0 && /情况/.test(c.norm) && (isSectionTitle(g, r, c.col, right) || ownLineTitle(g, r, c.col, right))) byShape = c.col;
    }
  }
  if (col < 0) col = byShape >= 0 ? byShape : left;
  const sections: BasicDataSection[] = [];
  /** The row each section's column headings are on. */
  const headRows: number[] = [];
  let cur: BasicDataSection | null = null;
  let blank = 0;
  let bottom = top;
  let maxRight = col;
  for (let r = top; r <= last; r++) {
    const heads = isSectionTitle(g, r, col, right);
    const own = heads ? null : ownLineTitle(g, r, col, right);
    if (heads || own) {
      const titleCell = g.bound(r, col) as Bound;
      const columns = (heads ?? own) as { label: string; cell: Bound }[];
      cur = { title: cleanLabel(titleCell.text), titleCell, columns, rows: [] };
      sections.push(cur);
      const headRow = own ? r + 1 : r;
      headRows.push(headRow);
      for (let k = 0; k < columns.length; k++) maxRight = Math.max(maxRight, g.spanRight(headRow, columns[k].cell.col));
      if (own) maxRight = Math.max(maxRight, g.spanRight(r, col));
      bottom = headRow;
      blank = 0;
      r = headRow;
      continue;
    }
    if (!cur) continue;
    const first = g.firstRowCell(r, col, right);
    if (first && endsBasicData(first.norm)) break;
    if (unitLineOnly(g, r, col, right)) continue;
    const labelCell = g.isMaster(r, col) ? g.bound(r, col) : null;
    const label = labelCell ? (hasSpace(labelCell.text) ? labelCell.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '') : labelCell.text) : '';
    const cells = cellsUnder(g, r, cur.columns);
    if (label === '' && allBlank(cells)) {
      if (++blank >= MAX_BLANK_RUN) break;
      continue;
    }
    blank = 0;
    cur.rows.push({ label, labelCell: label === '' ? null : labelCell, indent: labelCell ? indentOf(labelCell.text) : 0, cells });
    bottom = r;
  }
  if (sections.length === 0) return null;
  // The money unit: the section's own, else the nearest unit line above or beside it (one row above the block too: the title's row).
  const unitTop = Math.max(g.top, top - 1);
  sections.forEach((s, i) => {
    const unit = ownUnit(s.title, s.columns) ?? (COUNT_TITLE.test(norm(s.title)) ? null : unitLineAbove(g, headRows[i], unitTop, left, right));
    if (unit) s.unit = unit;
  });
  return { sections, top: sections[0].titleCell.row, bottom, left: col, right: maxRight };
}
