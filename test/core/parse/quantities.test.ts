/** Quantities inside words, bare multipliers, calendar units, and property tests of the label grammar. */
import fc from 'fast-check';
import {
  convert, foldPercentWords, isBareMultiplier, knownUnit, parseChineseNumeral, parseSplitTarget, parseValue, sameDimension,
  type NumberValue, type ParsedValue,
} from '../../../src/core/parse';

const text = (s: string): ParsedValue => parseValue({ value: s });
const quantities = (s: string): NumberValue[] => {
  const p = text(s);
  return p.kind === 'qualitative' ? p.quantities ?? [] : [];
};
/** The short form of a quantity list: written + unit, comparator, change. */
const brief = (qs: NumberValue[]) => qs.map((q) => [`${q.written}${q.unit?.name ?? ''}`, q.comparator, q.change ?? null]);

describe('qualitative text lists the quantities written inside it', () => {
  const cases: [string, [string, string | null, string | null][]][] = [
    ['完成90%，较上年提高2个百分点', [['90%', null, null], ['2个百分点', '>=', 'increase']]],
    ['完成98%；满意度95%以上', [['98%', null, null], ['95%', '>=', null]]],
    ['培训3期共计500人', [['3期', null, null], ['500人', null, null]]],
    ['完成98%的任务', [['98%', null, null]]],
    ['95%以上的群众满意', [['95%', '>=', null]]],
    ['参加培训1,200人，满意度98%', [['1200人', null, null], ['98%', null, null]]],
    ['于2023年12月完成验收，合格率98%', [['98%', null, null]]],
    ['3天内办结率100%', [['3天', '<=', null], ['100%', null, null]]],
    ['完成90%\n提高2个百分点', [['90%', null, null], ['2个百分点', '>=', 'increase']]],
    ['投诉率较上年下降了2个百分点，处理及时', [['2个百分点', '>=', 'decrease']]],
    ['未达到95%，仅完成90%', [['95%', '>=', null], ['90%', null, null]]],
    ['受疫情影响，完成率仅为85%左右', [['85%', null, null]]],
  ];
  it.each(cases)('%s', (input, expected) => {
    const p = text(input);
    expect(p.kind).toBe('qualitative');
    expect(brief(quantities(input))).toEqual(expected);
  });

  it('gives each quantity as a full number value in its base unit', () => {
    const [done, more] = quantities('完成90%，较上年提高2个百分点');
    expect(done).toEqual({ kind: 'number', raw: '完成90%', comparator: null, direction: null, value: 0.9, written: 90, unit: expect.objectContaining({ name: '%', factor: 0.01 }) });
    expect(more).toMatchObject({ kind: 'number', comparator: '>=', direction: 'forward', value: 0.02, written: 2, softComparator: true, change: 'increase' });
    expect(quantities('投资2000.5万元用于建设')[0]).toMatchObject({ value: 20005000, written: 2000.5, unit: { name: '万元', dimension: 'money' } });
  });

  it('keeps the words tier', () => {
    expect(text('完成90%，较上年提高2个百分点')).toMatchObject({ tier: 'met' });
    expect(text('未达到95%，仅完成90%')).toMatchObject({ tier: 'missed' });
  });

  it.each(['有效', '是', '较上年有所提高', '2023年12月完成验收工作', '第3批次已验收', '符合GB3838-2002标准', 'PM2.5浓度下降', '1.2.3版本已上线'])(
    '%s has no quantities field', (input) => {
      const p = text(input);
      expect(p.kind).toBe('qualitative');
      expect(p).not.toHaveProperty('quantities');
    },
  );

  it('bounds the list on prose full of numbers', () => {
    const prose = Array.from({ length: 60 }, (_, i) => `第${i}项完成${i}个`).join('，');
    expect(quantities(prose).length).toBe(20);
    expect(quantities('1个'.repeat(100) + '的').length).toBe(20);
  });
});

