import { valueMissing } from '../../../src/core/checks/value-missing';
import { ruleTester } from './ruleTester';
import { basicData, moneySection, selfEvaluation } from '../helpers/forms';

ruleTester(valueMissing, {
  valid: [
    { name: 'a complete row', form: selfEvaluation({ rows: [{ target: '≥98%', actual: '96%', weight: 10, score: 9.8 }], total: { score: 19.8 } }) },
    {
      name: 'a scored parent line ("数量指标 | | | 30 | 29") needs no target or actual of its own',
      form: selfEvaluation({ rows: [{ target: null, actual: null, weight: 20, score: 19.6, parent: true }, { target: '100%', actual: '98%', weight: 20, score: 19.6 }] }),
    },
    { name: '"无" against a numeric target is a value (0), not a missing one', form: selfEvaluation({ rows: [{ target: '≥10个', actual: '无', weight: 10, score: 0 }] }) },
    { name: '"尚未完成" is a miss, not a missing figure', form: selfEvaluation({ rows: [{ target: '有效', actual: '尚未完成', weight: 10, score: 5 }] }) },
    {
      name: 'a header without a weight column: no empty weight on every row',
      form: (() => {
        const f = selfEvaluation({ rows: [{ target: '1个', actual: '1个', weight: null, score: 10 }] });
        delete f.indicators[0].cells.weight;
        return f;
      })(),
    },
    { name: 'basic data with matching budgets', form: basicData([moneySection([['公用经费', 1, 2, 2]])]) },
  ],
  invalid: [
    {
      name: 'empty target, actual and weight',
      form: selfEvaluation({ rows: [{ target: null, actual: '1个', weight: 10, score: 10 }, { target: '1个', actual: null, weight: 10, score: 10 }, { target: '1个', actual: '1个', weight: null, score: 10 }] }),
      findings: [{ cell: 'E13', message: /年度指标值为空/ }, { cell: 'F14', message: /实际完成值为空/ }, { cell: 'G15' }],
    },
    {
      name: '"暂无", "暂无数据", "未统计" say there is no figure (numeric and qualitative targets)',
      form: selfEvaluation({
        rows: [
          { target: '≥90%', actual: '暂无', weight: 10, score: 10 },
          { target: '≥90%', actual: '暂无数据', weight: 10, score: 10 },
          { target: '≥100人次', actual: '未统计', weight: 10, score: 10 },
          { target: '有效', actual: '暂无数据', weight: 10, score: 10 },
        ],
      }),
      findings: [
        { cell: 'F13', message: '“指标1”的实际完成值为“暂无”，没有可计分的数值，请填写实际完成值' },
        { cell: 'F14', message: /为“暂无数据”，没有可计分的数值/ },
        { cell: 'F15', message: /为“未统计”/ },
        { cell: 'F16', message: /为“暂无数据”/ },
      ],
    },
    { name: 'not-available in English', lang: 'en-US', form: selfEvaluation({ rows: [{ target: '≥90%', actual: '暂无', weight: 10, score: 10 }] }), findings: [{ cell: 'F13', message: 'The actual of "指标1" says "暂无": no figure to score; fill in the actual' }] },
    { name: 'empty score proposes the rule’s score', form: selfEvaluation({ rows: [{ target: '≥98%', actual: '96%', weight: 10, score: null }] }), findings: [{ cell: 'H13', severity: 'warning', expected: 9.8, messageId: 'score', data: { name: '指标1', expected: 9.8 } }] },
    {
      name: 'an empty budget score the rule can compute is said, with the score it should be',
      form: selfEvaluation({ rows: [{ target: '≥98%', actual: '99%', weight: 90, score: 90 }], budget: { budgeted: 100, executed: 90, weight: 10, rate: 0.9, score: null } }),
      findings: [{ cell: 'H4', severity: 'warning', expected: 9, message: '预算执行得分为空，按规则应为 9', messageId: 'budgetScore', data: { expected: 9 } }],
    },
    {
      name: 'a row under a header without a weight column: the empty weight is the layout\'s to say, not this rule\'s',
      form: (() => {
        const f = selfEvaluation({ rows: [{ target: '1个', actual: null, weight: null, score: 10 }] });
        delete f.indicators[0].cells.weight;
        return f;
      })(),
      findings: [{ cell: 'F13', messageId: 'field', data: { field: { zh: '实际完成值', en: 'actual' }, name: '指标1' } }],
    },
    { name: 'empty budget figures', form: selfEvaluation({ rows: [], budget: { budgeted: null, executed: null, weight: 10, rate: null, score: null } }), findings: [{ cell: 'D4' }, { cell: 'E4' }] },
    {
      name: '预算数 0 with a non-zero 决算数 (seed 项目支出, children not repeated)',
      form: basicData([moneySection()]),
      findings: [{ cell: 'C11', severity: 'info', message: /“项目支出”当年预算数为 0，决算数却为 1165\.56/ }],
    },
  ],
});
