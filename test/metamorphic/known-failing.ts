/**
 * KNOWN_FAILING: the perturbation families the engine does not survive today. The property suites
 * leave them out; known-failing.test.ts asserts each case below still fails, so when the locator
 * learns the meaning (issue 9: binding by evidence, block labels by role) that test turns red and
 * the entry moves to FIXED_CASES in regressions.test.ts.
 *
 * `family` is a familyOf() name or its prefix; `bases` narrows it to those corpus workbooks (absent:
 * every workbook); `found` is the fast-check seed that found it, or "explore" for the exhaustive
 * single-step sweep of explore.ts; `variant` is a minimal reproduction.
 */
import type { Variant } from './oracle';

export interface KnownFailure {
  family: string;
  bases?: string[];
  found: number | 'explore';
  variant: Variant;
  reason: string;
}

/** Every family listed here before issue 9 is now survived; their reproductions are in FIXED_CASES (regressions.test.ts). */
export const KNOWN_FAILING: KnownFailure[] = [];

/** True when a step of this family on this workbook is a known failure. */
export function isKnownFailing(family: string, base: string): boolean {
  return KNOWN_FAILING.some((k) => family.startsWith(k.family) && (!k.bases || k.bases.includes(base)));
}
