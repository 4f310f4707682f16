import { unitMismatch } from '../../../src/core/checks/unit-mismatch';
import { ruleTester } from './ruleTester';
import { selfEvaluation } from '../helpers/forms';

ruleTester(unitMismatch, {
  valid: [
    { name: 'convertible money units', form: selfEvaluation({ rows: [{ target: '≥2万元', actual: '20000元', weight: 10, score: 10 }] }) },
    { name: 'unit dropped from the actual', form: selfEvaluation({ rows: [{ target: '≥50个', actual: 50, weight: 10, score: 10 }] }) },
  ],
  invalid: [{ name: 'percent against days', form: selfEvaluation({ rows: [{ target: '≥95%', actual: '3天', weight: 10, score: 10 }] }), findings: [{ cell: 'F13', message: /“天”与指标值单位“%”不一致/ }] }],
});
