/** What the value parser makes of a target (年度指标值) or actual (实际完成值) cell. */

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

/** Direction implied by the comparator (or by the words around it). */
export type Direction = 'forward' | 'equal' | 'reverse';

export type Dimension = 'money' | 'percent' | 'count' | 'time' | 'area' | 'other';

export interface Unit {
  /** Unit as written, normalised ("万元", "%", "人次", "个", "天"). */
  name: string;
  dimension: Dimension;
  /** Multiply the written number by this to get the base unit of its dimension (元 for money, fraction for percent). */
  factor: number;
  /** Base unit the factor converts to ("元", "%", "个", "天", "米", "平方米", "千克"; the name itself for unknown units). Two units convert only when their bases agree. */
  base?: string;
}

interface Base {
  /** The text that was parsed, as it appeared (after trimming). */
  raw: string;
}

/** A number, possibly with a comparator and a unit. `value` is in the unit's base (97% → 0.97; 2 万元 → 20000). */
export interface NumberValue extends Base {
  kind: 'number';
  comparator: Comparator | null;
  direction: Direction | null;
  value: number;
  /** The number as written, before unit conversion (97 for "97%"). */
  written: number;
  unit: Unit | null;
  /**
   * True when the comparator comes only from a verb of attainment or change ("达到97%", "达95%",
   * "提高2个百分点", "较上年增长5%"). In a target it bounds like ≥; in an actual it reports the
   * measured value ("reached 97%"), so it is not a comparator copied from the target. Absent otherwise
   * (symbols, 不低于, 以上 … are hard comparators).
   */
  softComparator?: true;
  /** The quantity is a change from a baseline ("较上年提高5%" → increase, "下降2个百分点" → decrease); compare it only with a change the same way. */
  change?: 'increase' | 'decrease';
  /** Words written before the quantity ("验收合格率≥95%" → "验收合格率", "培训520人" → "培训"); absent when none. */
  label?: string;
}

/** "90%-100%", "90～100%", "3-5天". */
export interface RangeValue extends Base {
  kind: 'range';
  low: number;
  high: number;
  unit: Unit | null;
}

/** "2023年12月31日前", "2021年12月完成", "12月底前". Missing parts are null. */
export interface DateValue extends Base {
  kind: 'date';
  comparator: Comparator | null;
  year: number | null;
  month: number | null;
  day: number | null;
  /** Days since 1970-01-01 of the latest day the text allows (end of month when no day is given), or null without a year. */
  serial: number | null;
}

/** Qualitative words: 是/否, 好/较好/一般/差, 优良中差, 有效, 及时, 显著提升, 达成… */
export interface QualitativeValue extends Base {
  kind: 'qualitative';
  /** Normalised text (full-width folded, spaces removed). */
  text: string;
  /** What the words say about achievement, when they say it: met (达成), partial (部分达成), missed (未达成). */
  tier: 'met' | 'partial' | 'missed' | null;
  /** True for a target placeholder that only names the indicator type ("定性", "是否及时"). */
  placeholder: boolean;
  /**
   * Quantities written inside the words, in order ("完成90%，较上年提高2个百分点" → 90%, 2个百分点);
   * absent when there are none. The scorer picks the one that compares with a numeric target.
   * Each one's `raw` is the (normalised) clause or words it was read from ("较上年提高2个百分点"); at most 20.
   */
  quantities?: NumberValue[];
}

export interface EmptyValue extends Base {
  kind: 'empty';
}

/** Could not be read; `reason` is a short English code (e.g. "no-number", "error-value"). */
export interface InvalidValue extends Base {
  kind: 'invalid';
  reason: string;
}

export type ParsedValue = NumberValue | RangeValue | DateValue | QualitativeValue | EmptyValue | InvalidValue;

/** What a cell gives the parser: raw value, displayed text and number format. */
export interface CellInput {
  value: string | number | boolean | null;
  text?: string;
  numberFormat?: string;
  /** The serial counts from 1904-01-01 (SheetSnapshot.date1904). */
  date1904?: boolean;
}
