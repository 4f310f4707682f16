import { locateForms } from '../../../src/core/locate';
import type { SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { centralForm } from './builders';
import { at } from './fixtures';
import { area, offset, paste, sheet, shiftMerges, workbook } from './grid';

function only(rows: CellValue[][], merges: string[] = []): SelfEvaluationForm {
  const forms = locateForms(workbook(sheet(rows, { merges })));
  expect(forms).toHaveLength(1);
  expect(forms[0].kind).toBe('self-evaluation');
  return forms[0] as SelfEvaluationForm;
}

/** Just an indicator table: header on the first row, rows below, an optional total. */
function table(header: string[], lines: CellValue[][]): SelfEvaluationForm {
  return only([header, ...lines]);
}

describe('a central-style form at row 7, column C', () => {
  const f = centralForm();
  const form = only(offset(f.rows, 6, 2), shiftMerges(f.merges, 6, 2));

  it('finds the title, fields and range', () => {
    expect(form.title).toBe('2023年度项目支出绩效自评表');
    expect(form.scope).toBe('project');
    expect(form.project?.text).toBe('农民技能培训');
    expect(at(form.project?.cell)).toBe('E8');
    expect(form.unit?.text).toBe('县农业技术推广中心');
    expect(at(form.unit?.cell)).toBe('I9');
    expect(form.range).toBe('C7:K23');
  });

  it('binds the funds block and its cell split', () => {
    const funds = form.funds!;
    expect(funds.unit).toBe('万元');
    expect(at(funds.headers.planned)).toBe('E10');
    expect(at(funds.total.labelCell)).toBe('D11');
    expect(at(funds.total.cells.rate)).toBe('I11');
    expect(funds.splits).toHaveLength(1);
    const split = funds.splits[0];
    expect([split.name, split.header, split.statedTotal, split.against]).toEqual(['', null, null, null]);
    expect(split.lines.map((l) => [l.label, at(l.labelCell), at(l.cells.budgeted), at(l.cells.executed)])).toEqual([
      ['当年财政拨款', 'D12', 'F12', 'G12'],
      ['上年结转资金', 'D13', 'F13', 'G13'],
      ['其他资金', 'D14', 'F14', 'G14'],
    ]);
    expect(split.lines[0].cells.executed?.value).toBe(90);
  });

  it('binds indicators, groups and total', () => {
    expect(form.indicators.map((r) => r.row + 1)).toEqual([18, 19, 20, 21, 22]);
    expect(form.indicators.map((r) => at(r.cells.weight))).toEqual(['I18', 'I19', 'I20', 'I21', 'I22']);
    expect(form.groups.map((g) => [g.name, g.statedWeight, g.rows.length])).toEqual([
      ['产出指标', 50, 3],
      ['效益指标', 30, 1],
      ['满意度指标', 10, 1],
    ]);
    expect(form.indicators[1].level1).toBe('产出指标（50分）');
    expect(at(form.indicators[1].cells.level1)).toBe('D18');
    expect([at(form.total?.labelCell), at(form.total?.weight), at(form.total?.score)]).toEqual(['C23', 'I23', 'J23']);
  });
});

describe('two forms on one sheet', () => {
  it('locates both, each with its own rows', () => {
    const a = centralForm({ title: '项目支出绩效自评表（甲项目）' });
    const b = centralForm({
      title: '项目支出绩效自评表（乙项目）',
      indicators: [['产出指标', '数量指标', '修缮道路', '≥10公里', '12公里', 90, 90, '']],
    });
    const rows = paste(paste([], a.rows, 0, 0), b.rows, a.rows.length + 3, 0);
    const merges = [...a.merges, ...shiftMerges(b.merges, a.rows.length + 3, 0)];
    const forms = locateForms(workbook(sheet(rows, { merges }))) as SelfEvaluationForm[];
    expect(forms.map((f) => f.title)).toEqual(['项目支出绩效自评表（甲项目）', '项目支出绩效自评表（乙项目）']);
    expect(forms.map((f) => f.indicators.length)).toEqual([5, 1]);
    expect(forms.map((f) => f.range)).toEqual(['A1:I17', 'A21:I33']);
    expect(forms[1].funds?.total.cells.budgeted?.a1).toBe('D25');
    expect(forms[1].total?.score?.a1).toBe('H33');
  });

  it('locates forms side by side', () => {
    const a = centralForm({ title: '项目支出绩效自评表（甲）' });
    const b = centralForm({ title: '项目支出绩效自评表（乙）' });
    const rows = paste(paste([], a.rows, 0, 0), b.rows, 0, 11);
    const forms = locateForms(workbook(sheet(rows, { merges: [...a.merges, ...shiftMerges(b.merges, 0, 11)] }))) as SelfEvaluationForm[];
    expect(forms.map((f) => [f.title, f.range, f.indicators.length])).toEqual([
      ['项目支出绩效自评表（甲）', 'A1:I17', 5],
      ['项目支出绩效自评表（乙）', 'L1:T17', 5],
    ]);
    expect(forms[1].indicators[0].cells.score?.a1).toBe('S12');
  });

  it('gives each table to the title over it when one empty column separates the forms', () => {
    const a = centralForm({ title: '项目支出绩效自评表（甲）' });
    const b = centralForm({ title: '项目支出绩效自评表（乙）' });
    const rows = paste(paste([], a.rows, 0, 0), b.rows, 0, 10);
    const forms = locateForms(workbook(sheet(rows, { merges: [...a.merges, ...shiftMerges(b.merges, 0, 10)] }))) as SelfEvaluationForm[];
    expect(forms.map((f) => [f.title, f.range, f.indicators.length, f.funds !== null])).toEqual([
      ['项目支出绩效自评表（甲）', 'A1:I17', 5, true],
      ['项目支出绩效自评表（乙）', 'K1:S17', 5, true],
    ]);
  });
});

describe('header layouts', () => {
  it('reads 分值 placed before the target (Anhui)', () => {
    const form = table(
      ['一级指标', '二级指标', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
      [['产出指标', '数量指标', '新建校舍', 30, '≥2栋', '2栋', 30, '']],
    );
    expect(Object.fromEntries(Object.entries(form.columns).map(([k, b]) => [k, b.a1]))).toMatchObject({
      weight: 'D1', target: 'E1', actual: 'F1', score: 'G1', explanation: 'H1',
    });
    expect(form.indicators[0].cells.weight?.value).toBe(30);
    expect(form.indicators[0].cells.target?.text).toBe('≥2栋');
  });

  it('takes the adjusted target as target and keeps the initial one', () => {
    const form = table(
      ['一级指标', '二级指标', '三级指标', '年初指标值', '调整后指标值', '实际完成值', '分值', '得分'],
      [['产出指标', '数量指标', '新建校舍', '≥3栋', '≥2栋', '2栋', 30, 30]],
    );
    expect(at(form.columns.initialTarget)).toBe('D1');
    expect(at(form.columns.target)).toBe('E1');
    expect(form.indicators[0].cells.target?.text).toBe('≥2栋');
    expect(form.indicators[0].cells.initialTarget?.text).toBe('≥3栋');
  });

  it('takes a lone 年初目标值 as the target', () => {
    const form = table(['一级指标', '二级指标', '三级指标', '年初目标值', '实际值', '分值', '得分'], [['产出指标', '数量指标', 'x', '1', '1', 10, 10]]);
    expect(at(form.columns.target)).toBe('D1');
    expect(form.columns.initialTarget).toBeUndefined();
  });

  it('understands synonyms and wrapped, spaced, full-width headers', () => {
    const form = table(
      ['一级\n指标', '二 级 指 标', '三级指标', '年度\n目标值', '全年\n实际值', '权　重', '自评得分', '未完成原因分析及改进措施'],
      [['产出指标', '质量指标', '验收合格率', '100%', '98%', 20, 19.6, '个别项目整改中']],
    );
    expect(Object.fromEntries(Object.entries(form.columns).map(([k, b]) => [k, b.a1]))).toEqual({
      level1: 'A1', level2: 'B1', level3: 'C1', target: 'D1', actual: 'E1', weight: 'F1', score: 'G1', explanation: 'H1',
    });
    expect(form.indicators[0].cells.explanation?.text).toBe('个别项目整改中');
  });

  it.each([
    ['指标值', '完成值', '指标分值', '评分', '偏差原因分析'],
    ['预期目标值', '全年实际完成值', '分值', '得分', '原因分析'],
    ['目标值', '实际完成值', '分值', '得分', '未完成原因'],
  ])('maps %s / %s / %s / %s / %s', (target, actual, weight, score, why) => {
    const form = table(['一级指标', '二级指标', '三级指标', target, actual, weight, score, why], [['产出指标', '质量指标', 'x', '1', '1', 10, 9, 'y']]);
    expect(Object.keys(form.columns).sort()).toEqual(['actual', 'explanation', 'level1', 'level2', 'level3', 'score', 'target', 'weight']);
    expect(at(form.columns.weight)).toBe('F1');
    expect(at(form.columns.score)).toBe('G1');
  });

  it('reads a two-row header with 指标性质 | 指标值 | 度量单位 under 年度指标值', () => {
    const rows: CellValue[][] = [
      ['一级指标', '二级指标', '三级指标', '年度指标值', null, null, '实际完成值', '分值', '得分'],
      [null, null, null, '指标性质', '指标值', '度量单位', null, null, null],
      ['产出指标', '数量指标', '受益人数', '≥', 735, '人次', 740, 10, 10],
    ];
    const merges = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:F1', 'G1:G2', 'H1:H2', 'I1:I2'];
    const form = only(rows, merges);
    expect([form.columns.nature, form.columns.target, form.columns.targetUnit].map(at)).toEqual(['D2', 'E2', 'F2']);
    expect(form.indicators.map((r) => r.row)).toEqual([2]);
    expect([r(form).nature, r(form).target, r(form).targetUnit].map(at)).toEqual(['D3', 'E3', 'F3']);
  });
});

function r(form: SelfEvaluationForm) {
  return form.indicators[0].cells;
}

describe('indicator rows', () => {
  it('groups Ningxia headings 项目决策/项目管理/项目产出/项目效益', () => {
    const form = table(
      ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'],
      [
        ['项目决策（15分）', '项目立项', '立项依据充分性', '充分', '充分', 5, 5],
        [null, '绩效目标', '绩效目标合理性', '合理', '合理', 10, 10],
        ['项目管理（20分）', '资金管理', '资金到位率', '100%', '100%', 20, 20],
        ['项目产出（40分）', '产出数量', '完成改造户数', '≥120户', '120户', 40, 40],
        ['项目效益（25分）', '社会效益', '群众满意度', '≥90%', '92%', 25, 25],
        ['合计', null, null, null, null, 100, 100],
      ],
    );
    expect(form.groups.map((g) => [g.name, g.statedWeight, g.rows.length])).toEqual([
      ['项目决策', 15, 2],
      ['项目管理', 20, 1],
      ['项目产出', 40, 1],
      ['项目效益', 25, 1],
    ]);
    // Unmerged: the blank heading cell below 项目决策 carries the heading down.
    expect(form.indicators[1].level1).toBe('项目决策（15分）');
    expect(at(form.total?.weight)).toBe('F7');
  });

  it('marks scored parent rows, the ★ core marker, and skips blank and hint rows', () => {
    const form = table(
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
      [
        ['产出指标', '数量指标', null, null, null, 20, 18],
        [null, null, '新建道路', '≥10公里', '9公里', 10, 9],
        [null, null, '维修桥梁', '≥2座', '2座', 10, 9],
        [],
        [null, '质量指标', '★工程验收合格率', '100%', '100%', 10, 10],
        [null, null, '（可根据实际情况增加行）', null, null, null, null],
        [null, '时效指标', '工程完工率', null, null, 10, 10],
        [null, null, '  其中：主体工程完工率', '100%', '100%', 5, 5],
        ['总分', null, null, null, null, 40, 38, '评价等级', '良'],
      ],
    );
    expect(form.indicators.map((x) => [x.row, x.level2, x.level3, !!x.parent, !!x.core])).toEqual([
      [1, '数量指标', '', true, false],
      [2, '数量指标', '新建道路', false, false],
      [3, '数量指标', '维修桥梁', false, false],
      [5, '质量指标', '★工程验收合格率', false, true],
      [7, '时效指标', '工程完工率', true, false],
      [8, '时效指标', '其中：主体工程完工率', false, false],
    ]);
    expect(at(form.total?.grade)).toBe('I10');
  });

  it('ends the table at a footer when there is no total', () => {
    const form = table(
      ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'],
      [['产出指标', '数量指标', 'x', '1', '1', 10, 10], ['填表人：张三  联系电话：123'], ['产出指标', '数量指标', 'y', '1', '1', 10, 10]],
    );
    expect(form.indicators).toHaveLength(1);
    expect(form.total).toBeNull();
  });

  it('reads 等级：优 written in one cell of the total row', () => {
    const form = table(
      ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '备注'],
      [['产出指标', '数量指标', 'x', '1', '1', 100, 95, ''], ['总  分', null, null, null, null, 100, 95, '等级：优']],
    );
    expect(at(form.total?.labelCell)).toBe('A3');
    expect(at(form.total?.grade)).toBe('H3');
  });

  it.each(['等级：较差', '评价等级:中等'])('reads %s as the grade cell itself', (text) => {
    const form = table(
      ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '备注'],
      [['产出指标', '数量指标', 'x', '1', '1', 100, 55, ''], ['总分', null, null, null, null, 100, 55, text, '说明']],
    );
    expect(at(form.total?.grade)).toBe('H3');
  });
});

