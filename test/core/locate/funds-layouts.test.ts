/**
 * Funds blocks laid out other than "header, then 年度资金总额, then its split" (layout sweep D9,
 * D10): a header on two rows, and a split listed before its total line.
 */
import { locateForms } from '../../../src/core/locate';
import type { FundsBlock, FundsLine, SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { at } from './fixtures';
import { sheet, workbook } from './grid';

function forms(rows: CellValue[][], merges: string[] = []): SelfEvaluationForm[] {
  return locateForms(workbook(sheet(rows, { merges }))) as SelfEvaluationForm[];
}

function funds(rows: CellValue[][], merges: string[] = []): FundsBlock {
  const found = forms(rows, merges);
  expect(found).toHaveLength(1);
  expect(found[0].funds).not.toBeNull();
  return found[0].funds as FundsBlock;
}

/** A line as [label, label cell, cells of planned / budgeted / executed]. */
const line = (l: FundsLine) => [l.label, at(l.labelCell), at(l.cells.planned), at(l.cells.budgeted), at(l.cells.executed)];
const headers = (f: FundsBlock) => Object.fromEntries(Object.entries(f.headers).map(([k, b]) => [k, b.a1]));

describe('D9: a funds header on two rows', () => {
  it('"预算数" merged over "年初 | 全年": 全年 is the budget, 年初 the planned; the total is the line under the sub-header', () => {
    const f = funds([
      ['项目资金（万元）', '预算数', null, '全年执行数', '分值', '执行率', '得分'],
      [null, '年初', '全年', null, null, null, null],
      ['年度资金总额', 120, 100, 95, 10, 0.95, 9.5],
    ], ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2', 'F1:F2', 'G1:G2']);
    expect(headers(f)).toEqual({ planned: 'B2', budgeted: 'C2', executed: 'D1', weight: 'E1', rate: 'F1', score: 'G1' });
    expect(line(f.total)).toEqual(['年度资金总额', 'A3', 'B3', 'C3', 'D3']);
    expect(f.total.cells.budgeted?.value).toBe(100);
    expect(f.unit).toBe('万元');
  });

  it('"年初" to the right of "全年" and the unit on the merged cell: still bound by their words', () => {
    const f = funds([
      ['项目资金', '预算数（万元）', null, '执行数', '分值', '执行率', '得分'],
      [null, '全年', '年初', '全年', null, null, null],
      ['年度资金总额', 100, 120, 95, 10, 0.95, 9.5],
    ], ['A1:A2', 'B1:C1', 'E1:E2', 'F1:F2', 'G1:G2']);
    expect(headers(f)).toMatchObject({ budgeted: 'B2', planned: 'C2', executed: 'D1' });
    expect(line(f.total)).toEqual(['年度资金总额', 'A3', 'C3', 'B3', 'D3']);
    expect(f.unit).toBe('万元');
  });

  it('"预算" merged over "年初预算数 | 全年预算数", 执行数 merged down', () => {
    const f = funds([
      ['资金（万元）', '预算', null, '执行数', '分值', '执行率', '得分'],
      [null, '年初预算数', '全年预算数', null, null, null, null],
      ['年度资金总额', 120, 100, 95, 10, 0.95, 9.5],
      ['其中：财政拨款', 120, 100, 95, null, null, null],
    ], ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2', 'F1:F2', 'G1:G2']);
    expect(headers(f)).toMatchObject({ planned: 'B2', budgeted: 'C2', executed: 'D1' });
    expect(line(f.total)).toEqual(['年度资金总额', 'A3', 'B3', 'C3', 'D3']);
    expect(f.splits.map((s) => s.lines.map(line))).toEqual([[['财政拨款', 'A4', 'B4', 'C4', 'D4']]]);
  });

  it('a sub-header row that reads as a header by itself ("年初预算数 | 全年预算数 | 全年执行数" under "预算 | 执行") gives one block', () => {
    const found = forms([
      ['资金（万元）', '预算', null, '执行', '分值', '执行率', '得分'],
      [null, '年初预算数', '全年预算数', '全年执行数', null, null, null],
      ['年度资金总额', 120, 100, 95, 10, 0.95, 9.5],
    ], ['A1:A2', 'B1:C1', 'E1:E2', 'F1:F2', 'G1:G2']);
    expect(found).toHaveLength(1);
    const f = found[0].funds as FundsBlock;
    expect(headers(f)).toMatchObject({ planned: 'B2', budgeted: 'C2', executed: 'D2', rate: 'F1' });
    expect(line(f.total)).toEqual(['年度资金总额', 'A3', 'B3', 'C3', 'D3']);
  });

  it('"预算数" over "年初 | 调整后" (Sichuan): the adjusted budget is the budget', () => {
    const f = funds([
      ['项目资金（万元）', '预算数', null, '执行数', '执行率'],
      [null, '年初', '调整后', null, null],
      ['年度资金总额', 120, 100, 95, 0.95],
    ], ['A1:A2', 'B1:C1', 'D1:D2', 'E1:E2']);
    expect(headers(f)).toMatchObject({ planned: 'B2', budgeted: 'C2', executed: 'D1' });
  });

  it('"全年预算数" over "合计 | 财政拨款 | 其他资金": the 合计 column is the budget', () => {
    const f = funds([
      ['项目资金（万元）', '年初预算数', '全年预算数', null, null, '全年执行数', '执行率'],
      [null, null, '合计', '财政拨款', '其他资金', null, null],
      ['年度资金总额', 100, 100, 80, 20, 95, 0.95],
    ], ['A1:A2', 'B1:B2', 'C1:E1', 'F1:F2', 'G1:G2']);
    expect(headers(f)).toMatchObject({ planned: 'B1', budgeted: 'C2', executed: 'F1' });
    expect(line(f.total)).toEqual(['年度资金总额', 'A3', 'B3', 'C3', 'F3']);
  });

  it('a one-row header over an unfilled total line is not read as two rows', () => {
    const f = funds([
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', null, null, null, 10, null, null],
      ['其中：财政拨款', null, null, null, null, null, null],
    ]);
    expect(headers(f)).toEqual({ planned: 'B1', budgeted: 'C1', executed: 'D1', weight: 'E1', rate: 'F1', score: 'G1' });
    expect(line(f.total)).toEqual(['年度资金总额', 'A2', 'B2', 'C2', 'D2']);
  });
});

describe('D10: the split listed before its total line', () => {
  it('财政拨款 / 上年结转资金 / 其他资金 / 合计: the 合计 line is the total, the lines above it its split', () => {
    const found = forms([
      ['资金来源（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['财政拨款', 80, 80, 76, null, null, null],
      ['上年结转资金', 10, 10, 10, null, null, null],
      ['其他资金', 10, 10, 10, null, null, null],
      ['合计', 100, 100, 96, 10, 0.96, 9.6],
    ]);
    expect(found).toHaveLength(1);
    const f = found[0].funds as FundsBlock;
    expect(line(f.total)).toEqual(['合计', 'A5', 'B5', 'C5', 'D5']);
    expect(at(f.total.cells.rate)).toBe('F5');
    expect(f.splits).toHaveLength(1);
    expect(f.splits[0].against).toBeNull();
    expect(f.splits[0].lines.map(line)).toEqual([
      ['财政拨款', 'A2', 'B2', 'C2', 'D2'],
      ['上年结转资金', 'A3', 'B3', 'C3', 'D3'],
      ['其他资金', 'A4', 'B4', 'C4', 'D4'],
    ]);
    expect(found[0].range).toBe('A1:G5');
  });

  it('labels under a block title merged down, total labelled 资金总额 on the third line', () => {
    const f = funds([
      ['项目资金\n（万元）', null, '全年预算数', '全年执行数', '执行率'],
      [null, '财政资金', 90, 85, null],
      [null, '自筹资金', 10, 10, null],
      [null, '资金总额', 100, 95, 0.95],
    ], ['A1:A4']);
    expect(line(f.total)).toEqual(['资金总额', 'B4', null, 'C4', 'D4']);
    expect(f.splits.map((s) => s.lines.map((l) => l.label))).toEqual([['财政资金', '自筹资金']]);
  });

  it('a 小计 line is the total only when no line says 合计 or 资金总额', () => {
    const header = ['资金来源（万元）', '全年预算数', '全年执行数', '执行率'];
    const a = funds([header, ['财政拨款', 80, 76, null], ['其他资金', 20, 20, null], ['小计', 100, 96, 0.96]]);
    expect(line(a.total)).toEqual(['小计', 'A4', null, 'B4', 'C4']);
    const b = funds([header, ['年度资金总额', 100, 96, 0.96], ['财政拨款小计', 80, 76, null], ['其他资金', 20, 20, null]]);
    expect(line(b.total)).toEqual(['年度资金总额', 'A2', null, 'B2', 'C2']);
    expect(b.splits[0].lines.map((l) => l.label)).toEqual(['财政拨款小计', '其他资金']);
  });

  it('a line with two label cells ("其中 | 财政拨款") is one split line', () => {
    const f = funds([
      ['项目资金（万元）', null, '全年预算数', '全年执行数', '执行率'],
      ['年度资金总额', null, 350, 310.1, '88.6%'],
      ['其中', '财政拨款', 300, 260.1, null],
      [null, '其他资金', 50, 50, null],
    ], ['A1:B1', 'A2:B2', 'A3:A4']);
    expect(line(f.total)).toEqual(['年度资金总额', 'A2', null, 'C2', 'D2']);
    expect(f.splits.map((s) => s.lines.map(line))).toEqual([[
      ['财政拨款', 'B3', null, 'C3', 'D3'],
      ['其他资金', 'B4', null, 'C4', 'D4'],
    ]]);
  });
});
