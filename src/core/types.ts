/** The review result: the public JSON contract (schema 1, see README "JSON contract"). Extend only by adding fields. */
import type { FundsColumn, IndicatorColumn } from './form';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'zh-CN' | 'en-US';

export type FindingCode =
  | 'form-not-found'
  | 'value-missing'
  | 'value-format'
  | 'unit-mismatch'
  | 'sum-mismatch'
  | 'rate-mismatch'
  | 'score-mismatch'
  | 'score-over-weight'
  | 'weight-profile'
  | 'deviation-unexplained'
  | 'over-achievement'
  | 'limit-exceeded'
  | 'cross-table-mismatch'
  | 'layout-uncertain'
  | 'report-mismatch';

export interface Finding {
  code: FindingCode;
  severity: Severity;
  sheet: string | null;
  /** A1 address of the cell the clerk must look at, or null. */
  cell: string | null;
  message: string;
  expected?: number | null;
  found?: number | null;
}

/** A number read from a cell, with what it said and what we computed. */
export interface StatedComputed {
  cell: string | null;
  stated: number | null;
  computed: number | null;
}

export interface TextCell {
  cell: string | null;
  text: string;
}

export type IndicatorKind = 'forward' | 'reverse' | 'equal' | 'qualitative' | 'date' | 'range' | 'unknown';

export interface IndicatorReview {
  row: number; // 1-based sheet row
  path: string[];
  kind: IndicatorKind;
  target: TextCell;
  actual: TextCell;
  weight: number | null;
  score: StatedComputed;
  explanation: TextCell;
  /** True for a parent row whose children are scored: not added to the total. */
  parent?: boolean;
  /** True for a 不适用 row (or one worth 0 points): not scored, not added to the total. */
  notApplicable?: boolean;
}

export interface BudgetReview {
  planned: number | null;
  budgeted: number | null;
  executed: number | null;
  weight: number | null;
  rate: StatedComputed;
  score: StatedComputed;
}

export type Grade = '优' | '良' | '中' | '差';

export interface FormReview {
  sheet: string;
  kind: 'self-evaluation' | 'basic-data';
  range: string;
  unit: string | null;
  /** 项目名称 for project forms. */
  project?: string | null;
  budget?: BudgetReview | null;
  indicators?: IndicatorReview[];
  total?: StatedComputed;
  grade?: Grade | null;
  /**
   * The column read as each field of the indicator table (letters: { level3: "C", score: "H" … }), and the
   * 1-based row of its header: what a template profile corrects (README "When a form is misread").
   */
  columns?: Partial<Record<IndicatorColumn, string>>;
  headerRow?: number | null;
  /** The same for the funds block: { budgeted: "D", executed: "E", rate: "G", score: "H" … }; absent without a funds block. */
  fundsColumns?: Partial<Record<FundsColumn, string>>;
  fundsHeaderRow?: number | null;
}

export interface FileReview {
  file: string;
  error: string | null;
  forms: FormReview[];
  findings: Finding[];
}

export interface ReviewReport {
  schema: 1;
  rules: string;
  files: FileReview[];
}
