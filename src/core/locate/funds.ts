/** The funds block (年度预算申请 / 项目资金): header columns, 年度资金总额, and its splits. */
import type { Bound, FundsBlock, FundsColumn, FundsLine, FundsSplit } from '../form';
import type { Grid, RowCell } from './grid';
import { cleanLabel, moneyUnit, nameAndAmount, norm, stripQizhong } from './text';
import { LEVEL_RE, fundsRole, indicatorRole, isFooter, isSectionBreak, statedPoints } from './vocab';

export interface FundsHeader {
  row: number;
  /** First row under the header: after a sub-header row and header cells merged down. */
  dataStart: number;
  left: number;
  right: number;
  cols: Partial<Record<FundsColumn, number>>;
  /** Row of each column's header cell (the sub-header row for the columns it names). */
  headRows: Partial<Record<FundsColumn, number>>;
  /** The second header row ("年初 | 全年" under a merged "预算数"), when the header has one. */
  subRow: number | null;
  /** Column of a label beside the block that named a field ("预算执行率（10分）"): read for its points only. */
  label?: number;
}

export interface LocatedFunds {
  block: FundsBlock;
  top: number;
  bottom: number;
  left: number;
  right: number;
  /** Whether the total line was found by its label (年度资金总额, 合计 …), not taken as the first line. */
  labelled: boolean;
}

/** Rows a block without a vertically merged title may extend below its header. */
const MAX_BLOCK_ROWS = 14;

/**
 * Labels of the total line, strongest first: a block may list its split first and the total
 * last ("财政拨款 / 上年结转 / 其他资金 / 合计"), so the total is the line labelled as one, wherever it sits.
 */
const TOTAL_RANKS = [/资金总额|总额|年度资金/, /合计|总计/, /小计/];
/** A total line's label is short ("年度资金总额", "合计"), never a sentence. */
const MAX_TOTAL_LABEL = 20;
const SPLIT_HEAD_RE = /^按.{1,12}分/;
const SPLIT_WORDS_RE = /拨款|结转|资金|其他|财政|自筹|基本支出|项目支出|一般公共|基金|收入|其中/;
/** Sub-header words that name the column of the whole (全年 over 年初, 合计 over its parts). */
const WHOLE_SUB_RE = /全年|合计|总计|小计|调整后/;

/** The role of a sub-header cell under a merged header cell: its own ("全年预算数"), else read with its parent ("全年" + "预算数"). */
function subRole(sub: string, parent: string): FundsColumn | null {
  // "小计④=①+②+③" under "预算安排" (福建): the whole budget.
  if (/^(小计|合计)/.test(sub) && /预算/.test(parent) && !/执行|支出|拨付|结余/.test(parent)) return 'budgeted';
  return fundsRole(sub) ?? fundsRole(sub + parent) ?? fundsRole(parent + sub);
}

/** A sub-header word: short text with a Chinese word ("年初", "全年预算数"), never a number or a dash. */
const SUB_WORD_RE = /^(?=.*[\u4e00-\u9fff]).{1,16}$/;

/**
 * The columns a header cell hands to the sub-header row under it ("预算数" merged over "年初 |
 * 全年", "预算" over "年初预算数 | 全年预算数", a bare "执行" over "全年执行数"), or [] when the
 * next row is not a sub-header there (a number under it: a data line). A cell that names a column
 * by itself hands it on only when merged across several. One column per role; for a repeated role
 * the whole (全年, 合计) wins, else the first.
 */
