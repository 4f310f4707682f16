import { EXCEL_1904_EPOCH_MS, EXCEL_EPOCH_MS, excelEpochMs, formatGeneral, formatNumber, isScalingPercentFormat } from '../../src/core/numfmt';
import { parseValue } from '../../src/core/parse';

describe('formatNumber', () => {
  it.each<[number, string, string]>([
    [0.925, '0.0%', '92.5%'],
    [1, '0%', '100%'],
    [1.087, '0.00%', '108.70%'],
    [0.97, '0%', '97%'],
    [2673.41, '#,##0.00', '2,673.41'],
    [-2673.41, '#,##0.00', '-2,673.41'],
    [-1234.5, '#,##0.00_);(#,##0.00)', '(1,234.50)'],
    [1234.5, '#,##0.00_);(#,##0.00)', '1,234.50 '],
    [0, '#,##0.00;-#,##0.00;"-"', '-'],
    [387664.62, '#,##0.00"元"', '387,664.62元'],
    [12.3, '¥#,##0.00', '¥12.30'],
    [14.55, '0.0', '14.6'],
    [14.55, '0.00', '14.55'],
    [1.005, '0.00', '1.01'],
    [0.125, '0.0%', '12.5%'],
    [-0.001, '0.00', '0.00'],
    [0.5, '#.##', '.5'],
    [12345, '0.00E+00', '1.23E+04'],
    [1500000, '#,##0,', '1,500'],
    [45291, 'yyyy-mm-dd', '2023-12-31'],
    [45291, 'yyyy"年"m"月"d"日"', '2023年12月31日'],
    [45291, 'yyyy年m月d日', '2023年12月31日'],
    [45291.5, 'yyyy/m/d h:mm', '2023/12/31 12:00'],
    [0.75, 'h:mm AM/PM', '6:00 PM'],
    [45291, 'mmm d, yyyy', 'Dec 31, 2023'],
    [42, 'General', '42'],
    [42, '@', '42'],
    [42, '', '42'],
  ])('%p under %p shows %p', (n, fmt, text) => {
    expect(formatNumber(n, fmt)).toBe(text);
  });
});

describe('formatGeneral', () => {
  it.each<[number, string]>([
    [1 / 3, '0.333333333'],
    [123.456789012345, '123.456789'],
    [-2 / 3, '-0.666666667'],
    [99.35, '99.35'],
    [1e12, '1E+12'],
    [123456789012, '1.23457E+11'],
    [1.5e-10, '1.5E-10'],
    [0, '0'],
  ])('%p shows %p', (n, text) => {
    expect(formatGeneral(n)).toBe(text);
  });
});

describe('isScalingPercentFormat: a % that multiplies by 100, not a literal one', () => {
  it.each<[string | undefined | null, boolean]>([
    ['0%', true],
    ['0.00%', true],
    ['#,##0.0%', true],
    ['[Red]0.00%', true],
    ['[$-804]0.0%;[Red]-0.0%', true],
    ['"完成"0%', true],
    ['0.00%"以上"', true],
    ['0.00"%"', false],
    ['0.00\\%', false],
    ['0.00"％"', false],
    ['0.00％', false],
    ['0.00_%', false],
    ['0.00*%', false],
    ['[%]0.00', false],
    ['0.00;0.00%', false],
    ['"%"0', false],
    ['General', false],
    ['@', false],
    ['', false],
    [undefined, false],
    [null, false],
  ])('%p → %p', (format, scaling) => {
    expect(isScalingPercentFormat(format)).toBe(scaling);
  });

  it('agrees with formatNumber: a scaling format shows the fraction ×100, a literal % shows the points', () => {
    expect(formatNumber(0.9351, '0.00%')).toBe('93.51%');
    expect(formatNumber(93.51, '0.00"%"')).toBe('93.51%');
    expect(formatNumber(93.51, '0.00\\%')).toBe('93.51%');
    expect(formatNumber(0.9351, '0.00"%"')).toBe('0.94%');
  });

  it.each(['0.00"%"', '0.00\\%'])('agrees with the value parser: under %p the cell holds points (100 is 100%)', (format) => {
    expect(parseValue({ value: 100, text: formatNumber(100, format), numberFormat: format })).toMatchObject({ kind: 'number', value: 1, written: 100 });
    expect(parseValue({ value: 1, text: formatNumber(1, '0.00%'), numberFormat: '0.00%' })).toMatchObject({ kind: 'number', value: 1, written: 100 });
  });
});

describe('date systems', () => {
  it('the 1904 epoch is 1904-01-01, 1462 days after the 1900 one', () => {
    expect(new Date(EXCEL_1904_EPOCH_MS).toISOString().slice(0, 10)).toBe('1904-01-01');
    expect((EXCEL_1904_EPOCH_MS - EXCEL_EPOCH_MS) / 86400000).toBe(1462);
    expect(excelEpochMs()).toBe(EXCEL_EPOCH_MS);
    expect(excelEpochMs(true)).toBe(EXCEL_1904_EPOCH_MS);
  });

  it.each<[number, string, boolean, string]>([
    [45291, 'yyyy-mm-dd', false, '2023-12-31'],
    [43829, 'yyyy-mm-dd', true, '2023-12-31'],
    [0, 'yyyy-mm-dd', true, '1904-01-01'],
    [8, 'yyyy-mm-dd', true, '1904-01-09'],
    [8, 'yyyy-mm-dd', false, '1900-01-08'],
    [1, 'yyyy-mm-dd', false, '1900-01-01'],
    [59, 'yyyy-mm-dd', false, '1900-02-28'],
    [61, 'yyyy-mm-dd', false, '1900-03-01'],
    [43829.75, 'yyyy/m/d h:mm', true, '2023/12/31 18:00'],
  ])('%p under %p (1904: %p) shows %p', (n, fmt, date1904, text) => {
    expect(formatNumber(n, fmt, { date1904 })).toBe(text);
  });

  it('numbers that are not dates do not depend on the date system', () => {
    expect(formatNumber(0.925, '0.0%', { date1904: true })).toBe('92.5%');
    expect(formatNumber(1234.5, '#,##0.00', { date1904: true })).toBe('1,234.50');
  });
});
