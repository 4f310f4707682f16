/**
 * Second layout sweep: a multiplier before a unit the table did not list (D1),
 * dates in Chinese numerals with 〇/零 (D12), Excel's text prefix typed into the cell (D11).
 */
import fc from 'fast-check';
import {
  comparableValues, convert, knownUnit, parseDateText, parseNumberLoose, parseSplitTarget, parseUnitText, parseValue,
  sameDimension, stripTextPrefix, type NumberValue, type ParsedValue,
} from '../../../src/core/parse';
import { compareDates, dateOf } from '../../../src/core/parse/date';

const text = (s: string): ParsedValue => parseValue({ value: s });
const num = (s: string): NumberValue => {
  const p = text(s);
  if (p.kind !== 'number') throw new Error(`${s} read as ${p.kind}`);
  return p;
};

describe('D1: a multiplier before a count or unit word', () => {
  it.each([
    ['≥20万页', '>=', 20, 2e5, '万页'],
    ['18万页', null, 18, 1.8e5, '万页'],
    ['≥30万剂次', '>=', 30, 3e5, '万剂次'],
    ['27万剂', null, 27, 2.7e5, '万剂'],
    ['≥50万尾', '>=', 50, 5e5, '万尾'],
    ['不少于2万羽', '>=', 2, 2e4, '万羽'],
    ['5万字以上', '>=', 5, 5e4, '万字'],
    ['3万卷', null, 3, 3e4, '万卷'],
    ['≥1.2万盒', '>=', 1.2, 1.2e4, '万盒'],
    ['1万瓶', null, 1, 1e4, '万瓶'],
    ['2万袋', null, 2, 2e4, '万袋'],
    ['≥5万车次', '>=', 5, 5e4, '万车次'],
    ['10万标准箱', null, 10, 1e5, '万标准箱'],
    ['3万人·次', null, 3, 3e4, '万人·次'],
    ['≥500尾', '>=', 500, 500, '尾'],
    ['二十万页', null, 200000, 2e5, '页'],
    ['5千册', null, 5, 5e3, '千册'],
    ['1.5亿尾', null, 1.5, 1.5e8, '亿尾'],
  ])('%s', (input, comparator, written, value, unit) => {
    const p = num(input);
    expect(p).toMatchObject({ comparator, written, unit: { name: unit, dimension: 'count', base: '个' } });
    expect(p.value).toBeCloseTo(value, 6);
  });

  it('reads power in 瓦 with its multipliers', () => {
    expect(num('≥500千瓦')).toMatchObject({ value: 5e5, unit: { name: '千瓦', dimension: 'other', base: '瓦' } });
    expect(num('2万千瓦')).toMatchObject({ value: 2e7, unit: { name: '万千瓦', factor: 1e7, base: '瓦' } });
    expect(convert(2, knownUnit('万千瓦'), knownUnit('兆瓦'))).toBe(20);
    expect(num('3万千瓦时')).toMatchObject({ value: 3e4, unit: { base: '千瓦时' } });
    expect(sameDimension(knownUnit('千瓦'), knownUnit('千瓦时'))).toBe(false);
  });

  it('compares a multiplied amount with the same unit written out or multiplied', () => {
    expect(comparableValues(num('≥20万页'), num('180000页'))).toEqual({ target: 20, actual: 18, unitAssumed: false });
    expect(comparableValues(num('≥20万页'), num('18万页'))).toEqual({ target: 20, actual: 18, unitAssumed: false });
    expect(comparableValues(num('≥50万尾'), num('45万尾'))).toEqual({ target: 50, actual: 45, unitAssumed: false });
    expect(comparableValues(num('≥3万人·次'), num('31000人次'))).toEqual({ target: 3, actual: 3.1, unitAssumed: false });
  });

  it('gives an unlisted word after 万 / 亿 the word itself as its base', () => {
    const wan = num('≥20万车公里');
    expect(wan).toMatchObject({ value: 2e5, written: 20, unit: { name: '万车公里', dimension: 'other', factor: 1e4, base: '车公里' } });
    const plain = num('180000车公里');
    expect(plain.unit).toMatchObject({ name: '车公里', factor: 1, base: '车公里' });
    expect(comparableValues(wan, plain)).toEqual({ target: 20, actual: 18, unitAssumed: false });
    expect(parseUnitText('万kWh')).toMatchObject({ factor: 1e4, base: 'kWh' });
    // Different words never compare.
    expect(sameDimension(wan.unit, num('18万人').unit)).toBe(false);
    expect(sameDimension(num('20万页').unit, num('20万元').unit)).toBe(false);
    expect(sameDimension(num('20万页').unit, num('20%').unit)).toBe(false);
  });

  it('joins a multiplier in the value cell with any unit cell of a split target', () => {
    expect(parseSplitTarget({ value: '≥' }, { value: '50万' }, { value: '尾' })).toMatchObject({
      kind: 'number', comparator: '>=', value: 5e5, written: 50, unit: { name: '万尾', dimension: 'count' },
    });
    expect(parseSplitTarget({ value: '≥' }, { value: '20万' }, { value: '车公里' })).toMatchObject({
      value: 2e5, unit: { name: '万车公里', factor: 1e4, base: '车公里' },
    });
    // A multiplier repeated in the unit cell is not squared.
    expect(parseSplitTarget({ value: '≥' }, { value: '98万' }, { value: '万' })).toMatchObject({ value: 980000 });
    expect(parseSplitTarget({ value: '≥' }, { value: '98万' }, { value: '%' })).toMatchObject({ kind: 'invalid', reason: 'unit-mismatch' });
  });

  it('finds multiplied counts inside sentences', () => {
    const p = text('印刷20万页宣传资料发放到户，放流鱼苗50万尾');
    expect(p.kind).toBe('qualitative');
    const qs = p.kind === 'qualitative' ? p.quantities ?? [] : [];
    expect(qs.map((q) => [q.value, q.unit?.name, q.unit?.dimension])).toEqual([[2e5, '万页', 'count'], [5e5, '万尾', 'count']]);
  });

  it.each([
    '完成投资20万建设资金', // a long word after 20万: a phrase
    '投资2000.5万元建设', // a listed unit followed by words
    '惠及5万百姓', // the word starts with a multiplier
    '3千卡', // only 万 and above take an unlisted word
    '20万以上的群众满意',
    '一字不差',
    '十分满意',
    '5万天',
  ])('%s stays words', (input) => {
    expect(text(input).kind).toBe('qualitative');
  });

  it('never multiplies percent or time', () => {
    expect(parseUnitText('万天')).toBeNull();
    expect(parseUnitText('万%')).toBeNull();
    expect(knownUnit('万个月')).toBeNull();
  });

  /** Unit words: listed ones, and unlisted ones that do not start with a multiplier. */
  const WORDS = ['页', '尾', '羽', '剂', '剂次', '字', '卷', '盒', '瓶', '袋', '车次', '标准箱', '人·次', '人', '户', '株', '吨', '米', '亩', '鸭', '鹅', '苗木', '枝', '簇', '公顷', '立方米', '台次', '艘', 'kWh', '车公里'];

  it('reads N万<word> as N × 10000 <word>, comparable with the word unmultiplied (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 6 }), fc.integer({ min: 0, max: 2 }), fc.constantFrom(...WORDS),
        fc.constantFrom<[string, number]>(['万', 1e4], ['亿', 1e8], ['十万', 1e5], ['百万', 1e6]), fc.constantFrom('', '≥', '不少于'),
        (int, decimals, word, [prefix, factor], comparator) => {
          const n = int / 10 ** decimals;
          const plain = text(`${n}${word}`);
          const scaled = text(`${comparator}${n}${prefix}${word}`);
          if (plain.kind !== 'number' || !plain.unit || scaled.kind !== 'number' || !scaled.unit) return false;
          const same = comparableValues(scaled, { ...plain, written: plain.written * factor, value: plain.value * factor });
          return Math.abs(scaled.value - plain.value * factor) <= 1e-6 * Math.abs(scaled.value)
            && scaled.written === n && sameDimension(scaled.unit, plain.unit)
            && same !== null && Math.abs(same.actual - same.target) <= 1e-9 * Math.max(1, same.target);
        }),
      { numRuns: 1000 },
    );
  });
});

