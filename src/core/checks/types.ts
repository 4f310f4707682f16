/** Checks in the manner of ESLint rules: one module per finding code, metadata + messages + check(ctx). */
import type { LocatedForm } from '../form';
import type { RuleSet } from '../rules/types';
import type { Bilingual } from '../score/types';
import type { SelfEvaluationAnalysis } from '../score/form';
import type { FindingCode, FormReview, Severity } from '../types';

export interface FormEntry {
  form: LocatedForm;
  analysis: SelfEvaluationAnalysis | null;
}

export interface CheckContext {
  form: LocatedForm;
  /** Parsed and scored self-evaluation form; null for a basic-data form. */
  analysis: SelfEvaluationAnalysis | null;
  /** The form's review as in the JSON contract. */
  review: FormReview;
  /** Every form of the workbook, for cross-table checks. */
  workbook: FormEntry[];
  rules: RuleSet;
}

/** Message data: plain values, or a per-language pair (formula texts). */
export type MessageData = Record<string, string | number | Bilingual | null | undefined>;

export interface FindingDraft {
  messageId: string;
  cell: string | null;
  data?: MessageData;
  /** Overrides the rule's default severity. */
  severity?: Severity;
  expected?: number | null;
  found?: number | null;
}

export interface Rule {
  id: FindingCode;
  severity: Severity;
  meta: { description: Bilingual; forms: LocatedForm['kind'][] };
  /** Templates with {placeholders}, by message id. */
  messages: Record<string, Bilingual>;
  check(ctx: CheckContext): FindingDraft[];
}
