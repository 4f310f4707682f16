/** Written numbers visible as written (src/core/visible.ts) and the planner's use of it. */
import { shownNumber, styledValue, visibleFormat, withDecimals } from '../../src/core/visible';
import { planRecompute, planRevert } from '../../src/core/plan';
import { applyToSnapshot } from '../../src/core/applySnapshot';
import { cellByAddress } from '../../src/core/grid';
import { sheetOf } from '../helpers/grid';

describe('visibleFormat', () => {
  it.each([
    ['0', 14.55, '0.00'],
    ['0', 99.4, '0.0'],
    ['#,##0', 1234.56, '#,##0.00'],
    ['0"分"', 14.55, '0.00"分"'],
    ['0.0', 14.55, '0.00'],
    ['0;[Red]-0', 14.55, '0.00;[Red]-0.00'],
  ])('%s with %d → %s', (fmt, v, want) => {
    expect(visibleFormat(fmt, v)).toBe(want);
  });

  it.each([['General', 14.55], ['0.00', 14.55], ['0', 15], ['0.0', 9.8], ['0%', 0.5]])('%s already shows %d', (fmt, v) => {
    expect(visibleFormat(fmt, v)).toBeUndefined();
  });

  it('keeps quoted text and brackets untouched', () => {
    expect(withDecimals('"得分："0', 2)).toBe('"得分："0.00');
    expect(withDecimals('[>=100]0;0', 1)).toBe('[>=100]0.0;0.0');
    expect(shownNumber('1,234.50分')).toBe(1234.5);
  });
});

describe('styledValue', () => {
  it('keeps the column’s own way of writing', () => {
    expect(styledValue('15分', 14.55)).toBe('14.55分');
    expect(styledValue('15', 14.55)).toBe('14.55');
    expect(styledValue(15, 14.55)).toBe(14.55);
    expect(styledValue(null, 14.55)).toBe(14.55);
    expect(styledValue('暂无', 3)).toBe(3);
  });

  it('never rewrites a cell that already says the number', () => {
    expect(styledValue('15分', 15)).toBeUndefined();
    expect(styledValue(15, 15)).toBeUndefined();
  });
});

describe('the planner writes visible numbers and journals the format', () => {
  const book = { sheets: [sheetOf('S', [[15, '15分']], { numberFormats: [['0', 'General']] })] };
  const plan = planRecompute(book, [
    { sheet: 'S', cell: 'A1', value: 14.55, kind: 'score' },
    { sheet: 'S', cell: 'B1', value: 9.8, kind: 'score' },
  ], []);

  it('a `0` cell gets 0.00 with 14.55; a "分" cell gets "9.8分"', () => {
    const after = applyToSnapshot(book, plan.changes);
    expect(cellByAddress(after, 'S', 'A1')).toMatchObject({ value: 14.55, numberFormat: '0.00', text: '14.55' });
    expect(cellByAddress(after, 'S', 'B1')).toMatchObject({ value: '9.8分' });
  });

  it('revert gives the clerk’s format back', () => {
    const after = applyToSnapshot(book, plan.changes);
    const back = applyToSnapshot(after, planRevert(after, plan.journal).changes);
    expect(cellByAddress(back, 'S', 'A1')).toMatchObject({ value: 15, numberFormat: '0' });
    expect(cellByAddress(back, 'S', 'B1')).toMatchObject({ value: '15分' });
  });
});