/** 1–31 in Chinese numerals: 十, 十二, 二十, 三十一. */
function cn(n: number): string {
  const d = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
  if (n < 10) return d[n];
  return `${n >= 20 ? d[Math.floor(n / 10)] : ''}十${d[n % 10]}`;
}

/** A year digit by digit, zero written `zero` ("二〇二三"). */
function cnYear(y: number, zero: string): string {
  return [...String(y)].map((c) => (c === '0' ? zero : cn(Number(c)))).join('');
}

describe('D12: dates in Chinese numerals', () => {
  const same = (a: string, b: string) => {
    const p = text(a);
    const q = text(b);
    expect(p.kind).toBe('date');
    expect({ ...p, raw: '' }).toEqual({ ...q, raw: '' });
  };

  it.each([
    ['二〇二三年十二月底前', '2023年12月底前'],
    ['二〇二四年二月完成', '2024年2月完成'],
    ['二零二三年十二月', '2023年12月'],
    ['十二月底前', '12月底前'],
    ['二○二三年十二月三十一日前', '2023年12月31日前'],
    ['二0二三年十月', '2023年10月'],
    ['已于二〇二四年二月完成', '已于2024年2月完成'],
    ['二〇二三年底前', '2023年底前'],
    ['二〇二三年度', '2023年度'],
    ['二〇二三年第四季度完成', '2023年第四季度完成'],
    ['一九九九年十二月', '1999年12月'],
    ['完工时间二〇二三年十二月底前', '完工时间2023年12月底前'],
  ])('%s reads as %s', same);

  it('reads back any date written in Chinese numerals (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }),
        fc.constantFrom('〇', '零', '○'), fc.constantFrom('', '前', '底前', '完成', '之前完成'), fc.boolean(),
        (y, m, d, zero, suffix, withDay) => {
          const digits = text(`${y}年${m}月${withDay ? `${d}日` : ''}${withDay && suffix.startsWith('底') ? '' : suffix}`);
          const chinese = text(`${cnYear(y, zero)}年${cn(m)}月${withDay ? `${cn(d)}日` : ''}${withDay && suffix.startsWith('底') ? '' : suffix}`);
          return chinese.kind === 'date' && digits.kind === 'date' && chinese.year === y && chinese.month === m
            && chinese.day === digits.day && chinese.serial === digits.serial && chinese.comparator === digits.comparator;
        }),
      { numRuns: 1000 },
    );
  });

  it('orders a late completion after a 〇 deadline', () => {
    const target = dateOf(text('二〇二三年十二月底前'));
    const late = dateOf(text('2024年2月完成'));
    const onTime = dateOf(text('二〇二三年十一月完成'));
    expect(target && late && compareDates(target, late)).toBe('late');
    expect(target && onTime && compareDates(target, onTime)).toBe('on-time');
  });

  it.each([
    ['二〇二三年十三月', 'invalid'], // an impossible month, like 2023年13月
    ['二〇二三年二月三十日', 'invalid'],
    ['一二三四年', 'qualitative'], // not a plausible year: words
    ['二〇二三', 'qualitative'], // no 年
    ['三二〇二年', 'qualitative'],
  ])('%s is %s', (input, kind) => {
    expect(text(input).kind).toBe(kind);
  });

  it('keeps digit dates and relative years as before', () => {
    expect(parseDateText('2023年12月31日前')).toMatchObject({ year: 2023, month: 12, day: 31, comparator: '<=' });
    expect(parseDateText('次年三月')).toBeNull();
    expect(parseDateText('次年三月', { relative: true })).toMatchObject({ year: null, month: 3, yearOffset: 1 });
  });
});

