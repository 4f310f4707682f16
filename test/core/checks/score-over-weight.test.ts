import { scoreOverWeight } from '../../../src/core/checks/score-over-weight';
import { ruleTester } from './ruleTester';
import { selfEvaluation } from '../helpers/forms';

ruleTester(scoreOverWeight, {
  valid: [{ name: 'scores within their weights', form: selfEvaluation({ rows: [{ target: '1个', actual: '1个', weight: 90, score: 90 }], total: { score: 100 } }) }],
  invalid: [
    { name: 'score above its weight', form: selfEvaluation({ rows: [{ target: '1个', actual: '1个', weight: 10, score: 12 }] }), findings: [{ cell: 'H13', expected: 10, found: 12, message: /超过分值 10/, messageId: 'over', data: { found: 12, weight: 10 } }] },
    { name: 'negative score', form: selfEvaluation({ rows: [{ target: '1个', actual: '0个', weight: 10, score: -1 }] }), findings: [{ cell: 'H13', expected: 0, found: -1, messageId: 'negative', data: { found: -1 } }] },
    { name: 'budget score above its weight', form: selfEvaluation({ rows: [], budget: { budgeted: 1, executed: 1, weight: 10, rate: 1, score: 11 } }), findings: [{ cell: 'H4' }] },
    { name: 'total above 100', form: selfEvaluation({ rows: [{ target: '1个', actual: '1个', weight: 90, score: 90 }], total: { score: 101 } }), findings: [{ cell: 'H14', found: 101 }] },
  ],
});
