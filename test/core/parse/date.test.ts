import { isDottedYearMonth } from '../../../src/core/parse/date';
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

  it('reads text that is exactly a dotted year and month as a date, and anything more as a number', () => {
    expect(parseValue({ value: '2023.12' })).toMatchObject({ kind: 'date', year: 2023, month: 12, day: null, serial: days(2023, 12, 31) });
    expect(parseValue({ value: '2024.3' })).toMatchObject({ kind: 'date', year: 2024, month: 3 });
    expect(parseValue({ value: '2023.5万元' })).toMatchObject({ kind: 'number', value: 20235000 });
    expect(parseValue({ value: '2023.13' })).toMatchObject({ kind: 'number', value: 2023.13 });
    expect(parseValue({ value: '1999.12' })).toMatchObject({ kind: 'number', value: 1999.12 });
    expect(parseValue({ value: '2023.123' })).toMatchObject({ kind: 'number' });
    expect(parseValue({ value: '≤2023.12' })).toMatchObject({ kind: 'date', comparator: '<=', year: 2023, month: 12 });
    // A number cell holding 2023.12 stays a number: only the scorer knows the other side is a date (dateOf).
    expect(parseValue({ value: 2023.12 })).toMatchObject({ kind: 'number', value: 2023.12 });
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

describe('dates without a year', () => {
  // [text, year, month, day]: the target's year (or the form's) is supplied when comparing.
  const cases: [string, number | null, number | null][] = [
    ['12月底前', 12, null], ['12月底前完成', 12, null], ['11月', 11, null], ['5月份', 5, null], ['十一月', 11, null],
    ['年底前', 12, null], ['年底前完成', 12, null], ['年末', 12, null], ['年内', 12, null], ['年内完成', 12, null], ['年度内', 12, null],
    ['全年', 12, null], ['本年底前', 12, null], ['当年内', 12, null], ['今年上半年', 6, null],
    ['第四季度', 12, null], ['四季度', 12, null], ['第一季度末', 3, null], ['第3季度', 9, null], ['三季度前完成', 9, null],
    ['上半年', 6, null], ['年中', 6, null], ['下半年', 12, null],
    ['12月上旬', 12, 10], ['12月中旬', 12, 20], ['12月下旬', 12, null], ['12月中下旬', 12, null], ['3月初', 3, 10], ['6月中', 6, 20],
  ];
  it.each(cases)('%s', (input, month, day) => {
    expect(parseValue({ value: input })).toMatchObject({ kind: 'date', year: null, month, day, serial: null });
  });

  it('leaves a bare relative year and words that only mention a period alone', () => {
    expect(parseDateText('当年完成')).toBeNull();
    expect(parseDateText('年初预算')).toBeNull();
    expect(parseDateText('全年服务群众')).toBeNull();
    expect(parseDateText('季度考核')).toBeNull();
    expect(parseDateText('内')).toBeNull();
    expect(parseDateText('底')).toBeNull();
  });
});

describe('years relative to the form', () => {
  it('reads 次年 / 明年 / 上年 only when asked to, with a yearOffset', () => {
    expect(parseDateText('次年3月')).toBeNull();
    expect(parseDateText('次年3月', { relative: true })).toMatchObject({ year: null, month: 3, day: null, serial: null, yearOffset: 1 });
    expect(parseDateText('明年上半年', { relative: true })).toMatchObject({ month: 6, yearOffset: 1 });
    expect(parseDateText('次年底前', { relative: true })).toMatchObject({ month: 12, yearOffset: 1, comparator: '<=' });
    expect(parseDateText('下一年度6月', { relative: true })).toMatchObject({ month: 6, yearOffset: 1 });
    expect(parseDateText('翌年1月10日', { relative: true })).toMatchObject({ month: 1, day: 10, yearOffset: 1 });
    expect(parseDateText('上年12月', { relative: true })).toMatchObject({ month: 12, yearOffset: -1 });
    expect(parseDateText('去年底', { relative: true })).toMatchObject({ month: 12, yearOffset: -1 });
  });
  it('gives no yearOffset for the form year itself', () => {
    expect(parseDateText('本年度12月', { relative: true })).toEqual({ comparator: null, year: null, month: 12, day: null, serial: null });
    expect(parseDateText('今年底前')).toMatchObject({ month: 12, comparator: '<=' });
  });
  it('does not take 上半年 / 下半年 for 上年 / 下年', () => {
    expect(parseDateText('下半年', { relative: true })).not.toHaveProperty('yearOffset');
    expect(parseDateText('上半年', { relative: true })).not.toHaveProperty('yearOffset');
  });
});

describe('dates with 旬 and completion words', () => {
  const cases: [string, number, number | null, string | null][] = [
    ['2023年12月中旬', 12, 20, null],
    ['2023年11月下旬', 11, null, null],
    ['2023年12月上旬前', 12, 10, '<='],
    ['2023年12月中下旬', 12, null, null],
    ['2023年12月初', 12, 10, null],
    ['2024年2月已完成', 2, null, null],
    ['2024年2月份已完成', 2, null, null],
    ['已于2024年2月完成', 2, null, null],
    ['已在2024年2月完成', 2, null, null],
    ['均已于2024年2月完成', 2, null, null],
    ['于2024年2月完成', 2, null, '<='],
    ['2024年2月底完成', 2, null, '<='],
    ['2024年2月完成验收', 2, null, '<='],
    ['于2024年2月竣工验收', 2, null, '<='],
    ['2024年2月建成投用', 2, null, '<='],
    ['2024年2月20日已全部完成', 2, 20, null],
    ['2024年2月。', 2, null, null],
    ['2024.2已完成', 2, null, null],
  ];
  it.each(cases)('%s', (input, month, day, comparator) => {
    const y = input.includes('2024') ? 2024 : 2023;
    const d = parseValue({ value: input });
    expect(d).toMatchObject({ kind: 'date', year: y, month, day, comparator });
    expect((d as { serial: number }).serial).toBe(days(y, month, day ?? new Date(Date.UTC(y, month, 0)).getUTCDate()));
  });
  it.each(['已完成', '完成', '2024年2月完成了拆迁工作', '2024年2月开始筹备', '2024年2月以后'])('%s is not a date', (text) => {
    expect(parseDateText(text)).toBeNull();
  });
  it('rejects an impossible day in a month without a year only past 29 February', () => {
    expect(parseDateText('2月29日')).toMatchObject({ month: 2, day: 29 });
    expect(parseDateText('2月30日')).toBe('bad');
    expect(parseDateText('2023年2月29日')).toBe('bad');
  });
});

describe('isDottedYearMonth', () => {
  it.each(['2023.12', '2024.3', '2023.01', ' 2100.12 '])('%j is a year and month', (t) => expect(isDottedYearMonth(t)).toBe(true));
  it.each(['1999.12', '2101.1', '2023.13', '2023.0', '2023.123', '2023.12前', '2023-12', '12.2023', '2023.12.31'])(
    '%j is not', (t) => expect(isDottedYearMonth(t)).toBe(false),
  );
});
