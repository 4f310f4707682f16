/**
 * Layout perturbations that keep a form's meaning: what real templates do differently from the
 * ones the tests were written on. Each step is plain data (printable, storable as a fixed case);
 * `familyOf` names its family and variant ("extra-column:评分方法"), the unit KNOWN_FAILING uses.
 */
import { toA1 } from '../../src/core/address';
import type { CellValue } from '../../src/core/snapshot';
import type { IndicatorReview } from '../../src/core/types';
import { cellOf, isEmpty, type Grid } from './grid';
import type { Field, FormLayout, FundsKey } from './layout';

export interface ExtraColumn {
  header: string;
  /** What a clerk writes in the column on an indicator row. */
  content: (i: IndicatorReview, k: number) => { value: CellValue; format?: string };
}

const unitOfTarget = (text: string) => /\d\s*([^\d\s.,，。≥≤=<>%％]{1,4}|%|％)\s*$/.exec(text)?.[1] ?? '';

/** The extra columns real templates carry, with their usual headers. */
export const EXTRA_COLUMNS: ExtraColumn[] = [
  { header: '系数', content: () => ({ value: 1, format: '0%' }) },
  { header: '权重系数（%）', content: () => ({ value: 100 }) },
  { header: '得分系数', content: () => ({ value: 1, format: '0%' }) },
  { header: '评分方法', content: () => ({ value: '完成目标值得满分，未完成按完成比例计分' }) },
  { header: '计分方法', content: () => ({ value: '按完成比例计分' }) },
  { header: '评分标准', content: () => ({ value: '达到目标值得满分，每低1个百分点扣0.5分' }) },
  { header: '得分计算方法', content: () => ({ value: '实际完成值÷年度指标值×分值' }) },
  { header: '备注', content: (_i, k) => ({ value: k % 2 ? '无' : null }) },
  { header: '说明', content: () => ({ value: '数据来源：业务台账' }) },
  { header: '核心指标', content: (_i, k) => ({ value: k % 3 === 0 ? '★' : null }) },
  { header: '是否核心指标', content: (_i, k) => ({ value: k % 3 === 0 ? '是' : '否' }) },
  { header: '指标性质', content: (i) => ({ value: i.kind === 'qualitative' || i.kind === 'date' ? '定性指标' : '定量指标' }) },
  { header: '度量单位', content: (i) => ({ value: unitOfTarget(i.target.text) || null }) },
  { header: '评分依据', content: () => ({ value: '业务台账、验收报告' }) },
  { header: '分值说明', content: () => ({ value: '完成得满分，未完成按比例扣分' }) },
  { header: '指标值说明', content: () => ({ value: '以年初批复的绩效目标为准' }) },
  { header: '完成情况说明', content: () => ({ value: '已按计划完成' }) },
  { header: '是否完成', content: (i) => ({ value: i.score.stated !== null && i.weight !== null && i.score.stated < i.weight ? '否' : '是' }) },
  { header: '计量单位', content: (i) => ({ value: unitOfTarget(i.target.text) || null }) },
];

/** Header synonyms, unit suffixes, line breaks and spaces a template may use for each column. */
export const RENAMES: Record<Field, string[]> = {
  level1: ['一级\n指标', '一级指标名称'],
  level2: ['二级\n指标', '二级指标名称'],
  level3: ['三级\n指标', '三级指标名称', '指标名称'],
  target: ['年度\n指标值', '年初目标值', '年度目标值', '指标值', '目标值', '预期指标值'],
  actual: ['实际\n完成值', '全年实际值', '完成值', '实际值', '全年完成值', '实际完成情况'],
  weight: ['分值（分）', '分值(分)', '分　值', '分值\n（分）', '权重', '权重（分）', '指标分值'],
  score: ['得分（分）', '得分(分)', '得　分', '得分\n（分）', '自评得分', '自评分', '评分'],
  explanation: ['偏差原因分析\n及改进措施', '未完成原因分析', '偏差原因及改进措施', '未完成原因分析及改进措施', '偏差原因分析'],
};