function subColumns(g: Grid, row: number, cell: RowCell): { role: FundsColumn; col: number; whole: boolean }[] {
  const sub = row + 1;
  if (sub > g.bottom) return [];
  const area = g.merge(row, cell.col);
  if (area && area.bottom > row) return [];
  if (cell.right <= cell.col && fundsRole(cell.norm)) return [];
  const out: { role: FundsColumn; col: number; whole: boolean }[] = [];
  for (let c = cell.col; c <= cell.right; c++) if (g.isNumber(sub, c)) return [];
  for (const s of g.rowCells(sub, cell.col, cell.right)) {
    if (!SUB_WORD_RE.test(s.norm)) continue;
    const role = subRole(s.norm, cell.norm);
    if (!role) continue;
    const whole = WHOLE_SUB_RE.test(s.norm);
    const seen = out.find((x) => x.role === role);
    if (!seen) out.push({ role, col: s.col, whole });
    else if (whole && !seen.whole) {
      seen.col = s.col;
      seen.whole = true;
    }
  }
  return out;
}

const MONEY: FundsColumn[] = ['planned', 'budgeted', 'executed'];

/** A header cell left of every money column of the header: a label beside the block, not one of its columns. */
function isBlockLabel(h: FundsHeader, col: number): boolean {
  const money = MONEY.map((k) => h.cols[k]).filter((c): c is number => c !== undefined);
  return money.length > 0 && money.every((c) => c > col);
}

export function readFundsHeaders(g: Grid, row: number): FundsHeader[] {
  const out: FundsHeader[] = [];
  let cur: FundsHeader | null = null;
  const put = (role: FundsColumn, col: number, headRow: number, right: number) => {
    // A label left of the money columns that names a field ("预算执行率（10分）" beside 年初预算数 …): the block's label; the column is this one.
    if (cur && cur.cols[role] !== undefined && isBlockLabel(cur, cur.cols[role] as number)) {
      cur.label = cur.cols[role];
      delete cur.cols[role];
      cur.left = Math.min(...Object.values(cur.cols), col);
    }
    if (!cur || cur.cols[role] !== undefined) {
      cur = { row, dataStart: row + 1, left: col, right, cols: {}, headRows: {}, subRow: null };
      out.push(cur);
    }
    cur.cols[role] = col;
    cur.headRows[role] = headRow;
    if (headRow > row) cur.subRow = headRow;
    cur.right = Math.max(cur.right, right);
  };
  // An indicator header right under the row (a funds block beside the form's top lines): its cells are no sub-headers of the funds block.
  const indicatorBelow = row + 1 <= g.bottom && g.rowCells(row + 1, g.left, g.right).some((c) => LEVEL_RE.test(c.norm));
  // An indicator header on the same row (a funds block beside it): its cells left of the money columns are not the block's.
  const cells = g.rowCells(row, g.left, g.right);
  const firstMoney = cells.find((c) => MONEY.includes(fundsRole(c.norm) as FundsColumn))?.col ?? Infinity;
  const indicatorHere = cells.some((c) => c.col < firstMoney && LEVEL_RE.test(c.norm));
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (indicatorHere && cell.right < firstMoney) continue;
    const underIndicator = indicatorBelow && g.rowCells(row + 1, cell.col, cell.right).some((c) => indicatorRole(c.norm) !== null);
    const parts = underIndicator ? [] : subColumns(g, row, cell);
    if (parts.length > 0) {
      for (let j = 0; j < parts.length; j++) {
        const p = parts[j];
        put(p.role, p.col, row + 1, Math.max(p.col, cell.right));
      }
      continue;
    }
    const role = fundsRole(cell.norm);
    if (role) put(role, cell.col, row, cell.right);
  }
  const valid = out.filter((h) => h.cols.executed !== undefined && (h.cols.budgeted !== undefined || h.cols.planned !== undefined));
  for (let i = 0; i < valid.length; i++) {
    const h = valid[i];
    // Data starts under the lowest header cell (a cell merged down over the sub-header row).
    let start = h.subRow !== null ? h.subRow + 1 : row + 1;
    for (const [k, col] of Object.entries(h.cols) as [FundsColumn, number][]) {
      const m = g.merge(h.headRows[k] ?? row, col);
      if (m && m.bottom + 1 > start) start = m.bottom + 1;
    }
    h.dataStart = start;
  }
  return valid;
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

