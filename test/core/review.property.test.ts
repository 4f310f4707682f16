/** The whole review on random forms and random grids: never throws, never scores outside [0, weight]. */
import fc from 'fast-check';
import { reviewWorkbook } from '../../src/core/review';
import type { CellValue } from '../../src/core/snapshot';
import { sheetOf } from '../helpers/grid';

const TOKENS = ['≥', '≧', '≤', '=', '═', '＞', '不少于', '不超过', '以内', '控制在', '达到', '%', '％', '万元', '元', '个', '人次', '天', '年', '月', '日前',
  '是', '否', '及时', '良好', '部分达成', '未完成', '定性', '-', '～', '.', ',', '１', '0', '100', '98', '#DIV/0!', '<script>', ' ', '\n'];
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.integer({ min: -5, max: 2000 }).map(String)), { maxLength: 5 }).map((a) => a.join('')),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(text, fc.double({ noNaN: true, min: -1e6, max: 1e6 }), fc.constant(null), fc.boolean());
const weight: fc.Arbitrary<CellValue> = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.double({ noNaN: true, min: -5, max: 50 }), text, fc.constant(null));

const HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

describe('review on random input', () => {
  it('random indicator rows: no throw, every computed score within [0, weight]', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text, cell, cell, weight, cell, text), { minLength: 1, maxLength: 12 }), (rows) => {
        const grid: CellValue[][] = [['项目支出绩效自评表'], HEADER];
        for (const [l2, l3, target, actual, w, score, why] of rows) grid.push(['产出指标', l2, l3, target, actual, w, score, why]);
        grid.push(['总分', null, null, null, null, 100, null]);
        const { fileReview } = reviewWorkbook({ sheets: [sheetOf('表', grid)] }, {});
        for (const form of fileReview.forms) {
          for (const ind of form.indicators ?? []) {
            const c = ind.score.computed;
            if (c === null) continue;
            expect(Number.isFinite(c)).toBe(true);
            expect(c).toBeGreaterThanOrEqual(0);
            expect(c).toBeLessThanOrEqual(Math.max(0, ind.weight ?? 0) + 1e-9);
          }
        }
        for (const f of fileReview.findings) expect(f.message).not.toMatch(/\n\s+at |undefined|NaN/);
      }),
      { numRuns: 200 },
    );
  });

  it('random grids: no throw, findings well formed', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.oneof(cell, fc.constantFrom(...HEADER, '总分', '年度资金总额', '全年预算数', '全年执行数', '执行率')), { maxLength: 10 }), { maxLength: 25 }), (grid) => {
        const { fileReview } = reviewWorkbook({ sheets: [sheetOf('S', grid)] }, {});
        for (const f of fileReview.findings) {
          expect(['error', 'warning', 'info']).toContain(f.severity);
          expect(typeof f.message).toBe('string');
        }
      }),
      { numRuns: 200 },
    );
  });
});
