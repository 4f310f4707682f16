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

/** Strip comparator symbols/words and neutral words from the front of normalised text. */
export function stripPrefix(s: string): { comparator: Comparator | null; rest: string } {
  let comparator: Comparator | null = null;
  let rest = s;
  for (let round = 0; round < 3; round++) {
    const sym = SYMBOL.exec(rest);
    if (sym) {
      comparator = sym[1] as Comparator;
      rest = rest.slice(sym[1].length);
      continue;
    }
    const word = PREFIX_WORDS.find(([w]) => rest.startsWith(w));
    if (word) {
      // "控制在" names a limit; a symbol or word already read is more specific.
      comparator = comparator ?? word[1];
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
  return { comparator, rest };
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
