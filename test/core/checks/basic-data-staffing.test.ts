/**
 * 控制率 on staffing headers other than "实际在职人数" / "编制数": 实有人数, 在编人数, 年末实有人数, 实际人数
 * over 编制数, 编制人数, 核定编制. Over 100% is a warning (limit-exceeded); a stated rate that disagrees
 * with 实有 ÷ 编制 is an error (rate-mismatch).
 */
import type { CellValue } from '../../../src/core/snapshot';
import { limitExceeded } from '../../../src/core/checks/limit-exceeded';
import { rateMismatch } from '../../../src/core/checks/rate-mismatch';
import { ruleTester } from './ruleTester';
import { basicData, basicSection } from '../helpers/forms';

/** A staffing section on row 2, headings [quota, actual, rate] in B2:D2, values on row 3. */
const staff = (quota: string, actual: string, q: CellValue, a: CellValue, rate: CellValue, title = '财政供养人员情况（人）') =>
  basicData([basicSection(title, 2, [quota, actual, '控制率'], [['', q, a, rate]])]);

/** The same with the actual count first (实有人数 | 编制数 | 控制率). */
const actualFirst = (actual: string, quota: string, a: number, q: number) =>
  basicData([basicSection('人员编制情况', 2, [actual, quota, '控制率'], [['', a, q, a / q]])]);

const HEADERS: [string, string][] = [
  ['编制数', '2023年实有人数'],
  ['编制数', '在编人数'],
  ['编制人数', '年末实有人数'],
  ['核定编制', '实际人数'],
  ['核定编制数', '编制内实有人数'],
];

ruleTester(limitExceeded, {
  valid: [
    ...HEADERS.map(([q, a]) => ({ name: `${a} / ${q} within 编制`, form: staff(q, a, 46, 44, 44 / 46) })),
    { name: 'actual count before the quota, within', form: actualFirst('实有人数', '编制数', 40, 46) },
  ],
  invalid: [
    ...HEADERS.map(([q, a]) => ({ name: `${a} / ${q} over 编制`, form: staff(q, a, 46, 50, 1.087), findings: [{ cell: 'D3', severity: 'warning' as const, found: 1.087, message: '控制率为 108.7%（50 ÷ 46），超过 100%' }] })),
    { name: 'actual count before the quota, over', form: actualFirst('实有人数', '编制数', 50, 46), findings: [{ cell: 'D3', found: 1.087 }] },
    { name: 'a numbered title of its own ("一、财政供养人员情况")', form: staff('编制数', '实有人数', 46, 50, 1.087, '一、财政供养人员情况'), findings: [{ cell: 'D3', found: 1.087 }] },
    {
      name: 'no 控制率 column: the warning points at the actual count',
      form: basicData([basicSection('财政供养人员情况（人）', 2, ['编制数', '实有人数'], [['', 46, 50]])]),
      findings: [{ cell: 'C3', found: 1.087 }],
    },
  ],
});

ruleTester(rateMismatch, {
  valid: [
    ...HEADERS.map(([q, a]) => ({ name: `${a} / ${q}: stated rate agrees`, form: staff(q, a, 46, 50, 1.087) })),
    { name: 'stated as text "108.70%"', form: staff('编制数', '2023年实有人数', 46, 50, '108.70%') },
  ],
  invalid: [
    ...HEADERS.map(([q, a]) => ({
      name: `${a} / ${q}: stated 120% (m04)`,
      form: staff(q, a, 46, 50, 1.2),
      findings: [{ cell: 'D3', expected: 1.087, found: 1.2, message: '控制率应为 108.7%（50 ÷ 46），表内为 120%' }],
    })),
  ],
});