describe('Hunan text splits with amounts in the headers', () => {
  it('reads 按收入性质分 / 按支出性质分 merged text cells', () => {
    const rows: CellValue[][] = [
      ['部门整体支出绩效自评表'],
      ['单位名称', null, '某某街道办事处'],
      ['年度预算申请（元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', 10, 20, 20, 10, 1, 10],
      [null, '按收入性质分：20', null, null, '按支出性质分：20'],
      [null, '其中：一般公共预算：15', null, null, '其中：基本支出：12'],
      [null, '政府性基金拨款：5', null, null, '项目支出：8'],
      [null, '其他资金：', null, null, null],
    ];
    const merges = ['A3:A8', 'B5:D5', 'E5:H5', 'B6:D6', 'E6:H6', 'B7:D7', 'E7:H7', 'B8:D8', 'E8:H8', 'A1:H1', 'A2:B2', 'C2:H2'];
    const form = only(rows, merges);
    expect(form.funds?.unit).toBe('元');
    expect(form.unit?.text).toBe('某某街道办事处');
    expect(form.funds?.splits.map((s) => [s.name, s.statedTotal, s.lines.map((l) => [l.label, l.textAmount])])).toEqual([
      ['按收入性质分', 20, [['一般公共预算', 15], ['政府性基金拨款', 5], ['其他资金', null]]],
      ['按支出性质分', 20, [['基本支出', 12], ['项目支出', 8]]],
    ]);
    expect(form.indicators).toEqual([]);
  });
});

