/** The one normaliser for every shape a multi-cell read may take, and the colour/error conversions. */
import { bgrToHex, errorOfCode, codeOfError, fillOf, hexToBgr, toCellValue, toFormula, toMatrix, toNumberFormat } from '../../../src/hosts/wps/values';
import { XL } from '../../../src/hosts/wps/types';

const M = [
  [1, 'a', null],
  [true, 2.5, ''],
];

describe('toMatrix', () => {
  it('takes a 2-D array as is', () => {
    expect(toMatrix(M, 2, 3)).toEqual({ matrix: M, uniform: false });
  });
  it('takes a 1-D array as one row or one column', () => {
    expect(toMatrix([1, 2, 3], 1, 3).matrix).toEqual([[1, 2, 3]]);
    expect(toMatrix([1, 2], 2, 1).matrix).toEqual([[1], [2]]);
  });
  it('takes an object with Item(r, c), 1-based', () => {
    const item = { Item: (r: number, c: number) => M[r - 1][c - 1] };
    expect(toMatrix(item, 2, 3).matrix).toEqual(M);
  });
  it('takes a VBArray-like (toArray, column-major)', () => {
    const flat = [1, true, 'a', 2.5, null, ''];
    expect(toMatrix({ toArray: () => flat }, 2, 3).matrix).toEqual(M);
  });
  it('a scalar is the single cell, or flagged uniform over many cells', () => {
    expect(toMatrix(7, 1, 1)).toEqual({ matrix: [[7]], uniform: false });
    expect(toMatrix('x', 2, 2)).toEqual({ matrix: [['x', 'x'], ['x', 'x']], uniform: true });
    expect(toMatrix(null, 1, 2)).toEqual({ matrix: [[null, null]], uniform: true });
    expect(toMatrix(undefined, 1, 1).matrix).toEqual([[undefined]]);
  });
  it('pads a short array with undefined instead of throwing', () => {
    expect(toMatrix([[1]], 2, 2).matrix).toEqual([
      [1, undefined],
      [undefined, undefined],
    ]);
  });
});

test('CVErr integers are errors only when the text agrees or is unknown', () => {
  expect(errorOfCode(-2146826281)).toBe('#DIV/0!');
  expect(errorOfCode(-2146826246)).toBe('#N/A');
  expect(codeOfError('#REF!')).toBe(-2146826265);
  expect(toCellValue(-2146826281)).toBe('#DIV/0!');
  expect(toCellValue(-2146826281, '#DIV/0!')).toBe('#DIV/0!');
  expect(toCellValue(-2146826281, '-2146826281')).toBe(-2146826281);
  expect(toCellValue('')).toBeNull();
  expect(toCellValue(undefined)).toBeNull();
  expect(toCellValue(false)).toBe(false);
});

test('formulas: only text starting with = that is not the value itself', () => {
  expect(toFormula('=SUM(A1:A2)', 3)).toBe('=SUM(A1:A2)');
  expect(toFormula('12', 12)).toBeNull();
  expect(toFormula('=100%', '=100%')).toBeNull();
  expect(toFormula('', null)).toBeNull();
});

test('colours are BGR (VBA RGB(): R + G·256 + B·65536)', () => {
  expect(hexToBgr('#FF0000')).toBe(255);
  expect(hexToBgr('#0000FF')).toBe(16711680);
  expect(hexToBgr('#FFC7CE')).toBe(0xff + 0xc7 * 256 + 0xce * 65536);
  expect(bgrToHex(hexToBgr('#12ABEF'))).toBe('#12ABEF');
  expect(fillOf(XL.none, XL.white)).toBeNull();
  expect(fillOf(XL.patternSolid, XL.white)).toBe('#FFFFFF');
  expect(fillOf(XL.patternSolid, hexToBgr('#FFEB9C'))).toBe('#FFEB9C');
  expect(fillOf(17, XL.white)).toBe('other');
});

test('General under its Chinese names is General', () => {
  expect(toNumberFormat('G/通用格式')).toBe('General');
  expect(toNumberFormat('常规')).toBe('General');
  expect(toNumberFormat('0.00%')).toBe('0.00%');
});
