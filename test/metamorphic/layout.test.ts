/**
 * Metamorphic layout suite (issue 9): every form the tests know (corpus.json.gz, harvested from the
 * core tests and the fixtures), perturbed the way real templates differ, must give the same
 * findings, shifted to their new cells, and the same computed values. Seeded: META_SEED and
 * META_RUNS explore further (`META_SEED=$RANDOM npx jest test/metamorphic`); a variant that fails
 * goes to FIXED_CASES (regressions.test.ts) once fixed, or to KNOWN_FAILING with its reason.
 */
import fc from 'fast-check';
import { loadCorpus, runVariant, type Base, type Variant } from './oracle';
import { FAMILIES, variants } from './families';
import type { Step } from './perturb';

const SEED = Number(process.env.META_SEED ?? 20261206);
const RUNS = Number(process.env.META_RUNS ?? 700);

let corpus: Base[];
let bases: Map<string, Base>;

beforeAll(() => {
  corpus = loadCorpus();
  bases = new Map(corpus.map((b) => [b.id, b]));
});

function check(v: Variant, applied: Set<string>): void {
  const o = runVariant(bases, v);
  o.applied.forEach((f) => applied.add(f));
  if (o.diffs.length) throw new Error(`${JSON.stringify(v)}\napplied ${o.applied.join(', ')}\n${o.diffs.slice(0, 12).join('\n')}`);
}

it('has a corpus of forms from the fixtures and the core tests', () => {
  expect(corpus.length).toBeGreaterThanOrEqual(80);
  expect(corpus.map((b) => b.id)).toEqual(expect.arrayContaining(['fixture:seed-longquan-2023.xlsx', 'fixture:yunnan-yongde-2022-project.xlsx']));
  expect(corpus.reduce((n, b) => n + b.targets.length, 0)).toBeGreaterThanOrEqual(90);
});

describe.each(Object.keys(FAMILIES) as Step['kind'][])('%s', (family) => {
  it(`keeps findings and computed values (${RUNS} seeded variants)`, () => {
    const applied = new Set<string>();
    fc.assert(fc.property(variants([...bases.keys()], family), (v) => check(v, applied)), { seed: SEED, numRuns: RUNS });
    // The family was exercised, not skipped on every form.
    expect([...applied].filter((f) => f.startsWith(family)).length).toBeGreaterThan(0);
  });
});

it(`keeps them under mixed perturbations (${RUNS * 2} seeded variants of 2–5 steps)`, () => {
  const applied = new Set<string>();
  fc.assert(fc.property(variants([...bases.keys()]), (v) => check(v, applied)), { seed: SEED + 1, numRuns: RUNS * 2 });
  expect(applied.size).toBeGreaterThan(30);
});
