/** Recalculation over a snapshot (src/core/recalc.ts) and the formula note on findings (formula-note.ts). */
import { applyAndRecalculate, recalculate } from '../../src/core/recalc';
import { reviewWorkbook } from '../../src/core/review';
import type { CellValue, WorkbookSnapshot } from '../../src/core/snapshot';
import { cellByAddress } from '../../src/core/grid';
import { sheetOf } from '../helpers/grid';

/** A sheet whose formulas carry cached results (sheetOf leaves them empty). */
function book(rows: CellValue[][], cached: Record<string, CellValue> = {}): WorkbookSnapshot {
  const s = sheetOf('S', rows);
  for (const [a1, v] of Object.entries(cached)) {
    const col = a1.charCodeAt(0) - 65;
    const row = Number(a1.slice(1)) - 1;
    s.values[row][col] = v;
  }
  return { sheets: [s] };
}

describe('recalculate', () => {
  it('recomputes a formula that reads a written cell, and one that reads that formula', () => {
    const b = book([[1, 2, '=A1+B1', '=C1*2']], { C1: 3, D1: 6 });
    const next = applyAndRecalculate(b, [{ sheet: 'S', cell: 'A1', value: 10 }]);
    expect(next.results).toEqual([
      { sheet: 'S', cell: 'C1', cached: 12 },
      { sheet: 'S', cell: 'D1', cached: 24 },
    ]);
    expect(cellByAddress(next.book, 'S', 'D1')).toMatchObject({ value: 24, formula: '=C1*2' });
  });

  it('leaves formulas that do not depend on the written cells alone', () => {
    const b = book([[1, 2, '=B1*2', '=NOW()']], { C1: 999, D1: 45000 });
    expect(recalculate(b, [{ sheet: 'S', cell: 'A1' }])).toEqual([]);
  });

  it('reads ranges, whole columns and other sheets', () => {
    const a = sheetOf('甲 表', [[1], [2], [3]]);
    const s = sheetOf('S', [["=SUM('甲 表'!A1:A3)+SUM('甲 表'!A:A)"]]);
    s.values[0][0] = 0;
    const b: WorkbookSnapshot = { sheets: [a, s] };
    a.values[0][0] = 5;
    expect(recalculate(b, [{ sheet: '甲 表', cell: 'A1' }])).toEqual([{ sheet: 'S', cell: 'A1', value: 20 }]);
  });

  it('rounds to 15 significant digits like Excel', () => {
    const b = book([[14.55, 9.8, 10, 10, 15, 10, 10, 10, 10, '=SUM(A1:I1)']], { J1: 0 });
    expect(recalculate(b, [{ sheet: 'S', cell: 'A1' }])).toEqual([{ sheet: 'S', cell: 'J1', value: 99.35 }]);
  });

  it('gives a formula without a cached result its value', () => {
    const b = book([[4, '=A1*2']]);
    expect(recalculate(b, [])).toEqual([{ sheet: 'S', cell: 'B1', value: 8 }]);
  });

  it('keeps the cached result of what the engine cannot evaluate, and of what depends on it', () => {
    const b = book([[1, '=NOSUCHFUNCTION(A1)', '=B1+A1', "='[other.xlsx]S'!A1"]], { B1: 7, C1: 8, D1: 3 });
    expect(recalculate(b, [{ sheet: 'S', cell: 'A1' }])).toEqual([]);
  });

  it('reports spreadsheet errors as the cell would show them', () => {
    const b = book([[1, 0, '=A1/B1']], { C1: 1 });
    b.sheets[0].values[0][1] = 0;
    b.sheets[0].values[0][0] = 2;
    expect(recalculate(b, [{ sheet: 'S', cell: 'A1' }])).toEqual([{ sheet: 'S', cell: 'C1', value: '#DIV/0!' }]);
  });

  it('stops at a circular reference, keeping the cached results', () => {
    const b = book([[1, '=A1+C1', '=B1']], { B1: 5, C1: 5 });
    expect(recalculate(b, [{ sheet: 'S', cell: 'A1' }])).toEqual([]);
  });
});

describe('the review and formulas', () => {
  const HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];
  const rows = (score: CellValue, total: CellValue): CellValue[][] => [
    ['项目支出绩效自评表'],
    HEADER,
    ['产出指标', '数量指标', '培训人数', '≥100人', '100人', 60, score, null],
    ['效益指标', '社会效益指标', '受益人数', '≥50人', '50人', 40, 40, null],
    ['总分', null, null, null, null, 100, total, null],
  ];

  it('a score formula without a cached result is read as its result, not as an empty score', () => {
    const { fileReview } = reviewWorkbook({ sheets: [sheetOf('表', rows('=F3*1', 100))] });
    expect(fileReview.findings.filter((f) => f.code === 'value-missing' || f.code === 'sum-mismatch')).toEqual([]);
    expect(fileReview.forms[0].indicators![0].score.stated).toBe(60);
  });

  it('a finding on a formula names the formula, its inputs and what to change', () => {
    const s = sheetOf('表', [...rows('=F3*0.5', 100)]);
    s.values[2][6] = 30;
    const { fileReview } = reviewWorkbook({ sheets: [s] });
    const f = fileReview.findings.find((x) => x.cell === 'G3' && x.code === 'score-mismatch')!;
    expect(f.message).toContain('=F3*0.5');
    expect(f.message).toContain('F3 = 60');
    expect(f.message).toMatch(/不改写公式.*请改正公式或它引用的单元格/);
    const en = reviewWorkbook({ sheets: [s] }, { lang: 'en-US' }).fileReview.findings.find((x) => x.cell === 'G3' && x.code === 'score-mismatch')!;
    expect(en.message).toMatch(/formula =F3\*0\.5 \(F3 = 60\)/);
  });
});
