/** A 基础数据表 with no title row, its sections numbered ("一、财政供养人员情况"): found by its sections. */
import { locateForms } from '../../../src/core/locate';
import { reviewWorkbook } from '../../../src/core/review';
import type { CellValue } from '../../../src/core/snapshot';
import { sheet, workbook } from './grid';

const rows: CellValue[][] = [
  ['一、财政供养人员情况（人）', '编制数', '实际在职人数', '控制率'],
  [null, 40, 37, '92.5%'],
  ['二、经费控制情况（万元）', '2022年决算数', '2023年预算数', '2023年决算数'],
  ['三公经费', 10, 8, 7.5],
  ['  1、公务用车购置和维护经费', 6, 5, 4.5],
  ['  2、出国经费', 0, 0, 0],
  ['  3、公务接待', 4, 3, 2],
  ['项目支出', 874.2, 900, 1025.2],
  ['公用经费', 118.31, 85.76, 93.42],
];

it('is located by its numbered sections', () => {
  const forms = locateForms(workbook(sheet(rows)));
  expect(forms.map((f) => f.kind)).toEqual(['basic-data']);
  const basic = forms[0];
  expect(basic.kind === 'basic-data' && basic.sections.map((s) => s.title)).toEqual(['一、财政供养人员情况（人）', '二、经费控制情况（万元）']);
});

it('and its arithmetic is checked: 三公经费 7.5 is not 4.5 + 0 + 2', () => {
  const { fileReview } = reviewWorkbook(workbook(sheet(rows)));
  expect(fileReview.findings.filter((f) => f.code === 'sum-mismatch').map((f) => f.cell)).toContain('D4');
});