/** The funds block's column headers, found by these words, and what other templates call them. */
export const FUNDS_HEADERS: { key: FundsKey; names: string[] }[] = [
  { key: 'planned', names: ['年初预算', '年初预算数（万元）', '年初\n预算数'] },
  { key: 'budgeted', names: ['全年预算数（A）', '调整后预算数', '全年（调整）预算数'] },
  { key: 'executed', names: ['全年执行数（B）', '预算执行数', '全年\n执行数'] },
  { key: 'weight', names: ['权重', '分值（分）', '执行率权重'] },
  { key: 'rate', names: ['执行率（B/A）', '预算执行率', '执行率（%）'] },
  { key: 'score', names: ['自评得分', '得分（分）', '执行率得分（分）'] },
];

/** Other words for the labels on the left of the blocks. */
export const RELABELS = {
  indicator: ['年度绩效指标', '绩\n效\n指\n标', '指标完成情况', '绩效指标完成情况', '年度绩效指标完成情况', '绩效目标完成情况'],
  'funds-total': ['年度资金总额：', '资金总额', '年度资金\n总额', '项目资金总额', '合计', '总额', '年度预算资金总额'],
  'funds-title': ['项目资金', '年度预算申请', '资金情况', '预算执行情况', '项目资金\n', '资金投入情况', '预算执行情况（10分）'],
} as const;

export type Block = keyof typeof RELABELS;

export type Step =
  | { kind: 'extra-column'; column: number; at: number }
  | { kind: 'rename'; field: Field; variant: number }
  | { kind: 'rename-funds'; column: number; variant: number }
  | { kind: 'relabel'; block: Block; variant: number }
  | { kind: 'move-funds'; to: 'below' | 'right' | 'before-table' }
  | { kind: 'drop-level2' }
  | { kind: 'lines'; where: 'title' | 'unit' | 'between' | 'signature'; count: number }
  | { kind: 'split-header'; parent: 'score-pair' | 'levels' };

const pick = <T>(list: readonly T[], n: number): T => list[((n % list.length) + list.length) % list.length];

/** Family and variant of a step, e.g. "extra-column:得分系数", "rename:score:评分". */
export function familyOf(s: Step): string {
  switch (s.kind) {
    case 'extra-column':
      return `extra-column:${pick(EXTRA_COLUMNS, s.column).header}`;
    case 'rename':
      return `rename:${s.field}:${pick(RENAMES[s.field], s.variant).replace(/\n/g, '⏎')}`;
    case 'rename-funds': {
      const h = pick(FUNDS_HEADERS, s.column);
      return `rename-funds:${h.key}:${pick(h.names, s.variant).replace(/\n/g, '⏎')}`;
    }
    case 'relabel':
      return `relabel:${s.block}:${pick(RELABELS[s.block], s.variant).replace(/\n/g, '⏎')}`;
    case 'move-funds':
      return `move-funds:${s.to}`;
    case 'drop-level2':
      return 'drop-level2';
    case 'lines':
      return `lines:${s.where}`;
    case 'split-header':
      return `split-header:${s.parent}`;
  }
}

/** The current position of an original cell, or null when deleted. */
const where = (g: Grid, a1: string | undefined | null) => (a1 ? g.find(a1) : null);

/** Current row of an original row: the topmost of its original cells (a split header moves some down). */
function rowNow(g: Grid, row: number, l: FormLayout): number | null {
  let best: number | null = null;
  for (let c = l.range.left; c <= l.range.right + 1; c++) {
    const p = g.find(toA1(row, c));
    if (p && (best === null || p.row < best)) best = p.row;
  }
  return best;
}

/** Current table columns: from the leftmost to the rightmost header cell of the known fields. */
function tableNow(g: Grid, l: FormLayout): { left: number; right: number; header: number } | null {
  const cols = Object.values(l.headers).map((a1) => where(g, a1)).filter((p): p is { row: number; col: number } => p !== null);
  if (!cols.length) return null;
  const header = rowNow(g, l.headerTop, l);
  if (header === null) return null;
  let right = Math.max(...cols.map((p) => p.col));
  while (g.text(header, right + 1).trim()) right++;
  return { left: Math.min(...cols.map((p) => p.col)), right, header };
}