/** The most points a budget block carries in any known template (old Hubei/Yunnan: 20). */
const MAX_BUDGET_POINTS = 30;

/** A line that speaks of the budget block: 预算执行, 资金使用, 预算资金 … */
const BUDGET_LINE_RE = /预算|资金|执行率/;

/**
 * The budget score's points where a header or label states them: the weight, score or rate header
 * ("分值（10分）", "得分（10分×执行率）", "预算执行率（10分）"), else the block's label or title
 * ("年度预算执行情况（10分）"), or a section line right above the block. Null when none does.
 */
function pointsCell(g: Grid, h: FundsHeader, headers: Partial<Record<FundsColumn, Bound>>, title: { row: number; col: number } | null): { value: number; cell: Bound } | null {
  const cells = [headers.weight, headers.score, headers.rate];
  if (h.label !== undefined) cells.push(g.bound(h.row, h.label) ?? undefined);
  if (title) cells.push(g.bound(title.row, title.col) ?? undefined);
  // A section line right above the block: "一、预算执行情况（10分）".
  for (const c of g.rowCells(h.row - 1, Math.max(g.left, h.left - 4), h.right)) {
    if (BUDGET_LINE_RE.test(c.norm) && !c.norm.includes('表')) cells.push(g.bound(h.row - 1, c.col) ?? undefined);
  }
  for (let i = 0; i < cells.length; i++) {
    const b = cells[i];
    const v = b ? statedPoints(norm(b.text)) : null;
    // The budget's share of the 100 points is a part of it (10, 20, 30): "满分100分" in a title is the whole form's.
    if (b && v !== null && v <= MAX_BUDGET_POINTS) return { value: v, cell: b };
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
  // for-in, not Object.entries: the same own keys in the same order, without the pairs (every line of every block).
  for (const k in h.cols) cells[k as FundsColumn] = cellAt(g, row, h.cols[k as FundsColumn] as number);
  return cells;
}

function nullCells(h: FundsHeader): Partial<Record<FundsColumn, Bound | null>> {
  const cells: Partial<Record<FundsColumn, Bound | null>> = {};
  for (const k in h.cols) cells[k as FundsColumn] = null;
  return cells;
}

/** How strongly a label names the total line: 0 strongest (年度资金总额), -1 not at all. */
function totalRank(n: string): number {
  if (n.length > MAX_TOTAL_LABEL) return -1;
  return TOTAL_RANKS.findIndex((re) => re.test(n));
}

/**
 * The total line: the line whose label ranks best as a total (the first of those), anywhere in the
 * block's lines [from, limit]; the lines end at another part of the form, a footer, or (when the
 * block's title is not merged down over them) a row with nothing in the block's columns.
 */
function findTotal(g: Grid, from: number, limit: number, labelLeft: number, labelRight: number, right: number, stopRows: Set<number>, titleMerged: boolean): { row: number; col: number } | null {
  let best: { row: number; col: number; rank: number } | null = null;
  for (let r = from; r <= limit; r++) {
    if (stopRows.has(r)) break;
    const cells = g.rowCells(r, labelLeft, right);
    if (cells.some((c) => isSectionBreak(c.norm) || isFooter(c.norm))) break;
    if (cells.length === 0 && !titleMerged) break;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      if (c.col > labelRight) break;
      const rank = totalRank(c.norm);
      if (rank >= 0 && (!best || rank < best.rank)) best = { row: r, col: c.col, rank };
    }
    if (best && best.rank === 0) break;
  }
  return best;
}

/** Where a block's line labels lie: its title (if any), whether the title is merged down over the lines, the label columns. */
interface Frame {
  title: { row: number; col: number; right: number; bottom: number } | null;
  titleMerged: boolean;
  labelLeft: number;
  labelRight: number;
  /** Last row the block's lines may take. */
  limit: number;
}