describe('units: bare multipliers and calendar units', () => {
  it('tells a bare multiplier apart and lets it compare with money, counts and other units', () => {
    const wan = knownUnit('万');
    expect(isBareMultiplier(wan)).toBe(true);
    expect(isBareMultiplier(knownUnit('万元'))).toBe(false);
    expect(isBareMultiplier(knownUnit('%'))).toBe(false);
    expect(isBareMultiplier(null)).toBe(false);
    expect(sameDimension(wan, knownUnit('万元'))).toBe(true);
    expect(sameDimension(wan, knownUnit('万人次'))).toBe(true);
    expect(sameDimension(knownUnit('亿'), knownUnit('元'))).toBe(true);
    expect(convert(98, wan, knownUnit('万元'))).toBe(98);
    expect(convert(5.2, wan, knownUnit('人次'))).toBe(52000);
  });

  it('never compares a bare multiplier with percent or time', () => {
    expect(sameDimension(knownUnit('万'), knownUnit('%'))).toBe(false);
    expect(sameDimension(knownUnit('万'), knownUnit('天'))).toBe(false);
    expect(sameDimension(knownUnit('万'), null)).toBe(false);
  });

  it('reads a range with the multiplier on one end only', () => {
    expect(text('1万-2万元')).toMatchObject({ kind: 'range', low: 10000, high: 20000, unit: { name: '万元' } });
  });

  it('makes a year exactly twelve months and four quarters', () => {
    expect(convert(12, knownUnit('个月'), knownUnit('年'))).toBe(1);
    expect(convert(1, knownUnit('年'), knownUnit('个季度'))).toBe(4);
    expect(convert(3, knownUnit('个月'), knownUnit('季度'))).toBe(1);
    expect(convert(30, knownUnit('天'), knownUnit('个月'))).toBe(1);
    expect(text('12个月')).toMatchObject({ value: 360 });
    expect(text('≥1年')).toMatchObject({ value: 360 });
  });

  it('joins a bare multiplier in the value cell with the unit cell of a split target', () => {
    expect(parseSplitTarget({ value: '≥' }, { value: '98万' }, { value: '元' })).toMatchObject({
      kind: 'number', comparator: '>=', value: 980000, written: 98, unit: { name: '万元', dimension: 'money' },
    });
    expect(parseSplitTarget({ value: '≥' }, { value: '5万' }, { value: '人次' })).toMatchObject({ value: 50000, unit: { name: '万人次' } });
  });

  it('rejects unit text that is a phrase', () => {
    expect(text('投资2000.5万元建设').kind).toBe('qualitative');
    expect(text('95%全覆盖').kind).toBe('qualitative');
    expect(text('400个社区')).toMatchObject({ kind: 'number', unit: { name: '个社区', dimension: 'count' } });
    expect(text('95分')).toMatchObject({ kind: 'number', unit: { name: '分' } });
    // Latin unit words stay whole: "m" (米) is not the unit of "5MW".
    expect(text('≥5MW')).toMatchObject({ kind: 'number', comparator: '>=', value: 5, unit: { name: 'MW' } });
    expect(quantities('装机5MW光伏')[0]).toMatchObject({ value: 5, unit: { name: 'MW' } });
    expect(text('500mg')).toMatchObject({ kind: 'number', unit: { name: 'mg' } });
  });
});

describe('spelled-out percents and Chinese decimals', () => {
  it.each([
    ['百分之百', '100%'], ['百分之九十五', '95%'], ['百分之五十点五', '50.5%'], ['百分之98.5以上', '98.5%以上'], ['达到百分之百', '达到100%'],
    ['百分之', '百分之'], ['百分之多少', '百分之多少'],
  ])('%s → %s', (input, expected) => expect(foldPercentWords(input)).toBe(expected));

  it.each([['九十五点五', 95.5], ['点五', 0.5], ['三点一四', 3.14], ['九十五点', null], ['点', null], ['九十五点十', null]])(
    'parseChineseNumeral(%s) → %j', (input, expected) => expect(parseChineseNumeral(input)).toBe(expected),
  );
});

/** Labels clerks put before a value: names of indicators and verbs, no digits, no negation. */
const LABELS = ['', '验收合格率', '受益人数', '培训', '完成率', '确保', '力争', '保持在', '稳定在', '满意度', '实际完成', '已完成', '群众满意度：', '项目覆盖率'];
const VALUES: [string, string | null, number][] = [
  ['95%', null, 0.95], ['≥95%', '>=', 0.95], ['95%以上', '>=', 0.95], ['不低于95%', '>=', 0.95], ['≤5%', '<=', 0.05],
  ['5%以内', '<=', 0.05], ['500人次', null, 500], ['≥500人', '>=', 500], ['1,165.56万元', null, 11655600], ['3个工作日内', '<=', 3],
  ['=100%', '=', 1], ['约50个', null, 50], ['50个左右', null, 50], ['300余人次', null, 300],
];
const ENDINGS = ['', '。', '；', ';', '.', '！', '，'];

