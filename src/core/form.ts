/** The located tables: what the locator finds in a snapshot, each field bound to its cell. */
import type { CellValue } from './snapshot';

/** One cell of the sheet as the engine uses it. row/col are 0-based; a1 is its address. */
export interface Bound {
  row: number;
  col: number;
  a1: string;
  value: CellValue;
  text: string;
  formula: string | null;
  numberFormat: string;
  /** Set on the cells of a 1904 date-system workbook (SheetSnapshot.date1904). */
  date1904?: boolean;
}

export type FundsColumn = 'planned' | 'budgeted' | 'executed' | 'weight' | 'rate' | 'score';

/** One line of the funds block (年度资金总额, 当年财政拨款, 基本支出 …). */
export interface FundsLine {
  label: string;
  labelCell: Bound;
  /** Cells by column; null where the template has no such cell on this line or it lies under a text split. */
  cells: Partial<Record<FundsColumn, Bound | null>>;
  /** For a split written as text in one cell ("项目支出：1165.56"): the amount read from the text, or null when none is written. */
  textAmount?: number | null;
}

/** A split of the total: by source (当年财政拨款/上年结转/其他) or Hunan's 按收入性质分 / 按支出性质分. */
export interface FundsSplit {
  /** "按收入性质分", "按支出性质分", or "" for the central template's plain rows. */
  name: string;
  header: Bound | null;
  /** Amount written after the split's name ("按收入性质分：2030.12"), if any. */
  statedTotal: number | null;
  /** For text splits: which total column the parts add up to ("executed" for Hunan). Null for cell splits (every column). */
  against: FundsColumn | null;
  lines: FundsLine[];
}

export interface FundsBlock {
  /** The header row's cells by column. */
  headers: Partial<Record<FundsColumn, Bound>>;
  /** "万元" or "元", from the block's title ("年度预算申请（万元）", "项目资金（元）"). */
  unit: string | null;
  total: FundsLine;
  splits: FundsSplit[];
  /**
   * Points the budget score carries as a header or label states them ("得分（10分×执行率）",
   * "分值（10分）", "预算执行率（10分）"): the weight when the total line has no weight of its own.
   */
  statedWeight?: { value: number; cell: Bound } | null;
}

export type IndicatorColumn = 'level1' | 'level2' | 'level3' | 'target' | 'initialTarget' | 'nature' | 'targetUnit' | 'actual' | 'weight' | 'score' | 'explanation';

export interface IndicatorRow {
  /** 0-based sheet row. */
  row: number;
  /** Names on the form; merged cells resolved to their master's text. Headings' weight text stays in level1. */
  level1: string;
  level2: string;
  level3: string;
  /** Cells by column (level1/level2 are the merged masters). Null where the row has no such cell. */
  cells: Partial<Record<IndicatorColumn, Bound | null>>;
  /** ★ core indicator. */
  core?: boolean;
  /** True when later rows are its children (a scored parent row, not added to the total). */
  parent?: boolean;
}

/** A level-1 heading (产出指标 …) and the weight written in it ("(40分)"), if any. */
export interface IndicatorGroup {
  name: string;
  cell: Bound;
  statedWeight: number | null;
  rows: IndicatorRow[];
}

export interface TotalRow {
  labelCell: Bound;
  weight: Bound | null;
  score: Bound | null;
  /** A cell holding the grade (优/良/中/差) on the total row, if any. */
  grade: Bound | null;
}

/** One reason for or against binding a column to a field; n of `of` rows when counted (for adds-up, n is the sum). */
export interface EvidenceNote {
  code:
    | 'words' | 'unit-points' | 'unit-percent'
    | 'numbers' | 'text' | 'prose' | 'percent'
    | 'over-weight' | 'within-weight' | 'fractions'
    | 'same-kind' | 'other-kind' | 'adds-up';
  n?: number;
  of?: number;
}

/** The evidence for binding one header cell to one field. */
export interface ColumnEvidence {
  field: IndicatorColumn;
  /** 0-based sheet column. */
  col: number;
  /** The header cell (A1) and its text. */
  cell: string;
  header: string;
  /** Header words + content: the higher, the surer. */
  points: number;
  /** The content's share of `points` (below 0: the column holds what the field never does). */
  contentPoints: number;
  notes: EvidenceNote[];
  /** The binding the locator made. */
  chosen: boolean;
}

/**
 * Something the locator could not read with confidence. close: two columns fit a field about as
 * well; contradicts: the only column named for a field holds what the field never does (it is left
 * unbound); missing: a part of the form is not there (the indicator table, its score column, its rows).
 */
export interface LayoutDoubt {
  kind: 'close' | 'contradicts' | 'missing';
  field: IndicatorColumn | 'indicators' | 'rows';
  /** The doubtful header (A1), or the cell nearest to what is missing. */
  cell: string | null;
  header: string;
  /** 0-based sheet column of the doubtful binding, when it is one. */
  col?: number;
  /** For close: the runner-up. */
  other?: { cell: string; header: string; col: number };
  notes: EvidenceNote[];
}

/** How the locator read a form's columns, and what it doubts. */
export interface FormLayout {
  /** Evidence for every candidate header cell of the indicator table (chosen and not). */
  columns: ColumnEvidence[];
  doubts: LayoutDoubt[];
  /** Text of the block label beside the indicator header ("绩效指标", "指标完成情况"), if any. */
  label?: string;
}

export interface SelfEvaluationForm {
  kind: 'self-evaluation';
  sheet: string;
  /** A1 range of the whole form. */
  range: string;
  title: string | null;
  /** "whole-unit" (整体支出) or "project" (项目支出), when the title says. */
  scope: 'whole-unit' | 'project' | null;
  unit: { text: string; cell: Bound } | null;
  project: { text: string; cell: Bound } | null;
  funds: FundsBlock | null;
  /** How the columns were bound, and what the locator doubts (absent on hand-built forms). */
  layout?: FormLayout;
  /** Header cells of the indicator table, by column. */
  columns: Partial<Record<IndicatorColumn, Bound>>;
  groups: IndicatorGroup[];
  indicators: IndicatorRow[];
  total: TotalRow | null;
}

/** A block of the 基础数据表: a title cell, column headings, and labelled rows. */
export interface BasicDataSection {
  /** "财政供养人员情况（人）", "经费控制情况（万元）", "楼堂馆所控制情况" … */
  title: string;
  titleCell: Bound;
  columns: { label: string; cell: Bound }[];
  rows: { label: string; labelCell: Bound | null; indent: number; cells: (Bound | null)[] }[];
  /**
   * The money unit ("元", "万元", "千元", "亿元") the section's amounts are in, when the sheet says: from its
   * title ("经费控制情况（万元）"), else its column headings, else the nearest unit line above or beside it
   * ("金额单位：元"). Absent when none is stated (the templates' default is 万元).
   */
  unit?: string;
}

export interface BasicDataForm {
  kind: 'basic-data';
  sheet: string;
  range: string;
  title: string | null;
  unit: { text: string; cell: Bound } | null;
  sections: BasicDataSection[];
}

export type LocatedForm = SelfEvaluationForm | BasicDataForm;
