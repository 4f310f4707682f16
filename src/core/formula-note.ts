// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- the ambient types must follow this file into every build (CLI, bench), whatever its include list
/// <reference path="./formula-parser.d.ts" />
/**
 * A finding on a cell that holds a formula says so: the recompute never overwrites a formula, so
 * "得分应为 14.55，表内为 15" alone would stay forever with no hint why. The note names the formula,
 * the values of the cells it reads, and what the clerk can change.
 */
import type { CellRef, RangeRef } from 'fast-formula-parser';
import { formulaEngine } from './formulaEngine';
import type { Finding, Lang } from './types';
import type { WorkbookSnapshot } from './snapshot';
import { cellByAddress } from './grid';
import { parseA1, toA1 } from './address';
import { fmtNum } from './format';

/** Findings about a number the formula produces (a score, a rate, a total, a sum). */
const ABOUT_RESULT = new Set<Finding['code']>(['score-mismatch', 'sum-mismatch', 'rate-mismatch', 'score-over-weight']);
/** Inputs named at most, so the message stays one line. */
const MAX_INPUTS = 6;

const TEXT = {
  'zh-CN': {
    note: (formula: string, inputs: string) => `该格为公式 ${formula}${inputs ? `（${inputs}）` : ''}，一键重算不改写公式：请改正公式或它引用的单元格`,
    range: (a: string) => `${a} 区域`,
    sep: '，',
    empty: '空',
  },
  'en-US': {
    note: (formula: string, inputs: string) => `this cell holds the formula ${formula}${inputs ? ` (${inputs})` : ''}; the recompute never overwrites a formula: correct the formula or the cells it reads`,
    range: (a: string) => `range ${a}`,
    sep: ', ',
    empty: 'empty',
  },
};

function shown(v: unknown, lang: Lang): string {
  if (typeof v === 'number') return fmtNum(v);
  if (v === null || v === undefined || v === '') return TEXT[lang].empty;
  return String(v);
}

function inputsOf(book: WorkbookSnapshot, sheet: string, cell: string, formula: string, lang: Lang): string {
  const at = parseA1(cell);
  if (!at) return '';
  let refs: (CellRef | RangeRef)[];
  try {
    refs = new (formulaEngine().DepParser)().parse(formula.replace(/^=/, ''), { sheet, row: at.row + 1, col: at.col + 1 });
  } catch {
    return '';
  }
  const parts: string[] = [];
  for (const r of refs.slice(0, MAX_INPUTS)) {
    const on = r.sheet && r.sheet !== sheet ? `${r.sheet}!` : '';
    if ('from' in r) parts.push(TEXT[lang].range(`${on}${toA1(r.from.row - 1, r.from.col - 1)}:${toA1(r.to.row - 1, r.to.col - 1)}`));
    else {
      const a1 = toA1(r.row - 1, r.col - 1);
      parts.push(`${on}${a1} = ${shown(cellByAddress(book, r.sheet ?? sheet, a1).value, lang)}`);
    }
  }
  if (refs.length > MAX_INPUTS) parts.push('…');
  return parts.join(TEXT[lang].sep);
}

/** Appends the formula note to every finding about a result whose cell holds a formula (in place). */
export function noteFormulas(findings: Finding[], book: WorkbookSnapshot, lang: Lang): void {
  const sep = lang === 'zh-CN' ? '；' : '; ';
  for (const f of findings) {
    if (!f.sheet || !f.cell || !ABOUT_RESULT.has(f.code)) continue;
    const formula = cellByAddress(book, f.sheet, f.cell).formula;
    if (!formula) continue;
    f.message += sep + TEXT[lang].note(formula, inputsOf(book, f.sheet, f.cell, formula, lang));
  }
}
