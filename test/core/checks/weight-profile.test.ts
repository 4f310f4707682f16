import { weightProfile } from '../../../src/core/checks/weight-profile';
import { ruleTester } from './ruleTester';
import { selfEvaluation } from '../helpers/forms';

const row = (level1: string, weight: number) => ({ level1, target: '1个', actual: '1个', weight, score: weight });

ruleTester(weightProfile, {
  valid: [
    { name: 'national 10/50/30/10', form: selfEvaluation({ rows: [row('产出指标', 50), row('效益指标', 30), row('满意度指标', 10)] }) },
    { name: 'no 满意度: its points go to 效益', form: selfEvaluation({ rows: [row('产出指标', 50), row('效益指标', 40)] }) },
    { name: 'another framework is not checked', form: selfEvaluation({ rows: [row('项目决策', 20), row('项目管理', 20), row('项目产出', 40), row('项目效益', 20)] }) },
  ],
  invalid: [
    {
      name: 'Yunnan 40/30/20',
      form: selfEvaluation({ rows: [row('产出指标', 40), row('效益指标', 30), row('满意度指标', 20)] }),
      findings: [{ cell: 'B13', expected: 50, found: 40, message: /产出指标共 40 分/ }, { cell: 'B15', expected: 10, found: 20 }],
    },
    {
      name: 'seed: heading weights, 成本 counted with 产出',
      form: selfEvaluation({ rows: [row('产出指标', 40), row('效益指标', 20), row('满意度指标', 10), row('成本指标', 20)], headings: { 产出指标: 40, 效益指标: 20, 满意度指标: 10, 成本指标: 20 } }),
      findings: [{ cell: 'B13', found: 60 }, { cell: 'B14', found: 20, expected: 30 }],
    },
  ],
});
