import { locateForms } from '../../../src/core/locate';
import type { BasicDataForm, SelfEvaluationForm } from '../../../src/core/form';
import { at, loadFixture } from './fixtures';

describe('hunan-hengshan-2023-whole-unit.xlsx', () => {
  let basic: BasicDataForm;
  let form: SelfEvaluationForm;

  beforeAll(async () => {
    const forms = locateForms(await loadFixture('hunan-hengshan-2023-whole-unit.xlsx'));
    expect(forms.map((f) => f.kind)).toEqual(['basic-data', 'self-evaluation']);
    basic = forms[0] as BasicDataForm;
    form = forms[1] as SelfEvaluationForm;
  });

  it('keeps a self-evaluation sheet with a funds block and no indicator rows', () => {
    expect(form.sheet).toBe('附件二 整体支出自评表');
    expect(form.scope).toBe('whole-unit');
    expect(form.unit?.text).toBe('衡山县贯塘乡人民政府');
    expect(form.indicators).toEqual([]);
    expect(form.groups).toEqual([]);
    expect(form.total).toBeNull();
    expect(form.range).toBe('A1:I9');
    expect(at(form.funds?.headers.score)).toBe('H3');
    expect(form.funds?.total.cells.executed?.value).toBe(2030.12);
  });

  it('reads split totals written in the split headers', () => {
    const splits = form.funds!.splits;
    expect(splits.map((s) => [s.name, at(s.header), s.statedTotal, s.against])).toEqual([
      ['按收入性质分', 'B5', 2030.12, 'executed'],
      ['按支出性质分', 'E5', 1925.67, 'executed'],
    ]);
    expect(splits[0].lines.map((l) => [l.label, l.textAmount])).toEqual([
      ['一般公共预算', 1325.68],
      ['政府性基金拨款', 118.82],
      ['纳入专户管理的非税收入拨款', null],
      ['其他资金', 585.62],
    ]);
    expect(splits[1].lines.map((l) => [l.label, l.textAmount])).toEqual([
      ['基本支出', 900.47],
      ['项目支出', 1025.2],
    ]);
  });

  it('reads the basic-data table with its unit and 控制率 in D4', () => {
    expect(basic.unit?.text).toBe('衡山县贯塘乡人民政府');
    expect(at(basic.unit?.cell)).toBe('A2');
    const staff = basic.sections[0];
    expect(staff.title).toBe('财政供养人员情况（人）');
    expect(staff.columns.map((c) => c.label)).toEqual(['编制数', '2023年实际在职人数', '控制率']);
    expect(staff.rows).toHaveLength(1);
    expect(staff.rows[0].labelCell).toBeNull();
    expect(at(staff.rows[0].cells[2])).toBe('D4');
    expect(staff.rows[0].cells[2]?.value).toBeCloseTo(1.087);
    const money = basic.sections[1];
    const row = (label: string) => money.rows.find((r) => r.label === label)!;
    expect(row('其中：公车购置').indent).toBe(row('公车运行维护').indent);
    expect(row('1、公务用车购置和维护经费').indent).toBeLessThan(row('其中：公车购置').indent);
    expect(row('公用经费').cells.map((b) => b?.value)).toEqual([118.31, 85.76, 193.42]);
    expect(basic.sections[2].title).toBe('楼堂馆所控制情况（2023年完工项目）');
    expect(basic.sections[2].rows).toEqual([]);
  });
});
