import { crossTableMismatch } from '../../../src/core/checks/cross-table-mismatch';
import { ruleTester } from './ruleTester';
import { basicData, moneySection, selfEvaluation } from '../helpers/forms';

const form = (basic: number, project: number) => selfEvaluation({ rows: [], budget: { budgeted: 2673.41, executed: 2673.41, weight: 10, rate: 1, score: 10 }, expenseSplit: [['基本支出', basic], ['项目支出', project]] });
/** The same form with its funds block in 元 ("年度预算申请（元）"), the 基础数据表 staying in 万元. */
const inYuan = (basic: number, project: number) => {
  const f = form(basic, project);
  if (f.kind === 'self-evaluation' && f.funds) f.funds.unit = '元';
  return f;
};

ruleTester(crossTableMismatch, {
  valid: [
    { name: 'seed: 项目支出 1165.56 in both tables', form: form(1507.84, 1165.56), others: [basicData([moneySection()])] },
    { name: 'no basic-data table', form: form(1507.84, 1000) },
    { name: 'the form in 元, the basic-data table in 万元: same figures', form: inYuan(15078400, 11655600), others: [basicData([moneySection()])] },
  ],
  invalid: [
    { name: '项目支出 differs', form: form(1507.84, 1100), others: [basicData([moneySection()])], findings: [{ cell: 'E7', expected: 1165.56, found: 1100 }] },
    { name: '公用经费 above 基本支出', form: form(50, 1165.56), others: [basicData([moneySection()])], findings: [{ cell: 'E6', severity: 'warning', expected: 86.58 }] },
    { name: 'the form in 元: the difference is reported in 元', form: inYuan(15078400, 11000000), others: [basicData([moneySection()])], findings: [{ cell: 'E7', expected: 11655600, found: 11000000 }] },
  ],
});
