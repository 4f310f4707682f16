/**
 * sum-mismatch on the 基础数据表's 经费控制 section: 三公经费 = 公务用车 + 因公出国（境） + 公务接待,
 * 公务用车 = 购置 + 运行维护, 项目支出 = its numbered parts, "其中" items ≤ their parent.
 * Rows are recognised by meaning, whatever the template's wording ("公务用车购置和维护经费",
 * "公务用车购置及运行维护费", "公车购置" …) and numbering ("1、", "（1）", "①", "一、" …).
 */
import type { BasicDataForm } from '../form';
import { fmtMoney, roundTo } from '../format';
import type { RuleSet } from '../rules/types';
import type { FindingDraft } from './types';
import { amountRow, cellAt, coreLabel, isTopRow, moneyColumns, moneySection, withoutSpaces, numAt, numberingOf, type BasicRow } from './basic';
import { moneyGap, sum } from './util';

const SANGONG = /三公/;
const PROJECT = /^项目支出/;
const PUBLIC = /^公用经费/;
const CAR = /公务用车|公车/;
const BUY = /购置/;
const RUN = /运行|维护|运维/;
const ABROAD = /出国|出境/;
const RECEPTION = /接待/;

type CarKind = 'total' | 'buy' | 'run';

/** 公务用车 rows: the whole (购置 and 运行/维护 both named, or neither: "公务用车费"), or one of its two parts. */
function carKind(core: string): CarKind | null {
  if (!CAR.test(core)) return null;
  const buy = BUY.test(core);
  const run = RUN.test(core);
  return buy === run ? 'total' : buy ? 'buy' : 'run';
}

/** Rows [start, end) of a top-level item: from its first row to the next top-level row of another item. */
function block(rows: BasicRow[], start: number, label: RegExp): number {
  let end = start + 1;
  while (end < rows.length && !(isTopRow(rows[end]) && !label.test(coreLabel(rows[end].label)))) end++;
  return end;
}

/** The 三公 parts in rows [from, to): first row of each meaning. Parts of 公务用车 named only "购置费" / "运行维护费" count when they follow its whole. */
function sangongParts(rows: BasicRow[], from: number, to: number, skip: number) {
  const found = { car: -1, buy: -1, run: -1, abroad: -1, reception: -1 };
  const carStyle = () => (found.car >= 0 ? numberingOf(rows[found.car].label)?.style ?? null : null);
  let underCar = false;
  for (let i = from; i < to; i++) {
    if (i === skip) continue;
    const core = coreLabel(rows[i].label);
    if (core === '') continue;
    const kind = carKind(core);
    if (kind === 'total' && found.car < 0) {
      found.car = i;
      underCar = true;
      continue;
    }
    if (kind === 'buy' && found.buy < 0) found.buy = i;
    else if (kind === 'run' && found.run < 0) found.run = i;
    else if (ABROAD.test(core)) {
      if (found.abroad < 0) found.abroad = i;
      underCar = false;
    } else if (RECEPTION.test(core)) {
      if (found.reception < 0) found.reception = i;
      underCar = false;
    } else if (underCar && kind === null) {
      // "其中：购置费" under "公务用车购置及运行维护费"; a sibling of the car row (same numbering) ends its parts.
      const style = numberingOf(rows[i].label)?.style ?? null;
      if (style !== null && style === carStyle()) underCar = false;
      else if (BUY.test(core) && !RUN.test(core) && found.buy < 0) found.buy = i;
      else if (RUN.test(core) && !BUY.test(core) && found.run < 0) found.run = i;
    }
  }
  return found;
}

/** Parts of a row: the numbered rows after it in [from, to) numbered like the first of them ("（1）" rows, not the "①" under them). */
function numberedParts(rows: BasicRow[], from: number, to: number): number[] {
  let style: string | null = null;
  const idx: number[] = [];
  for (let i = from; i < to; i++) {
    if (isTopRow(rows[i])) break;
    const n = numberingOf(rows[i].label);
    if (!n) continue;
    style ??= n.style;
    if (n.style === style) idx.push(i);
  }
  return idx;
}

/** The numbers in column `col` of the rows `at` (blanks left out), in their order. */
function numbersAt(rows: BasicRow[], at: number[], col: number): number[] {
  const out: number[] = [];
  for (let k = 0; k < at.length; k++) {
    const v = numAt(rows[at[k]], col);
    if (v !== null) out.push(v);
  }
  return out;
}

export function basicDataSums(form: BasicDataForm, rules: RuleSet): FindingDraft[] {
  const sec = moneySection(form);
  if (!sec) return [];
  const out: FindingDraft[] = [];
  const rows = sec.rows;
  const cols = moneyColumns(sec);
  /** Whole vs parts in each money column: equal (`sum`), or at most the whole (`cap`: "其中" items, or parts of which some are missing). */
  const check = (wholeRow: number, partRows: number[], messageId: string, asCap = false) => {
    if (wholeRow < 0 || partRows.length === 0 || partRows.includes(-1)) return;
    for (let j = 0; j < cols.length; j++) {
      const col = cols[j];
      const whole = numAt(rows[wholeRow], col);
      const parts = numbersAt(rows, partRows, col);
      if (whole === null || !parts.length) continue;
      const s = roundTo(sum(parts), 6);
      // The message's data only for a finding: most wholes add up.
      const data = () => ({ name: withoutSpaces(rows[wholeRow].label).replace(/[:：]$/, ''), column: sec.columns[col].label, whole: fmtMoney(whole), sum: fmtMoney(s) });
      const cell = cellAt(rows[wholeRow], col)?.a1 ?? null;
      if (asCap) {
        if (s > whole + rules.moneyTolerance / 2) out.push({ messageId, cell, data: data(), expected: s, found: whole });
        continue;
      }
      const gap = moneyGap(whole, parts, rules);
      if (gap) out.push({ messageId, severity: gap.severity, cell, data: data(), expected: gap.sum, found: whole });
    }
  };

  // 三公经费: its block (or the whole section when no 三公 row names one), then what of it can be checked.
  const sangong = amountRow(sec, SANGONG, cols);
  const first = sangong < 0 ? 0 : rows.findIndex((r) => SANGONG.test(coreLabel(r.label)));
  const p = sangongParts(rows, first, sangong < 0 ? rows.length : block(rows, first, SANGONG), sangong);
  const carParts = [p.buy, p.run].filter((i) => i >= 0);
  if (sangong >= 0) {
    const car = p.car >= 0 ? [p.car] : carParts;
    const complete = (p.car >= 0 || carParts.length === 2) && p.abroad >= 0 && p.reception >= 0;
    const parts = [...car, p.abroad, p.reception].filter((i) => i >= 0);
    check(sangong, parts, complete ? 'basicSum' : 'partsOver', !complete);
  }
  if (p.car >= 0 && carParts.length) check(p.car, carParts, carParts.length === 2 ? 'basicSum' : 'partsOver', carParts.length < 2);

  // 项目支出 = its numbered parts.
  const project = amountRow(sec, PROJECT, cols);
  if (project >= 0) {
    const start = rows.findIndex((r) => PROJECT.test(coreLabel(r.label)));
    check(project, numberedParts(rows, project + 1, block(rows, start, PROJECT)), 'basicSum');
  }

  // 其中 items: each and all together at most their parent.
  const pub = amountRow(sec, PUBLIC, cols);
  if (pub >= 0) {
    const items: number[] = [];
    for (let i = pub + 1; i < rows.length && !isTopRow(rows[i]); i++) if (withoutSpaces(rows[i].label)) items.push(i);
    check(pub, items, 'ofWhich', true);
  }
  return out;
}
