/** Reading rates from cells: percent text, %-formatted numbers and bare points, without binary noise. */
import { cellNumber, cellRate } from '../../../src/core/score/cells';
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

it('a leading apostrophe (Excel\'s text prefix typed by the clerk) is not part of the number', () => {
  expect(cellRate(cell("'98%"))).toEqual({ value: 0.98, readable: true });
  expect(cellNumber(cell("'50"))).toEqual({ value: 50, readable: true });
  expect(cellNumber(cell("'1140.48 "))).toEqual({ value: 1140.48, readable: true });
  expect(cellNumber(cell("'abc")).readable).toBe(false);
});

it('a literal % in the format does not scale: 93.51 shown as 93.51% holds points', () => {
  expect(cellRate(cell(93.51, '0.00"%"')).value).toBe(0.9351);
  expect(cellRate(cell(93.51, '0.00\\%')).value).toBe(0.9351);
  expect(cellRate(cell(0.9351, '0.00%')).value).toBe(0.9351);
});