describe('workbooks without forms', () => {
  it('returns [] for a sheet with no form', () => {
    const rows: CellValue[][] = [
      ['关于报送2023年度绩效自评表的通知'],
      ['各单位：请于3月底前报送。'],
      ['序号', '单位', '金额'],
      [1, '甲', 100],
    ];
    expect(locateForms(workbook(sheet(rows)))).toEqual([]);
    expect(locateForms(workbook(sheet([])))).toEqual([]);
    expect(locateForms({ sheets: [] })).toEqual([]);
  });

  it('skips the _selfeval state sheet', () => {
    const f = centralForm();
    const state = sheet(f.rows, { merges: f.merges, name: '_selfeval', visibility: 'veryHidden' });
    const real = sheet(f.rows, { merges: f.merges, name: '自评表' });
    expect(locateForms(workbook(state, real)).map((x) => x.sheet)).toEqual(['自评表']);
  });

  it('locates an untitled indicator table', () => {
    const form = table(['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分'], [['产出指标', '数量指标', 'x', '1', '1', 10, 10]]);
    expect(form.title).toBeNull();
    expect(form.scope).toBeNull();
    expect(form.funds).toBeNull();
    expect(form.range).toBe('A1:G2');
  });
});

describe('basic-data table without the template title row', () => {
  it('is found by its section titles, at an offset', () => {
    const rows: CellValue[][] = offset([
      ['财政供养人员情况（人）', '编制数', '实际在职人数', '控制率'],
      [null, 10, 9, 0.9],
      ['经费控制情况（万元）', '2022年决算数', '2023年预算数', '2023年决算数'],
      ['三公经费', 3, 3, 3],
      ['\u3000\u30001、公务接待', 3, 3, 3],
    ], 2, 1);
    const forms = locateForms(workbook(sheet(rows, { merges: [area(2, 1, 3, 1)] })));
    expect(forms).toHaveLength(1);
    const f = forms[0];
    if (f.kind !== 'basic-data') throw new Error('kind');
    expect(f.title).toBeNull();
    expect(f.sections.map((s) => [s.title, s.titleCell.a1, s.rows.length])).toEqual([
      ['财政供养人员情况（人）', 'B3', 1],
      ['经费控制情况（万元）', 'B5', 2],
    ]);
    expect(f.sections[1].rows[1]).toMatchObject({ label: '1、公务接待', indent: 4 });
  });
});

