import { overAchievement } from '../../../src/core/checks/over-achievement';
import { ruleTester } from './ruleTester';
import { selfEvaluation } from '../helpers/forms';

ruleTester(overAchievement, {
  valid: [
    { name: 'under the threshold', form: selfEvaluation({ rows: [{ target: '≥100个', actual: '119个', weight: 10, score: 10 }] }) },
    { name: 'reverse targets are not over-achieved', form: selfEvaluation({ rows: [{ target: '≤5%', actual: '1%', weight: 10, score: 10 }] }) },
    { name: 'a higher threshold from the rule set', rules: { overAchievement: 1.3 }, form: selfEvaluation({ rows: [{ target: '≥100个', actual: '125个', weight: 10, score: 10 }] }) },
  ],
  invalid: [
    { name: '150% of target', form: selfEvaluation({ rows: [{ target: '≥100个', actual: '150个', weight: 10, score: 10 }] }), findings: [{ cell: 'F13', found: 1.5, message: /150%（≥ 120%）/, messageId: 'over', data: { ratio: '150%', threshold: '120%' } }] },
    { name: 'a row without a weight is still over-achieved', form: selfEvaluation({ rows: [{ target: '≥100个', actual: '150个', weight: null, score: null }] }), findings: [{ cell: 'F13', found: 1.5, messageId: 'over' }] },
  ],
});