/** Applies one step in place; false when it does not apply to this form (then nothing changed). */
export function applyStep(g: Grid, l: FormLayout, s: Step, indicators: IndicatorReview[]): boolean {
  switch (s.kind) {
    case 'extra-column':
      return extraColumn(g, l, pick(EXTRA_COLUMNS, s.column), s.at, indicators);
    case 'rename': {
      const p = where(g, l.headers[s.field]);
      if (!p || (s.field === 'target' && l.adjustedTarget)) return false;
      g.relabel(p.row, p.col, pick(RENAMES[s.field], s.variant));
      // The header repeated after a page break (续表) is renamed alike.
      for (const r of l.repeatedHeaders) {
        const row = rowNow(g, r, l);
        if (row !== null) g.relabel(row, p.col, pick(RENAMES[s.field], s.variant));
      }
      return true;
    }
    case 'rename-funds':
      return renameFunds(g, l, pick(FUNDS_HEADERS, s.column), s.variant);
    case 'relabel':
      return relabel(g, l, s.block, s.variant);
    case 'move-funds':
      return moveFunds(g, l, s.to);
    case 'drop-level2':
      return dropLevel2(g, l);
    case 'lines':
      return lines(g, l, s.where, s.count);
    case 'split-header':
      return splitHeader(g, l, s.parent);
  }
}

function extraColumn(g: Grid, l: FormLayout, extra: ExtraColumn, at: number, indicators: IndicatorReview[]): boolean {
  const t = tableNow(g, l);
  if (!t || !indicators.length) return false;
  if (Object.values(l.headers).some((a1) => g.find(a1!) && g.shownText(g.find(a1!)!.row, g.find(a1!)!.col).replace(/\s/g, '') === extra.header)) return false;
  for (let c = t.left; c <= t.right; c++) if (g.text(t.header, c).replace(/\s/g, '') === extra.header) return false;
  let col = t.left + (((at % (t.right - t.left + 2)) + (t.right - t.left + 2)) % (t.right - t.left + 2));
  // Not inside a parent header merged over sub-headers: beside it.
  for (const m of g.merges) if (m.top <= t.header && m.bottom >= t.header && m.left < col && m.right >= col) col = m.right + 1;
  // Not between a level and the 分值 column that belongs to it (一级指标 | 分值 | 二级指标 | 分值 …).
  if (/分值|权重/.test(g.text(t.header, col)) && /[一二三]级/.test(g.text(t.header, col - 1))) col++;
  const repeated = l.repeatedHeaders.map((r) => rowNow(g, r, l)).filter((r): r is number => r !== null);
  const headerBottom = rowNow(g, l.headerBottom, l)!;
  const top = rowNow(g, l.range.top, l) ?? 0;
  const last = rowNow(g, l.totalRow ?? l.indicatorRows[l.indicatorRows.length - 1], l) ?? g.rowCount - 1;
  g.insertColumn(col);
  g.set(t.header, col, extra.header);
  for (const r of repeated) g.set(r, col, extra.header);
  if (headerBottom > t.header) g.merge({ top: t.header, bottom: headerBottom, left: col, right: col });
  indicators.forEach((ind, k) => {
    const p = where(g, ind.score.cell);
    if (!p) return;
    const v = extra.content(ind, k);
    if (v.value !== null) g.set(p.row, col, v.value, v.format);
  });
  // Outside the table a template designer merges the cell on the left over the new column.
  for (let r = top; r <= last; r++) {
    if ((r >= t.header && r <= last - (l.totalRow !== null ? 1 : 0)) || repeated.includes(r)) continue;
    if (col === 0) continue;
    const m = g.mergeAt(r, col - 1);
    if (m && m.right === col - 1 && !g.mergeAt(r, col)) m.right = col;
    else if (!m && g.text(r, col - 1).trim() && isEmpty(g.at(r, col))) g.merge({ top: r, bottom: r, left: col - 1, right: col });
  }
  return true;
}

