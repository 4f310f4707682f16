/** The funds block (年度预算申请 / 项目资金): header columns, 年度资金总额, and its splits. */
import type { Bound, FundsBlock, FundsColumn, FundsLine, FundsSplit } from '../form';
import type { Grid } from './grid';
import { cleanLabel, moneyUnit, nameAndAmount, stripQizhong } from './text';
import { fundsRole, isFooter, isSectionBreak } from './vocab';

export interface FundsHeader {
  row: number;
  left: number;
  right: number;
  cols: Partial<Record<FundsColumn, number>>;
}

export interface LocatedFunds {
  block: FundsBlock;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/** Rows a block without a vertically merged title may extend below its header. */
const MAX_BLOCK_ROWS = 14;

const TOTAL_RE = /资金总额|总额|合计|总计|年度资金/;
const SPLIT_HEAD_RE = /^按.{1,12}分/;
const SPLIT_WORDS_RE = /拨款|结转|资金|其他|财政|自筹|基本支出|项目支出|一般公共|基金|收入|其中/;

export function readFundsHeaders(g: Grid, row: number): FundsHeader[] {
  const out: FundsHeader[] = [];
  let cur: FundsHeader | null = null;
  for (const cell of g.rowCells(row, g.left, g.right)) {
    const role = fundsRole(cell.norm);
    if (!role) continue;
    if (!cur || cur.cols[role] !== undefined) {
      cur = { row, left: cell.col, right: cell.right, cols: {} };
      out.push(cur);
    }
    cur.cols[role] = cell.col;
    cur.right = Math.max(cur.right, cell.right);
  }
  return out.filter((h) => h.cols.executed !== undefined && (h.cols.budgeted !== undefined || h.cols.planned !== undefined));
}

/** The block's title left of the header ("年度预\n算申请\n（万元）"), possibly merged down the block. */
function findTitle(g: Grid, h: FundsHeader): { row: number; col: number; right: number; bottom: number } | null {
  for (let c = Math.max(g.left, h.left - 4); c < h.left; c++) {
    const m = g.master(h.row, c);
    if (/预算|资金|万元|元\)/.test(g.norm(m.row, m.col))) {
      const area = g.merge(h.row, c);
      return { row: m.row, col: m.col, right: area ? area.right : c, bottom: area ? area.bottom : h.row };
    }
  }
  return null;
}

/** The cell under a header column on this line, when the line has its own cell there. */
function cellAt(g: Grid, row: number, col: number): Bound | null {
  const m = g.master(row, col);
  return m.row === row ? g.bound(m.row, m.col) : null;
}

function lineCells(g: Grid, h: FundsHeader, row: number): Partial<Record<FundsColumn, Bound | null>> {
  const cells: Partial<Record<FundsColumn, Bound | null>> = {};
  for (const [k, col] of Object.entries(h.cols) as [FundsColumn, number][]) cells[k] = cellAt(g, row, col);
  return cells;
}

function nullCells(h: FundsHeader): Partial<Record<FundsColumn, Bound | null>> {
  const cells: Partial<Record<FundsColumn, Bound | null>> = {};
  for (const k of Object.keys(h.cols) as FundsColumn[]) cells[k] = null;
  return cells;
}

