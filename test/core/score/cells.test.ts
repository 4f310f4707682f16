/** Reading rates from cells: percent text, %-formatted numbers and bare points, without binary noise. */
import { cellRate } from '../../../src/core/score/cells';
import type { Bound } from '../../../src/core/form';

const cell = (value: Bound['value'], numberFormat = 'General'): Bound => ({ row: 0, col: 0, a1: 'A1', value, text: String(value ?? ''), formula: null, numberFormat });

it.each([
  ['88.6%', 0.886],
  ['98.5%', 0.985],
  ['100%', 1],
  [88.6, 0.886], // points
  [57.3, 0.573],
])('%p reads as the rate %p exactly', (value, rate) => {
  expect(cellRate(cell(value)).value).toBe(rate);
});

it('a %-formatted fraction is taken as it is', () => {
  expect(cellRate(cell(0.886, '0.00%')).value).toBe(0.886);
});

it('text that is no rate is unreadable, a blank is missing', () => {
  expect(cellRate(cell('未执行')).readable).toBe(false);
  expect(cellRate(cell(null)).value).toBeNull();
});
