/**
 * Prints, for every perturbation family and variant, on how many corpus forms it applies and on
 * how many the oracle fails, with one example each. A tool for reading the engine's weak spots:
 *   npx tsx test/metamorphic/explore.ts [family-prefix]
 */
import { loadCorpus, runVariant } from './oracle';
import { EXTRA_COLUMNS, FUNDS_HEADERS, RELABELS, RENAMES, type Step } from './perturb';
import type { Field } from './layout';

export function allSingleSteps(): Step[] {
  const steps: Step[] = [];
  EXTRA_COLUMNS.forEach((_, column) => {
    for (let at = 0; at < 10; at++) steps.push({ kind: 'extra-column', column, at });
  });
  for (const field of Object.keys(RENAMES) as Field[]) RENAMES[field].forEach((_, variant) => steps.push({ kind: 'rename', field, variant }));
  FUNDS_HEADERS.forEach((h, column) => h.names.forEach((_, variant) => steps.push({ kind: 'rename-funds', column, variant })));
  for (const block of Object.keys(RELABELS) as (keyof typeof RELABELS)[]) RELABELS[block].forEach((_, variant) => steps.push({ kind: 'relabel', block, variant }));
  for (const to of ['below', 'right', 'before-table'] as const) steps.push({ kind: 'move-funds', to });
  steps.push({ kind: 'drop-level2' });
  for (const where of ['title', 'unit', 'between', 'signature'] as const) for (const count of [0, 1]) steps.push({ kind: 'lines', where, count });
  for (const parent of ['score-pair', 'levels'] as const) steps.push({ kind: 'split-header', parent });
  return steps;
}

if (require.main === module) {
  const prefix = process.argv[2] ?? '';
  const t0 = Date.now();
  const corpus = loadCorpus();
  const bases = new Map(corpus.map((b) => [b.id, b]));
  console.log(`corpus ${corpus.length} workbooks, ${corpus.reduce((n, b) => n + b.targets.length, 0)} forms, loaded in ${Date.now() - t0} ms`);
  const stats = new Map<string, { applied: number; failed: number; example?: string }>();
  let runs = 0;
  const t1 = Date.now();
  for (const step of allSingleSteps()) {
    for (const b of corpus) {
      b.targets.forEach((_, form) => {
        const o = runVariant(bases, { base: b.id, form, steps: [step] });
        if (!o.applied.length || !o.applied[0].startsWith(prefix)) return;
        runs++;
        const s = stats.get(o.applied[0]) ?? { applied: 0, failed: 0 };
        s.applied++;
        if (o.diffs.length) {
          s.failed++;
          s.example ??= `${JSON.stringify({ base: b.id, form, steps: [step] })}\n      ${o.diffs.slice(0, 4).join('\n      ')}`;
        }
        stats.set(o.applied[0], s);
      });
    }
  }
  console.log(`${runs} variants in ${Date.now() - t1} ms`);
  for (const [name, s] of [...stats].sort()) console.log(`${s.failed ? 'FAIL' : 'ok  '} ${name}: ${s.failed}/${s.applied}${s.example ? `\n    ${s.example}` : ''}`);
}
