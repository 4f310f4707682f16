import { limitExceeded } from '../../../src/core/checks/limit-exceeded';
import { ruleTester } from './ruleTester';
import { basicData, basicSection } from '../helpers/forms';

const staff = (a: number, b: number) => basicData([basicSection('财政供养人员情况（人）', 2, ['编制数', '2023年实际在职人数', '控制率'], [['', a, b, b / a]])]);

ruleTester(limitExceeded, {
  valid: [{ name: 'seed 37 of 40', form: staff(40, 37) }, { name: 'exactly 100%', form: staff(40, 40) }],
  invalid: [
    { name: 'Hengshan 50 of 46', form: staff(46, 50), findings: [{ cell: 'D3', found: 1.087, message: '控制率为 108.7%（50 ÷ 46），超过 100%' }] },
    {
      name: 'investment over its estimate',
      form: basicData([basicSection('楼堂馆所控制情况', 23, ['批复规模', '实际规模', '规模控制率', '预算投资', '实际投资', '投资概算控制率'], [['', 100, 90, 0.9, 50, 60, 1.2]])]),
      findings: [{ cell: 'G24', found: 1.2 }],
    },
  ],
});
