import { locateForms } from '../../../src/core/locate';
import type { BasicDataForm, SelfEvaluationForm } from '../../../src/core/form';
import { at, loadFixture } from './fixtures';

describe('seed-longquan-2023.xlsx', () => {
  let basic: BasicDataForm;
  let form: SelfEvaluationForm;

  beforeAll(async () => {
    const forms = locateForms(await loadFixture('seed-longquan-2023.xlsx'));
    expect(forms.map((f) => [f.kind, f.sheet])).toEqual([
      ['basic-data', '附件2 基础数据表'],
      ['self-evaluation', '附件3 自评表'],
    ]);
    basic = forms[0] as BasicDataForm;
    form = forms[1] as SelfEvaluationForm;
  });

  it('reads the header of the whole-unit form', () => {
    expect(form.title).toBe('2023年度部门（单位）整体支出绩效自评表');
    expect(form.scope).toBe('whole-unit');
    expect(form.unit?.text).toBe('株洲市芦淞区龙泉街道办事处');
    expect(at(form.unit?.cell)).toBe('D2');
    expect(form.project).toBeNull();
    expect(form.range).toBe('A1:I21');
  });

  it('binds the funds block', () => {
    const funds = form.funds!;
    expect(funds.unit).toBe('万元');
    expect(Object.fromEntries(Object.entries(funds.headers).map(([k, b]) => [k, b.a1]))).toEqual({
      planned: 'C3', budgeted: 'D3', executed: 'E3', weight: 'F3', rate: 'G3', score: 'H3',
    });
    expect(at(funds.total.labelCell)).toBe('B4');
    expect(funds.total.label).toBe('年度资金总额');
    const c = funds.total.cells;
    expect([c.planned, c.budgeted, c.executed, c.weight, c.rate, c.score].map(at)).toEqual(['C4', 'D4', 'E4', 'F4', 'G4', 'H4']);
    expect(c.budgeted?.value).toBe(2673.41);
    expect(c.rate?.value).toBe(1);
  });

  it('reads both Hunan text splits against 全年执行数', () => {
    const [income, spending] = form.funds!.splits;
    expect(income.name).toBe('按收入性质分');
    expect(at(income.header)).toBe('B5');
    expect(income.statedTotal).toBeNull();
    expect(income.against).toBe('executed');
    expect(income.lines.map((l) => [l.label, at(l.labelCell), l.textAmount])).toEqual([
      ['一般公共预算', 'B6', 2673.41],
      ['政府性基金拨款', 'B7', 0],
      ['纳入专户管理的非税收入拨款', 'B8', 0],
      ['其他资金', 'B9', 0],
    ]);
    expect(income.lines[0].cells.executed).toBeNull();
    expect(spending.name).toBe('按支出性质分');
    expect(at(spending.header)).toBe('E5');
    expect(spending.lines.map((l) => [l.label, at(l.labelCell), l.textAmount])).toEqual([
      ['基本支出', 'E6', 1507.84],
      ['项目支出', 'E7', 1165.56],
    ]);
  });

  it('binds the indicator rows 13–20', () => {
    expect(form.indicators.map((r) => r.row + 1)).toEqual([13, 14, 15, 16, 17, 18, 19, 20]);
    const r14 = form.indicators[1];
    expect(r14.level1).toBe('产出指标(40分)');
    expect(r14.level2).toBe('质量指标');
    expect(r14.level3).toBe('解决问题到位率');
    const c = r14.cells;
    expect([c.level1, c.level2, c.level3, c.target, c.actual, c.weight, c.score, c.explanation].map(at)).toEqual([
      'B13', 'C14', 'D14', 'E14', 'F14', 'G14', 'H14', 'I14',
    ]);
    expect(c.target?.text).toBe('=100%');
    expect(form.indicators[3].level2).toBe('经济效益指标');
    expect(form.indicators.some((r) => r.parent)).toBe(false);
    expect(form.columns.target?.a1).toBe('E12');
    expect(form.columns.explanation?.a1).toBe('I12');
  });

  it('groups rows by level-1 heading with the stated weights', () => {
    expect(form.groups.map((g) => [g.name, g.cell.a1, g.statedWeight, g.rows.length])).toEqual([
      ['产出指标', 'B13', 40, 3],
      ['效益指标', 'B16', 20, 2],
      ['满意度指标', 'B18', 10, 1],
      ['成本指标', 'B19', 20, 2],
    ]);
  });

  it('binds the total row', () => {
    expect(at(form.total?.labelCell)).toBe('A21');
    expect(at(form.total?.weight)).toBe('G21');
    expect(at(form.total?.score)).toBe('H21');
    expect(form.total?.score?.value).toBe(97);
    expect(form.total?.grade).toBeNull();
  });

  it('reads the basic-data sections', () => {
    expect(basic.title).toBe('2023年度部门（单位）整体支出绩效评价基础数据表');
    expect(basic.sections.map((s) => [s.title, s.titleCell.a1])).toEqual([
      ['财政供养人员情况（人）', 'A2'],
      ['经费控制情况（万元）', 'A4'],
      ['楼堂馆所控制情况（2023年完工项目）', 'A23'],
    ]);
    const [staff, money, buildings] = basic.sections;
    expect(staff.columns.map((c) => c.label)).toEqual(['编制数', '2023年实际在职人数', '控制率']);
    expect(staff.rows).toHaveLength(1);
    expect(staff.rows[0].cells.map(at)).toEqual(['B3', 'C3', 'D3']);
    expect(staff.rows[0].cells[2]?.value).toBe(0.925);
    expect(money.columns.map((c) => c.cell.a1)).toEqual(['B4', 'C4', 'D4']);
    const row = (label: string) => money.rows.find((r) => r.label === label)!;
    expect(row('项目支出：').cells.map((b) => b?.value)).toEqual([1182.67, 0, 1165.56]);
    expect(row('1、公务用车购置和维护经费').labelCell?.text).toBe('   1、公务用车购置和维护经费');
    // 三公经费 > 1、公务用车… > (其中：公车购置 = 公车运行维护)
    expect(row('三公经费').indent).toBeLessThan(row('1、公务用车购置和维护经费').indent);
    expect(row('1、公务用车购置和维护经费').indent).toBeLessThan(row('其中：公车购置').indent);
    expect(row('其中：公车购置').indent).toBe(row('公车运行维护').indent);
    expect(row('其中：办公经费').indent).toBe(row('会议费、培训费').indent);
    expect(row('公用经费').indent).toBeLessThan(row('其中：办公经费').indent);
    expect(row('政府采购金额').cells.map((b) => b?.value)).toEqual(['——', 256, 256]);
    expect(money.rows.some((r) => /厉行节约|说明/.test(r.label))).toBe(false);
    expect(buildings.columns).toHaveLength(6);
    expect(buildings.rows.map((r) => r.cells.map(at))).toEqual([['B24', 'C24', 'D24', 'E24', 'F24', 'G24']]);
  });
});
