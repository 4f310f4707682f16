/** compareDates and dateOf: how a completion date stands against its deadline, with years left out on either side. */
import { compareDates, dateOf, type DateParts } from '../../../src/core/parse/date';
import { parseValue, type ParsedValue } from '../../../src/core/parse';

const text = (s: string): ParsedValue => parseValue({ value: s });
const date = (s: string): DateParts => {
  const d = dateOf(text(s));
  if (!d) throw new Error(`not a date: ${s}`);
  return d;
};
const order = (t: string, a: string, formYear: number | null = null) => compareDates(date(t), date(a), formYear);

describe('compareDates', () => {
  const onTime: [string, string][] = [
    // Both with a year.
    ['2023年12月底前', '2023年11月'], ['2023年12月31日前', '2023年12月31日'], ['2023年12月底前', '2023年12月中旬'],
    ['2023年12月底前', '2023年11月下旬'], ['2023年12月底前', '2023.12'], ['2023年12月底前', '2023.11.20'], ['2023.12', '2023.11'],
    ['2023年第四季度', '2023年11月'], ['2023年', '2023年12月'], ['2023年12月底前', '已于2023年11月完成'],
    // The target without a year: the actual's year, or one year for both.
    ['12月底前', '11月'], ['12月底前', '12月'], ['12月底前完成', '2023年12月'], ['年底前', '12月'], ['年内', '2023年10月'],
    ['第四季度', '11月'], ['四季度', '10月下旬'], ['上半年', '5月'], ['上半年', '6月'], ['第二季度末', '4月'], ['全年', '全年'],
    ['年底前', '第四季度'], ['12月20日前', '12月中旬'], ['12月上旬', '12月10日'], ['3月底前', '3月初'],
    // The actual without a year takes the target's.
    ['2023年12月底前', '12月'], ['2023年6月底前', '上半年'],
  ];
  it.each(onTime)('%s / %s → on time', (t, a) => expect(order(t, a)).toBe('on-time'));

  const late: [string, string][] = [
    ['2023年12月底前', '2024年3月'], ['2023年12月底前', '2024年2月已完成'], ['2023年12月底前', '已于2024年2月完成'],
    ['2023年12月底前', '于2024年2月完成'], ['2023年12月底前', '2024年2月底完成'], ['2023.12', '2024.3'], ['2023年10月', '2023年11月'],
    ['12月底前', '次年3月'], ['2023年12月底前', '次年3月'], ['年底前', '次年1月'], ['第四季度', '次年1月上旬'],
    ['上半年', '7月'], ['上半年', '下半年'], ['第三季度', '10月'], ['12月20日前', '12月'], ['12月10日前', '12月中旬'], ['6月上旬', '6月中旬'],
  ];
  it.each(late)('%s / %s → late', (t, a) => expect(order(t, a)).toBe('late'));

  it('uses the form year when it is given', () => {
    expect(order('12月底前', '2024年3月', 2023)).toBe('late');
    expect(order('12月底前', '2023年3月', 2023)).toBe('on-time');
    // Without it both sides are taken to be in the same year.
    expect(order('12月底前', '2024年3月')).toBe('on-time');
    expect(order('次年6月底前', '2024年5月', 2023)).toBe('on-time');
    expect(order('次年6月底前', '2024年7月', 2023)).toBe('late');
  });

  it('reads 上年 as a year before', () => {
    expect(order('2023年12月底前', '上年12月')).toBe('on-time');
    expect(order('1月底前', '上年12月')).toBe('on-time');
  });

  it('gives null when a side has neither year nor month', () => {
    const bare: DateParts = { comparator: null, year: null, month: null, day: null, serial: null };
    expect(compareDates(bare, date('12月'))).toBeNull();
    expect(compareDates(date('12月'), bare)).toBeNull();
  });

  it('takes the last day a month allows, in leap years too', () => {
    expect(order('2024年2月底前', '2024年2月29日')).toBe('on-time');
    expect(order('2月底前', '2月29日')).toBe('on-time');
    expect(order('2023年2月28日前', '2023年2月')).toBe('on-time');
    expect(order('2024年2月28日前', '2024年2月')).toBe('late');
  });
});

describe('dateOf', () => {
  it('returns a date as it is', () => {
    const d = text('2023年12月底前');
    expect(dateOf(d)).toBe(d);
  });
  it('reads a number cell that is a dotted year and month', () => {
    expect(dateOf(parseValue({ value: 2023.12 }))).toMatchObject({ year: 2023, month: 12, day: null });
    expect(dateOf(parseValue({ value: 2024.3 }))).toMatchObject({ year: 2024, month: 3 });
    expect(dateOf(parseValue({ value: 2023.13 }))).toBeNull();
    expect(dateOf(parseValue({ value: 1500 }))).toBeNull();
    expect(dateOf(text('2023.12万元'))).toBeNull();
    expect(dateOf(parseValue({ value: 2023.12, numberFormat: '0.00"万元"', text: '2023.12万元' }))).toBeNull();
  });
  it('reads words that are a date in a year relative to the form', () => {
    expect(dateOf(text('次年3月'))).toMatchObject({ month: 3, yearOffset: 1 });
    expect(dateOf(text('次年上半年'))).toMatchObject({ month: 6, yearOffset: 1 });
  });
  it('returns null for everything else', () => {
    for (const s of ['已完成', '是', '', '#N/A', '3-5天', '当年完成']) expect(dateOf(text(s))).toBeNull();
  });
});
