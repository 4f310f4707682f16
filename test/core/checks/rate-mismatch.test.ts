import { rateMismatch } from '../../../src/core/checks/rate-mismatch';
import { ruleTester } from './ruleTester';
import { basicData, basicSection, selfEvaluation } from '../helpers/forms';

const staff = (a: number, b: number, rate: number | string) => basicData([basicSection('财政供养人员情况（人）', 2, ['编制数', '2023年实际在职人数', '控制率'], [['', a, b, rate]])]);
const buildings = (row: (number | null)[]) => basicData([basicSection('楼堂馆所控制情况（2023年完工项目）', 23, ['批复规模（㎡）', '实际规模（㎡）', '规模控制率', '预算投资（万元）', '实际投资（万元）', '投资概算控制率'], [['', ...row]])]);

ruleTester(rateMismatch, {
  valid: [
    { name: 'seed 控制率 37/40 = 92.5%', form: staff(40, 37, 0.925) },
    { name: 'rounded display of 50/46', form: staff(46, 50, 1.087) },
    { name: '0 written where the denominator is 0', form: buildings([0, 0, 0, 0, 0, 0]) },
    { name: 'execution rate matches', form: selfEvaluation({ rows: [], budget: { budgeted: 200, executed: 150, weight: 10, rate: 0.75, score: 7.5 } }) },
  ],
  invalid: [
    { name: 'wrong execution rate', form: selfEvaluation({ rows: [], budget: { budgeted: 200, executed: 150, weight: 10, rate: 1, score: 7.5 } }), findings: [{ cell: 'G4', expected: 0.75, found: 1, message: '执行率应为 75%（150 ÷ 200），表内为 100%' }] },
    { name: 'execution rate off by display rounding is info', form: selfEvaluation({ rows: [], budget: { budgeted: 300, executed: 299, weight: 10, rate: 1, score: 9.97 } }), findings: [{ cell: 'G4', severity: 'info' }] },
    { name: 'wrong 控制率', form: staff(40, 37, 0.95), findings: [{ cell: 'D3', expected: 0.925, found: 0.95 }] },
    { name: 'a ratio written where the denominator is 0', form: buildings([0, 100, 1, 50, 45, 0.9]), findings: [{ cell: 'D24', message: /分母为 0，规模控制率应留空/ }] },
  ],
});
