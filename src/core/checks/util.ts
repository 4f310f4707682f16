/** Helpers shared by the checks. */
import type { RuleSet } from '../rules/types';
import type { Severity } from '../types';
import { roundTo } from '../format';

export const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * Whole vs sum of parts, in money written to the cent: null when equal, 'warning' when the gap
 * could come from rounding each part and the whole (half a cent each), else 'error'.
 */
export function moneyGap(whole: number, parts: number[], rules: RuleSet): { severity: Severity; sum: number } | null {
  const s = roundTo(sum(parts), 6);
  const diff = Math.abs(whole - s);
  if (diff < rules.moneyTolerance / 2 - 1e-9) return null;
  const roundingSlack = (rules.moneyTolerance * (parts.length + 1)) / 2 + 1e-9;
  return { severity: diff <= roundingSlack ? 'warning' : 'error', sum: roundTo(s, 6) };
}

/** Stated vs computed score: null (same), 'info' (within tolerance: hand rounding), 'error'. */
export function scoreGap(stated: number, computed: number, rules: RuleSet): Severity | null {
  const diff = Math.abs(stated - computed);
  if (diff < 0.005 - 1e-9) return null;
  return diff <= rules.scoreTolerance + 1e-9 ? 'info' : 'error';
}

/** Stated vs computed rate (fractions). */
export function rateGap(stated: number, computed: number, rules: RuleSet): Severity | null {
  const diff = Math.abs(stated - computed);
  if (diff < 0.00005) return null;
  return diff <= rules.rateTolerance + 1e-9 ? 'info' : 'error';
}
