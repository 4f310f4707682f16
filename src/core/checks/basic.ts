/** Finding sections, columns and rows of a 基础数据表 by their labels. */
import type { BasicDataForm, BasicDataSection, Bound } from '../form';
import { cellNumber, cellRate } from '../score/cells';
import { coreLabel, numberingOf, withoutSpaces } from '../locate/text';

export { coreLabel, numberingOf, withoutSpaces };

export type BasicRow = BasicDataSection['rows'][number];

/** Top-level rows of the 经费控制 section (numbering aside: "（二）项目支出"); a "其中" row never is one. */
export const TOP = /^(三公经费|项目支出|公用经费|政府采购|部门基本支出|楼堂馆所)/;

export function isTopRow(row: BasicRow): boolean {
  return !/^其中/.test(withoutSpaces(row.label)) && TOP.test(coreLabel(row.label));
}

export function section(form: BasicDataForm, title: RegExp): BasicDataSection | null {
  return form.sections.find((s) => title.test(withoutSpaces(s.title))) ?? null;
}

/** Index of the first column whose label matches (the last one with `last`). */
export function column(sec: BasicDataSection, label: RegExp, last = false): number {
  let found = -1;
  for (let i = 0; i < sec.columns.length; i++) {
    if (!label.test(withoutSpaces(sec.columns[i].label))) continue;
    found = i;
    if (!last) break;
  }
  return found;
}

/** The first row (from `from`) whose label matches, as written or without its numbering ("（二）项目支出"). */
export function rowIndex(sec: BasicDataSection, label: RegExp, from = 0): number {
  for (let i = from; i < sec.rows.length; i++) {
    const l = sec.rows[i].label;
    if (label.test(withoutSpaces(l)) || label.test(coreLabel(l))) return i;
  }
  return -1;
}

/**
 * The row holding the amounts of a top-level item: the first row matching `label` with a number in
 * one of `cols`, or the first matching row when none has one. "（二）项目支出" left blank over a
 * "项目支出合计" row names the block; the 合计 row holds its amounts.
 */
export function amountRow(sec: BasicDataSection, label: RegExp, cols: number[]): number {
  const first = rowIndex(sec, label);
  if (first < 0) return -1;
  for (let i = first; i < sec.rows.length; i++) {
    const row = sec.rows[i];
    if (i > first && isTopRow(row) && !label.test(coreLabel(row.label))) break;
    if (!label.test(withoutSpaces(row.label)) && !label.test(coreLabel(row.label))) continue;
    if (cols.some((c) => numAt(row, c) !== null)) return i;
  }
  return first;
}

export function cellAt(row: BasicRow | undefined, col: number): Bound | null {
  return row && col >= 0 ? row.cells[col] ?? null : null;
}

export function numAt(row: BasicRow | undefined, col: number): number | null {
  return cellNumber(cellAt(row, col)).value;
}

/** Value columns of the 经费控制 section (上年决算 / 当年预算 / 当年决算). */
export function moneyColumns(sec: BasicDataSection): number[] {
  return sec.columns.map((c, i) => (/预算|决算/.test(withoutSpaces(c.label)) ? i : -1)).filter((i) => i >= 0);
}

export const STAFF = /人员|编制/;
export const MONEY = /经费控制|经费/;
export const BUILDINGS = /楼堂馆所/;

/**
 * The 经费控制 section: titled so (经费控制情况, 三公经费控制情况 …), else the first other section with
 * a 决算 column ("支出控制情况", "经费支出情况" of other templates), never the staffing or 楼堂馆所 one.
 */
export function moneySection(form: BasicDataForm): BasicDataSection | null {
  let sec = moneySections.get(form);
  if (sec === undefined) moneySections.set(form, (sec = findMoneySection(form)));
  return sec;
}

// Per form of this review (three checks ask), not across workbooks: the forms are the review's own objects.
const moneySections = new WeakMap<BasicDataForm, BasicDataSection | null>();

