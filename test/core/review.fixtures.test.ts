/** What each fixture other than the seed teaches, checked through the whole review. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { snapshotFromBuffer } from '../../src/hosts/file/read';
import { reviewWorkbook } from '../../src/core/review';
import type { FileReview } from '../../src/core/types';

const review = async (name: string): Promise<FileReview> =>
  reviewWorkbook(await snapshotFromBuffer(readFileSync(join(__dirname, '../fixtures', name)), name), {}).fileReview;

describe('湖南 衡山县贯塘乡 2023 (whole unit + 基础数据表)', () => {
  let r: FileReview;
  beforeAll(async () => (r = await review('hunan-hengshan-2023-whole-unit.xlsx')));

  it('locates both tables, the self-evaluation one without indicator rows', () => {
    expect(r.forms.map((f) => f.kind)).toEqual(['basic-data', 'self-evaluation']);
    const form = r.forms[1];
    expect(form.unit).toBe('衡山县贯塘乡人民政府');
    expect(form.indicators).toEqual([]);
    expect(form.budget).toMatchObject({ planned: 861.1, budgeted: 2030.12, weight: 10 });
  });

  it('warns that 控制率 50/46 = 108.70% is over the staff limit', () => {
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'limit-exceeded', severity: 'warning', cell: 'D4', sheet: '附件一 基础数据表' }));
  });

  it('reports 按支出性质分 1925.67 against 全年执行数 2030.12 as an error, not a rounding warning', () => {
    const f = r.findings.find((x) => x.code === 'sum-mismatch' && x.cell === 'E4')!;
    expect(f.severity).toBe('error');
    expect(f.message).toContain('1925.67');
  });

  it('raises no error on the 按收入性质分 split, whose parts add up to 2030.12', () => {
    expect(r.findings.filter((x) => x.sheet === '附件二 整体支出自评表' && x.cell !== 'E4' && x.code !== 'layout-uncertain')).toEqual([]);
  });

  it('says the form was not read in full: no indicator table under its funds block (no silent pass)', () => {
    const said = r.findings.filter((x) => x.code === 'layout-uncertain');
    expect(said).toEqual([expect.objectContaining({ severity: 'warning', sheet: '附件二 整体支出自评表', cell: 'A3' })]);
    expect(said[0].message).toContain('未找到绩效指标表');
  });
});

describe.each(['yunnan-yongde-2022-project.xlsx', 'yunnan-yongde-2022-with-chart.xlsx'])('云南 永德县明朗中学 2022 project form (%s)', (file) => {
  let r: FileReview;
  beforeAll(async () => (r = await review(file)));
  const form = () => r.forms[0];
  const row = (n: number) => form().indicators!.find((i) => i.row === n)!;

  it('reads the target split over 指标性质 | 指标值 | 度量单位 with ≧ and ═ glyphs', () => {
    expect(form()).toMatchObject({ kind: 'self-evaluation', project: '义务教育营养改善计划', unit: '永德县明朗中学' });
    expect(row(10)).toMatchObject({ kind: 'forward', weight: 10, score: { cell: 'I10', computed: 10 } });
    expect(row(13).kind).toBe('equal');
    expect(row(14).kind).toBe('qualitative');
  });

  it('funds in 元: rate and score from 全年预算数 and 全年执行数', () => {
    expect(form().budget).toMatchObject({ budgeted: 387664.62, executed: 387664.62, rate: { cell: 'I6', computed: 1 }, score: { cell: 'J6', computed: 10 } });
  });

  it('a met target scored 7/10 and 98% against ═100% scored 9 are mismatches (rule: 10 and 9.8)', () => {
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'score-mismatch', cell: 'I12', expected: 10, found: 7 }));
    expect(r.findings).toContainEqual(expect.objectContaining({ code: 'score-mismatch', cell: 'I15', expected: 9.8, found: 9 }));
    expect(form().total).toMatchObject({ cell: 'I19', stated: 96, computed: 99.8 });
    expect(form().grade).toBe('优');
  });

  it('warns that level-1 weights 40/30/20 differ from the national 50/30/10', () => {
    const profile = r.findings.filter((x) => x.code === 'weight-profile');
    expect(profile.length).toBeGreaterThan(0);
    expect(profile.every((x) => x.severity === 'warning')).toBe(true);
  });
});
