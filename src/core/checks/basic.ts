/** Finding sections, columns and rows of a 基础数据表 by their labels. */
import type { BasicDataForm, BasicDataSection, Bound } from '../form';
import { cellNumber, cellRate } from '../score/cells';

export type BasicRow = BasicDataSection['rows'][number];

export const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u3000]+/g, '');

export function section(form: BasicDataForm, title: RegExp): BasicDataSection | null {
  return form.sections.find((s) => title.test(norm(s.title))) ?? null;
}

/** Index of the first column whose label matches (the last one with `last`). */
export function column(sec: BasicDataSection, label: RegExp, last = false): number {
  const idx = sec.columns.map((c, i) => (label.test(norm(c.label)) ? i : -1)).filter((i) => i >= 0);
  return idx.length ? (last ? idx[idx.length - 1] : idx[0]) : -1;
}

export function rowIndex(sec: BasicDataSection, label: RegExp, from = 0): number {
  for (let i = from; i < sec.rows.length; i++) if (label.test(norm(sec.rows[i].label))) return i;
  return -1;
}

export function cellAt(row: BasicRow | undefined, col: number): Bound | null {
  return row && col >= 0 ? row.cells[col] ?? null : null;
}

export function numAt(row: BasicRow | undefined, col: number): number | null {
  return cellNumber(cellAt(row, col)).value;
}

/** Value columns of the 经费控制 section (上年决算 / 当年预算 / 当年决算). */
export function moneyColumns(sec: BasicDataSection): number[] {
  return sec.columns.map((c, i) => (/预算|决算/.test(norm(c.label)) ? i : -1)).filter((i) => i >= 0);
}

export const STAFF = /人员|编制/;
export const MONEY = /经费控制|经费/;
export const BUILDINGS = /楼堂馆所/;

export interface ControlRatio {
  name: { zh: string; en: string };
  cell: Bound | null;
  stated: number | null;
  /** numerator ÷ denominator; null (blank, not 0) when the denominator is 0 or missing. */
  computed: number | null;
  numerator: number | null;
  denominator: number | null;
}

const ratio = (n: number | null, d: number | null) => (n === null || d === null || d === 0 ? null : n / d);

/** 控制率 = 实际在职 / 编制; 规模控制率 = 实际规模 / 批复规模; 投资概算控制率 = 实际投资 / 预算投资. */
export function controlRatios(form: BasicDataForm): ControlRatio[] {
  const out: ControlRatio[] = [];
  const add = (sec: BasicDataSection, name: ControlRatio['name'], num: RegExp, den: RegExp, rate: RegExp) => {
    const [n, d, r] = [column(sec, num), column(sec, den), column(sec, rate)];
    if (n < 0 || d < 0 || r < 0) return;
    for (const row of sec.rows) {
      const rc = cellAt(row, r);
      const [nv, dv] = [numAt(row, n), numAt(row, d)];
      if (nv === null && dv === null) continue;
      const stated = rc ? rateOf(rc) : null;
      out.push({ name, cell: rc, stated, computed: ratio(nv, dv), numerator: nv, denominator: dv });
    }
  };
  const staff = section(form, STAFF);
  if (staff) add(staff, { zh: '控制率', en: 'staffing control rate' }, /实际|在职/, /编制/, /控制率/);
  const b = section(form, BUILDINGS);
  if (b) {
    add(b, { zh: '规模控制率', en: 'floor-area control rate' }, /实际规模/, /批复规模/, /规模控制率/);
    add(b, { zh: '投资概算控制率', en: 'investment control rate' }, /实际投资/, /预算投资/, /投资.*控制率/);
  }
  return out;
}

function rateOf(b: Bound): number | null {
  return cellRate(b).value;
}