function findMoneySection(form: BasicDataForm): BasicDataSection | null {
  return section(form, MONEY) ?? form.sections.find((s) => !STAFF.test(withoutSpaces(s.title)) && !BUILDINGS.test(withoutSpaces(s.title)) && column(s, /决算/) >= 0) ?? null;
}

export interface ControlRatio {
  name: { zh: string; en: string };
  cell: Bound | null;
  /** The numerator's cell: where to point when the section has no rate column. */
  operand: Bound | null;
  stated: number | null;
  /** numerator ÷ denominator; null (blank, not 0) when the denominator is 0 or missing. */
  computed: number | null;
  numerator: number | null;
  denominator: number | null;
}

const ratio = (n: number | null, d: number | null) => (n === null || d === null || d === 0 ? null : n / d);

/** Index of the first column whose label passes `test` (labels without whitespace). */
function columnWhere(sec: BasicDataSection, test: (label: string, i: number) => boolean): number {
  return sec.columns.findIndex((c, i) => test(withoutSpaces(c.label), i));
}

/** Staff actually employed: 实际在职人数, 实有人数, 年末实有人数, 在编人数, 实际人数, 现有人数. */
const STAFF_ACTUAL = /实有|实际|在职|在编|现有|年末人数/;
/** The approved establishment: 编制数, 编制人数, 核定编制, 核定人数. */
const STAFF_QUOTA = /编制|核定/;
const RATE_LABEL = /率/;

/**
 * 控制率 = 实际在职 / 编制; 规模控制率 = 实际规模 / 批复规模; 投资概算控制率 = 实际投资 / 预算投资.
 * Computed once per form of this review (rate-mismatch and limit-exceeded both read them). Shared: do not mutate.
 */
export function controlRatios(form: BasicDataForm): readonly ControlRatio[] {
  let out = ratiosOf.get(form);
  if (out === undefined) ratiosOf.set(form, (out = ratiosOfForm(form)));
  return out;
}

const ratiosOf = new WeakMap<BasicDataForm, readonly ControlRatio[]>();

function ratiosOfForm(form: BasicDataForm): ControlRatio[] {
  const out: ControlRatio[] = [];
  const staff = section(form, STAFF);
  if (staff) {
    const n = columnWhere(staff, (l) => STAFF_ACTUAL.test(l) && !RATE_LABEL.test(l));
    const d = columnWhere(staff, (l, i) => i !== n && STAFF_QUOTA.test(l) && !STAFF_ACTUAL.test(l) && !RATE_LABEL.test(l));
    addRatios(out, staff, { zh: '控制率', en: 'staffing control rate' }, n, d, column(staff, /控制率/));
  }
  const b = section(form, BUILDINGS);
  if (b) {
    addRatios(out, b, { zh: '规模控制率', en: 'floor-area control rate' }, column(b, /实际规模/), column(b, /批复规模/), column(b, /规模控制率/));
    addRatios(out, b, { zh: '投资概算控制率', en: 'investment control rate' }, column(b, /实际投资/), column(b, /预算投资/), column(b, /投资.*控制率/));
  }
  return out;
}

/** The ratio of columns n ÷ d on every row of `sec` holding either, with the stated rate of column r. */
function addRatios(out: ControlRatio[], sec: BasicDataSection, name: ControlRatio['name'], n: number, d: number, r: number): void {
  if (n < 0 || d < 0 || n === d) return;
  for (let j = 0; j < sec.rows.length; j++) {
    const row = sec.rows[j];
    const rc = cellAt(row, r);
    const nv = numAt(row, n);
    const dv = numAt(row, d);
    if (nv === null && dv === null) continue;
    const stated = rc ? rateOf(rc) : null;
    out.push({ name, cell: rc, operand: cellAt(row, n), stated, computed: ratio(nv, dv), numerator: nv, denominator: dv });
  }
}

function rateOf(b: Bound): number | null {
  return cellRate(b).value;
}
