/** ESLint-style rule tester: valid cases yield no finding of the rule, invalid cases exactly the listed ones. */
import type { LocatedForm } from '../../../src/core/form';
import type { Finding, Lang, Severity } from '../../../src/core/types';
import { runChecks, type CheckContext, type FindingDraft, type Rule } from '../../../src/core/checks';
import { resolveRuleSet, type RuleSet } from '../../../src/core/rules';
import { analyseSelfEvaluation } from '../../../src/core/score/form';
import { selfEvaluationReviewStub } from './reviewStub';

export interface Case {
  name: string;
  form: LocatedForm;
  /** Other forms of the same workbook (cross-table). */
  others?: LocatedForm[];
  rules?: Partial<RuleSet> | string;
  lang?: Lang;
}

export interface InvalidCase extends Case {
  /** messageId and data, when given, are checked against the rule's own drafts, as ESLint's RuleTester does. */
  findings: { cell: string | null; severity?: Severity; message?: string | RegExp; expected?: number | null; found?: number | null; messageId?: string; data?: Record<string, unknown> }[];
}

function contextOf(c: Case): CheckContext {
  const rules = typeof c.rules === 'string' ? resolveRuleSet(c.rules) : resolveRuleSet(c.rules ?? null);
  const entries = [c.form, ...(c.others ?? [])].map((form) => ({ form, analysis: form.kind === 'self-evaluation' ? analyseSelfEvaluation(form, rules) : null }));
  const [self] = entries;
  return { form: self.form, analysis: self.analysis, review: selfEvaluationReviewStub(self.form), workbook: entries, rules };
}

export function findingsOf(rule: Rule, c: Case): Finding[] {
  const res = runChecks(contextOf(c), c.lang ?? 'zh-CN', [rule]);
  if (res.failures.length) throw new Error(`rule failed: ${res.failures.map((f) => f.message).join('; ')}`);
  return res.findings;
}

/** The rule's drafts for a case (message ids and data before they are filled into messages), in finding order. */
export function draftsOf(rule: Rule, c: Case): FindingDraft[] {
  return rule.check(contextOf(c));
}

export function ruleTester(rule: Rule, cases: { valid: Case[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    it.each(cases.valid.map((c) => [c.name, c] as const))('valid: %s', (_n, c) => {
      expect(findingsOf(rule, c)).toEqual([]);
    });
    it.each(cases.invalid.map((c) => [c.name, c] as const))('invalid: %s', (_n, c) => {
      const got = findingsOf(rule, c);
      const drafts = c.findings.some((f) => f.messageId !== undefined || f.data !== undefined) ? draftsOf(rule, c) : [];
      expect(got.map((f) => f.cell)).toEqual(c.findings.map((f) => f.cell));
      c.findings.forEach((want, i) => {
        const f = got[i];
        expect(f.code).toBe(rule.id);
        expect(f.severity).toBe(want.severity ?? rule.severity);
        if (want.message instanceof RegExp) expect(f.message).toMatch(want.message);
        else if (want.message !== undefined) expect(f.message).toBe(want.message);
        if (want.expected !== undefined) expect(f.expected).toBe(want.expected);
        if (want.found !== undefined) expect(f.found).toBe(want.found);
        if (want.messageId !== undefined) expect(drafts[i].messageId).toBe(want.messageId);
        if (want.data !== undefined) expect(drafts[i].data).toEqual(want.data);
        expect(f.message).not.toMatch(/\{\w+\}|undefined|\bat .*\.ts:/);
      });
    });
  });
}
