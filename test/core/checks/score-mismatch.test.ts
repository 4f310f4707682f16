import { scoreMismatch } from '../../../src/core/checks/score-mismatch';
import { ruleTester } from './ruleTester';
import { selfEvaluation } from '../helpers/forms';

ruleTester(scoreMismatch, {
  valid: [
    { name: 'met forward target at full weight', form: selfEvaluation({ rows: [{ target: '400个', actual: '400个', weight: 15, score: 15 }] }) },
    { name: 'missed target scored by the rule', form: selfEvaluation({ rows: [{ target: '≥98%', actual: '96%', weight: 10, score: 9.8 }] }) },
    { name: 'qualitative score inside the met band', form: selfEvaluation({ rows: [{ target: '定性', actual: '良好', weight: 10, score: 9 }] }) },
    { name: 'empty score is value-missing, not a mismatch', form: selfEvaluation({ rows: [{ target: '≥98%', actual: '96%', weight: 10, score: null }] }) },
  ],
  invalid: [
    {
      name: 'equal target missed but full score (seed H14)',
      form: selfEvaluation({ rows: [{ target: '=100%', actual: '=97%', weight: 15, score: 15 }] }),
      findings: [{ cell: 'H13', message: '得分应为 14.55（15 × 97% ÷ 100%），表内为 15', expected: 14.55, found: 15 }],
    },
    {
      name: 'English message',
      lang: 'en-US',
      form: selfEvaluation({ rows: [{ target: '=100%', actual: '=97%', weight: 15, score: 15 }] }),
      findings: [{ cell: 'H13', message: 'Score should be 14.55 (15 × 97% ÷ 100%); the form says 15' }],
    },
    {
      name: 'hand rounding within 0.1 is info',
      form: selfEvaluation({ rows: [{ target: '≥98%', actual: '96%', weight: 10, score: 9.75 }] }),
      findings: [{ cell: 'H13', severity: 'info', expected: 9.8, found: 9.75 }],
    },
    {
      name: 'qualitative partial scored as met',
      form: selfEvaluation({ rows: [{ target: '有效', actual: '部分达成', weight: 10, score: 10 }] }),
      findings: [{ cell: 'H13', message: /不在“部分达成”档 6–8 分之内，建议 7\.99/, expected: 7.99 }],
    },
    {
      name: 'budget score against the execution rate',
      form: selfEvaluation({ rows: [{ target: '1个', actual: '1个', weight: 90, score: 90 }], budget: { budgeted: 200, executed: 150, weight: 10, rate: 0.75, score: 10 } }),
      findings: [{ cell: 'H4', expected: 7.5, found: 10 }],
    },
    {
      name: 'a total that adds up but rests on wrong scores',
      form: selfEvaluation({ rows: [{ target: '≥98%', actual: '96%', weight: 90, score: 90 }], total: { score: 100 } }),
      findings: [{ cell: 'H13', expected: 88.16 }, { cell: 'H14', severity: 'warning', expected: 98.16, found: 100 }],
    },
  ],
});
