/**
 * 基础数据表 layouts beyond the Hunan template: section titles on a line of their own with a header row
 * under them ("一、财政供养人员情况" / "项目 | 编制数 | 实有人数 | 控制率"), numbered titles, and the money unit
 * stated by a unit line ("金额单位：元") instead of the section title.
 */
import { locateForms } from '../../../src/core/locate';
import type { BasicDataForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { at, loadFixture } from './fixtures';
import { offset, shiftMerges, sheet, workbook } from './grid';

function basicOf(rows: CellValue[][], merges: string[] = []): BasicDataForm {
  const forms = locateForms(workbook(sheet(rows, { merges })));
  expect(forms.map((f) => f.kind)).toEqual(['basic-data']);
  return forms[0] as BasicDataForm;
}

const summary = (f: BasicDataForm) => f.sections.map((s) => [s.title, s.titleCell.a1, s.columns.map((c) => c.cell.a1).join(','), s.rows.map((r) => r.label).join('|')]);

describe('section titles on a line of their own', () => {
  // m05 of the second sweep.
  const m05: CellValue[][] = [
    ['2023年度部门整体支出绩效评价基础数据表'],
    ['一、财政供养人员情况'],
    ['项目', '编制数', '实际在职人数', '控制率'],
    ['人员', 46, 44, 0.9565],
    ['二、经费控制情况（万元）'],
    ['项目', '2022年决算数', '2023年预算数', '2023年决算数'],
    ['三公经费', 10, 10, 12],
    ['　1、公务用车购置和维护经费', 5, 5, 5],
    ['　2、出国经费', 0, 0, 0],
    ['　3、公务接待', 5, 5, 5],
  ];

  it('are found, merged across, with their columns on the header row under them (m05)', () => {
    const f = basicOf(m05, ['A2:D2', 'A5:D5']);
    expect(f.title).toBe('2023年度部门整体支出绩效评价基础数据表');
    expect(summary(f)).toEqual([
      ['一、财政供养人员情况', 'A2', 'B3,C3,D3', '人员'],
      ['二、经费控制情况（万元）', 'A5', 'B6,C6,D6', '三公经费|1、公务用车购置和维护经费|2、出国经费|3、公务接待'],
    ]);
    expect(f.sections[0].columns.map((c) => c.label)).toEqual(['编制数', '实际在职人数', '控制率']);
    expect(at(f.sections[1].rows[0].cells[2])).toBe('D7');
    expect(f.range).toBe('A1:D10');
  });

  it('are found unmerged, at an offset, with a blank first header cell and a unit line beside the title', () => {
    const rows: CellValue[][] = [
      ['部门整体支出绩效评价基础数据表'],
      ['一、财政供养人员情况'],
      [null, '编制数', '年末实有人数', '控制率'],
      [null, 46, 44, 0.9565],
      ['二、经费控制情况', null, null, '单位：元'],
      [null, '上年决算数', '当年预算数', '当年决算数'],
      ['项目支出', 1000, 1000, 1000],
    ];
    const f = basicOf(offset(rows, 3, 2));
    expect(summary(f)).toEqual([
      ['一、财政供养人员情况', 'C5', 'D6,E6,F6', ''],
      ['二、经费控制情况', 'C8', 'D9,E9,F9', '项目支出'],
    ]);
    expect(f.sections[1].unit).toBe('元');
  });

  it('read a whole numbered template: 三公 and 项目支出 under blank numbered headings, 楼堂馆所 with 项目名称 (wb03)', () => {
    const rows: CellValue[][] = [
      ['某区教育局2023年度部门整体支出绩效评价基础数据表'],
      ['填报单位：某区教育局', null, '金额单位：万元'],
      ['一、财政供养人员情况'],
      ['项目', '编制数（人）', '实际在职人数（人）', '控制率'],
      ['人员', 420, 412, 0.981],
      ['二、经费控制情况'],
      ['项目', '2022年决算数', '2023年预算数', '2023年决算数'],
      ['（一）三公经费', null, null, null],
      ['三公经费合计', 20.1, 23.5, 24.9],
      ['  1.公务用车购置费', 0, 0, 0],
      ['（二）项目支出', null, null, null],
      ['项目支出合计', 2650.3, 2900, 2980.6],
      ['三、楼堂馆所控制情况'],
      ['项目名称', '批复规模（㎡）', '实际规模（㎡）', '规模控制率', '预算投资（万元）', '实际投资（万元）', '投资概算控制率'],
      ['无', null, null, null, null, null, null],
      ['填表人：钱七　　审核人：孙八'],
    ];
    const f = basicOf(rows, ['A1:G1', 'A2:B2', 'C2:G2', 'A3:G3', 'A6:G6', 'A13:G13', 'A16:G16']);
    expect(f.unit?.text).toBe('某区教育局');
    expect(summary(f)).toEqual([
      ['一、财政供养人员情况', 'A3', 'B4,C4,D4', '人员'],
      ['二、经费控制情况', 'A6', 'B7,C7,D7', '（一）三公经费|三公经费合计|1.公务用车购置费|（二）项目支出|项目支出合计'],
      ['三、楼堂馆所控制情况', 'A13', 'B14,C14,D14,E14,F14,G14', '无'],
    ]);
    expect(f.sections[1].unit).toBe('万元');
    expect(f.range).toBe('A1:G15');
  });

  it('are found at an offset under an unmerged title when their names are not the Hunan ones', () => {
    const rows: CellValue[][] = [
      ['基础数据表'],
      ['一、人员编制情况'],
      ['项目', '核定编制', '实有人数', '控制率'],
      ['行政编制', 20, 19, 0.95],
      ['二、支出控制情况（万元）'],
      ['项目', '上年决算数', '当年预算数', '当年决算数'],
      ['项目支出', 10, 10, 10],
    ];
    const f = basicOf(offset(rows, 1, 2));
    expect(summary(f)).toEqual([
      ['一、人员编制情况', 'C3', 'D4,E4,F4', '行政编制'],
      ['二、支出控制情况（万元）', 'C6', 'D7,E7,F7', '项目支出'],
    ]);
  });

  it('a numbered title with its headings on its own row is read as before', () => {
    const f = basicOf([
      ['基础数据表'],
      ['一、财政供养人员情况（人）', '编制数', '实有人数', '控制率'],
      [null, 46, 50, 1.087],
      ['二、经费控制情况（万元）', '2022年决算数', '2023年预算数', '2023年决算数'],
      ['项目支出', 10, 10, 10],
    ]);
    expect(summary(f)).toEqual([
      ['一、财政供养人员情况（人）', 'A2', 'B2,C2,D2', ''],
      ['二、经费控制情况（万元）', 'A4', 'B4,C4,D4', '项目支出'],
    ]);
    expect(f.sections[0].unit).toBeUndefined();
  });

  it('a "…情况" line inside a section stays a row when no header row follows it', () => {
    const f = basicOf([
      ['基础数据表'],
      ['经费控制情况（万元）', '2022年决算数', '2023年预算数', '2023年决算数'],
      ['政府采购情况'],
      ['  其中：货物类', 1, 1, 1],
      ['资产配置情况'],
      [null, '无', '无', '无'],
      ['项目支出', 10, 10, 10],
    ]);
    expect(summary(f)).toEqual([['经费控制情况（万元）', 'A2', 'B2,C2,D2', '政府采购情况|其中：货物类|资产配置情况||项目支出']]);
  });
});

describe('the money unit of a section', () => {
  it('comes from a unit line above the section when its title names none (m06)', () => {
    const f = basicOf([
      ['2023年度部门整体支出绩效评价基础数据表'],
      [null, null, null, '金额单位：元'],
      ['经费控制情况', '2022年决算数', '2023年预算数', '2023年决算数'],
      ['项目支出', 8742000, 3081700, 10252000],
    ]);
    expect(f.sections[0].unit).toBe('元');
    expect(f.sections[0].columns.map((c) => c.label)).toEqual(['2022年决算数', '2023年预算数', '2023年决算数']);
  });

  it('comes from the nearest line: one between sections applies to the sections under it, and is no row', () => {
    const f = basicOf([
      ['基础数据表　（金额单位：万元）'],
      ['经费控制情况', '2022年决算数', '2023年预算数', '2023年决算数'],
      ['项目支出', 10, 10, 10],
      [null, null, null, '单位：元'],
      ['楼堂馆所控制情况', '批复规模', '实际规模', '规模控制率', '预算投资', '实际投资', '投资概算控制率'],
      ['办公楼', 100, 90, 0.9, 500000, 450000, 0.9],
    ]);
    expect(f.sections.map((s) => s.unit)).toEqual(['万元', '元']);
    expect(f.sections[0].rows.map((r) => r.label)).toEqual(['项目支出']);
  });

  it('is the title\'s or the headings\' over a line; a staffing section counted in 人 takes no money line', () => {
    const f = basicOf([
      ['基础数据表'],
      [null, null, null, '金额单位：元'],
      ['财政供养人员情况（人）', '编制数', '实际在职人数', '控制率'],
      [null, 46, 44, 0.9565],
      ['经费控制情况（万元）', '2022年决算数', '2023年预算数', '2023年决算数'],
      ['项目支出', 10, 10, 10],
      ['楼堂馆所控制情况', '批复规模（㎡）', '实际规模（㎡）', '规模控制率', '预算投资（万元）', '实际投资（万元）', '投资概算控制率'],
    ]);
    expect(f.sections.map((s) => s.unit)).toEqual([undefined, '万元', '万元']);
  });

  it('is never a 填报单位 whose name starts with 元', () => {
    const f = basicOf([
      ['基础数据表'],
      ['填报单位：元江县财政局'],
      ['经费控制情况', '2022年决算数', '2023年预算数', '2023年决算数'],
      ['项目支出', 10, 10, 10],
    ]);
    expect(f.sections[0].unit).toBeUndefined();
  });
});

describe('the seed and Hengshan read as before', () => {
  it.each([['seed-longquan-2023.xlsx'], ['hunan-hengshan-2023-whole-unit.xlsx']])('%s', async (name) => {
    const forms = locateForms(await loadFixture(name));
    const basic = forms.find((f) => f.kind === 'basic-data') as BasicDataForm;
    expect(basic.sections.map((s) => [s.title, s.unit])).toEqual([
      ['财政供养人员情况（人）', undefined],
      ['经费控制情况（万元）', '万元'],
      ['楼堂馆所控制情况（2023年完工项目）', '万元'],
    ]);
  });

  it('a shifted copy of m05 is found the same', () => {
    const rows: CellValue[][] = [['基础数据表'], ['一、财政供养人员情况'], ['项目', '编制数', '实有人数', '控制率'], ['人员', 46, 44, 0.9565]];
    const f = basicOf(offset(rows, 4, 3), shiftMerges(['A2:D2'], 4, 3));
    expect(summary(f)).toEqual([['一、财政供养人员情况', 'D6', 'E7,F7,G7', '人员']]);
  });
});
