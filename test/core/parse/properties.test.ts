/** Property tests: the parser is total, its output well-formed, and written numbers read back. */
import fc from 'fast-check';
import {
  isPlaceholder, parseNumberLoose, parseSplitTarget, parseValue, parseWeightHeading, qualitativeTier, sameQualitative,
  type CellInput, type ParsedValue,
} from '../../../src/core/parse';

const COMPARATORS = ['>=', '>', '<=', '<', '='];
const TIERS = ['met', 'partial', 'missed', null];
const DIRECTION: Record<string, string> = { '>=': 'forward', '>': 'forward', '<=': 'reverse', '<': 'reverse', '=': 'equal' };

/** Every field has the type and range the contract promises. */
function wellFormed(p: ParsedValue): boolean {
  if (typeof p.raw !== 'string') return false;
  switch (p.kind) {
    case 'empty':
      return true;
    case 'invalid':
      return typeof p.reason === 'string' && p.reason.length > 0;
    case 'number':
      return Number.isFinite(p.value) && Number.isFinite(p.written)
        && (p.comparator === null ? p.direction === null : COMPARATORS.includes(p.comparator) && p.direction === DIRECTION[p.comparator])
        && (p.unit === null || (typeof p.unit.name === 'string' && Number.isFinite(p.unit.factor) && p.unit.factor > 0));
    case 'range':
      return Number.isFinite(p.low) && Number.isFinite(p.high) && p.low <= p.high;
    case 'date': {
      const intOrNull = (n: number | null) => n === null || Number.isInteger(n);
      return intOrNull(p.year) && intOrNull(p.month) && intOrNull(p.day) && intOrNull(p.serial)
        && (p.month === null || (p.month >= 1 && p.month <= 12))
        && (p.day === null || (p.day >= 1 && p.day <= 31))
        && (p.serial === null) === (p.year === null)
        && (p.comparator === null || COMPARATORS.includes(p.comparator));
    }
    case 'qualitative':
      return typeof p.text === 'string' && TIERS.includes(p.tier) && typeof p.placeholder === 'boolean';
    default:
      return false;
  }
}

const TOKENS = [
  '0', '1', '9', '12', '100', '1,165.56', '.', ',', '-', '+', '~', '～', '至', '到', '—', '%', '％', '‰', '百分比', 'e', 'E',
  '≥', '≧', '≤', '≦', '═', '＝', '=', '>', '<', '＞', '＜', '不少于', '不低于', '以上', '以内', '以下', '控制在', '达到', '超过', '低于',
  '个', '人次', '万元', '元', '亿元', '天', '个月', '年', '月', '日', '前', '底', '完成', '第四季度', '季度', '年底',
  '是否', '及时', '定性', '好', '差', '未', '一', '两', '十', '百', '万', '(', ')', '（', '）', '/', '#N/A', '#', '　', ' ', '\n',
  '２', '０', '３', '<script>', '"', "'", '\\', '\u0000', '\u200b', '\ud800', '😀',
];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 12 }).map((a) => a.join(''));

const anyText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  tokenSoup,
);

const FORMATS = ['General', '0', '0.00', '0%', '0.00%', '#,##0.00', 'yyyy-mm-dd', 'm/d/yy', '0"个"', '@', '"%"0', '[Red]0.00', ''];
const cellInput: fc.Arbitrary<CellInput> = fc.record(
  {
    value: fc.oneof(anyText, fc.double(), fc.integer(), fc.boolean(), fc.constant(null)),
    text: anyText,
    numberFormat: fc.oneof(fc.constantFrom(...FORMATS), fc.string()),
  },
  { requiredKeys: ['value'] },
);

describe('parseValue is total', () => {
  it('on arbitrary and token-soup strings', () => {
    fc.assert(fc.property(anyText, (s) => wellFormed(parseValue({ value: s }))), { numRuns: 2000 });
  });

  it('on arbitrary cells (numbers, booleans, formats, display text)', () => {
    fc.assert(fc.property(cellInput, (c) => wellFormed(parseValue(c))), { numRuns: 2000 });
  });

  it('on split targets', () => {
    const maybe = fc.option(cellInput, { nil: null });
    fc.assert(fc.property(maybe, maybe, maybe, (a, b, c) => wellFormed(parseSplitTarget(a, b, c))), { numRuns: 1000 });
  });

  it('on helper functions', () => {
    fc.assert(
      fc.property(anyText, anyText, (s, t) => {
        const n = parseNumberLoose(s);
        const w = parseWeightHeading(s);
        return (n === null || Number.isFinite(n)) && (w === null || Number.isFinite(w))
          && TIERS.includes(qualitativeTier(s)) && typeof isPlaceholder(s) === 'boolean' && typeof sameQualitative(s, t) === 'boolean';
      }),
      { numRuns: 1000 },
    );
  });

  it('handles huge and repetitive strings', () => {
    const huge = ['1'.repeat(200000), '1,'.repeat(100000), '≥'.repeat(100000), '9-'.repeat(1000), '1.'.repeat(999), '是否'.repeat(50000),
      '<div>'.repeat(40000), '1'.repeat(1999) + 'x', '9'.repeat(400) + '%'];
    // A hang here (catastrophic backtracking) fails on the test timeout; speed itself is for `npm run bench`.
    for (const s of huge) {
      expect(wellFormed(parseValue({ value: s }))).toBe(true);
      parseNumberLoose(s);
      parseWeightHeading(s);
      qualitativeTier(s);
    }
  });
});