describe("D11: Excel's text prefix typed into the cell", () => {
  it.each([
    ["'1140.48", '1140.48'], ["'20", '20'], ["'98%", '98%'], ['‘98%', '98%'], ['’≥95%', '≥95%'], ['＇20', '20'],
    ["' 20", '20'], ["  '-5  ", '-5'], ["'500人次", '500人次'], ["'2023年12月底前", '2023年12月底前'], ["'是", '是'],
  ])('%s reads as %s', (input, plain) => {
    expect(text(input)).toEqual(text(plain));
  });

  it('parseNumberLoose reads the number, sign included', () => {
    expect(parseNumberLoose("'1140.48")).toBe(1140.48);
    expect(parseNumberLoose("'20")).toBe(20);
    expect(parseNumberLoose("'-5")).toBe(-5);
    expect(parseNumberLoose('‘-3.5')).toBe(-3.5);
    expect(parseNumberLoose("'1,200.50")).toBe(1200.5);
  });

  it.each(["''20", '‘是’', "a'20", "20'", "'", '‘20’'])('%s keeps its apostrophes', (input) => {
    expect(stripTextPrefix(input)).toBe(input);
    expect(text(input).kind).not.toBe('number');
  });

  it('a quotation or doubled apostrophe is not a prefix: no sign read through it', () => {
    expect(parseNumberLoose("''-5")).toBe(5);
  });

  it('strips the prefix from the nature and unit cells of a split target', () => {
    expect(parseSplitTarget({ value: "'≥" }, { value: "'98" }, { value: "'%" })).toMatchObject({
      kind: 'number', comparator: '>=', value: 0.98, written: 98, unit: { name: '%' },
    });
  });

  it('reads any text with one leading apostrophe as the text without it (property)', () => {
    const noQuote = fc.string().filter((s) => s.trim() !== '' && !/['＇‘’]/.test(s));
    fc.assert(
      fc.property(noQuote, fc.constantFrom("'", '‘', '’', '＇'), (s, q) => {
        const a = text(`${q}${s}`);
        const b = text(s);
        return JSON.stringify({ ...a, raw: '' }) === JSON.stringify({ ...b, raw: '' }) && parseNumberLoose(`${q}${s}`) === parseNumberLoose(s);
      }),
      { numRuns: 1000 },
    );
  });
});
