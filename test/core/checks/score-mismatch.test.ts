import { scoreMismatch } from '../../../src/core/checks/score-mismatch';
import { ruleTester } from './ruleTester';
import { selfEvaluation } from '../helpers/forms';

/** Budget 10 + a met row 45 + a row scored 45 × got / 45 = got (32 by default: total 87, 良). The grade sits in I15. */
const graded = (total: number | null, grade: string | null, got = 32) => selfEvaluation({
  rows: [{ target: '1个', actual: '1个', weight: 45, score: 45 }, { target: '≥45个', actual: `${got}个`, weight: 45, score: got }],
  total: { score: total, grade },
});

ruleTester(scoreMismatch, {
  valid: [
    { name: 'met forward target at full weight', form: selfEvaluation({ rows: [{ target: '400个', actual: '400个', weight: 15, score: 15 }] }) },
    { name: 'missed target scored by the rule', form: selfEvaluation({ rows: [{ target: '≥98%', actual: '96%', weight: 10, score: 9.8 }] }) },
    { name: 'qualitative score inside the met band', form: selfEvaluation({ rows: [{ target: '定性', actual: '良好', weight: 10, score: 9 }] }) },
    { name: 'empty score is value-missing, not a mismatch', form: selfEvaluation({ rows: [{ target: '≥98%', actual: '96%', weight: 10, score: null }] }) },
    { name: 'grade agrees with the stated and computed total', form: graded(87, '良') },
    { name: 'grade synonym with a label (等级：良好)', form: graded(87, '等级：良好') },
    { name: 'grade 合格 for a total of 60–79', form: graded(75, '合格', 20) },
    { name: 'a word not on the grade scale (较好) says nothing', form: graded(87, '较好') },
    { name: 'an empty grade cell says nothing', form: graded(87, null) },
    { name: 'no stated total: grade against the computed total only', form: graded(null, '良') },
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
    {
      name: 'stated grade contradicts the stated total',
      form: graded(87, '优'),
      findings: [{ cell: 'I15', message: '总分 87 对应等级为“良”，表内为“优”' }],
    },
    {
      name: 'stated grade contradicts the stated total (English)',
      lang: 'en-US',
      form: graded(87, '优'),
      findings: [{ cell: 'I15', message: 'A total of 87 is graded 良; the form says 优' }],
    },
    {
      name: 'synonyms and a label are mapped before comparing (评价等级：良好 = 良)',
      form: graded(95, '评价等级：良好'),
      findings: [{ cell: 'I15', message: '总分 95 对应等级为“优”，表内为“良好”' }],
    },
    {
      name: '不合格 for a total of 65',
      form: graded(65, '不合格', 10),
      findings: [{ cell: 'I15', message: '总分 65 对应等级为“中”，表内为“不合格”' }],
    },
    {
      name: 'grade matches the stated total but not the recomputed one: info',
      form: graded(92, '优'),
      findings: [{ cell: 'I15', severity: 'info', message: '按规则计算总分为 87，对应等级为“良”，表内为“优”' }],
    },
    {
      name: 'no stated total and the computed total graded otherwise: an error (nothing on the form backs the grade)',
      form: graded(null, '中'),
      findings: [{ cell: 'I15', severity: 'error', message: /总分为 87，对应等级为“良”，表内为“中”/ }],
    },
  ],
});
