/** All checks, and the runner that turns drafts into findings in one language. */
import type { Finding, Lang } from '../types';
import { fillTemplate } from '../format';
import type { CheckContext, Rule } from './types';
import { valueMissing } from './value-missing';
import { valueFormat } from './value-format';
import { unitMismatch } from './unit-mismatch';
import { sumMismatch } from './sum-mismatch';
import { rateMismatch } from './rate-mismatch';
import { scoreMismatch } from './score-mismatch';
import { scoreOverWeight } from './score-over-weight';
import { weightProfile } from './weight-profile';
import { deviationUnexplained } from './deviation-unexplained';
import { overAchievement } from './over-achievement';
import { limitExceeded } from './limit-exceeded';
import { crossTableMismatch } from './cross-table-mismatch';
import { layoutUncertain } from './layout-uncertain';

export type { Rule, CheckContext, FindingDraft, FormEntry, MessageData } from './types';
export { guardFindings, doubtfulColumns } from './doubts';

export const RULES: Rule[] = [
  valueMissing, valueFormat, unitMismatch, sumMismatch, rateMismatch, scoreMismatch,
  scoreOverWeight, weightProfile, deviationUnexplained, overAchievement, limitExceeded, crossTableMismatch,
  layoutUncertain,
];


export interface RuleFailure {
  rule: string;
  sheet: string;
  /** The error's message only: never a stack. */
  message: string;
}

/** Runs `rules` on one form; a rule that throws is recorded as a failure and the others still run. */
export function runChecks(ctx: CheckContext, lang: Lang, rules: Rule[] = RULES): { findings: Finding[]; failures: RuleFailure[] } {
  const findings: Finding[] = [];
  const failures: RuleFailure[] = [];
  runChecksInto(ctx, lang, rules, findings, failures);
  return { findings, failures };
}

/** runChecks appending to the caller's lists (the review collects a whole workbook's findings in one). */
export function runChecksInto(ctx: CheckContext, lang: Lang, rules: Rule[], findings: Finding[], failures: RuleFailure[]): void {
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r];
    if (!rule.meta.forms.includes(ctx.form.kind)) continue;
    try {
      const drafts = rule.check(ctx);
      for (let k = 0; k < drafts.length; k++) {
        const d = drafts[k];
        const template = rule.messages[d.messageId];
        if (!template) throw new Error(`unknown message "${d.messageId}"`);
        const f: Finding = {
          code: rule.id,
          severity: d.severity ?? rule.severity,
          sheet: ctx.form.sheet,
          cell: d.cell,
          message: fillTemplate(lang === 'zh-CN' ? template.zh : template.en, d.data, lang),
        };
        if (d.expected !== undefined) f.expected = d.expected;
        if (d.found !== undefined) f.found = d.found;
        findings.push(f);
      }
    } catch (e) {
      failures.push({ rule: rule.id, sheet: ctx.form.sheet, message: e instanceof Error ? e.message : String(e) });
    }
  }
}