/** Units whose factor the round trip checks; 年/月 are left out because "2023年" is a date. */
const UNITS: [string, number][] = [
  ['', 1], ['%', 0.01], ['％', 0.01], ['‰', 0.001], ['个', 1], ['人次', 1], ['户', 1], ['元', 1], ['万元', 1e4], ['亿元', 1e8],
  ['千元', 1e3], ['天', 1], ['个月', 30], ['小时', 1 / 24], ['平方米', 1], ['公里', 1e3], ['吨', 1e3], ['万人次', 1e4],
];
const PREFIXES: [string, string | null][] = [
  ['', null], ['≥', '>='], ['≧', '>='], ['>=', '>='], ['＞＝', '>='], ['>', '>'], ['＞', '>'], ['≤', '<='], ['≦', '<='], ['<=', '<='],
  ['<', '<'], ['＜', '<'], ['=', '='], ['═', '='], ['＝', '='], ['==', '='], ['不少于', '>='], ['至少', '>='], ['不低于', '>='],
  ['大于等于', '>='], ['达到', '>='], ['超过', '>'], ['高于', '>'], ['不超过', '<='], ['不高于', '<='], ['控制在', '<='],
  ['低于', '<'], ['小于', '<'], ['少于', '<'], ['不大于', '<='],
];
const SUFFIXES: [string, string | null][] = [['', null], ['以上', '>='], ['及以上', '>='], ['以内', '<='], ['以下', '<='], ['左右', null]];

/** A number as a clerk might type it: decimals, thousands separators, full-width digits. */
function typeNumber(n: number, decimals: number, grouped: boolean, fullWidth: boolean): string {
  let s = n.toFixed(decimals);
  if (grouped) {
    const [i, f] = s.split('.');
    s = i.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (f !== undefined ? '.' + f : '');
  }
  return fullWidth ? s.replace(/[0-9.,]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : s;
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe('written values read back', () => {
  it('number + comparator + unit', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom(...UNITS), fc.constantFrom(...PREFIXES),
        fc.constantFrom(...SUFFIXES), fc.boolean(), fc.boolean(), fc.constantFrom('', ' ', '　'),
        (int, decimals, [unit, factor], [prefix, pc], [suffix, sc], grouped, fullWidth, space) => {
          const n = int / 10 ** decimals;
          // A word comparator before a bare negative number reads oddly but must still parse.
          const typed = typeNumber(n, decimals, grouped, fullWidth);
          const text = `${prefix}${space}${typed}${space}${unit}${suffix}`;
          const p = parseValue({ value: text });
          const expectedComparator = pc ?? sc;
          if (p.kind !== 'number') return false;
          return close(p.written, n) && close(p.value, n * factor) && p.comparator === expectedComparator
            && (unit === '' ? p.unit === null : p.unit !== null && close(p.unit.factor, factor));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('ranges keep low <= high in base units', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 1e6 }), fc.constantFrom(...UNITS), fc.constantFrom('-', '~', '～', '至', '到', '—'),
        fc.boolean(),
        (a, b, [unit, factor], sep, unitOnBoth) => {
          const p = parseValue({ value: `${a}${unitOnBoth ? unit : ''}${sep}${b}${unit}` });
          if (p.kind !== 'range') return false;
          return p.low <= p.high && close(p.low, Math.min(a, b) * factor) && close(p.high, Math.max(a, b) * factor);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('%-formatted cells read back as fractions', () => {
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (v) => {
        const p = parseValue({ value: v, numberFormat: '0.00%' });
        return p.kind === 'number' && p.value === v && close(p.written, v * 100) && p.unit?.dimension === 'percent';
      }),
    );
  });

  it('dates read back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }),
        fc.constantFrom('前', '之前', '以前', '前完成', ''), fc.constantFrom('cn', '.', '-', '/'),
        (y, m, d, suffix, style) => {
          const body = style === 'cn' ? `${y}年${m}月${d}日` : [y, m, d].join(style);
          const p = parseValue({ value: body + suffix });
          return p.kind === 'date' && p.year === y && p.month === m && p.day === d
            && p.serial === Date.UTC(y, m - 1, d) / 86400000 && p.comparator === (suffix ? '<=' : null);
        }),
    );
  });
});
