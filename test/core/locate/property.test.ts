import fc from 'fast-check';
import { Grid, locateForms, locateSheet } from '../../../src/core/locate';
import type { SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue, SheetSnapshot } from '../../../src/core/snapshot';
import { centralForm } from './builders';
import { area, paste, shiftMerges, sheet } from './grid';
import { assertWellFormed } from './wellformed';

const WORDS = [
  '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '权重', '偏差原因分析及改进措施',
  '指标性质', '指标值', '度量单位', '年初预算数', '全年预算数', '全年执行数', '执行率', '年度资金总额', '总分', '合计',
  '按收入性质分：', '项目支出：1165.56', '其中：基本支出：', '自评表', '部门整体支出绩效自评表', '基础数据表',
  '财政供养人员情况（人）', '经费控制情况（万元）', '编制数', '填表人：', '单位名称', '项目名称：x', '★', '优', '评价等级',
  '产出指标\n\n(40分)', '#N/A', '#DIV/0!', '<b>html</b>', '\u3000\u3000其中：', '', ' ', '——', '≥98%', '=100%',
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 8 }),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 200 }),
  fc.boolean(),
  fc.constant(null),
);

const merge = fc
  .tuple(fc.nat(14), fc.nat(10), fc.nat(5), fc.nat(4))
  .map(([r, c, h, w]) => area(r, c, r + h, c + w));

/** Ragged rows, random origin, random merges (some out of range or overlapping), odd texts. */
const randomSheet: fc.Arbitrary<SheetSnapshot> = fc
  .record({
    rows: fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 16 }),
    merges: fc.array(fc.oneof(merge, fc.constantFrom('A1:XFD1048576', 'Z', '', 'B2', 'C3:A1')), { maxLength: 10 }),
    top: fc.nat(3),
    left: fc.nat(3),
    numbersAsText: fc.boolean(),
  })
  .map(({ rows, merges, top, left, numbersAsText }) => ({
    name: 'S',
    top,
    left,
    values: rows,
    texts: rows.map((r) => r.map((v) => (v === null ? '' : numbersAsText || typeof v !== 'number' ? String(v) : ''))),
    formulas: rows.map((r) => r.map(() => null)),
    numberFormats: rows.map((r) => r.map(() => 'General')),
    merges,
  }));

describe('locator properties', () => {
  it('never throws on random grids and returns well-formed forms', () => {
    fc.assert(
      fc.property(randomSheet, (s) => {
        const forms = locateSheet(new Grid(s));
        assertWellFormed(forms, [s]);
        assertWellFormed(locateForms({ sheets: [s] }), [s]);
      }),
      { numRuns: 600 },
    );
  });

  it('survives malformed snapshots', () => {
    const broken = [
      { name: 'x', top: 0, left: 0, values: [null, 5, 'a', [1, 2]], texts: null, formulas: undefined, numberFormats: [[3]], merges: [7, null] },
      { name: 'y', top: -1, left: NaN, values: undefined, merges: undefined },
      null,
    ] as unknown as SheetSnapshot[];
    expect(() => locateForms({ sheets: broken })).not.toThrow();
    for (const s of broken.slice(0, 2)) expect(() => locateSheet(new Grid(s))).not.toThrow();
  });

  it('finds a form planted anywhere among noise', () => {
    const f = centralForm();
    fc.assert(
      fc.property(
        fc.nat(20),
        fc.nat(8),
        fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 }),
        (row, col, noise) => {
          // Noise above the form, kept out of its columns' rows.
          const rows = paste(paste([], noise.map((r) => r.map((v) => (v === '自评表' ? null : v))), 0, 0), f.rows, row + noise.length + 1, col);
          const s = sheet(rows, { merges: shiftMerges(f.merges, row + noise.length + 1, col) });
          const forms = locateSheet(new Grid(s)) as SelfEvaluationForm[];
          assertWellFormed(forms, [s]);
          const found = forms.find((x) => x.title === '2023年度项目支出绩效自评表');
          expect(found?.indicators).toHaveLength(5);
          expect(found?.total?.score?.value).toBe(99.68);
          expect(found?.funds?.splits[0]?.lines).toHaveLength(3);
        },
      ),
      { numRuns: 150 },
    );
  });
});