describe('more tolerant readings', () => {
  it('reads text lines without a split header, a 指标名称 column and a value cut before the next label', () => {
    const rows: CellValue[][] = [
      ['整体支出绩效自评表'],
      ['填报单位（盖章）：某某县教育局    填报日期：2024年3月1日'],
      ['年度预算申请（万元）', null, '年初预算数', '全年预算数', '全年执行数', '执行率', '分值', '得分'],
      [null, '年度资金总额：', 50, 60, 54, 0.9, 10, 9],
      [null, '其中：基本支出：40', null, null, null, null, null, null],
      [null, '项目支出：14', null, null, null, null, null, null],
      ['绩效指标', '一级指标', '二级指标', '指标名称', '指标值', '实际完成值', '分值', '得分'],
      [null, '产出指标', '数量指标', '资助学生数', '≥100人', '110人', 90, 90],
    ];
    const form = only(rows, ['A1:H1', 'A2:H2', 'A3:A6']);
    expect(form.unit?.text).toBe('某某县教育局');
    expect(form.funds?.total.label).toBe('年度资金总额：');
    expect(at(form.funds?.total.cells.rate)).toBe('F4');
    expect(form.funds?.splits.map((s) => [s.name, s.against, s.lines.map((l) => [l.label, l.textAmount])])).toEqual([
      ['', 'executed', [['基本支出', 40], ['项目支出', 14]]],
    ]);
    expect(at(form.columns.level3)).toBe('D7');
    expect(form.indicators.map((x) => x.level3)).toEqual(['资助学生数']);
  });
});
