/**
 * FIXED_CASES: every variant that ever failed and now holds, run on each CI run. Most were failures
 * of the perturbations themselves (a change that altered the form's meaning), found by the
 * property suites and fixed in perturb.ts/layout.ts; entries moved here from KNOWN_FAILING when
 * the engine learns a family belong here too.
 */
import { loadCorpus, runVariant, type Base, type Variant } from './oracle';

const SEED = 'fixture:seed-longquan-2023.xlsx';

const FIXED_CASES: { variant: Variant; note: string }[] = [
  { variant: { base: 'header-layouts#41', form: 0, steps: [{ kind: 'rename', field: 'target', variant: 0 }] }, note: 'the header is above a bare 一级 row, not right above the first indicator' },
  { variant: { base: 'sweep-layouts#3', form: 1, steps: [{ kind: 'rename', field: 'target', variant: 0 }] }, note: 'a section line merged across the table is not the header' },
  { variant: { base: 'header-layouts#40', form: 0, steps: [{ kind: 'extra-column', column: 7, at: 0 }] }, note: 'same, for an inserted column' },
  { variant: { base: 'sweep-layouts#1', form: 0, steps: [{ kind: 'extra-column', column: 7, at: 4 }] }, note: 'a column is never inserted inside 年度指标值 merged over 年初 | 调整后' },
  { variant: { base: 'header-layouts#27', form: 0, steps: [{ kind: 'extra-column', column: 12, at: 1 }] }, note: 'nor between a level and the 分值 column that belongs to it' },
  { variant: { base: 'forms-boundaries#1', form: 0, steps: [{ kind: 'extra-column', column: 0, at: 1 }] }, note: 'the header repeated after a page break (续表) gets the column too' },
  { variant: { base: 'weights-percent#4', form: 0, steps: [{ kind: 'extra-column', column: 0, at: 0 }, { kind: 'lines', where: 'unit', count: 1 }] }, note: 'a unit line goes under a title, never between a funds header and its total line' },
  { variant: { base: 'sweep-layouts-2#4', form: 0, steps: [{ kind: 'split-header', parent: 'levels' }, { kind: 'split-header', parent: 'levels' }] }, note: 'a header is split once' },
  { variant: { base: 'frameworks#0', form: 0, steps: [{ kind: 'split-header', parent: 'levels' }, { kind: 'lines', where: 'title', count: 0 }, { kind: 'lines', where: 'between', count: 0 }] }, note: 'a blank line goes above the parent header row, not between it and the sub-headers' },
  { variant: { base: 'sweep-layouts#6', form: 0, steps: [{ kind: 'split-header', parent: 'levels' }, { kind: 'move-funds', to: 'before-table' }] }, note: 'same, for the funds block moved before the table' },
  { variant: { base: 'adjusted-target#0', form: 0, steps: [{ kind: 'rename', field: 'target', variant: 1 }] }, note: '年初目标值 is not a synonym on a form that has a 年初 and an adjusted target' },
  { variant: { base: 'core-parents#0', form: 0, steps: [{ kind: 'drop-level2' }] }, note: 'a scored 二级 parent row keeps its 二级 column' },
  { variant: { base: 'multi-form#0', form: 0, steps: [{ kind: 'split-header', parent: 'levels' }] }, note: 'no row is inserted through a form standing beside this one' },
  { variant: { base: 'header-layouts#43', form: 0, steps: [{ kind: 'relabel', block: 'indicator', variant: 0 }] }, note: 'a single hierarchy column headed 绩效指标 is not a block label' },
  // Moved from KNOWN_FAILING: the engine learned these families (issue 9).
  ...(
    [
      [2, '得分系数 (a coefficient in %) is not the score'],
      [6, '得分计算方法 (prose) is not the score'],
      [1, '权重系数（%） (100 on every row) is not the weight'],
      [14, '分值说明 (prose) is not the weight'],
      [15, '指标值说明 (prose) is not the target'],
      [16, '完成情况说明 (prose) is not the actual'],
      [17, '是否完成 (是/否) is not the actual'],
    ] as const
  ).map(([column, note]) => ({ variant: { base: SEED, form: 0, steps: [{ kind: 'extra-column' as const, column, at: 0 }] }, note })),
  { variant: { base: 'parsed-rows#2', form: 0, steps: [{ kind: 'extra-column', column: 11, at: 0 }] }, note: 'a 指标性质 column left of 一级指标 keeps the date target a date' },
  { variant: { base: 'weights-percent#0', form: 0, steps: [{ kind: 'lines', where: 'title', count: 0 }, { kind: 'split-header', parent: 'score-pair' }, { kind: 'move-funds', to: 'right' }] }, note: 'a funds header on the indicator header\'s row takes none of the indicator header\'s cells (自评 over 权重 | 得分)' },
  { variant: { base: 'sweep2-layouts#6', form: 0, steps: [{ kind: 'split-header', parent: 'score-pair' }, { kind: 'move-funds', to: 'right' }] }, note: 'same, on a form with a 一级 weight note column' },
  { variant: { base: 'parsed-rows#2', form: 0, steps: [{ kind: 'extra-column', column: 11, at: 1 }] }, note: 'a 指标性质 column bound as the nature (定性指标) keeps the month target 2023.12 a month' },
  { variant: { base: SEED, form: 0, steps: [{ kind: 'rename-funds', column: 3, variant: 2 }] }, note: 'the funds column 执行率权重 is the weight, not the rate' },
  { variant: { base: SEED, form: 0, steps: [{ kind: 'rename-funds', column: 5, variant: 2 }] }, note: 'the funds column 执行率得分（分） is the budget score' },
  ...['指标完成情况', '绩效指标完成情况', '年度绩效指标完成情况', '绩效目标完成情况'].map((label, k) => ({
    variant: { base: SEED, form: 0, steps: [{ kind: 'relabel' as const, block: 'indicator' as const, variant: 2 + k }] },
    note: `the block label ${label} marks the indicator block, it is not the 实际完成值 column`,
  })),
  { variant: { base: 'fixture:chongqing-kexuecheng-2021-whole-unit.xlsx', form: 0, steps: [{ kind: 'relabel', block: 'indicator', variant: 0 }] }, note: 'the block label 年度绩效指标 beside a 指标名称-only table' },
  { variant: { base: SEED, form: 0, steps: [{ kind: 'move-funds', to: 'below' }] }, note: 'a funds block under the indicator table is the same form\'s' },
  { variant: { base: SEED, form: 0, steps: [{ kind: 'move-funds', to: 'right' }] }, note: 'a funds block right of the indicator table is the same form\'s' },
  { variant: { base: 'fixture:chongqing-kexuecheng-2021-whole-unit.xlsx', form: 0, steps: [{ kind: 'relabel', block: 'indicator', variant: 2 }] }, note: 'a 指标名称-only header beside the label 指标完成情况 is still found (指标名称 anchors a header)' },
  { variant: { base: 'synthetic#2', form: 1, steps: [{ kind: 'relabel', block: 'indicator', variant: 2 }] }, note: 'the right-hand form\'s block label 指标完成情况 is no 实际完成值 column of the left-hand form' },
  { variant: { base: 'funds-layouts#0', form: 0, steps: [{ kind: 'split-header', parent: 'score-pair' }, { kind: 'move-funds', to: 'right' }] }, note: 'a funds header on the row above a two-row indicator header is no parent row of it' },
  { variant: { base: 'core-parents#0', form: 0, steps: [{ kind: 'move-funds', to: 'right' }] }, note: 'an indicator header right under a funds header row is no sub-header of the funds block' },
  { variant: { base: 'forms-boundaries#0', form: 0, steps: [{ kind: 'extra-column', column: 0, at: 3 }, { kind: 'move-funds', to: 'right' }] }, note: 'beside a 年度主要任务 list, the moved funds block is the funds block' },
  { variant: { base: 'weights-percent#0', form: 0, steps: [{ kind: 'move-funds', to: 'right' }] }, note: 'a funds block beside the header rows does not close the table above its own rows' },
  {
    variant: { base: 'forms-boundaries#0', form: 0, steps: [{ kind: 'extra-column', column: 0, at: 3 }, { kind: 'move-funds', to: 'right' }, { kind: 'lines', where: 'between', count: 0 }, { kind: 'rename', field: 'level1', variant: 0 }] },
    note: 'beside a table far under the title, the funds block under the same title is still the form\'s',
  },
];

let bases: Map<string, Base>;

beforeAll(() => {
  bases = new Map(loadCorpus().map((b) => [b.id, b]));
});

it.each(FIXED_CASES.map((c) => [c.note, c.variant] as const))('%s', (_note, variant) => {
  expect(bases.has(variant.base)).toBe(true);
  expect(runVariant(bases, variant).diffs).toEqual([]);
});
