/** Comparators written as symbols or words, before or after the number. */
import type { Comparator, Direction } from './types';

/** Longest first, so "不低于" wins over "低于" and "大于等于" over "大于". */
const PREFIX_WORDS: [string, Comparator][] = ([
  ['大于或等于', '>='], ['大于等于', '>='], ['不少于', '>='], ['不低于', '>='], ['不小于', '>='],
  ['至少', '>='], ['最少', '>='], ['达到', '>='], ['达', '>='],
  ['超过', '>'], ['高于', '>'], ['大于', '>'], ['多于', '>'],
  ['小于或等于', '<='], ['小于等于', '<='], ['不超过', '<='], ['不高于', '<='], ['不大于', '<='], ['不多于', '<='],
  ['控制在', '<='], ['控制', '<='], ['最多', '<='], ['至多', '<='],
  ['低于', '<'], ['小于', '<'], ['少于', '<'],
  ['等于', '='],
] as [string, Comparator][]).sort((a, b) => b[0].length - a[0].length);

/**
 * Verbs of attainment: as a target "达到95%" bounds like ≥, but in an actual "达到97%" reports what was
 * measured. Their comparator is soft, so the scorer does not flag an actual carrying one.
 */
const SOFT_WORDS = new Set(['达到', '达']);

const SUFFIX_WORDS: [string, Comparator][] = ([
  ['及以上', '>='], ['或以上', '>='], ['以上', '>='],
  ['及以下', '<='], ['或以下', '<='], ['以下', '<='], ['以内', '<='], ['之内', '<='], ['内', '<='],
] as [string, Comparator][]).sort((a, b) => b[0].length - a[0].length);

/** Words that carry no comparison ("约50个", "50个左右", "完成100%"). */
const NEUTRAL_PREFIX = ['大约', '约为', '约', '完成', '实现', '累计', '共计', '合计', '共', '为'];
const NEUTRAL_SUFFIX = ['左右', '上下', '之间', '(含)', '(含本数)', '含', '完成'];

const SYMBOL = /^(>=|<=|>|<|=)/;

export function directionOf(c: Comparator | null): Direction | null {
  if (c === '>=' || c === '>') return 'forward';
  if (c === '<=' || c === '<') return 'reverse';
  return c === '=' ? 'equal' : null;
}

export interface Prefix {
  comparator: Comparator | null;
  /** True when the comparator came only from a verb of attainment (达到, 达). */
  soft: boolean;
  rest: string;
}

/** First characters of every comparator and neutral word stripPrefix reads: where a value after a label can start. */
const PREFIX_STARTS = new Set([...PREFIX_WORDS.map(([w]) => w[0]), ...NEUTRAL_PREFIX.map((w) => w[0]), '>', '<', '=']);

/** True when stripPrefix could read something at this character. */
export function mayStartPrefix(c: string): boolean {
  return PREFIX_STARTS.has(c);
}

/** Strip comparator symbols/words and neutral words from the front of normalised text. */
export function stripPrefix(s: string): Prefix {
  let comparator: Comparator | null = null;
  let soft = false;
  let rest = s;
  for (let round = 0; round < 3; round++) {
    const sym = SYMBOL.exec(rest);
    if (sym) {
      comparator = sym[1] as Comparator;
      soft = false;
      rest = rest.slice(sym[1].length);
      continue;
    }
    const word = PREFIX_WORDS.find(([w]) => rest.startsWith(w));
    if (word) {
      // "控制在" names a limit; a symbol or word already read is more specific.
      if (comparator === null) {
        comparator = word[1];
        soft = SOFT_WORDS.has(word[0]);
      }
      rest = rest.slice(word[0].length);
      continue;
    }
    const neutral = NEUTRAL_PREFIX.find((w) => rest.startsWith(w));
    if (neutral) {
      rest = rest.slice(neutral.length);
      continue;
    }
    break;
  }
  return { comparator, soft, rest };
}

/** A comparator symbol or word ending the text before a number ("合格率>=", "不低于"), for quantities inside sentences. */
export function trailingComparator(before: string): { comparator: Comparator | null; soft: boolean } {
  const sym = /(>=|<=|>|<|=)$/.exec(before);
  if (sym) return { comparator: sym[1] as Comparator, soft: false };
  const word = PREFIX_WORDS.find(([w]) => before.endsWith(w));
  return word ? { comparator: word[1], soft: SOFT_WORDS.has(word[0]) } : { comparator: null, soft: false };
}

/** Verbs of change ending the words before a number: "较上年提高5%" is an increase of 5%, "下降2个百分点" a decrease. */
const CHANGE = /(提高|提升|增长|增加|增幅|涨幅|上升|上涨|降低|下降|减少|缩短|压减|压缩|降幅|减幅)(?:了|达到|达|为)?$/;
const DECREASE = /^(?:降低|下降|减少|缩短|压减|压缩|降幅|减幅)/;

/**
 * The change a label announces, or null. Forward on the size of the change: a bigger increase (or
 * decrease) than the target meets it. "提高到95%" names a level, not a change, and is not matched.
 */
export function changeOf(label: string): 'increase' | 'decrease' | null {
  const m = CHANGE.exec(label);
  if (!m) return null;
  return DECREASE.test(m[1]) ? 'decrease' : 'increase';
}

/** Strip comparator and neutral words from the end ("50个以上" → "50个", '>='). */
export function stripSuffix(s: string): { comparator: Comparator | null; rest: string } {
  let comparator: Comparator | null = null;
  let rest = s;
  for (let round = 0; round < 3; round++) {
    const word = SUFFIX_WORDS.find(([w]) => rest.endsWith(w));
    if (word) {
      comparator = comparator ?? word[1];
      rest = rest.slice(0, -word[0].length);
      continue;
    }
    const neutral = NEUTRAL_SUFFIX.find((w) => rest.endsWith(w));
    if (neutral) {
      rest = rest.slice(0, -neutral.length);
      continue;
    }
    break;
  }
  return { comparator, rest };
}

/** A comparator word right after a quantity inside a sentence ("以上的群众" → '>=', 2 characters). */
export function leadingSuffix(s: string): { comparator: Comparator | null; word: string } {
  const word = SUFFIX_WORDS.find(([w]) => s.startsWith(w));
  return word ? { comparator: word[1], word: word[0] } : { comparator: null, word: '' };
}
