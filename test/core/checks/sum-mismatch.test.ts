import { sumMismatch } from '../../../src/core/checks/sum-mismatch';
import { ruleTester } from './ruleTester';
import { basicData, moneySection, selfEvaluation } from '../helpers/forms';

const rows = (scores: number[]) => scores.map((s) => ({ target: '1个', actual: '1个', weight: 45, score: s }));

type Line = [name: string, weight: number | null, score: number | null];
/** A scored level-2 line (数量指标 unless named) over its level-3 rows; level3 '' marks the line itself. */
const line = (level2: string, weight: number | null, score: number | null, more: { level1?: string; level3?: string; parent?: boolean } = {}) =>
  ({ level2, level3: more.level3 ?? '', level1: more.level1, target: null, actual: null, weight, score, parent: more.parent ?? true });
const leaves = (level2: string, items: Line[], level1?: string) =>
  items.map(([name, weight, score]) => ({ level1, level2, level3: name, target: '1个', actual: '1个', weight, score }));

ruleTester(sumMismatch, {
  valid: [
    { name: 'total equals budget score + row scores', form: selfEvaluation({ rows: rows([45, 45]), total: { score: 100 } }) },
    { name: 'heading weight equals its rows', form: selfEvaluation({ rows: rows([45, 45]), headings: { 产出指标: 90 } }) },
    { name: 'expense split adds up', form: selfEvaluation({ rows: rows([45, 45]), budget: { budgeted: 30, executed: 30, weight: 10, rate: 1, score: 10 }, expenseSplit: [['基本支出', 10], ['项目支出', 20]] }) },
    { name: 'seed basic-data sums', form: basicData([moneySection()]) },
    {
      name: 'a scored parent equal to its children, and the total does not add it again',
      form: selfEvaluation({ rows: [line('数量指标', 45, 44), ...leaves('数量指标', [['甲', 25, 25], ['乙', 20, 19]]), ...leaves('质量指标', [['丙', 45, 45]])], total: { score: 99 } }),
    },
    {
      name: 'the children end at the next level-2 name',
      form: selfEvaluation({ rows: [line('数量指标', 20, 20), ...leaves('数量指标', [['甲', 20, 20]]), ...leaves('质量指标', [['乙', 70, 70]])] }),
    },
    {
      name: 'the children end at the next heading',
      form: selfEvaluation({ rows: [line('数量指标', 20, 20), ...leaves('数量指标', [['甲', 20, 20]]), ...leaves('数量指标', [['乙', 70, 70]], '效益指标')] }),
    },
    {
      name: 'a child without a score: no sum of scores (value-missing says so)',
      form: selfEvaluation({ rows: [line('数量指标', 45, 45), ...leaves('数量指标', [['甲', 25, 25], ['乙', 20, null]]), ...leaves('质量指标', [['丙', 45, 45]])] }),
    },
    {
      name: 'a not-applicable child counts its weight, not a score',
      form: selfEvaluation({ rows: [line('数量指标', 45, 25), ...leaves('数量指标', [['甲', 25, 25]]), { level3: '乙', target: '不适用', actual: '不适用', weight: 20, score: '不适用' }, ...leaves('质量指标', [['丙', 45, 45]])] }),
    },
  ],
  invalid: [
    {
      name: 'a parent\'s 分值 and 得分 differ from its children\'s',
      form: selfEvaluation({ rows: [line('数量指标', 30, 29), ...leaves('数量指标', [['甲', 20, 20], ['乙', 15, 8]]), ...leaves('质量指标', [['丙', 55, 55]])] }),
      findings: [
        { cell: 'G13', expected: 35, found: 30, message: '“数量指标”分值为 30，其下各项分值合计为 35' },
        { cell: 'H13', expected: 28, found: 29, message: '“数量指标”得分为 29，其下各项得分合计为 28' },
      ],
    },
    {
      name: 'parent sums in English',
      lang: 'en-US',
      form: selfEvaluation({ rows: [line('数量指标', 30, 29), ...leaves('数量指标', [['甲', 20, 20], ['乙', 15, 8]]), ...leaves('质量指标', [['丙', 55, 55]])] }),
      findings: [
        { cell: 'G13', message: '"数量指标" is worth 30 points; the rows under it add up to 35' },
        { cell: 'H13', message: '"数量指标" scores 29; the rows under it add up to 28' },
      ],
    },
    {
      name: 'a parent\'s score within the score tolerance of its children\'s is info',
      form: selfEvaluation({ rows: [line('数量指标', 45, 44.5), ...leaves('数量指标', [['甲', 25, 25], ['乙', 20, 19.45]]), ...leaves('质量指标', [['丙', 45, 45]])] }),
      findings: [{ cell: 'H13', severity: 'info', expected: 44.45, found: 44.5 }],
    },
    {
      name: 'nested: a 三级 parent over its sub-items is checked against them, the 二级 line against its direct rows',
      form: selfEvaluation({ rows: [
        line('数量指标', 30, 30),
        line('数量指标', 20, 20, { level3: '培训人次' }),
        ...leaves('数量指标', [['（1）线上', 12, 12], ['（2）线下', 10, 10], ['其他', 10, 10]]),
        ...leaves('质量指标', [['丙', 58, 58]]),
      ] }),
      findings: [{ cell: 'G14', expected: 22, found: 20 }, { cell: 'H14', expected: 22, found: 20 }],
    },
    {
      name: 'a heading line\'s score against its rows (its weight is the heading check\'s)',
      form: selfEvaluation({ rows: [line('', 90, 88), ...rows([45, 45])], headings: { 产出指标: 90 } }),
      findings: [{ cell: 'H13', expected: 90, found: 88 }],
    },
    { name: 'stated total differs from stated scores (seed H21)', form: selfEvaluation({ rows: rows([40, 39]), total: { score: 97 } }), findings: [{ cell: 'H15', expected: 89, found: 97, message: '总分填为 97，各项得分合计为 89' }] },
    { name: 'heading weight differs from its rows', form: selfEvaluation({ rows: rows([45, 45]), headings: { 产出指标: 40 } }), findings: [{ cell: 'B13', expected: 90, found: 40 }] },
    { name: 'weights do not add up to 100', form: selfEvaluation({ rows: [{ target: '1个', actual: '1个', weight: 80, score: 80 }], total: { score: 90 } }), findings: [{ cell: 'G14', expected: 90, found: 100 }] },
    {
      name: 'a cent off from rounding the parts is a warning (seed E4)',
      form: selfEvaluation({ rows: rows([45, 45]), budget: { budgeted: 2673.41, executed: 2673.41, weight: 10, rate: 1, score: 10 }, expenseSplit: [['基本支出', 1507.84], ['项目支出', 1165.56]] }),
      findings: [{ cell: 'E4', severity: 'warning', expected: 2673.4, found: 2673.41 }],
    },
    {
      name: 'expense split far from 全年执行数 (Hengshan)',
      form: selfEvaluation({ rows: rows([45, 45]), budget: { budgeted: 2030.12, executed: 2030.12, weight: 10, rate: 1, score: 10 }, expenseSplit: [['基本支出', 900.47], ['项目支出', 1025.2]] }),
      findings: [{ cell: 'E4', severity: 'error', expected: 1925.67 }],
    },
    {
      name: 'cell split per column, and a zero total with a filled split',
      form: selfEvaluation({ rows: rows([45, 45]), budget: { budgeted: 0, executed: 95, weight: 10, rate: 1, score: 10 }, cellSplit: [['当年财政拨款', 80, 80], ['上年结转资金', 20, 20]] }),
      findings: [{ cell: 'D4', expected: 100, found: 0, message: /为 0/ }, { cell: 'E4', expected: 100, found: 95 }],
    },
    {
      name: '三公经费 and 公务用车 against their parts',
      form: basicData([moneySection([
        ['三公经费', 0, 0, 10],
        ['   1、公务用车购置和维护经费', 0, 0, 6],
        ['       其中：公车购置', 0, 0, 2],
        ['             公车运行维护', 0, 0, 3],
        ['   2、出国经费', 0, 0, 0],
        ['   3、公务接待', 0, 0, 3],
      ])]),
      findings: [{ cell: 'D5', expected: 9, found: 10 }, { cell: 'D6', expected: 5, found: 6 }],
    },
    {
      name: '项目支出 parts and 其中 items above their parent',
      form: basicData([moneySection([
        ['项目支出：', 100, 0, 50],
        ['    1、业务工作经费', 60, 0, 50],
        ['    2、运行维护经费', 30, 0, 0],
        ['公用经费', 10, 10, 10],
        ['    其中：办公经费', 8, 8, 8],
        ['          会议费、培训费', 1, 3, 1],
      ])]),
      findings: [{ cell: 'B5', expected: 90, found: 100 }, { cell: 'C8', expected: 11, found: 10, message: /小于其“其中”各项之和 11/ }],
    },
  ],
});