function renameFunds(g: Grid, l: FormLayout, h: (typeof FUNDS_HEADERS)[number], variant: number): boolean {
  const p = where(g, l.funds?.headers[h.key]);
  if (!p) return false;
  g.relabel(p.row, p.col, pick(h.names, variant));
  return true;
}

function relabel(g: Grid, l: FormLayout, block: Block, variant: number): boolean {
  const text = pick(RELABELS[block], variant);
  const a1 = block === 'indicator' ? l.indicatorLabel : block === 'funds-total' ? l.funds?.totalLabel : l.funds?.title;
  const p = where(g, a1);
  if (!p) return false;
  if (block === 'funds-title') {
    const unit = /[（(][^）)]*[）)]\s*$/.exec(g.text(p.row, p.col))?.[0] ?? '';
    g.relabel(p.row, p.col, text + unit);
  } else g.relabel(p.row, p.col, text);
  return true;
}

function moveFunds(g: Grid, l: FormLayout, to: 'below' | 'right' | 'before-table'): boolean {
  // Whole rows move: a form standing beside this one would lose its own lines.
  if (!l.funds || !l.indicatorRows.length || l.besideAnother) return false;
  const top = rowNow(g, l.funds.top, l);
  const bottom = rowNow(g, l.funds.bottom, l);
  const header = rowNow(g, l.headerTop, l);
  if (top === null || bottom === null || header === null || bottom - top !== l.funds.bottom - l.funds.top) return false;
  if (g.crossesRowEdge(top) || g.crossesRowEdge(bottom + 1)) return false;
  if (to === 'before-table' && bottom + 1 >= header) return false;
  const n = bottom - top + 1;
  if (to === 'right') {
    // Beside the form, from its second row; only where nothing else stands on the right.
    // One blank column right of the form as it stands now (a column inserted before widens it).
    const left = Math.max(l.range.right, tableNow(g, l)?.right ?? 0) + 2;
    if (g.cells.some((line) => line.slice(left).some((cell) => !isEmpty(cell)))) return false;
    const block = g.cutRows(top, bottom);
    const shifted = { rows: block.rows.map((line) => line.slice(l.range.left)), merges: block.merges.map((m) => ({ ...m, left: m.left - l.range.left, right: m.right - l.range.left })) };
    g.paste(shifted, (rowNow(g, l.range.top, l) ?? 0) + 1, left);
    return true;
  }
  const block = g.cutRows(top, bottom);
  if (to === 'before-table') {
    const h = rowNow(g, l.headerTop, l)!;
    g.insertRows(h, n);
    g.paste(block, h, 0);
    return true;
  }
  // Under the whole form: a grade line under the 总分 row stays with it.
  const lastRow = rowNow(g, l.range.bottom, l) ?? rowNow(g, l.totalRow ?? l.indicatorRows[l.indicatorRows.length - 1], l)!;
  g.insertRows(lastRow + 1, n + 1);
  g.paste(block, lastRow + 2, 0);
  return true;
}

function dropLevel2(g: Grid, l: FormLayout): boolean {
  const p = where(g, l.headers.level2);
  // A 成本指标 name decides how a bare amount is scored; a 分值 column after 二级 or a scored 二级
  // parent row carries weights of its own: without the column the form would mean something else.
  if (!p || l.level2Texts.some((t) => /成本/.test(t)) || l.level2Scored || /分值|权重/.test(g.text(p.row, p.col + 1))) return false;
  const top = rowNow(g, l.headerTop, l);
  const bottom = rowNow(g, l.totalRow ?? l.indicatorRows[l.indicatorRows.length - 1], l);
  if (top === null || bottom === null) return false;
  if (g.crossesRowEdge(top, p.col) || g.crossesRowEdge(bottom + 1, p.col)) return false;
  // The band's cells shift left: a block standing right of the table (a funds block moved there) would be torn.
  const t = tableNow(g, l);
  if (!t) return false;
  for (let r = top; r <= bottom; r++) if ((g.cells[r] ?? []).slice(t.right + 1).some((cell) => !isEmpty(cell))) return false;
  g.deleteInBand(p.col, top, bottom);
  return true;
}