function frameOf(g: Grid, h: FundsHeader): Frame {
  const title = findTitle(g, h);
  // A title merged down over the lines ("年度预\n算申请" over the block) has the labels right of it;
  // one on the header row only ("资金来源（万元）") heads the label column itself.
  const titleMerged = !!title && title.bottom >= h.dataStart;
  const labelLeft = title ? (titleMerged && title.right < h.left ? title.right + 1 : title.col) : Math.max(g.left, h.left - 3);
  const limit = Math.min(g.bottom, titleMerged && title ? title.bottom : h.row + MAX_BLOCK_ROWS);
  return { title, titleMerged, labelLeft, labelRight: h.left - 1, limit };
}

/** The header cells by column, the money unit the block is in, and the budget score's points where a header or label states them. */
function headerFacts(g: Grid, h: FundsHeader, frame: Frame): Pick<FundsBlock, 'headers' | 'unit' | 'statedWeight'> {
  const headers: Partial<Record<FundsColumn, Bound>> = {};
  for (const [k, col] of Object.entries(h.cols) as [FundsColumn, number][]) {
    const b = g.bound(h.headRows[k] ?? h.row, col);
    if (b) headers[k] = b;
  }
  const { title } = frame;
  // The unit may be written in the block's title, a header cell, or a merged cell over sub-headers ("预算数（万元）").
  const parents = h.subRow === null ? [] : g.rowCells(h.row, h.left, h.right).map((c) => c.norm);
  const unitText = [title ? g.norm(title.row, title.col) : '', ...Object.values(headers).map((b) => b.text), ...parents].join('|');
  return { headers, unit: moneyUnit(unitText), statedWeight: pointsCell(g, h, headers, title) };
}

/** 年度资金总额: the line labelled as the total wherever it sits, else the line right under the header. */
function totalLine(g: Grid, h: FundsHeader, frame: Frame, stopRows: Set<number>): { line: FundsLine; row: number; labelled: boolean } | null {
  const found = findTotal(g, h.dataStart, frame.limit, frame.labelLeft, frame.labelRight, h.right, stopRows, frame.titleMerged);
  const row = found ? found.row : h.dataStart;
  let label: Bound | null = found ? g.bound(found.row, found.col) : null;
  if (!label) {
    const first = g.firstRowCell(row, frame.labelLeft, frame.labelRight);
    label = g.bound(row, first ? first.col : Math.max(g.left, frame.labelRight));
  }
  if (!label) return null;
  return { line: { label: cleanLabel(label.text), labelCell: label, cells: lineCells(g, h, row) }, row, labelled: found !== null };
}

/**
 * The split lines of a block, row by row: Hunan's text splits under "按收入性质分：" headings
 * ("一般公共预算：2673.41"), loose text lines ("基本支出：1507.84"), and cell lines with their own
 * amounts (当年财政拨款 | 80 | 100 | 90).
 */
class SplitReader {
  readonly splits: FundsSplit[] = [];
  /** Right-most column the splits' text reaches. */
  right: number;
  private cellSplit: FundsSplit | null = null;
  private looseText: FundsSplit | null = null;
  private active: { split: FundsSplit; left: number; right: number }[] = [];

  constructor(private readonly g: Grid, private readonly h: FundsHeader, private readonly frame: Frame, private readonly stopRows: Set<number>) {
    this.right = h.right;
  }

