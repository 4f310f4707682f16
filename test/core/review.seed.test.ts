import { readFileSync } from 'fs';
import { join } from 'path';
import { snapshotFromBuffer } from '../../src/hosts/file/read';
import { reviewWorkbook } from '../../src/core/review';
import type { FileReview } from '../../src/core/types';

let review: FileReview;
let computed: Map<string, number>;

beforeAll(async () => {
  const snap = await snapshotFromBuffer(readFileSync(join(__dirname, '../fixtures/seed-longquan-2023.xlsx')), 'seed-longquan-2023.xlsx');
  const res = reviewWorkbook(snap, { file: 'seed-longquan-2023.xlsx' });
  review = res.fileReview;
  expect(res.details.failures).toEqual([]);
  computed = new Map(res.details.computedCells.filter((c) => c.sheet === '附件3 自评表').map((c) => [c.cell, c.value]));
});

const at = (code: string, cell: string) => review.findings.filter((f) => f.code === code && f.cell === cell && f.sheet === '附件3 自评表');

describe('seed 龙泉街道 2023', () => {
  it('finds both forms', () => {
    expect(review.forms.map((f) => [f.sheet, f.kind])).toEqual([['附件2 基础数据表', 'basic-data'], ['附件3 自评表', 'self-evaluation']]);
  });

  it.each([
    ['H14', 14.55, 15],
    ['H18', 10, 8],
    ['H19', 9.8, 1],
  ])('score-mismatch at %s: expected %d, found %d', (cell, expected, found) => {
    expect(at('score-mismatch', cell)).toEqual([expect.objectContaining({ severity: 'error', expected, found })]);
  });

  it('the contract message for H14', () => {
    expect(at('score-mismatch', 'H14')[0].message).toBe('得分应为 14.55（15 × 97% ÷ 100%），表内为 15');
  });

  it.each(['I14', 'I18', 'I19'])('deviation-unexplained at %s', (cell) => {
    expect(at('deviation-unexplained', cell)).toHaveLength(1);
  });

  it.each(['F18', 'F19'])('value-format at %s', (cell) => {
    expect(at('value-format', cell)).toHaveLength(1);
  });

  it('sum-mismatch at H21: stated 97, scores add up to 89', () => {
    expect(at('sum-mismatch', 'H21')).toEqual([expect.objectContaining({ severity: 'error', expected: 89, found: 97 })]);
  });

  it('warning sum-mismatch at E4: 1507.84 + 1165.56 = 2673.40', () => {
    expect(at('sum-mismatch', 'E4')).toEqual([expect.objectContaining({ severity: 'warning', expected: 2673.4, found: 2673.41 })]);
  });

  it('computes rate, scores, total and grade', () => {
    expect(Object.fromEntries(['G4', 'H4', 'H13', 'H14', 'H19', 'H21'].map((c) => [c, computed.get(c)]))).toEqual({ G4: 1, H4: 10, H13: 15, H14: 14.55, H19: 9.8, H21: 99.35 });
    const form = review.forms[1];
    expect(form.total).toEqual({ cell: 'H21', stated: 97, computed: 99.35 });
    expect(form.grade).toBe('优');
    expect(form.budget).toMatchObject({ planned: 573.38, budgeted: 2673.41, executed: 2673.41, weight: 10, rate: { cell: 'G4', stated: 1, computed: 1 } });
    expect(form.indicators?.find((i) => i.row === 14)).toEqual({
      row: 14,
      path: ['产出指标', '质量指标', '解决问题到位率'],
      kind: 'equal',
      target: { cell: 'E14', text: '=100%' },
      actual: { cell: 'F14', text: '=97%' },
      weight: 15,
      score: { cell: 'H14', stated: 15, computed: 14.55 },
      explanation: { cell: 'I14', text: '' },
    });
  });

  it.each(['H13', 'H15', 'H16', 'H17', 'H20'])('no error at %s', (cell) => {
    expect(review.findings.filter((f) => f.cell === cell && f.severity === 'error')).toEqual([]);
  });

  it('basic-data 控制率 37/40 = 92.5% passes', () => {
    expect(review.findings.filter((f) => f.sheet === '附件2 基础数据表' && f.cell === 'D3')).toEqual([]);
  });

  it('findings are sorted by sheet, row, column and carry no stack', () => {
    const order = review.findings.map((f) => [f.sheet === '附件2 基础数据表' ? 0 : 1, Number(f.cell?.replace(/\D/g, '')), f.cell?.replace(/\d/g, '')] as const);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1] || String(a[2]).localeCompare(String(b[2])));
    expect(order).toEqual(sorted);
    for (const f of review.findings) expect(f.message).not.toMatch(/\n\s+at /);
  });
});
