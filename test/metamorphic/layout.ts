/**
 * Where the parts of a form are, read from the engine's review of the unperturbed form (the public
 * contract: indicator, budget and total cells) and from the header texts around them. Positions are
 * original 0-based cells; a perturbation finds them again in the edited grid by their origin.
 */
import { parseA1, parseRange, toA1 } from '../../src/core/address';
import type { FormReview } from '../../src/core/types';
import type { Grid } from './grid';

export type FundsKey = 'planned' | 'budgeted' | 'executed' | 'weight' | 'rate' | 'score';

/** The funds header words, by column; the first match on the header row wins, one column each. */
const FUNDS_HEADER_WORDS: [FundsKey, RegExp][] = [
  ['planned', /年初/],
  ['budgeted', /全年预算|调整后/],
  ['executed', /执行数/],
  ['weight', /^(分值|权重)/],
  ['rate', /执行率/],
  ['score', /得分/],
];

export type Field = 'level1' | 'level2' | 'level3' | 'target' | 'actual' | 'weight' | 'score' | 'explanation';

export interface FormLayout {
  sheet: string;
  range: { top: number; left: number; bottom: number; right: number };
  /** Header rows of the indicator table (two when a parent header is merged over sub-headers). */
  headerTop: number;
  headerBottom: number;
  /** Header cell (original A1) of each column found, by field. */
  headers: Partial<Record<Field, string>>;
  columns: Partial<Record<Field, number>>;
  tableLeft: number;
  tableRight: number;
  /** The label left of the indicator header ("绩效指标"), when the form has one. */
  indicatorLabel: string | null;
  indicatorRows: number[];
  totalRow: number | null;
  funds: {
    top: number;
    bottom: number;
    headerRow: number;
    totalRow: number;
    totalLabel: string | null;
    title: string | null;
    /** Header cells (original A1) of the funds columns found. */
    headers: Partial<Record<FundsKey, string>>;
  } | null;
  /** Texts of the 二级 cells, for perturbations that must keep the meaning a 二级 name carries (成本指标). */
  level2Texts: string[];
  /** The table has a 年初 and an adjusted target (年初指标值 | 调整指标值): "年初目标值" is then another column's name. */
  adjustedTarget: boolean;
  /** Some 二级 row is itself scored (a parent row whose children are the 三级 rows). */
  level2Scored: boolean;
  /** Rows where the header is repeated (after a page break, 续表). */
  repeatedHeaders: number[];
  /** Another form stands beside this one on the same rows: inserting a row would cut through it. */
  besideAnother: boolean;
}

const rowOf = (a1: string | null | undefined) => (a1 ? parseA1(a1)?.row ?? null : null);
const colOf = (a1: string | null | undefined) => (a1 ? parseA1(a1)?.col ?? null : null);

const HEADER_WORDS: [Field, RegExp][] = [
  ['level1', /一级/],
  ['level2', /二级/],
  ['level3', /三级|指标名称/],
  ['weight', /分值|权重/],
];

/** The master cell of the merge covering (row, col), or the cell itself. */
function masterOf(g: Grid, row: number, col: number): { row: number; col: number } {
  const m = g.mergeAt(row, col);
  return m ? { row: m.top, col: m.left } : { row, col };
}

export function layoutOf(g: Grid, form: FormReview): FormLayout | null {
  const range = parseRange(form.range);
  if (!range || form.kind !== 'self-evaluation') return null;
  const inds = (form.indicators ?? []).filter((i) => i.score.cell);
  const layout: FormLayout = {
    sheet: form.sheet,
    range,
    headerTop: -1,
    headerBottom: -1,
    headers: {},
    columns: {},
    tableLeft: -1,
    tableRight: -1,
    indicatorLabel: null,
    indicatorRows: inds.map((i) => i.row - 1),
    totalRow: rowOf(form.total?.cell),
    funds: null,
    level2Texts: [],
    adjustedTarget: false,
    level2Scored: (form.indicators ?? []).some((i) => i.parent),
    repeatedHeaders: [],
    besideAnother: false,
  };
  if (inds.length) readTable(g, layout, form);
  layout.funds = readFunds(g, form, range);
  return layout;
}

