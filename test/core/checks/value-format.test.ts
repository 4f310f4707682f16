import { valueFormat } from '../../../src/core/checks/value-format';
import { runChecks } from '../../../src/core/checks';
import { analyseSelfEvaluation } from '../../../src/core/score/form';
import { scoreIndicator } from '../../../src/core/score';
import { MOF_2020 } from '../../../src/core/rules';
import type { QualitativeValue } from '../../../src/core/parse/types';
import { ruleTester } from './ruleTester';
import { selfEvaluationReviewStub } from './reviewStub';
import { selfEvaluation } from '../helpers/forms';
import { num } from '../helpers/values';

ruleTester(valueFormat, {
  valid: [
    { name: 'measured actuals', form: selfEvaluation({ rows: [{ target: '≥98%', actual: '96%', weight: 10, score: 9.8 }, { target: '=100%', actual: '=97%', weight: 10, score: 9.7 }] }) },
    { name: 'a bare number that reads in the target unit', form: selfEvaluation({ rows: [{ target: '≥1500万元', actual: 1480, weight: 10, score: 9.87 }] }) },
    { name: 'percent-formatted fraction', form: selfEvaluation({ rows: [{ target: '≥98%', actual: 0.96, actualFormat: '0%', weight: 10, score: 9.8 }] }) },
  ],
  invalid: [
    { name: 'actual copied from the target (seed F18)', form: selfEvaluation({ rows: [{ target: '≥98%', actual: '≥98%', weight: 10, score: 10 }] }), findings: [{ cell: 'F13', message: /带有比较符号/ }] },
    { name: 'words for a numeric target', form: selfEvaluation({ rows: [{ target: '≥95%', actual: '完成', weight: 10, score: 10 }] }), findings: [{ cell: 'F13', message: /却是文字/ }] },
    {
      name: 'a bare number read in the base unit of a multiplied target unit',
      form: selfEvaluation({ rows: [{ target: '≥1万人次', actual: 11000, weight: 10, score: 10 }, { target: '≥1500万元', actual: 14980000, weight: 10, score: 9.99 }] }),
      findings: [{ cell: 'F13', message: '实际完成值“11000”未写单位，按 11000人次 计分' }, { cell: 'F14', message: '实际完成值“14980000”未写单位，按 14980000元 计分' }],
    },
    { name: 'a bare target read in the base unit', form: selfEvaluation({ rows: [{ target: 12000, actual: '1.1万人次', weight: 10, score: 9.17 }] }), findings: [{ cell: 'E13', message: '年度指标值“12000”未写单位，按 12000人次 计分' }] },
    { name: '"无" for a count target', form: selfEvaluation({ rows: [{ target: '≥10个', actual: '无', weight: 10, score: 0 }] }), findings: [{ cell: 'F13', message: /“无”却是文字/ }] },
    { name: 'a score that is not a number', form: selfEvaluation({ rows: [{ target: '1个', actual: '1个', weight: 10, score: '满分' }] }), findings: [{ cell: 'H13', severity: 'error', message: '得分“满分”不是数字' }] },
  ],
});

it('names the number a sentence was scored on (quantities from the parser)', () => {
  const form = selfEvaluation({ rows: [{ target: '≥95%', actual: '完成90%，较上年提高2个百分点', weight: 10, score: 9.47 }] });
  const analysis = analyseSelfEvaluation(form, MOF_2020);
  const ind = analysis.indicators[0];
  // Built by hand until the value parser fills `quantities`.
  const actual: QualitativeValue = { kind: 'qualitative', raw: ind.actualCell!.text, text: ind.actualCell!.text, tier: 'met', placeholder: false, quantities: [num(90, '%')] };
  ind.actual = actual;
  ind.result = scoreIndicator(ind.target, actual, 10, 9.47, MOF_2020);
  const ctx = { form, analysis, review: selfEvaluationReviewStub(form), workbook: [{ form, analysis }], rules: MOF_2020 };
  expect(runChecks(ctx, 'zh-CN', [valueFormat]).findings).toEqual([
    { code: 'value-format', severity: 'warning', sheet: '自评表', cell: 'F13', message: '实际完成值“完成90%，较上年提高2个百分点”不是单纯的数值，按其中的 90% 计分，请只填写数值' },
  ]);
  expect(runChecks(ctx, 'en-US', [valueFormat]).findings[0].message).toBe('The actual "完成90%，较上年提高2个百分点" is not a bare value; scored on the 90% in it: write the value only');
});
