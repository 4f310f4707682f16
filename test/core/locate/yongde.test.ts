import { locateForms } from '../../../src/core/locate';
import type { SelfEvaluationForm } from '../../../src/core/form';
import { at, loadFixture } from './fixtures';

async function yongde(file: string): Promise<SelfEvaluationForm> {
  const forms = locateForms(await loadFixture(file));
  expect(forms).toHaveLength(1);
  return forms[0] as SelfEvaluationForm;
}

describe('yunnan-yongde-2022-project.xlsx', () => {
  let form: SelfEvaluationForm;
  beforeAll(async () => {
    form = await yongde('yunnan-yongde-2022-project.xlsx');
  });

  it('reads the project header', () => {
    expect(form.kind).toBe('self-evaluation');
    expect(form.scope).toBe('project');
    expect(form.project?.text).toBe('义务教育营养改善计划');
    expect(at(form.project?.cell)).toBe('C3');
    expect(form.unit?.text).toBe('永德县明朗中学');
    expect(form.range).toBe('A1:J19');
  });

  it('binds merged funds header cells to their master column', () => {
    const f = form.funds!;
    expect(f.unit).toBe('元');
    expect(Object.fromEntries(Object.entries(f.headers).map(([k, b]) => [k, b.a1]))).toEqual({
      planned: 'C5', budgeted: 'D5', executed: 'F5', weight: 'H5', rate: 'I5', score: 'J5',
    });
    const c = f.total.cells;
    expect([c.planned, c.budgeted, c.executed, c.weight, c.rate, c.score].map(at)).toEqual(['C6', 'D6', 'F6', 'H6', 'I6', 'J6']);
    expect(c.executed?.value).toBe(387664.62);
    expect(c.planned?.value).toBeNull();
    expect(f.splits).toEqual([]);
  });

  it('binds the target split over 指标性质 / 指标值 / 度量单位', () => {
    expect(Object.fromEntries(Object.entries(form.columns).map(([k, b]) => [k, b.a1]))).toEqual({
      level1: 'A9', level2: 'B9', level3: 'C9', nature: 'D9', target: 'E9', targetUnit: 'F9',
      actual: 'G9', weight: 'H9', score: 'I9', explanation: 'J9',
    });
    expect(form.indicators.map((r) => r.row + 1)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18]);
    const r15 = form.indicators.find((r) => r.row === 14)!;
    expect(r15.level3).toBe('政策知晓率');
    const c = r15.cells;
    expect([c.level1, c.level2, c.nature, c.target, c.targetUnit, c.actual, c.weight, c.score, c.explanation].map(at)).toEqual([
      'A14', 'B15', 'D15', 'E15', 'F15', 'G15', 'H15', 'I15', 'J15',
    ]);
    expect(c.nature?.text).toBe('═');
    expect(form.indicators[1].level2).toBe('数量指标');
    expect(form.indicators[1].cells.level2?.a1).toBe('B10');
  });

  it('groups by level-1 without stated weights and reads the total with its grade', () => {
    expect(form.groups.map((g) => [g.name, g.cell.a1, g.statedWeight, g.rows.length])).toEqual([
      ['产出指标', 'A10', null, 4],
      ['效益指标', 'A14', null, 3],
      ['满意度指标', 'A17', null, 2],
    ]);
    expect(at(form.total?.labelCell)).toBe('A19');
    expect(at(form.total?.weight)).toBe('H19');
    expect(at(form.total?.score)).toBe('I19');
    expect(at(form.total?.grade)).toBe('J19');
    expect(form.total?.grade?.text).toBe('优');
  });
});

describe('yunnan-yongde-2022-with-chart.xlsx', () => {
  it('locates the same form as the plain workbook', async () => {
    const plain = await yongde('yunnan-yongde-2022-project.xlsx');
    const chart = await yongde('yunnan-yongde-2022-with-chart.xlsx');
    expect(chart).toEqual(plain);
  });
});