const SIGNATURE: CellValue[] = ['单位负责人：', null, '财务负责人：', null, '填表人：', null, '联系电话：'];

function lines(g: Grid, l: FormLayout, where_: 'title' | 'unit' | 'between' | 'signature', count: number): boolean {
  const n = 1 + (Math.abs(count) % 2);
  // The form's top row now: a funds block that was on top may have moved beside or under the table.
  const tops = [rowNow(g, l.range.top, l), rowNow(g, l.headerTop, l)].filter((r): r is number => r !== null);
  if (!tops.length) return false;
  const top = Math.min(...tops);
  const left = l.range.left;
  if (where_ === 'title') {
    g.insertRows(top, n);
    g.set(top, left, '附件3');
    return true;
  }
  if (where_ === 'unit') {
    // Under the title, or above the form when it has none (a funds or indicator header on top).
    const line = g.cells[top] ?? [];
    const filled = line.filter((cell) => !isEmpty(cell)).length;
    const at = filled === 1 && /表/.test(g.text(top, line.findIndex((cell) => !isEmpty(cell)))) ? top + 1 : top;
    const title = where(g, l.funds?.title);
    const unit = title ? /[（(](万?元)[）)]/.exec(g.text(title.row, title.col))?.[1] : undefined;
    g.insertRows(at, n);
    g.set(at, left, '填报单位（盖章）：');
    if (unit) g.set(at + n - 1, left + 4, `金额单位：${unit}`);
    return true;
  }
  if (where_ === 'between') {
    const h = rowNow(g, l.headerTop, l);
    if (h === null || h <= top) return false;
    // The blank row runs across the sheet: not through a block standing right of the table (a funds block moved there).
    const t = tableNow(g, l);
    if (t && [h - 1, h].every((r) => (g.cells[r] ?? []).slice(t.right + 1).some((cell) => !isEmpty(cell)))) return false;
    g.insertRows(h, n);
    return true;
  }
  const last = rowNow(g, l.range.bottom, l);
  if (last === null) return false;
  g.insertRows(last + 1, n + 1);
  SIGNATURE.forEach((v, k) => v !== null && left + k <= l.range.right && g.set(last + 2, left + k, v));
  if (n > 1) g.set(last + 3, left, '填报日期：2024年3月20日');
  return true;
}

function splitHeader(g: Grid, l: FormLayout, parent: 'score-pair' | 'levels'): boolean {
  if (l.headerTop !== l.headerBottom || l.repeatedHeaders.length || l.besideAnother) return false;
  const t = tableNow(g, l);
  if (!t) return false;
  const cols = (fields: Field[]) => fields.map((f) => where(g, l.headers[f])?.col ?? -1);
  const group = parent === 'score-pair' ? cols(['weight', 'score']) : cols(['level1', 'level2', 'level3']);
  if (group.some((c) => c < 0) || group.some((c, k) => k > 0 && c !== group[k - 1] + 1)) return false;
  if (parent === 'levels' && l.indicatorLabel) return false;
  const h = t.header;
  if (group.some((c) => g.mergeAt(h, c))) return false;
  // The new row runs across the sheet: not through a block standing right of the table (a funds block moved there).
  if ([h, h + 1].some((r) => (g.cells[r] ?? []).slice(t.right + 1).some((cell) => !isEmpty(cell)))) return false;
  g.insertRows(h + 1);
  for (let c = t.left; c <= t.right; c++) {
    if (group.includes(c)) {
      g.cells[h + 1][c] = g.at(h, c);
      g.cells[h][c] = c === group[0] ? cellOf(parent === 'score-pair' ? '自评' : '绩效指标') : null;
      continue;
    }
    const m = g.mergeAt(h, c);
    if (m && m.top === h && m.bottom === h) m.bottom = h + 1;
    else if (!m) g.merge({ top: h, bottom: h + 1, left: c, right: c });
  }
  g.merge({ top: h, bottom: h, left: group[0], right: group[group.length - 1] });
  return true;
}
