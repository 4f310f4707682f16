/**
 * Indicator-table layouts from the province sweep (D1–D15):
 * two-row headers bound by their merges, header synonyms by meaning, a 分值 column per level,
 * 小计 lines, section lines, one hierarchy column, signature footers. Each grid is the sweep's
 * minimal case (minimal.js) or a variant of it.
 */
import { locateForms } from '../../../src/core/locate';
import type { IndicatorColumn, SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { at } from './fixtures';
import { sheet, workbook } from './grid';

function forms(rows: CellValue[][], merges: string[] = []): SelfEvaluationForm[] {
  return locateForms(workbook(sheet(rows, { merges }))).filter((f): f is SelfEvaluationForm => f.kind === 'self-evaluation');
}

function only(rows: CellValue[][], merges: string[] = []): SelfEvaluationForm {
  const found = forms(rows, merges);
  expect(found).toHaveLength(1);
  return found[0];
}

/** The header cells by column, as A1 addresses. */
function columns(form: SelfEvaluationForm): Partial<Record<IndicatorColumn, string | null>> {
  return Object.fromEntries(Object.entries(form.columns).map(([k, b]) => [k, at(b)]));
}

/** Each indicator as "row: level1/level2/level3 weight-cell". */
function rows(form: SelfEvaluationForm): string[] {
  return form.indicators.map((r) => `${r.row + 1}: ${[r.level1, r.level2, r.level3].filter((s) => s !== '').join('/')} ${at(r.cells.weight)}`);
}

const H = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

describe('two-row headers: a parent cell merged over sub-headers', () => {
  it('D1: binds 分值 | 得分 under a merged "自评"', () => {
    const form = only([
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '自评', null],
      [null, null, null, null, null, '分值', '得分'],
      ['产出指标', '数量指标', '培训人次', '≥10人次', '8人次', 90, 90],
    ], ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:G1']);
    expect(columns(form)).toEqual({ level1: 'A1', level2: 'B1', level3: 'C1', target: 'D1', actual: 'E1', weight: 'F2', score: 'G2' });
    expect(rows(form)).toEqual(['3: 产出指标/数量指标/培训人次 F3']);
    expect(at(form.indicators[0].cells.score)).toBe('G3');
  });

  it.each(['自评情况', '评价', '自评结果'])('D1: any parent word over the sub-headers ("%s"), with the explanation column right of it', (parent) => {
    const form = only([
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', parent, null, '偏差原因分析及改进措施'],
      [null, null, null, null, null, '权重', '自评得分', null],
      ['产出指标', '数量指标', '培训人次', '≥10人次', '8人次', 90, 72, '学员流失'],
      ['总分', null, null, null, null, 90, 72, null],
    ], ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:E2', 'F1:G1', 'H1:H2', 'A4:E4']);
    expect(columns(form)).toMatchObject({ weight: 'F2', score: 'G2', explanation: 'H1' });
    expect(form.indicators).toHaveLength(1);
    expect(at(form.total?.score)).toBe('G4');
  });

  it('D1: sub-headers under blank (unmerged) level cells', () => {
    const form = only([
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '自评', null],
      [null, null, null, null, null, '分值', '得分'],
      ['产出指标', '数量指标', '培训人次', '≥10人次', '8人次', 90, 72],
    ]);
    expect(columns(form)).toMatchObject({ weight: 'F2', score: 'G2' });
    expect(form.indicators.map((r) => r.row)).toEqual([2]);
  });

  it('D7: "绩效指标" merged over 一级指标 | 二级指标 | 三级指标 on the second row', () => {
    const form = only([
      ['绩效指标', null, null, '年度指标值', '实际完成值', '分值', '得分'],
      ['一级指标', '二级指标', '三级指标', null, null, null, null],
      ['产出指标', '数量指标', '培训人次', '≥10人次', '8人次', 90, 90],
    ], ['A1:C1', 'D1:D2', 'E1:E2', 'F1:F2', 'G1:G2']);
    expect(columns(form)).toEqual({ level1: 'A2', level2: 'B2', level3: 'C2', target: 'D1', actual: 'E1', weight: 'F1', score: 'G1' });
    expect(rows(form)).toEqual(['3: 产出指标/数量指标/培训人次 F3']);
  });

  it('D7: the same with 分值 | 得分 also on the second row under "自评"', () => {
    const form = only([
      ['绩效指标', null, null, '年度指标值', '实际完成值', '自评', null],
      ['一级指标', '二级指标', '三级指标', null, null, '分值', '得分'],
      ['产出指标', '数量指标', '培训人次', '≥10人次', '8人次', 90, 90],
    ], ['A1:C1', 'D1:D2', 'E1:E2', 'F1:G1']);
    expect(columns(form)).toEqual({ level1: 'A2', level2: 'B2', level3: 'C2', target: 'D1', actual: 'E1', weight: 'F2', score: 'G2' });
  });

  it('D7: unmerged, the row above completes a level row that is no header alone', () => {
    const form = only([
      ['绩效指标', null, null, '年度指标值', '实际完成值', '分值', '得分'],
      ['一级指标', '二级指标', '三级指标', null, null, null, null],
      ['产出指标', '数量指标', '培训人次', '≥10人次', '8人次', 90, 90],
    ]);
    expect(columns(form)).toMatchObject({ level1: 'A2', target: 'D1', weight: 'F1', score: 'G1' });
    expect(form.indicators.map((r) => r.row)).toEqual([2]);
  });

  it('D2: 年初 | 调整后 under a merged "年度指标值": the adjusted column is the target', () => {
    const form = only([
      ['一级指标', '二级指标', '三级指标', '年度指标值', null, '实际完成值', '分值', '得分'],
      [null, null, null, '年初', '调整后', null, null, null],
      ['产出指标', '数量指标', '改造小区数量', '≥10个', '≥8个', '8个', 30, 30],
    ], ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2', 'G1:G2', 'H1:H2']);
    expect(columns(form)).toMatchObject({ target: 'E2', initialTarget: 'D2', actual: 'F1' });
    expect(at(form.indicators[0].cells.target)).toBe('E3');
    expect(at(form.indicators[0].cells.initialTarget)).toBe('D3');
  });

  it.each([
    ['年初指标值', '调整后'],
    ['年初', '调整'],
    ['原定', '年中调整'],
    ['年初目标值', '调整后目标值'],
  ])('D2: sub-headers %s | %s', (initial, adjusted) => {
    const form = only([
      ['一级指标', '二级指标', '三级指标', '年度指标值', null, '实际完成值', '分值', '得分'],
      [null, null, null, initial, adjusted, null, null, null],
      ['产出指标', '数量指标', '改造小区数量', '≥10个', '≥8个', '8个', 30, 30],
    ], ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2', 'G1:G2', 'H1:H2']);
    expect(columns(form)).toMatchObject({ target: 'E2', initialTarget: 'D2' });
  });

  it('D2: unmerged parent: the sub-header right of it belongs to it', () => {
    const form = only([
      ['一级指标', '二级指标', '三级指标', '年度指标值', null, '实际完成值', '分值', '得分'],
      [null, null, null, '年初', '调整后', null, null, null],
      ['产出指标', '数量指标', '改造小区数量', '≥10个', '≥8个', '8个', 30, 30],
    ]);
    expect(columns(form)).toMatchObject({ target: 'E2', initialTarget: 'D2' });
  });

  it('keeps 指标性质 | 指标值 | 度量单位 under 年度指标值 (Yunnan, Sichuan)', () => {
    const form = only([
      ['一级指标', '二级指标', '三级指标', '年度指标值', null, null, '实际完成值', '分值', '得分'],
      [null, null, null, '指标性质', '指标值', '度量单位', null, null, null],
      ['产出指标', '数量指标', '受益人数', '≥', 735, '人次', 740, 10, 10],
    ], ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1', 'G1:G2', 'H1:H2', 'I1:I2']);
    expect(columns(form)).toMatchObject({ nature: 'D2', target: 'E2', targetUnit: 'F2', actual: 'G1' });
  });

  it('never reads the first data row as a sub-header row, whatever its words', () => {
    // A single-row header with 年度指标值 merged over value and unit: the data row under it names
    // its indicator in the level columns, so it is data ("年初" here is an indicator's value).
    const form = only([
      ['一级指标', '二级指标', '三级指标', '年度指标值', null, '实际完成值', '分值', '得分'],
      ['产出指标', '数量指标', '开工时间', '年初', '前', '调整后', '10', '10'],
      [null, '质量指标', '验收合格率', '≥95', '%', '96%', 10, 10],
    ], ['D1:E1', 'A2:A3']);
    expect(columns(form)).toMatchObject({ target: 'D1', actual: 'F1' });
    expect(form.indicators.map((r) => r.row)).toEqual([1, 2]);
  });
});

describe('header synonyms by meaning', () => {
  it.each(['全年完成情况', '完成情况', '实际完成情况', '全年实际完成值', '实际值', '全年实现值'])('D8: the actual headed "%s"', (actual) => {
    const form = only([
      ['一级指标', '二级指标', '三级指标', '年度目标值', actual, '权重', '自评得分', '未完成原因分析'],
      ['产出指标', '数量指标', '培训人次', '≥10人次', '8人次', 90, 72, '学员流失'],
    ]);
    expect(columns(form)).toEqual({ level1: 'A1', level2: 'B1', level3: 'C1', target: 'D1', actual: 'E1', weight: 'F1', score: 'G1', explanation: 'H1' });
  });

  it.each(['运算符号', '运算符', '符号', '指标方向', '指标性质'])('D5: the comparator in its own column headed "%s"', (op) => {
    const form = only([
      ['一级指标', '二级指标', '三级指标', op, '指标值', '计量单位', '实际完成值', '分值', '得分'],
      ['产出指标', '成本指标', '户均补助', '≤', 800, '元', 860, 10, 10],
    ]);
    expect(columns(form)).toMatchObject({ nature: 'D1', target: 'E1', targetUnit: 'F1', actual: 'G1' });
    expect(at(form.indicators[0].cells.nature)).toBe('D2');
  });
});

describe('D6: a 分值 column after each level', () => {
  const grid: CellValue[][] = [
    ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '年度指标值', '实际完成值', '得分'],
    ['产出指标', 50, '数量指标', 50, '检查批次', 20, '≥100批', '100批', 20],
    [null, null, null, null, '检验台数', 30, '≥10台', '9台', 27],
    ['效益指标', 50, '社会效益指标', 50, '投诉办结率', 50, '100%', '100%', 50],
  ];
  const merges = ['A2:A3', 'B2:B3', 'C2:C3', 'D2:D3'];

  it('takes the 三级 分值 as the row weight, the 一级 one as the group weight', () => {
    const form = only(grid, merges);
    expect(columns(form)).toMatchObject({ level1: 'A1', level2: 'C1', level3: 'E1', weight: 'F1', target: 'G1', actual: 'H1', score: 'I1' });
    expect(rows(form)).toEqual(['2: 产出指标/数量指标/检查批次 F2', '3: 产出指标/数量指标/检验台数 F3', '4: 效益指标/社会效益指标/投诉办结率 F4']);
    expect(form.groups.map((g) => [g.name, g.statedWeight, g.rows.length])).toEqual([['产出指标', 50, 2], ['效益指标', 50, 1]]);
  });

  it('unmerged, the group weight written on the group\'s first row only', () => {
    const form = only(grid);
    expect(form.groups.map((g) => [g.name, g.statedWeight, g.rows.length])).toEqual([['产出指标', 50, 2], ['效益指标', 50, 1]]);
  });

  it('with 分值 after 一级 and 二级 only, the 二级 分值 is the row weight', () => {
    const form = only([
      ['一级指标', '分值', '二级指标', '分值', '年度指标值', '实际完成值', '得分'],
      ['产出指标', 50, '培训人次', 50, '≥10人次', '10人次', 50],
    ]);
    expect(columns(form)).toMatchObject({ level1: 'A1', level2: 'C1', weight: 'D1' });
    expect(form.groups[0].statedWeight).toBe(50);
  });
});

describe('lines inside the table that are not indicators', () => {
  it('D11: skips 小计 lines; a 小计 weight states the weight of a group that has none', () => {
    const form = only([H,
      ['产出指标', '数量指标', '培训人次', '≥10人次', '10人次', 50, 50, null],
      [null, '质量指标', '合格率', '≥90%', '95%', 40, 40, null],
      ['小计', null, null, null, null, 90, 90, null],
      ['满意度指标（10分）', '服务对象满意度指标', '满意度', '≥90%', '95%', 10, 10, null],
      ['满意度指标小计', null, null, null, null, 10, 10, null],
      ['总分', null, null, null, null, 100, 100, null],
    ], ['A2:A3', 'A4:E4', 'A6:E6', 'A7:E7']);
    expect(form.indicators.map((r) => r.row)).toEqual([1, 2, 4]);
    expect(form.groups.map((g) => [g.name, g.statedWeight])).toEqual([['产出指标', 90], ['满意度指标', 10]]);
    expect(at(form.total?.score)).toBe('G7');
  });

  it('D4: a signature line ends the table', () => {
    const form = only([H,
      ['产出指标', '数量指标', '培训人次', '≥10人次', '10人次', 90, 90, null],
      ['主要负责人：', null, '财务负责人：', null, '填表人：', null, '联系电话：'],
    ]);
    expect(form.indicators.map((r) => r.row)).toEqual([1]);
    expect(form.range).toBe('A1:H2');
  });

  it.each(['填表说明：', '经办人：', '制表人：王某', '审核：', '单位负责人（签字）：', '财务负责人', '分管领导：'])('D4: "%s" ends the table', (footer) => {
    const form = only([H,
      ['产出指标', '数量指标', '培训人次', '≥10人次', '10人次', 90, 90, null],
      [footer, null, null, '示例', '≥95%', '90%', 20, 18],
    ]);
    expect(form.indicators.map((r) => r.row)).toEqual([1]);
  });

  it('D4: an indicator that starts with a signing word is an indicator', () => {
    const form = only([H,
      ['产出指标', '数量指标', '经办人员培训人次', '≥10人次', '10人次', 45, 45, null],
      [null, null, '审核通过率', '≥90%', '95%', 45, 45, null],
    ], ['A2:A3', 'B2:B3']);
    expect(form.indicators.map((r) => r.level3)).toEqual(['经办人员培训人次', '审核通过率']);
  });

  it('Minor: "一、产出指标（50分）" section lines across the table name the group and its weight', () => {
    const form = only([H,
      ['一、产出指标（50分）'],
      [null, '数量指标', '配置DR设备', '≥8台', '8台', 20, 20, null],
      [null, '质量指标', '设备验收合格率', '100%', '100%', 30, 30, null],
      ['二、效益指标（40分）'],
      [null, '社会效益指标', '基层就诊率', '≥65%', '66%', 40, 40, null],
      ['总分', null, null, null, null, 90, 90, null],
    ], ['A2:H2', 'A5:H5', 'A7:E7']);
    expect(rows(form)).toEqual(['3: 产出指标（50分）/数量指标/配置DR设备 F3', '4: 产出指标（50分）/质量指标/设备验收合格率 F4', '6: 效益指标（40分）/社会效益指标/基层就诊率 F6']);
    expect(form.groups.map((g) => [g.name, at(g.cell), g.statedWeight, g.rows.length])).toEqual([['产出指标', 'A2', 50, 2], ['效益指标', 'A5', 40, 1]]);
  });

  it('Minor: an unscored heading line in the 一级 column starts a new group for the blank cells below it', () => {
    const form = only([H,
      ['产出指标', null, null, null, null, null, null, null],
      [null, '数量指标', '培训人次', '≥10人次', '10人次', 50, 50, null],
      ['效益指标', null, null, null, null, null, null, null],
      [null, '社会效益指标', '就业率', '≥80%', '85%', 40, 40, null],
    ]);
    expect(form.indicators.map((r) => r.level1)).toEqual(['产出指标', '效益指标']);
    expect(form.groups.map((g) => g.name)).toEqual(['产出指标', '效益指标']);
  });

  it('skips a 续表 line inside the table', () => {
    const form = only([H,
      ['产出指标', '数量指标', '培训人次', '≥10人次', '10人次', 50, 50, null],
      ['续表'],
      ['效益指标', '社会效益指标', '就业率', '≥80%', '85%', 40, 40, null],
    ], ['A3:H3']);
    expect(form.indicators.map((r) => r.row)).toEqual([1, 3]);
  });
});

describe('D14: one hierarchy column', () => {
  it('reads level 1 and level 2 from the section lines, the level-1 weight from its line', () => {
    const form = only([
      ['绩效指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['一、产出指标', null, null, 50, 48, null],
      ['（一）数量指标', null, null, null, null, null],
      ['1.送戏下乡场次', '≥100场', '105场', 20, 20, null],
      ['（二）质量指标', null, null, null, null, null],
      ['2.文物安全事故发生数', '0起', '0起', 30, 28, null],
      ['二、效益指标（30分）', null, null, null, null, null],
      ['3.公共文化服务覆盖率', '≥95%', '96%', 30, 30, null],
      ['总分', null, null, 80, 78, null],
    ]);
    expect(columns(form)).toMatchObject({ level3: 'A1', target: 'B1', actual: 'C1', weight: 'D1', score: 'E1' });
    expect(rows(form)).toEqual([
      '4: 产出指标/数量指标/1.送戏下乡场次 D4',
      '6: 产出指标/质量指标/2.文物安全事故发生数 D6',
      '8: 效益指标（30分）/3.公共文化服务覆盖率 D8',
    ]);
    expect(form.groups.map((g) => [g.name, at(g.cell), g.statedWeight, g.rows.length])).toEqual([['产出指标', 'A2', 50, 2], ['效益指标', 'A7', 30, 1]]);
    expect(at(form.total?.score)).toBe('E9');
  });

  it('finds the minimal case: a heading line and one numbered indicator', () => {
    const form = only([
      ['绩效指标', '年度指标值', '实际完成值', '分值', '得分'],
      ['一、产出指标', null, null, 90, 72],
      ['1.培训人次', '≥10人次', '8人次', 90, 72],
    ]);
    expect(rows(form)).toEqual(['3: 产出指标/1.培训人次 D3']);
  });

  it('does not take the central template\'s "绩效指标" block label for a hierarchy column', () => {
    const form = only([
      ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      [null, '产出指标', '数量指标', '培训人次', '≥10人次', '10人次', 90, 90],
    ], ['A1:A2']);
    expect(columns(form)).toMatchObject({ level1: 'B1', level3: 'D1' });
    expect(form.indicators[0].level3).toBe('培训人次');
    expect(form.range).toBe('B1:H2');
  });
});
