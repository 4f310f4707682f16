/**
 * sum-mismatch on 基础数据表 layouts beyond the Hunan template: 三公经费 in the national 决算 wording
 * (因公出国（境）费 / 公务接待费 / 公务用车购置及运行维护费, 其中 购置费 / 运行维护费), no 公务用车 subtotal,
 * rows missing, and 项目支出 parts numbered （1） / (1) / ① / 一、 / 1).
 */
import type { CellValue } from '../../../src/core/snapshot';
import { sumMismatch } from '../../../src/core/checks/sum-mismatch';
import { ruleTester } from './ruleTester';
import { basicData, moneySection } from '../helpers/forms';

/** A money section of rows [label, 2022年决算数, 2023年预算数, 2023年决算数], starting on row 5 (B5:D5). */
const money = (rows: [string, ...CellValue[]][]) => basicData([moneySection(rows)]);

/** 三公 in the national wording: 三公 / 出国 / 接待 / 公务用车 (其中 购置, 运行维护); `d` the 2023年决算数 column. */
const national = (car: string, buy: string, run: string, d: [number, number, number, number, number, number]) =>
  money([
    ['三公经费', 10, 10, d[0]],
    ['\u30001、因公出国（境）费', 0, 0, d[1]],
    ['\u30002、公务接待费', 5, 5, d[2]],
    [`\u30003、${car}`, 5, 5, d[3]],
    [`\u3000\u3000其中：${buy}`, 0, 0, d[4]],
    [`\u3000\u3000\u3000\u3000\u3000${run}`, 5, 5, d[5]],
  ]);

/** 项目支出 with two parts numbered by `a` and `b`, a sub-item under the first, then 公用经费. */
const project = (a: string, b: string, whole: number, sub: string | null = null) =>
  money([
    ['项目支出', 10, 10, whole],
    [`\u3000${a}业务工作经费`, 5, 5, 5],
    ...(sub ? ([[`\u3000\u3000${sub}办公设备购置`, 2, 2, 2]] as [string, ...CellValue[]][]) : []),
    [`\u3000${b}运行维护经费`, 5, 5, 5],
    ['公用经费', 1, 1, 1],
  ]);

/** No 公务用车 subtotal: its two parts listed with 出国 and 接待 (four items), under a blank "（一）三公经费" heading. */
const fourItems = (whole: number) =>
  money([
    ['（一）三公经费', null, null, null],
    ['三公经费合计', 20.1, 23.5, whole],
    ['  1.公务用车购置费', 0, 0, 0],
    ['  2.公务用车运行维护费', 16.2, 19, 18.6],
    ['  3.因公出国（境）费', 0, 0, 0],
    ['  4.公务接待费', 3.9, 4.5, 4.3],
    ['（二）项目支出', null, null, null],
    ['项目支出合计', 2650.3, 2900, 2980.6],
    ['  1.学生资助', 1500.1, 1600, 1630.2],
    ['  2.校舍维修改造', 1150.2, 1300, 1350.4],
    ['（三）公用经费', 610.2, 640, 633.9],
    ['  其中：办公费', 120.4, 130, 126.5],
  ]);