function readTable(g: Grid, layout: FormLayout, form: FormReview): void {
  const first = inds(form)[0];
  const columns: Partial<Record<Field, number>> = {
    target: colOf(first.target.cell) ?? undefined,
    actual: colOf(first.actual.cell) ?? undefined,
    score: colOf(first.score.cell) ?? undefined,
    explanation: colOf(first.explanation.cell) ?? undefined,
  };
  // The header is the nearest row above the first indicator whose score cell holds a word:
  // section lines ("一、产出指标 | 50 | 48") and bare 一级 rows may sit between.
  let bottom = first.row - 2;
  const scoreCol = columns.score!;
  const isHeader = (r: number) => {
    const m = g.mergeAt(r, scoreCol);
    // A section line merged across the table shows its text in every column: not a header.
    if (m && m.left < scoreCol && m.right >= scoreCol) return false;
    return /[^\d.\s-]/.test(g.shownText(r, scoreCol));
  };
  while (bottom > layout.range.top && !isHeader(bottom)) bottom--;
  // A merge over two header rows (or a parent over sub-headers) starts on the top header row.
  let top = bottom;
  for (let c = layout.range.left; c <= layout.range.right; c++) {
    const m = g.mergeAt(bottom, c);
    if (m && m.top < top && m.top >= bottom - 1) top = m.top;
    const above = g.mergeAt(bottom - 1, c);
    if (above && above.left < above.right && above.bottom === bottom - 1 && isParentHeader(g.text(above.top, above.left))) top = Math.min(top, bottom - 1);
  }
  for (let r = top; r <= bottom; r++) {
    for (let c = layout.range.left; c <= layout.range.right; c++) {
      const text = g.shownText(r, c);
      if (/年初|调整/.test(text)) layout.adjustedTarget = true;
      for (const [field, re] of HEADER_WORDS) if (columns[field] === undefined && re.test(text) && !Object.values(columns).includes(c)) columns[field] = c;
    }
  }
  const used = Object.values(columns).filter((c): c is number => c !== undefined);
  layout.headerTop = top;
  layout.headerBottom = bottom;
  layout.columns = columns;
  layout.tableLeft = Math.min(...used);
  layout.tableRight = Math.max(...used);
  for (const [field, col] of Object.entries(columns) as [Field, number][]) {
    const m = masterOf(g, bottom, col);
    const master = g.text(m.row, m.col) ? m : masterOf(g, top, col);
    layout.headers[field] = toA1(master.row, master.col);
  }
  if (layout.tableLeft > layout.range.left) {
    const m = masterOf(g, top, layout.tableLeft - 1);
    const label = g.text(m.row, m.col);
    // A block label: the indicator rows beside it show the label (merged down) or nothing. A column
    // whose rows hold names is the table's own hierarchy column, not a label.
    const isLabel = layout.indicatorRows.every((r) => ['', label].includes(g.shownText(r, layout.tableLeft - 1)));
    if (label.trim() && isLabel) layout.indicatorLabel = toA1(m.row, m.col);
  }
  const targetHeader = g.shownText(bottom, columns.target!);
  const last = layout.totalRow ?? layout.indicatorRows[layout.indicatorRows.length - 1];
  for (let r = bottom + 1; r <= last; r++) if (targetHeader && g.text(r, columns.target!) === targetHeader) layout.repeatedHeaders.push(r);
  if (columns.level2 !== undefined) layout.level2Texts = layout.indicatorRows.map((r) => g.shownText(r, columns.level2!));
}

const isParentHeader = (t: string) => t.length <= 8 && /自评|指标|完成|预算/.test(t);

const inds = (form: FormReview) => (form.indicators ?? []).filter((i) => i.score.cell);

const FUNDS_SPLIT = /其中|结转|其他资金|财政拨款|按.{2,4}分|基本支出|项目支出|一般公共预算|政府性基金|非税|专户/;

function readFunds(g: Grid, form: FormReview, range: FormLayout['range']): FormLayout['funds'] {
  const totalRow = rowOf(form.budget?.rate.cell) ?? rowOf(form.budget?.score.cell);
  if (totalRow === null) return null;
  let headerRow = -1;
  for (let r = totalRow - 1; r >= Math.max(range.top, totalRow - 3) && headerRow < 0; r--) {
    for (let c = range.left; c <= range.right; c++) if (/预算数|执行数/.test(g.text(r, c))) headerRow = r;
  }
  if (headerRow < 0) return null;
  let top = headerRow;
  let bottom = totalRow;
  const label = g.mergeAt(headerRow, range.left);
  if (label && label.left === label.right) {
    top = Math.min(top, label.top);
    bottom = Math.max(bottom, label.bottom);
  } else {
    while (bottom + 1 <= range.bottom && Array.from({ length: range.right - range.left + 1 }, (_, k) => g.shownText(bottom + 1, range.left + k)).some((t) => FUNDS_SPLIT.test(t))) bottom++;
  }
  let totalLabel: string | null = null;
  let title: string | null = null;
  for (let c = range.left; c <= range.right; c++) {
    if (!totalLabel && /资金总额|合计/.test(g.text(totalRow, c))) totalLabel = toA1(totalRow, c);
  }
  const t = masterOf(g, headerRow, range.left);
  if (/资金|预算|申请/.test(g.text(t.row, t.col)) && !/预算数/.test(g.text(t.row, t.col))) title = toA1(t.row, t.col);
  const headers: Partial<Record<FundsKey, string>> = {};
  const taken = new Set<number>();
  for (const [key, re] of FUNDS_HEADER_WORDS) {
    for (let c = range.left + 1; c <= range.right; c++) {
      if (taken.has(c) || !re.test(g.text(headerRow, c).replace(/\s/g, ''))) continue;
      headers[key] = toA1(headerRow, c);
      taken.add(c);
      break;
    }
  }
  return { top, bottom, headerRow, totalRow, totalLabel, title, headers };
}
