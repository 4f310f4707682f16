/** Units of measure: lookup, conversion and comparability. */
import type { Dimension, Unit } from './types';

type Spec = [dimension: Dimension, factor: number, base: string];

/** Days in a month for conversions; see the 月/季度/年 rows below. */
const MONTH = 30;

const COUNT_WORDS = [
  '个 人 人次 次 户 户次 家 项 件 名 所 份 篇 场 场次 期 批 栋 幢 套 台 台套 辆 条 座 处 间 张 册 本 部 棵 株 头 只 盏 块 宗 笔 起 例 位 支 门 类 种 对 艘 架 床 班 校 村 组 届 轮 单 节 课时 学时 个次 人日 项次 批次 家次 张次 期次 课 堂 首 幅 集 档 片 网点 公顷次',
  // Pages, doses, fish and birds released, words, volumes, packages, trips, containers: counted things in 数量指标.
  '页 尾 羽 剂 剂次 针 针次 字 卷 盒 瓶 袋 箱 罐 桶 车次 辆次 架次 艘次 航次 班次 趟 趟次 台次 标准箱 册次 份次 件次 片次 枚 颗 粒 根 扇 床位 学位 岗位 个人次',
].join(' ').split(' ');

const LISTED: Record<string, Spec> = {
  元: ['money', 1, '元'], 千元: ['money', 1e3, '元'], 万元: ['money', 1e4, '元'],
  十万元: ['money', 1e5, '元'], 百万元: ['money', 1e6, '元'], 千万元: ['money', 1e7, '元'], 亿元: ['money', 1e8, '元'],
  '%': ['percent', 0.01, '%'], '‰': ['percent', 0.001, '%'], 个百分点: ['percent', 0.01, '%'], 百分点: ['percent', 0.01, '%'],
  天: ['time', 1, '天'], 日: ['time', 1, '天'], 个工作日: ['time', 1, '天'], 工作日: ['time', 1, '天'],
  小时: ['time', 1 / 24, '天'], 个小时: ['time', 1 / 24, '天'], 分钟: ['time', 1 / 1440, '天'],
  周: ['time', 7, '天'], 个周: ['time', 7, '天'], 星期: ['time', 7, '天'], 个星期: ['time', 7, '天'],
  // Months, quarters and years count in 30-day months so that 12个月 = 4个季度 = 1年 exactly
  // (a clerk writes "12个月" for a "≥1年" target); 365天 then reads as a little over a year.
  月: ['time', MONTH, '天'], 个月: ['time', MONTH, '天'], 季度: ['time', 3 * MONTH, '天'], 个季度: ['time', 3 * MONTH, '天'],
  年: ['time', 12 * MONTH, '天'],
  平方米: ['area', 1, '平方米'], m2: ['area', 1, '平方米'], 'm²': ['area', 1, '平方米'], 平米: ['area', 1, '平方米'],
  平方公里: ['area', 1e6, '平方米'], km2: ['area', 1e6, '平方米'], 'km²': ['area', 1e6, '平方米'],
  亩: ['area', 10000 / 15, '平方米'], 公顷: ['area', 1e4, '平方米'],
  米: ['other', 1, '米'], m: ['other', 1, '米'], 延米: ['other', 1, '米'], 千米: ['other', 1e3, '米'],
  公里: ['other', 1e3, '米'], km: ['other', 1e3, '米'], 厘米: ['other', 0.01, '米'], cm: ['other', 0.01, '米'],
  毫米: ['other', 0.001, '米'], mm: ['other', 0.001, '米'],
  吨: ['other', 1e3, '千克'], t: ['other', 1e3, '千克'], 千克: ['other', 1, '千克'], 公斤: ['other', 1, '千克'],
  kg: ['other', 1, '千克'], 斤: ['other', 0.5, '千克'], 克: ['other', 0.001, '千克'], g: ['other', 0.001, '千克'],
  立方米: ['other', 1, '立方米'], m3: ['other', 1, '立方米'], 'm³': ['other', 1, '立方米'], 方: ['other', 1, '立方米'],
  // Power and energy ("万千瓦" takes the 万 in front like any unit; "MW", "kW" stay words of their own).
  瓦: ['other', 1, '瓦'], 千瓦: ['other', 1e3, '瓦'], 兆瓦: ['other', 1e6, '瓦'],
  千瓦时: ['other', 1, '千瓦时'], 兆瓦时: ['other', 1e3, '千瓦时'],
};
// A Map, so text like "constructor" never hits an Object prototype member.
const TABLE = new Map<string, Spec>(Object.entries(LISTED));
for (const w of COUNT_WORDS) TABLE.set(w, ['count', 1, '个']);

