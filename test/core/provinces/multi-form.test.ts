/** Two forms on one sheet (side by side, stacked), and a cover sheet of prose that mentions 自评表. */
import { projectForm, reviewSheets, type Cell } from './build';

const form = (project: string, actual: string): Cell[][] => projectForm(project, actual);

describe('two forms on one sheet', () => {
  it('side by side: each title owns its funds block and its table', async () => {
    const r = await reviewSheets([{
      name: '并列',
      rows: form('道路硬化', '100户'),
      blocks: [{ rows: form('危房改造', '90户'), origin: { row: 1, col: 10 } }],
      merges: ['A1:H1', 'A3:A4', 'A9:E9', 'J1:Q1', 'J3:J4', 'J9:N9'],
    }]);
    expect(r.review.forms.map((f) => [f.range, f.project, f.unit])).toEqual([
      ['A1:H9', '道路硬化', '某镇人民政府'],
      ['J1:Q9', '危房改造', '某镇人民政府'],
    ]);
    expect(r.form(1).budget).toMatchObject({ rate: { cell: 'P4' }, score: { cell: 'Q4', computed: 9 } });
    expect(r.form(1).total).toMatchObject({ cell: 'P9', stated: 99, computed: 94 });
    expect(r.errors().map((f) => f.cell)).toEqual(['P6', 'Q6']);
  });

  it('stacked: the second form starts at its own title', async () => {
    const r = await reviewSheets([{
      name: '上下',
      rows: [...form('道路硬化', '100户'), [], [], ...form('危房改造', '90户')],
      merges: ['A1:H1', 'A3:A4', 'A9:E9', 'A12:H12', 'A14:A15', 'A20:E20'],
    }]);
    expect(r.review.forms.map((f) => [f.range, f.project])).toEqual([['A1:H9', '道路硬化'], ['A12:H20', '危房改造']]);
    expect(r.form(1).total).toMatchObject({ cell: 'G20', computed: 94 });
    expect(r.errors().map((f) => f.cell)).toEqual(['G17', 'H17']);
  });
});

describe('a cover sheet of prose', () => {
  const cover = [
    ['2023年度项目支出绩效自评报告'],
    ['根据《项目支出绩效评价管理办法》，我单位组织开展了2023年度绩效自评，现将项目支出绩效自评表及自评报告报送如下。'],
    ['附件：项目支出绩效自评表'],
  ];

  it('yields no form of its own next to the real one', async () => {
    const r = await reviewSheets([{ name: '封面', rows: cover }, { name: '自评表', rows: form('道路硬化', '100户'), merges: ['A1:H1', 'A3:A4', 'A9:E9'] }]);
    expect(r.review.forms.map((f) => f.sheet)).toEqual(['自评表']);
    expect(r.review.findings.filter((f) => f.sheet === '封面' || f.code === 'form-not-found')).toEqual([]);
  });

  it('alone, gives form-not-found and nothing else', async () => {
    const r = await reviewSheets([{ name: '说明', rows: cover }]);
    expect(r.review.forms).toEqual([]);
    expect(r.review.findings.map((f) => f.code)).toEqual(['form-not-found']);
  });
});
