/** The 部门整体支出绩效评价基础数据表: sections keyed by a title cell in the block's first column. */
import type { BasicDataSection, Bound } from '../form';
import type { Grid } from './grid';
import { cleanLabel, indentOf } from './text';
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

/** Column headings right of a section title: text with a Chinese word, not a number or a dash. */
function headingCells(g: Grid, row: number, from: number, to: number): { label: string; cell: Bound }[] {
  const out: { label: string; cell: Bound }[] = [];
  for (const c of g.rowCells(row, from, to)) {
    if (g.isNumber(row, c.col) || !/[\u4e00-\u9fff]/.test(c.norm)) continue;
    const cell = g.bound(row, c.col);
    if (cell) out.push({ label: cleanLabel(cell.text), cell });
  }
  return out;
}

function isSectionTitle(g: Grid, row: number, col: number, right: number): { label: string; cell: Bound }[] | null {
  if (!g.isMaster(row, col)) return null;
  const n = g.norm(row, col);
  if (n === '' || endsBasicData(n)) return null;
  const heads = headingCells(g, row, g.spanRight(row, col) + 1, right);
  if (SECTION_RE.test(n)) return heads.length >= 1 ? heads : null;
  // Sections of other templates: "…情况" with at least two column headings.
  return /情况/.test(n) && heads.length >= 2 ? heads : null;
}

/** Reads sections in rows [top, limit], columns [left, right] (left: the block's first column, if known). */
export function readBasicData(g: Grid, top: number, limit: number, left: number, right: number): LocatedBasicData | null {
  // The block's first column: where the first known section title sits.
  let col = left;
  outer: for (let r = top; r <= Math.min(limit, g.bottom); r++) {
    for (const c of g.rowCells(r, left, right)) {
      if (SECTION_RE.test(c.norm)) {
        col = c.col;
        break outer;
      }
    }
  }
  const sections: BasicDataSection[] = [];
  let cur: BasicDataSection | null = null;
  let blank = 0;
  let bottom = top;
  let maxRight = col;
  for (let r = top; r <= Math.min(limit, g.bottom); r++) {
    const heads = isSectionTitle(g, r, col, right);
    if (heads) {
      const titleCell = g.bound(r, col) as Bound;
      cur = { title: cleanLabel(titleCell.text), titleCell, columns: heads, rows: [] };
      sections.push(cur);
      for (const h of heads) maxRight = Math.max(maxRight, g.spanRight(r, h.cell.col));
      bottom = r;
      blank = 0;
      continue;
    }
    if (!cur) continue;
    const first = g.rowCells(r, col, right)[0];
    if (first && endsBasicData(first.norm)) break;
    const labelCell = g.isMaster(r, col) ? g.bound(r, col) : null;
    const label = labelCell ? labelCell.text.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '') : '';
    const cells = cur.columns.map((h) => g.ownBound(r, h.cell.col));
    if (label === '' && cells.every((b) => !b || b.text.trim() === '')) {
      if (++blank >= MAX_BLANK_RUN) break;
      continue;
    }
    blank = 0;
    cur.rows.push({ label, labelCell: label === '' ? null : labelCell, indent: labelCell ? indentOf(labelCell.text) : 0, cells });
    bottom = r;
  }
  if (sections.length === 0) return null;
  return { sections, top: sections[0].titleCell.row, bottom, left: col, right: maxRight };
}