export function readFunds(g: Grid, h: FundsHeader, stopRows: Set<number>): LocatedFunds | null {
  if (h.row + 1 > g.bottom) return null;
  const title = findTitle(g, h);
  const labelLeft = title && title.right < h.left - 0 ? title.right + 1 : Math.max(g.left, h.left - 3);
  const labelRight = h.left - 1;
  const headers: Partial<Record<FundsColumn, Bound>> = {};
  for (const [k, col] of Object.entries(h.cols) as [FundsColumn, number][]) {
    const b = g.bound(h.row, col);
    if (b) headers[k] = b;
  }
  const unitText = [title ? g.norm(title.row, title.col) : '', ...Object.values(headers).map((b) => b.text)].join('|');
  const unit = moneyUnit(unitText);

  // 年度资金总额: the first labelled line within three rows, else the line right under the header.
  let totalRow = h.row + 1;
  let totalLabel: Bound | null = null;
  for (let r = h.row + 1; r <= Math.min(h.row + 3, g.bottom); r++) {
    const hit = g.rowCells(r, labelLeft, labelRight).find((c) => TOTAL_RE.test(c.norm));
    if (hit) {
      totalRow = r;
      totalLabel = g.bound(r, hit.col);
      break;
    }
  }
  if (!totalLabel) {
    const first = g.rowCells(totalRow, labelLeft, labelRight)[0];
    totalLabel = g.bound(totalRow, first ? first.col : Math.max(g.left, labelRight));
  }
  if (!totalLabel) return null;
  const total: FundsLine = { label: cleanLabel(totalLabel.text), labelCell: totalLabel, cells: lineCells(g, h, totalRow) };

  const titleMerged = !!title && title.bottom > h.row;
  const limit = Math.min(g.bottom, titleMerged && title ? title.bottom : h.row + MAX_BLOCK_ROWS);
  const splits: FundsSplit[] = [];
  let cellSplit: FundsSplit | null = null;
  let looseText: FundsSplit | null = null;
  let active: { split: FundsSplit; left: number; right: number }[] = [];
  let bottom = totalRow;
  let right = h.right;
  for (let r = totalRow + 1; r <= limit; r++) {
    if (stopRows.has(r)) break;
    const cells = g.rowCells(r, labelLeft, h.right + 2);
    if (cells.some((c) => isSectionBreak(c.norm) || isFooter(c.norm))) break;
    let matched = 0;
    for (const c of cells) {
      const bound = g.bound(r, c.col) as Bound;
      if (SPLIT_HEAD_RE.test(c.norm)) {
        const { name, amount } = nameAndAmount(bound.text);
        const split: FundsSplit = { name, header: bound, statedTotal: amount, against: 'executed', lines: [] };
        splits.push(split);
        active = active.filter((a) => a.right < c.col || a.left > c.right);
        active.push({ split, left: c.col, right: c.right });
        right = Math.max(right, c.right);
        matched++;
        continue;
      }
      const owner = active.find((a) => c.col >= a.left && c.col <= a.right);
      if (owner) {
        const { name, amount } = nameAndAmount(bound.text);
        owner.split.lines.push({ label: name, labelCell: bound, cells: nullCells(h), textAmount: amount });
        matched++;
      } else if (c.col < h.left) {
        const lc = lineCells(g, h, r);
        const hasValue = Object.values(lc).some((b) => b && typeof b.value === 'number');
        const written = nameAndAmount(bound.text);
        // "基本支出：1507.84" with no split header above it, or a text cell spread over the value columns.
        if (!hasValue && (written.amount !== null || c.right >= h.left)) {
          if (!looseText) {
            looseText = { name: '', header: null, statedTotal: null, against: 'executed', lines: [] };
            splits.push(looseText);
          }
          looseText.lines.push({ label: written.name, labelCell: bound, cells: nullCells(h), textAmount: written.amount });
          matched++;
          continue;
        }
        if (!titleMerged && !hasValue && !SPLIT_WORDS_RE.test(c.norm)) continue;
        if (!cellSplit) {
          cellSplit = { name: '', header: null, statedTotal: null, against: null, lines: [] };
          splits.push(cellSplit);
        }
        cellSplit.lines.push({ label: cleanLabel(stripQizhong(bound.text)), labelCell: bound, cells: lc });
        matched++;
      }
    }
    if (matched === 0 && !titleMerged) break;
    if (matched > 0) bottom = r;
  }
  if (titleMerged && title) bottom = Math.max(bottom, Math.min(title.bottom, g.bottom));
  const left = title ? title.col : Math.min(labelLeft, totalLabel.col);
  return {
    block: { headers, unit, total, splits },
    top: Math.min(h.row, title ? title.row : h.row),
    bottom,
    left,
    right,
  };
}