describe('label + value + punctuation reads back (property)', () => {
  it('any short label before any value gives that value, comparator and label', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LABELS), fc.constantFrom(...VALUES), fc.constantFrom(...ENDINGS), fc.constantFrom('', ' ', '　'),
        (label, [value, comparator, base], ending, space) => {
          const p = text(`${label}${space}${value}${ending}`);
          return p.kind === 'number' && Math.abs(p.value - base) < 1e-9 && p.comparator === comparator
            && (p.label ?? '') === label.replace(/[：:]$/, '').replace(/^实际完成$/, '实际').replace(/^已完成$/, '已');
        }),
      { numRuns: 1500 },
    );
  });

  it('a negation in the label keeps the text as words, with the quantity listed', () => {
    fc.assert(
      fc.property(fc.constantFrom('未', '不', '没有', '无', '并未'), fc.constantFrom(...LABELS), fc.constantFrom(...VALUES), (neg, label, [value, , base]) => {
        const p = text(`${neg}${label}${value}`);
        return p.kind === 'qualitative' && (p.quantities ?? []).some((q) => Math.abs(q.value - base) < 1e-9);
      }),
      { numRuns: 500 },
    );
  });

  it('clauses joined by punctuation list one quantity per clause, in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...LABELS.filter((l) => l !== '')), fc.constantFrom(...VALUES)), { minLength: 2, maxLength: 5 }),
        fc.constantFrom('，', '；', '。', '、'),
        (parts, sep) => {
          const p = text(parts.map(([l, [v]]) => `${l}${v}`).join(sep));
          const qs = p.kind === 'qualitative' ? p.quantities ?? [] : [];
          return qs.length === parts.length && qs.every((q, i) => Math.abs(q.value - parts[i][1][2]) < 1e-9 && q.comparator === parts[i][1][1]);
        }),
      { numRuns: 500 },
    );
  });

  it('a verb of change before any percent gives a soft forward change', () => {
    fc.assert(
      fc.property(fc.constantFrom('', '较上年', '同比', '比上年'), fc.constantFrom('提高', '增长', '提升', '下降', '降低', '减少'), fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom('%', '个百分点'),
        (base, verb, n, unit) => {
          const p = text(`${base}${verb}${n / 10}${unit}`);
          return p.kind === 'number' && p.comparator === '>=' && p.softComparator === true
            && p.change === (/下降|降低|减少/.test(verb) ? 'decrease' : 'increase') && Math.abs(p.value - n / 1000) < 1e-12;
        }),
      { numRuns: 500 },
    );
  });
});

describe('quantities are well formed (property)', () => {
  const DIRECTION: Record<string, string> = { '>=': 'forward', '>': 'forward', '<=': 'reverse', '<': 'reverse', '=': 'equal' };
  const TOKENS = ['完成', '提高', '下降', '达到', '不', '未', '率', '满意度', '以上', '以内', '余', '多', '万', '%', '个百分点', '人次', '万元', '年',
    '月', '第', '，', '；', '。', ',', '-', '.', ':', '≥', '≤', '=', '1', '9', '12', '2023', '1,200', '0.5', 'GB', 'PM', '一', '百分之', '九十五', '　'];
  const soup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 16 }).map((a) => a.join(''));
  const wellFormed = (q: NumberValue) => q.kind === 'number' && Number.isFinite(q.value) && Number.isFinite(q.written)
    && (q.comparator === null ? q.direction === null : q.direction === DIRECTION[q.comparator])
    && (q.softComparator === undefined || (q.softComparator === true && q.comparator !== null))
    && typeof q.raw === 'string' && q.raw.length > 0;

  it('on token soup and arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(soup, fc.string()), (s) => {
        const p = text(s);
        if (p.kind === 'number') return wellFormed(p);
        if (p.kind !== 'qualitative') return true;
        return p.quantities === undefined || (p.quantities.length > 0 && p.quantities.every(wellFormed));
      }),
      { numRuns: 3000 },
    );
  });
});