/** Multipliers written in front of a unit ("万人次", "亿元" is in the table already); longer ones first. */
const MULTIPLIERS: [string, number][] = [
  ['百万', 1e6], ['千万', 1e7], ['十万', 1e5], ['万', 1e4], ['亿', 1e8], ['千', 1e3], ['百', 1e2], ['十', 10],
];

/** "人·次", "人•次": a dot between the parts of a compound unit changes nothing. */
const UNIT_DOT = /(?<=\p{L})[·•・‧･](?=\p{L})/gu;

export const PERCENT: Unit = { name: '%', dimension: 'percent', factor: 0.01, base: '%' };

/**
 * A multiplier written with no unit after it ("98万", "5.2万", "3亿") is read as
 * `{ name: '万', dimension: 'other', factor: 10000, base: '' }`: the value is the written number times
 * the multiplier (98万 → 980000) and the empty base says "whatever the other side counts". Clerks drop
 * the 元 or 人次 of a "≥100万元" / "≥5万人次" target, so a bare multiplier converts to any money,
 * count, area or 'other' unit by its base value (98万 against 100万元: 980000 元 against 1000000 元),
 * never to percent or time. Scorers tell one apart with isBareMultiplier.
 */
export function isBareMultiplier(unit: Unit | null | undefined): boolean {
  return !!unit && unit.base === '' && unit.dimension === 'other';
}

function make(name: string, [dimension, factor, base]: Spec): Unit {
  return { name, dimension, factor, base };
}

/** A unit exactly as listed, or with a multiplier in front ("万人次" → 10000 × 人次). */
export function knownUnit(name: string): Unit | null {
  const key = name.toLowerCase().replace(UNIT_DOT, '');
  const spec = TABLE.get(key);
  if (spec) return make(name, spec);
  for (const [prefix, mult] of MULTIPLIERS) {
    if (key.length > prefix.length && key.startsWith(prefix)) {
      const base = TABLE.get(key.slice(prefix.length));
      if (base && base[0] !== 'percent' && base[0] !== 'time') return make(name, [base[0], base[1] * mult, base[2]]);
    }
  }
  const bare = MULTIPLIERS.find(([p]) => p === key);
  return bare ? { name, dimension: 'other', factor: bare[1], base: '' } : null;
}

