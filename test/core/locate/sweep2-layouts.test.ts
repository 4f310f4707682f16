/**
 * Layouts from the second sweep (D-numbered) on minimal grids: a summary
 * list of projects is no form (D7), a level-1 weight note in a column of its own (D9), a grade
 * label whose value is not merged up to it (D10), a money-unit line is no unit name (D13).
 */
import { locateForms } from '../../../src/core/locate';
import { isMeasureUnit } from '../../../src/core/locate/fields';
import { weightNote } from '../../../src/core/locate/vocab';
import type { SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { at } from './fixtures';
import { sheet, workbook } from './grid';

const H = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
const BODY: CellValue[][] = [
  ['产出指标', '数量指标', '改造小区数', '≥8个', '8个', 50, 50, null],
  ['效益指标', '社会效益指标', '受益户数', '≥1200户', '1200户', 40, 40, null],
  ['满意度指标', '服务对象满意度指标', '满意度', '≥85%', '90%', 10, 10, null],
  ['总分', null, null, null, null, 100, 100, null],
];

function forms(rows: CellValue[][], merges: string[] = []): SelfEvaluationForm[] {
  return locateForms(workbook(sheet(rows, { merges }))) as SelfEvaluationForm[];
}

describe('D7: a summary list of projects is no form', () => {
  const list: CellValue[][] = [
    ['序号', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '执行率', '自评得分', '自评等级'],
    [1, '城镇职工技能培训', 300, 300, '100%', 99.56, '优'],
    [2, '老旧小区改造', 200, 195.5, '97.75%', 99.78, '优'],
    [3, '市政道路维修', 100, 80, '80%', 92, '优'],
  ];

  it('alone under a 汇总表 title, no 合计 line: no form', () => {
    expect(forms([['2023年度项目支出绩效自评结果汇总表'], ...list], ['A1:G1'])).toEqual([]);
  });

  it('untitled, with a 合计 line and a 实施单位 column: no form', () => {
    expect(forms([
      ['单位：万元'],
      ['序号', '项目名称', '实施单位', '全年预算数', '全年执行数', '执行率', '自评得分'],
      [1, '城镇职工技能培训', '某市职业技能鉴定中心', 300, 300, 1, 99.56],
      [2, '老旧小区改造', '某市城市更新中心', 200, 195.5, 0.9775, 99.78],
      ['合计', null, null, 500, 495.5, 0.991, null],
    ], ['A5:C5'])).toEqual([]);
  });

  it('a bare 项目 column over project lines, or a title that says 汇总: no form', () => {
    expect(forms([['项目', '全年预算数', '全年执行数', '执行率'], ['城镇职工技能培训', 300, 300, 1], ['老旧小区改造', 200, 195.5, 0.9775]])).toEqual([]);
    expect(forms([['项目支出绩效自评表汇总'], ...list])).toEqual([]);
  });

  it('above an untitled form with no funds block: the form keeps its table, the list is not its funds block', () => {
    const found = forms([...list, [], H, ...BODY]);
    expect(found).toHaveLength(1);
    expect(found[0].funds).toBeNull();
    expect(found[0].indicators.map((r) => r.row + 1)).toEqual([7, 8, 9]);
  });

  it('a funds block whose label column says 项目 (or 序号) over its own lines is still a funds block', () => {
    const a = forms([['项目', '年初预算数', '全年预算数', '全年执行数'], ['年度资金总额', 100, 100, 90], ['其中：财政拨款', 100, 100, 90]]);
    expect(a).toHaveLength(1);
    expect(at(a[0].funds?.total.cells.executed)).toBe('D2');
    const b = forms([
      ['项目支出绩效自评表'],
      ['序号', '资金来源', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [1, '年度资金总额', 100, 100, 90, 10, 0.9, 9],
      [2, '财政拨款', 100, 100, 90, null, 0.9, null],
      H, ...BODY,
    ]);
    expect(b).toHaveLength(1);
    expect(b[0].funds?.total.label).toBe('年度资金总额');
  });
});

describe('D9: a level-1 weight note in a column of its own', () => {
  const head = ['一级指标', null, '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
  const rows = (notes: CellValue[]): CellValue[][] => [
    ['项目支出绩效自评表'],
    head,
    ['产出指标', notes[0], '数量指标', '改造小区数', '≥8个', '8个', 30, 30, null],
    [null, null, '质量指标', '合格率', '100%', '100%', 20, 20, null],
    ['效益指标', notes[1], '社会效益指标', '受益户数', '≥1200户', '1200户', 40, 40, null],
    ['满意度指标', notes[2], '服务对象满意度指标', '满意度', '≥85%', '90%', 10, 10, null],
    ['总分', null, null, null, null, null, 100, 100, null],
  ];
  const weights = (f: SelfEvaluationForm) => f.groups.map((g) => [g.name, g.statedWeight, g.cell.a1]);

  it('merged down its group under the merged 一级指标 header: each group states its weight', () => {
    const [f] = forms(rows(['45分', '（40分）', '权重10']), ['A2:B2', 'A3:A4', 'B3:B4']);
    expect(weights(f)).toEqual([['产出指标', 45, 'A3'], ['效益指标', 40, 'A5'], ['满意度指标', 10, 'A6']]);
    // The note column is no weight of the rows, nor a level.
    expect(f.indicators.map((r) => [r.level1, r.cells.weight?.a1])).toEqual([['产出指标', 'G3'], ['产出指标', 'G4'], ['效益指标', 'G5'], ['满意度指标', 'G6']]);
  });

  it('under a blank header, written on the group\'s first row only, as numbers', () => {
    const [f] = forms(rows([50, 40, 10]), ['A3:A4']);
    expect(weights(f)).toEqual([['产出指标', 50, 'A3'], ['效益指标', 40, 'A5'], ['满意度指标', 10, 'A6']]);
  });

  it('under its own 分值 header, before the rows\' 分值 column', () => {
    const r = rows(['45分', 40, 10]);
    r[1] = ['一级指标', '分值', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
    const [f] = forms(r, ['A3:A4', 'B3:B4']);
    expect(weights(f)).toEqual([['产出指标', 45, 'A3'], ['效益指标', 40, 'A5'], ['满意度指标', 10, 'A6']]);
  });

  it('a column of other words there states no weight', () => {
    const [f] = forms(rows(['重点', null, '一般']), ['A2:B2', 'A3:A4', 'B3:B4']);
    expect(weights(f).map((w) => w[1])).toEqual([null, null, null]);
  });

  it('weight notes', () => {
    expect(['45分', '(40分)', '权重10', '分值:20', '50%', '12.5', '（30分）'].map((n) => weightNote(n.replace('（', '(').replace('）', ')')))).toEqual([45, 40, 10, 20, 50, 12.5, 30]);
    expect(['重点', '45分以上', '120', '', '产出指标'].map(weightNote)).toEqual([null, null, null, null, null]);
  });
});

describe('D10: a grade on its own line under the total', () => {
  const rows = (grade: CellValue[]): CellValue[][] => [['项目支出绩效自评表'], H, ...BODY.slice(0, 3), ['总分', null, null, null, null, 100, null, null], grade];

  it('"自评等级" with the value cell further right, not merged up to it', () => {
    expect(at(forms(rows(['自评等级', null, null, null, null, null, '优秀', null]))[0].total?.grade)).toBe('G7');
  });

  it('merged up to it, or in the next cell (as before)', () => {
    expect(at(forms(rows(['评价等级', null, null, null, null, null, '优秀', null]), ['A7:F7'])[0].total?.grade)).toBe('G7');
    expect(at(forms(rows(['评价等级', '良', null, null, null, null, null, null]))[0].total?.grade)).toBe('B7');
  });

  it('no grade word right of the label: the cell next to it (no grade read)', () => {
    expect(at(forms(rows(['评价等级', null, null, null, null, null, null, '见说明']))[0].total?.grade)).toBe('B7');
  });
});

describe('D13: a money-unit line is no unit name', () => {
  const body: CellValue[][] = [
    ['项目资金', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 500, 500, 500, 10, 1, 10],
    H, ...BODY,
  ];

  it('"单位：万元" alone above the form: no unit', () => {
    const [f] = forms([['某县交通运输局2023年度项目支出绩效自评表'], [null, null, null, null, null, null, null, '单位：万元'], ['项目名称', '农村公路养护'], ...body]);
    expect(f.unit).toBeNull();
    expect(f.project?.text).toBe('农村公路养护');
  });

  it('next to the unit field, or on the project row, or as 单位 | 元', () => {
    expect(forms([['项目支出绩效自评表'], ['填报单位：某县交通运输局', null, null, null, null, null, null, '单位：万元'], ...body])[0].unit?.text).toBe('某县交通运输局');
    expect(forms([['项目支出绩效自评表'], ['项目名称', '农村公路养护', null, null, null, null, null, '单位：万元'], ...body])[0].unit).toBeNull();
    expect(forms([['项目支出绩效自评表'], ['单位', '元'], ...body])[0].unit).toBeNull();
    expect(forms([['项目支出绩效自评表'], ['单位', '某县交通运输局'], ...body])[0].unit?.text).toBe('某县交通运输局');
  });

  it('measure units', () => {
    expect(['万元', '元', '亿元', '（万元）', '人', '万元、人', '元/人', '千元'].every(isMeasureUnit)).toBe(true);
    expect(['某县交通运输局', '元宝山区财政局', '人民医院', '万元户扶贫办'].some(isMeasureUnit)).toBe(false);
  });
});
