import { sumMismatch } from '../../../src/core/checks/sum-mismatch';
import { ruleTester } from './ruleTester';
import { basicData, moneySection, selfEvaluation } from '../helpers/forms';

const rows = (scores: number[]) => scores.map((s) => ({ target: '1个', actual: '1个', weight: 45, score: s }));

ruleTester(sumMismatch, {
  valid: [
    { name: 'total equals budget score + row scores', form: selfEvaluation({ rows: rows([45, 45]), total: { score: 100 } }) },
    { name: 'heading weight equals its rows', form: selfEvaluation({ rows: rows([45, 45]), headings: { 产出指标: 90 } }) },
    { name: 'expense split adds up', form: selfEvaluation({ rows: rows([45, 45]), budget: { budgeted: 30, executed: 30, weight: 10, rate: 1, score: 10 }, expenseSplit: [['基本支出', 10], ['项目支出', 20]] }) },
    { name: 'seed basic-data sums', form: basicData([moneySection()]) },
  ],
  invalid: [
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
