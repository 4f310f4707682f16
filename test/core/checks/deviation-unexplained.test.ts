import { deviationUnexplained, isMissingExplanation } from '../../../src/core/checks/deviation-unexplained';
import { ruleTester } from './ruleTester';
import { selfEvaluation } from '../helpers/forms';

const missed = (explanation: string | null, score = 9.8) => selfEvaluation({ rows: [{ target: '≥98%', actual: '96%', weight: 10, score, explanation }] });

ruleTester(deviationUnexplained, {
  valid: [
    { name: 'met target, full score, no text', form: selfEvaluation({ rows: [{ target: '1个', actual: '1个', weight: 10, score: 10 }] }) },
    { name: 'missed target with a reason', form: missed('受疫情影响，部分群众未参与调查，下年度加强宣传') },
    { name: 'Guangxi: 125% is under its 130% threshold', rules: 'guangxi', form: selfEvaluation({ rows: [{ target: '≥100个', actual: '125个', weight: 10, score: 10 }] }) },
    { name: 'met target with "无偏差"', form: selfEvaluation({ rows: [{ target: '≥90%', actual: '95%', weight: 10, score: 10, explanation: '无偏差' }] }) },
    { name: 'a cost under its amount (成本指标, reverse) is met', form: selfEvaluation({ rows: [{ level2: '成本指标', target: '1500万元', actual: '1480万元', weight: 10, score: 10 }] }) },
    { name: 'Sichuan rule off by default', form: selfEvaluation({ rows: [], budget: { budgeted: 100, executed: 80, weight: 10, rate: 0.8, score: 8 } }) },
  ],
  invalid: [
    ...['', '0', '无', '/', '——', '-', '（未完成的请说明原因）', '无。', '无偏差', '无偏差。', '没有偏差', '无差异', '不存在偏差', '无明显偏差', '无偏差原因', '偏差为0'].map((text) => ({ name: `missed target with "${text}"`, form: missed(text), findings: [{ cell: 'I13' }] })),
    { name: 'stated score under the weight though the rule gives full (seed I18)', form: selfEvaluation({ rows: [{ target: '≥98%', actual: '≥98%', weight: 10, score: 8 }] }), findings: [{ cell: 'I13' }] },
    { name: 'over-achievement without a reason', form: selfEvaluation({ rows: [{ target: '≥100个', actual: '150个', weight: 10, score: 10 }] }), findings: [{ cell: 'I13', severity: 'warning' }] },
    { name: 'full score but the text says 未完成', form: selfEvaluation({ rows: [{ target: '1个', actual: '1个', weight: 10, score: 10, explanation: '部分工作未完成' }] }), findings: [{ cell: 'I13', severity: 'warning', message: /“未完成”，前后矛盾/ }] },
    { name: 'over-achievement with "无偏差"', form: selfEvaluation({ rows: [{ target: '≥100个', actual: '150个', weight: 10, score: 10, explanation: '无偏差' }] }), findings: [{ cell: 'I13', severity: 'warning' }] },
    { name: 'a missed cost (成本指标 amount, reverse) with "无偏差"', form: selfEvaluation({ rows: [{ level2: '成本指标', target: '1500万元', actual: '1520万元', weight: 10, score: 9.87, explanation: '无偏差' }] }), findings: [{ cell: 'I13' }] },
    { name: '"无" actual against ≥10个 is a miss (0 points) and needs a reason', form: selfEvaluation({ rows: [{ target: '≥10个', actual: '无', weight: 10, score: 10 }] }), findings: [{ cell: 'I13' }] },
    { name: 'a missed target without a weight still needs its explanation', form: selfEvaluation({ rows: [{ target: '≥100个', actual: '80个', weight: null, score: null, explanation: '' }] }), findings: [{ cell: 'I13', messageId: 'below' }] },
    { name: 'far over-achieved without a weight still needs its reason', form: selfEvaluation({ rows: [{ target: '≥100个', actual: '150个', weight: null, score: null, explanation: '' }] }), findings: [{ cell: 'I13', severity: 'warning', messageId: 'over' }] },
    { name: 'Guangxi: a reason for 150% is mandatory', rules: 'guangxi', form: selfEvaluation({ rows: [{ target: '≥100个', actual: '150个', weight: 10, score: 10 }] }), findings: [{ cell: 'I13', severity: 'error' }] },
    { name: 'Sichuan: execution under 90% needs a reason', rules: 'sichuan', form: selfEvaluation({ rows: [], budget: { budgeted: 100, executed: 80, weight: 10, rate: 0.8, score: 8 } }), findings: [{ cell: 'G4', severity: 'warning' }] },
  ],
});

it('recognises real explanations', () => {
  expect(isMissingExplanation('年中调整导致部分资金未拨付')).toBe(false);
  // A reason that mentions the deviation is a reason.
  expect(isMissingExplanation('无偏差原因分析：受天气影响工期延后，下年度提前安排')).toBe(false);
  expect(isMissingExplanation('偏差原因：无法按期采购，已调整计划')).toBe(false);
  expect(isMissingExplanation('无重大偏差，个别社区未参与调查，下年度加强宣传')).toBe(false);
});
