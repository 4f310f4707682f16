/** The value parser: what a 年度指标值 / 实际完成值 cell says. Pure functions, no host or Node APIs. */
export type {
  CellInput, Comparator, DateValue, Dimension, Direction, EmptyValue, InvalidValue, NumberValue, ParsedValue,
  QualitativeValue, RangeValue, Unit,
} from './types';
export { parseValue, parseText } from './value';
export { parseSplitTarget, splitTargetText } from './split';
export { parseNumberLoose, parseChineseNumeral, foldPercentWords } from './number';
export { parseWeightHeading } from './heading';
export { normalizeText, stripTextPrefix } from './normalize';
export { directionOf } from './comparator';
export { parseDateText, isDateFormat, partsFromExcelSerial, serialOf } from './date';
export type { DateParts } from './date';
export { qualitativeTier, isPlaceholder, sameQualitative, qualitativeOutcome } from './qualitative';
export type { Tier } from './qualitative';
export { sameDimension, convert, toBase, fromBase, knownUnit, parseUnitText, isBareMultiplier, scaleUnit, PERCENT } from './units';
export { comparableValues } from './compare';
export type { Comparable } from './compare';