  /** Reads row r's lines; the number of cells it took, or -1 when the block has ended. */
  line(r: number): number {
    const { g, h } = this;
    if (this.stopRows.has(r)) return -1;
    const cells = g.rowCells(r, this.frame.labelLeft, h.right + 2);
    if (cells.some((c) => isSectionBreak(c.norm) || isFooter(c.norm))) return -1;
    let matched = 0;
    // A line has one label: the cell nearest its values ("其中 | 财政拨款" is the line 财政拨款).
    let label: { cell: Bound; values: Partial<Record<FundsColumn, Bound | null>> } | null = null;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i];
      const bound = g.bound(r, c.col) as Bound;
      if (SPLIT_HEAD_RE.test(c.norm)) {
        this.openSplit(bound, c);
        matched++;
        continue;
      }
      const owner = this.active.find((a) => c.col >= a.left && c.col <= a.right);
      if (owner) {
        const { name, amount } = nameAndAmount(bound.text);
        owner.split.lines.push({ label: name, labelCell: bound, cells: nullCells(h), textAmount: amount });
        matched++;
      } else if (c.col < h.left) {
        const values = lineCells(g, h, r);
        const hasValue = Object.values(values).some((b) => b && typeof b.value === 'number');
        if (!hasValue && this.looseLine(bound, c)) {
          matched++;
          continue;
        }
        if (!this.frame.titleMerged && !hasValue && !SPLIT_WORDS_RE.test(c.norm)) continue;
        label = { cell: bound, values };
      }
    }
    if (label) {
      this.cellLines().lines.push({ label: cleanLabel(stripQizhong(label.cell.text)), labelCell: label.cell, cells: label.values });
      matched++;
    }
    return matched;
  }

  /** "按收入性质分：2030.12": a text split whose lines are the cells under it. */
  private openSplit(bound: Bound, c: RowCell): void {
    const { name, amount } = nameAndAmount(bound.text);
    const split: FundsSplit = { name, header: bound, statedTotal: amount, against: 'executed', lines: [] };
    this.splits.push(split);
    this.active = this.active.filter((a) => a.right < c.col || a.left > c.right);
    this.active.push({ split, left: c.col, right: c.right });
    this.right = Math.max(this.right, c.right);
  }

  /** "基本支出：1507.84" with no split header above it, or a text cell spread over the value columns: a loose text line. */
  private looseLine(bound: Bound, c: RowCell): boolean {
    const written = nameAndAmount(bound.text);
    if (written.amount === null && c.right < this.h.left) return false;
    if (!this.looseText) {
      this.looseText = { name: '', header: null, statedTotal: null, against: 'executed', lines: [] };
      this.splits.push(this.looseText);
    }
    this.looseText.lines.push({ label: written.name, labelCell: bound, cells: nullCells(this.h), textAmount: written.amount });
    return true;
  }

  private cellLines(): FundsSplit {
    if (!this.cellSplit) {
      this.cellSplit = { name: '', header: null, statedTotal: null, against: null, lines: [] };
      this.splits.push(this.cellSplit);
    }
    return this.cellSplit;
  }
}

export function readFunds(g: Grid, h: FundsHeader, stopRows: Set<number>): LocatedFunds | null {
  if (h.dataStart > g.bottom) return null;
  const frame = frameOf(g, h);
  const facts = headerFacts(g, h, frame);
  const total = totalLine(g, h, frame, stopRows);
  if (!total) return null;
  const reader = new SplitReader(g, h, frame, stopRows);
  // Lines above the total (split first, total last) are its parts.
  let top = h.dataStart;
  for (let r = h.dataStart; r < total.row; r++) {
    if (reader.line(r) > 0) top = Math.min(top, r);
  }
  let bottom = total.row;
  for (let r = total.row + 1; r <= frame.limit; r++) {
    const matched = reader.line(r);
    if (matched < 0 || (matched === 0 && !frame.titleMerged)) break;
    if (matched > 0) bottom = r;
  }
  const { title } = frame;
  if (frame.titleMerged && title) bottom = Math.max(bottom, Math.min(title.bottom, g.bottom));
  return {
    block: { ...facts, total: total.line, splits: reader.splits },
    top: Math.min(h.row, top, title ? title.row : h.row),
    bottom,
    left: title ? title.col : Math.min(frame.labelLeft, total.line.labelCell.col),
    right: reader.right,
    labelled: total.labelled,
  };
}
