import { valueFormat } from '../../../src/core/checks/value-format';
import { ruleTester } from './ruleTester';
import { selfEvaluation } from '../helpers/forms';

ruleTester(valueFormat, {
  valid: [
    { name: 'measured actuals', form: selfEvaluation({ rows: [{ target: '≥98%', actual: '96%', weight: 10, score: 9.8 }, { target: '=100%', actual: '=97%', weight: 10, score: 9.7 }] }) },
    { name: 'percent-formatted fraction', form: selfEvaluation({ rows: [{ target: '≥98%', actual: 0.96, actualFormat: '0%', weight: 10, score: 9.8 }] }) },
  ],
  invalid: [
    { name: 'actual copied from the target (seed F18)', form: selfEvaluation({ rows: [{ target: '≥98%', actual: '≥98%', weight: 10, score: 10 }] }), findings: [{ cell: 'F13', message: /带有比较符号/ }] },
    { name: 'words for a numeric target', form: selfEvaluation({ rows: [{ target: '≥95%', actual: '完成', weight: 10, score: 10 }] }), findings: [{ cell: 'F13', message: /却是文字/ }] },
    { name: 'a score that is not a number', form: selfEvaluation({ rows: [{ target: '1个', actual: '1个', weight: 10, score: '满分' }] }), findings: [{ cell: 'H13', severity: 'error', message: '得分“满分”不是数字' }] },
  ],
});