const NOT_A_UNIT = /[\d,，。;；:：、!！?？"“”'‘’<>=#@&|{}[\]%‰]/;

/** Words that make unit text a phrase ("%以上的群众满意", "人以上"): comparators, particles. */
const PHRASE_WORD = /以上|以下|以内|之内|左右|的|了|和|及|或/;

/**
 * Unit text after a number ("人次", "万元", "个社区"); null when it reads like a sentence.
 * Unknown short words keep their name with dimension 'other' (base = the name).
 */
export function parseUnitText(text: string): Unit | null {
  return unitText(text.replace(/^[(（]([^()（）]*)[)）]$/, '$1'), true);
}

/** parseUnitText on a bare name; `scale` reads a multiplier in front of an unlisted word (once: never "万" + "百姓"). */
function unitText(name: string, scale: boolean): Unit | null {
  if (name === '') return null;
  const known = knownUnit(name);
  if (known) return known;
  if (name.length > 8 || NOT_A_UNIT.test(name) || PHRASE_WORD.test(name)) return null;
  const scaled = scale ? scaledWord(name) : undefined;
  if (scaled !== undefined) return scaled;
  // "个社区", "人（次）": a counting word followed by a short noun is still a count.
  // "万元建设", "天完成": another listed unit followed by Chinese words is a phrase, not a unit ("MW", "mg" are units).
  if (!/[/每]/.test(name)) {
    for (let i = Math.min(4, name.length - 1); i >= 1; i--) {
      const unit = knownUnit(name.slice(0, i));
      if (!unit) continue;
      if (unit.dimension === 'count' && unit.factor === 1 && name.length - i <= 4) return make(name, ['count', 1, '个']);
      if (/\p{Script=Han}/u.test(name.slice(i))) return null;
    }
  }
  return { name, dimension: 'other', factor: 1, base: name };
}

/** Longest unlisted word a multiplier may stand before ("万车公里"); longer words after "20万" are a phrase ("20万建设资金"). */
const MAX_SCALED_WORD = 3;

/** A unit word after a multiplier: letters (a dot inside, "人·次"), nothing else. */
const SCALED_WORD = /^\p{L}[\p{L}·•・‧･]*$/u;

/**
 * A multiplier and a unit word after it ("万页", "万尾", "万千瓦", "万册图书", "万车公里"): the word's unit
 * times the multiplier, its base the word's base (the word itself when unlisted), so "20万页" compares with
 * "180000页" and "18万页". A listed unit (or a count word and a short noun) takes any multiplier; an unlisted
 * word only 万 and above, and only a short one that does not itself start with a multiplier ("5百姓", "5万百姓",
 * "20万建设资金" stay words). Null for a phrase ("万元建设"); undefined when this rule does not apply.
 */
function scaledWord(name: string): Unit | null | undefined {
  const multiplier = MULTIPLIERS.find(([p]) => name.length > p.length && name.startsWith(p));
  if (!multiplier) return undefined;
  const word = name.slice(multiplier[0].length);
  if (!SCALED_WORD.test(word)) return undefined;
  const unit = unitText(word, false);
  if (!unit) return null;
  const listed = unit.base !== unit.name || knownUnit(word) !== null;
  if (!listed && (multiplier[1] < 1e4 || word.length > MAX_SCALED_WORD || MULTIPLIERS.some(([p]) => word.startsWith(p)))) return undefined;
  return scaleUnit(name, multiplier[1], unit);
}

/**
 * `unit` with a multiplier in front ("万" × 页 → 万页, factor 10000, base 个), named `name`; null for percent
 * and time, which never take one. A bare multiplier times another stays bare ("万" × "万" → 1e8, base '').
 */
export function scaleUnit(name: string, multiplier: number, unit: Unit): Unit | null {
  if (!takesMultiplier(unit) || !(multiplier > 0)) return null;
  const factor = unit.factor * multiplier;
  if (!Number.isFinite(factor) || factor <= 0) return null;
  return { name, dimension: unit.dimension, factor, base: unit.base ?? unit.name };
}

/** Percent and time never come as "98万": a bare multiplier converts to every other dimension. */
export function takesMultiplier(u: Unit): boolean {
  return u.dimension !== 'percent' && u.dimension !== 'time';
}

function baseOf(u: Unit): string {
  return u.base ?? (u.dimension === 'other' ? u.name : u.dimension);
}

/** True when amounts in `a` and `b` can be compared after conversion (both null counts as the same). */
export function sameDimension(a: Unit | null, b: Unit | null): boolean {
  if (!a || !b) return a === b;
  // "98万" against 万元 or 万人次: the clerk dropped the unit after the multiplier.
  if (isBareMultiplier(a) || isBareMultiplier(b)) return takesMultiplier(a) && takesMultiplier(b);
  if (a.dimension !== b.dimension) return false;
  // Every listed time and area unit converts; 'other' units (米, 千克, unknown words) only within their base.
  if (a.dimension !== 'other') return true;
  return baseOf(a) === baseOf(b);
}

/** 1/factor when it is a whole number (%, ‰, 小时), so conversions divide or multiply exactly. */
function wholeInverse(factor: number): number | null {
  if (factor >= 1) return null;
  const inverse = Math.round(1 / factor);
  return Math.abs(inverse * factor - 1) < 1e-12 ? inverse : null;
}

/** Written amount → base amount (97 % → 0.97 exactly). */
export function toBase(written: number, unit: Unit | null): number {
  if (!unit || unit.factor === 1) return written;
  const inverse = wholeInverse(unit.factor);
  return clean(inverse ? written / inverse : written * unit.factor);
}

/** Drop binary noise from scaling (38.77 万元 → 387700, not 387699.99999999994). */
function clean(n: number): number {
  return Number.isFinite(n) ? Number(n.toPrecision(15)) : n;
}

/** Base amount → amount written in `unit` (0.97 → 97 %). */
export function fromBase(base: number, unit: Unit | null): number {
  if (!unit || unit.factor === 1) return base;
  const inverse = wholeInverse(unit.factor);
  return clean(inverse ? base * inverse : base / unit.factor);
}

/** Amount written in `from` expressed in `to` ("2 万元" in 元 → 20000); null when they do not convert. */
export function convert(written: number, from: Unit | null, to: Unit | null): number | null {
  if (!sameDimension(from, to)) return null;
  return fromBase(toBase(written, from), to);
}
