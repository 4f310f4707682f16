import { parseValue, parseDateText, partsFromExcelSerial, serialOf } from '../../../src/core/parse';

const days = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86400000;

describe('parseValue: dates', () => {
  // [text, comparator, year, month, day, serial]
  const cases: [string, string | null, number | null, number | null, number | null, number | null][] = [
    ['2023年12月31日前', '<=', 2023, 12, 31, days(2023, 12, 31)],
    ['2023年12月31日之前', '<=', 2023, 12, 31, days(2023, 12, 31)],
    ['2023年12月31日以前完成', '<=', 2023, 12, 31, days(2023, 12, 31)],
    ['2023年6月30日', null, 2023, 6, 30, days(2023, 6, 30)],
    ['2021年12月完成', '<=', 2021, 12, null, days(2021, 12, 31)],
    ['2024年2月底前', '<=', 2024, 2, null, days(2024, 2, 29)],
    ['2023年11月前完成', '<=', 2023, 11, null, days(2023, 11, 30)],
    ['于2023年10月底前完成', '<=', 2023, 10, null, days(2023, 10, 31)],
    ['２０２３年１２月３１日前', '<=', 2023, 12, 31, days(2023, 12, 31)],
    ['≤2023年12月31日', '<=', 2023, 12, 31, days(2023, 12, 31)],
    ['2023年底前', '<=', 2023, 12, null, days(2023, 12, 31)],
    ['2023年内', '<=', 2023, null, null, days(2023, 12, 31)],
    ['2023年第三季度', null, 2023, 9, null, days(2023, 9, 30)],
    ['2023年上半年', null, 2023, 6, null, days(2023, 6, 30)],
    ['2023.12.31', null, 2023, 12, 31, days(2023, 12, 31)],
    ['2023-12-31', null, 2023, 12, 31, days(2023, 12, 31)],
    ['2023/6/1', null, 2023, 6, 1, days(2023, 6, 1)],
    ['2023-12', null, 2023, 12, null, days(2023, 12, 31)],
    ['2023.12前', '<=', 2023, 12, null, days(2023, 12, 31)],
    ['12月底前', '<=', null, 12, null, null],
    ['12月31日前', '<=', null, 12, 31, null],
    ['十二月底', '<=', null, 12, null, null],
    ['第四季度', null, null, 12, null, null],
    ['第二季度末', null, null, 6, null, null],
    ['年底前', '<=', null, 12, null, null],
    ['年底前完成', '<=', null, 12, null, null],
    ['上半年', null, null, 6, null, null],
  ];
  it.each(cases)('%s', (input, comparator, year, month, day, serial) => {
    const p = parseValue({ value: input });
    expect(p).toMatchObject({ kind: 'date', comparator, year, month, day, serial });
  });

  it('leaves decimals that look like year.month as numbers', () => {
    expect(parseValue({ value: '2023.12' })).toMatchObject({ kind: 'number', value: 2023.12 });
    expect(parseValue({ value: '2023.5万元' })).toMatchObject({ kind: 'number', value: 20235000 });
  });

  it('does not take prose containing a date as a date', () => {
    expect(parseDateText('2023年12月31日前完成全部拆除工作并验收合格')).toBeNull();
    expect(parseValue({ value: '2023年全年执行资金387664.62元' }).kind).toBe('qualitative');
  });
});

describe('date helpers', () => {
  it('serialOf gives the last allowed day', () => {
    expect(serialOf(1970, 1, 1)).toBe(0);
    expect(serialOf(2023, null, null)).toBe(days(2023, 12, 31));
    expect(serialOf(2023, 2, null)).toBe(days(2023, 2, 28));
    expect(serialOf(null, 12, 31)).toBeNull();
  });

  it('partsFromExcelSerial follows the 1900 date system', () => {
    expect(partsFromExcelSerial(25569)).toMatchObject({ year: 1970, month: 1, day: 1, serial: 0 });
    expect(partsFromExcelSerial(61)).toMatchObject({ year: 1900, month: 3, day: 1 });
    expect(partsFromExcelSerial(1)).toMatchObject({ year: 1900, month: 1, day: 1 });
    expect(partsFromExcelSerial(-1)).toBeNull();
  });
});

describe('amounts that look like dotted dates', () => {
  it.each(['1000.00以内', '≤1000.00', '2500.5以上', '1999.13'])('%s is not a date', (text) => {
    expect(parseValue({ value: text }).kind).not.toBe('date');
    expect(parseValue({ value: text }).kind).not.toBe('invalid');
  });
  it('a real dotted date still is one', () => {
    expect(parseValue({ value: '2023.12.31前' })).toMatchObject({ kind: 'date', year: 2023, month: 12, day: 31 });
  });
});
