/** fast-check arbitraries for the perturbation families, and the variants the suites run. */
import fc from 'fast-check';
import type { Field } from './layout';
import { EXTRA_COLUMNS, FUNDS_HEADERS, RELABELS, RENAMES, familyOf, type Step } from './perturb';
import type { Variant } from './oracle';
import { isKnownFailing } from './known-failing';

const FIELDS = Object.keys(RENAMES) as Field[];
const BLOCKS = Object.keys(RELABELS) as (keyof typeof RELABELS)[];

export const FAMILIES: Record<Step['kind'], fc.Arbitrary<Step>> = {
  'extra-column': fc.record({ kind: fc.constant('extra-column' as const), column: fc.nat(EXTRA_COLUMNS.length - 1), at: fc.nat(12) }),
  rename: fc.record({ kind: fc.constant('rename' as const), field: fc.constantFrom(...FIELDS), variant: fc.nat(6) }),
  'rename-funds': fc.record({ kind: fc.constant('rename-funds' as const), column: fc.nat(FUNDS_HEADERS.length - 1), variant: fc.nat(2) }),
  relabel: fc.record({ kind: fc.constant('relabel' as const), block: fc.constantFrom(...BLOCKS), variant: fc.nat(6) }),
  'move-funds': fc.record({ kind: fc.constant('move-funds' as const), to: fc.constantFrom('below' as const, 'right' as const, 'before-table' as const) }),
  'drop-level2': fc.constant({ kind: 'drop-level2' as const }),
  lines: fc.record({ kind: fc.constant('lines' as const), where: fc.constantFrom('title' as const, 'unit' as const, 'between' as const, 'signature' as const), count: fc.nat(1) }),
  'split-header': fc.record({ kind: fc.constant('split-header' as const), parent: fc.constantFrom('score-pair' as const, 'levels' as const) }),
};

const anyStep = fc.oneof(...Object.values(FAMILIES));

/**
 * Variants with one step of `family` (placed anywhere among up to two steps of other families),
 * or, without a family, two to five steps of any. Variants with a known failing step are left out:
 * known-failing.test.ts holds those.
 */
export function variants(baseIds: string[], family?: Step['kind']): fc.Arbitrary<Variant> {
  const steps = family
    ? fc.tuple(FAMILIES[family], fc.array(anyStep, { maxLength: 2 }), fc.nat(2)).map(([own, others, k]) => {
        const list = [...others];
        list.splice(Math.min(k, list.length), 0, own);
        return list;
      })
    : fc.array(anyStep, { minLength: 2, maxLength: 5 });
  return fc
    .record({ base: fc.constantFrom(...baseIds), form: fc.nat(3), steps })
    .filter((v) => !v.steps.some((s) => isKnownFailing(familyOf(s), v.base)));
}