ruleTester(sumMismatch, {
  valid: [
    { name: 'national wording, consistent', form: national('公务用车购置及运行维护费', '公务用车购置费', '公务用车运行维护费', [60, 0, 5, 55, 50, 5]) },
    { name: '"购置及维护" wording, consistent', form: national('公务用车购置及维护费', '公务用车购置费', '公务用车维护费', [60, 0, 5, 55, 50, 5]) },
    { name: '"购置及运行费" wording, consistent', form: national('公务用车购置及运行费', '公务用车购置费', '公务用车运行费', [60, 0, 5, 55, 50, 5]) },
    { name: 'parts of 公务用车 named only 购置费 / 运行维护费', form: national('公务用车购置及运行维护费', '购置费', '运行维护费', [60, 0, 5, 55, 50, 5]) },
    ...['（1）/（2）', '(1)/(2)', '①/②', '一、/二、', '1)/2)', '1./2.', '⑴/⑵'].map((p) => {
      const [a, b] = p.split('/');
      return { name: `项目支出 parts numbered ${p}, consistent`, form: project(a, b, 10) };
    }),
    { name: '项目支出 parts with a sub-item numbered otherwise: the sub-item is not added again', form: project('（1）', '（2）', 10, '①') },
    { name: 'four 三公 items without a 公务用车 subtotal, consistent; the blank heading rows are no wholes', form: fourItems(22.9) },
    {
      name: 'a 三公 row missing (出国): the listed parts do not exceed the whole',
      form: money([
        ['三公经费', 10, 10, 10],
        ['\u30001、公务用车购置和维护经费', 5, 5, 5],
        ['\u30002、公务接待', 5, 5, 4],
      ]),
    },
  ],
  invalid: [
    {
      name: 'national wording: 三公 and 公务用车 against their parts (m02)',
      form: national('公务用车购置及运行维护费', '公务用车购置费', '公务用车运行维护费', [99, 0, 5, 55, 1, 5]),
      findings: [
        { cell: 'D5', expected: 60, found: 99, message: '“三公经费”2023年决算数 99.00 与其分项之和 60.00 不符' },
        { cell: 'D8', expected: 6, found: 55, message: '“3、公务用车购置及运行维护费”2023年决算数 55.00 与其分项之和 6.00 不符' },
      ],
    },
    {
      name: '"购置及维护" wording',
      form: national('公务用车购置及维护费', '公务用车购置费', '公务用车维护费', [60, 0, 5, 55, 40, 5]),
      findings: [{ cell: 'D8', expected: 45, found: 55 }],
    },
    {
      name: 'parts named only 购置费 / 运行维护费 under 公务用车',
      form: national('公务用车购置及运行维护费', '购置费', '运行维护费', [60, 0, 5, 55, 40, 5]),
      findings: [{ cell: 'D8', expected: 45, found: 55 }],
    },
    ...['（1）/（2）', '(1)/(2)', '①/②', '一、/二、', '1)/2)'].map((p) => {
      const [a, b] = p.split('/');
      return { name: `项目支出 parts numbered ${p}`, form: project(a, b, 99), findings: [{ cell: 'D5', expected: 10, found: 99 }] };
    }),
    { name: 'sub-item numbered otherwise is not a part', form: project('（1）', '（2）', 12, '①'), findings: [{ cell: 'D5', expected: 10, found: 12 }] },
    {
      name: 'four 三公 items and 项目支出合计 under numbered headings (wb03)',
      form: fourItems(24.9),
      findings: [{ cell: 'D6', expected: 22.9, found: 24.9, message: /“三公经费合计”/ }],
    },
    {
      name: '项目支出合计 under a blank "（二）项目支出" heading',
      form: money([
        ['（二）项目支出', null, null, null],
        ['项目支出合计', 10, 10, 12],
        ['  1.学生资助', 5, 5, 5],
        ['  2.校舍维修改造', 5, 5, 5],
        ['（三）公用经费', 1, 1, 1],
      ]),
      findings: [{ cell: 'D6', expected: 10, found: 12 }],
    },
    {
      name: 'a 三公 row missing (出国): the listed parts exceed the whole',
      form: money([
        ['三公经费', 10, 10, 10],
        ['\u30001、公务用车购置和维护经费', 5, 5, 8],
        ['\u30002、公务接待', 5, 5, 4],
      ]),
      findings: [{ cell: 'D5', expected: 12, found: 10, message: '“三公经费”2023年决算数 10.00 小于其所列分项之和 12.00' }],
    },
    {
      name: 'no 公务用车 subtotal and no 运行 row: 三公 still checked against what is listed',
      form: money([
        ['三公经费', 10, 10, 3],
        ['\u30001、公务用车购置费', 5, 5, 2],
        ['\u30002、因公出国（境）费', 0, 0, 0],
        ['\u30003、公务接待费', 5, 5, 4],
      ]),
      findings: [{ cell: 'D5', expected: 6, found: 3 }],
    },
    {
      name: '公务用车 subtotal with only its 购置 part listed: checked as a cap; 三公 still summed',
      form: money([
        ['三公经费', 10, 10, 9],
        ['\u30001、因公出国（境）费', 0, 0, 0],
        ['\u30002、公务接待费', 5, 5, 4],
        ['\u30003、公务用车购置及运行维护费', 5, 5, 5],
        ['\u3000\u3000其中：公务用车购置费', 0, 0, 6],
      ]),
      findings: [{ cell: 'D8', expected: 6, found: 5, message: /小于其所列分项之和/ }],
    },
    {
      name: 'a money section titled otherwise ("二、支出控制情况"): found by its 决算 columns',
      form: (() => {
        const f = project('（1）', '（2）', 99);
        f.sections[0].title = '二、支出控制情况（万元）';
        return f;
      })(),
      findings: [{ cell: 'D5', expected: 10, found: 99 }],
    },
    {
      name: 'no 三公 row: 公务用车 still against its parts',
      form: money([
        ['公务用车购置及运行维护费', 5, 5, 5],
        ['\u3000\u3000其中：公务用车购置费', 0, 0, 1],
        ['\u3000\u3000\u3000\u3000\u3000公务用车运行维护费', 5, 5, 5],
      ]),
      findings: [{ cell: 'D5', expected: 6, found: 5 }],
    },
  ],
});
