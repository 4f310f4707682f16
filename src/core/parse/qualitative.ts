/** Qualitative words: which tier they say, target placeholders, and "the actual is the target word". */
import { normalizeText, stripTrailingPunctuation } from './normalize';
import { memoByString } from '../memo';

export type Tier = 'met' | 'partial' | 'missed';

/** Whole-text words: too short to search inside longer text ("中" is in "中学", "无" in "无效"). */
const EXACT: Record<string, Tier> = {
  是: 'met', 有: 'met', 优: 'met', 良: 'met', 好: 'met', 高: 'met', 无: 'met', 零: 'met', 0: 'met', 全部: 'met', 满意: 'met',
  yes: 'met', true: 'met', '√': 'met', '✓': 'met', '100%': 'met', a: 'met',
  中: 'partial', 中等: 'partial', 基本: 'partial', 部分: 'partial', 一般: 'partial', 较低: 'partial', 尚可: 'partial', 合格: 'met',
  否: 'missed', 差: 'missed', 低: 'missed', 未: 'missed', 没有: 'missed', no: 'missed', false: 'missed', '×': 'missed', '✗': 'missed',
};

/** Searched inside text, in this order: good news phrased with a negation first, then misses, partials, hits. */
const MET_DESPITE_NEGATION = [
  '未发生', '未出现', '无发生', '没有发生', '未发现', '杜绝', '零发生', '零事故', '零投诉', '无投诉', '无事故', '未超', '未超过', '不超过', '无违规',
  '无违纪', '无差错', '无延误', '不存在问题',
];
const MISSED = [
  '未完成', '未达成', '未达到', '未达标', '未实现', '未到位', '未及时', '未开展', '未落实', '没有完成', '没完成', '不及时', '不到位',
  '无效', '不合格', '不合规', '不达标', '不满意', '较差', '很差', '极差', '差', '滞后', '无法', '未',
  '不明显', '不显著', '不理想', '不佳', '不完善', '不规范', '不稳定', '不准确', '不充分', '不畅',
];
const PARTIAL = ['不够', '不足', '部分达成', '部分完成', '部分实现', '基本达成', '基本完成', '基本实现', '基本达到', '基本到位', '基本满意', '基本', '部分', '一般', '中等', '有所', '有待'];
const MET = [
  '已完成', '完成', '达成', '达到', '达标', '实现', '及时', '按时', '按期', '有效', '合格', '合规', '规范', '到位', '优秀', '良好', '较好',
  '很好', '好', '优', '显著', '明显', '提升', '提高', '改善', '优化', '增强', '增加', '促进', '消除', '保障', '满意', '稳定',
  '全覆盖', '覆盖', '准确', '安全', '落实', '正常', '降低', '减少', '无',
];

const RATING = /^(?:[好坏高中低优良差是否有无]|较好|较差|一般|(?:部分|未|基本)?(?:达成|完成|达到)|(?:不)?(?:合格|满意|及时|有效))$/;

/**
 * Words saying there is no figure (yet): "暂无", "暂无数据", "无数据", "未统计", "待统计", "统计中", "不详".
 * Not an achievement and not a miss: the value is missing. "无" alone is an answer ("无重大安全事故" / "无"),
 * and so is "暂未开展" (nothing was done): neither is matched.
 */
const NO_DATA = new RegExp(`^(?:${[
  '(?:暂|尚|还|目前)?(?:无|没有|缺少?|未取得|未获得|未获取)(?:相关|有效)?(?:统计)?(?:数据|资料|数值|结果|信息|测评结果|调查结果|统计结果|统计)',
  '(?:暂|尚)(?:无|缺)|还没有',
  '(?:暂未|尚未|还未|未|待|正在|尚在)(?:统计|测算|测评|评价|评估|核算|核实|核定|确认|调查|公布|出具|开展测评|开展调查|取得数据)(?:数据|结果)?',
  '(?:统计|测算|核算|调查|评估|测评)中',
  '数据(?:暂缺|缺失|待统计|未出|未公布|待定|不详)',
  '待定|不详|未知|不明',
  '无法(?:统计|获取|计算|提供|取得|测算)(?:数据)?',
  'n/?a',
].join('|')})$`, 'i');

/** True for words saying there is no figure (yet) ("暂无", "暂无数据", "未统计", "待统计"): the value is missing. */
export function isNoData(text: string): boolean {
  return NO_DATA.test(stripTrailingPunctuation(normalizeText(text)));
}

/**
 * A cell that holds no value: a target that only names the indicator type ("定性", "是否及时",
 * "优良中低差", "高/中/低"), or words saying there is no figure yet ("暂无数据", "待统计": isNoData).
 */
export function isPlaceholder(text: string): boolean {
  const s = stripTrailingPunctuation(normalizeText(text));
  if (NO_DATA.test(s)) return true;
  if (/^(?:定性|定量)(?:指标)?$/.test(s)) return true;
  if (s.includes('是否') || /^有无|有没有/.test(s)) return true;
  if (/^(?:优良中低差|优良中差|优良差|好中差|高中低|好坏|是否|有无)$/.test(s)) return true;
  // "好/坏", "高/中/低", "达成/部分达成/未达成": rating words separated by slashes ("元/人" is a unit).
  const parts = s.split(/[/、]/);
  return parts.length >= 2 && parts.length <= 6 && parts.every((p) => RATING.test(p));
}

/** What qualitative text says about achievement; null for placeholders and unclassified text. */
export function qualitativeTier(text: string): Tier | null {
  const s = stripTrailingPunctuation(normalizeText(text)).toLowerCase();
  if (s === '' || isPlaceholder(s)) return null;
  if (Object.prototype.hasOwnProperty.call(EXACT, s)) return EXACT[s];
  if (MET_DESPITE_NEGATION.some((w) => s.includes(w))) return 'met';
  if (MISSED.some((w) => s.includes(w))) return 'missed';
  if (PARTIAL.some((w) => s.includes(w))) return 'partial';
  if (MET.some((w) => s.includes(w))) return 'met';
  return null;
}

/** A leading negation ("未优化", "不及时", "无效"); "不断", "不停", "非常" are not one. */
const NEGATION = /^(?:未|不(?![断停懈])|没|无|非(?!常)|否)/;

/** Words before a contained actual that turn the target against it ("无重大安全事故" / "安全事故", "不发生" / "发生"). */
const NEGATING_CONTEXT = /[不未无没非否零]|杜绝|避免|防止|严禁|禁止|减少|降低|控制|低于|超过|以内/;

/** Comparisons that say nothing about the amount ("较上年有所提高" ≈ "有所提高"). */
const REFERENCE = /较上一?年度?|较去年|较往年|较同期|较以前|较过去|较之前|比上一?年度?|比去年|同比|环比|与上一?年相比|相比上一?年|与去年相比/g;

/** Words after 是否 in a target ("隐患是否消除" → "消除"), or null. */
function askedWord(target: string): { before: string; after: string } | null {
  const i = target.indexOf('是否');
  if (i < 0) return null;
  return { before: target.slice(0, i), after: target.slice(i + 2).replace(/^(?:得到|得以|有|能|已)/, '') };
}

/** Target words without a leading type name ("定性有效" from a joined split target → "有效"). */
function targetWords(target: string): string {
  return stripTrailingPunctuation(normalizeText(target)).replace(/^定性(?:指标)?(?=.)/, '');
}

/**
 * True when the actual's words stand inside the target's ("较上年有所提高" / "有所提高", "持续发挥" / "发挥",
 * "一般及以上" / "一般") and nothing before them in the target negates them ("无重大安全事故" / "安全事故").
 */
function containedIn(t: string, a: string): boolean {
  if (a.length < 2 || !t.includes(a) || t.includes('是否') || isPlaceholder(t)) return false;
  if (NEGATION.test(a) || qualitativeTier(a) === 'missed' || a.replace(REFERENCE, '') === '') return false;
  const before = t.slice(0, t.indexOf(a)).replace(/不[断停懈]/g, '');
  return !NEGATING_CONTEXT.test(before);
}

/**
 * True when the actual restates the target: the same words (always, even "不断完善" / "不断完善"), the
 * target's words without the question ("是否优化" / "优化", "隐患是否消除" / "隐患消除"), or part of the
 * target's words ("较上年有所提高" / "有所提高"): the clerk reports the target as reached.
 */
export function sameQualitative(target: string, actual: string): boolean {
  const t = targetWords(target);
  const full = stripTrailingPunctuation(normalizeText(actual));
  if (!t || !full) return false;
  if (full === t) return !isPlaceholder(t);
  const a = full.replace(/^(?:已|均已|已经|全部)/, '');
  if (!a || NEGATION.test(a)) return false;
  if (a === t) return !isPlaceholder(t);
  if (containedIn(t, a)) return true;
  const asked = askedWord(t);
  if (!asked || !asked.after) return false;
  return a === asked.after || a === asked.before + asked.after || (a.endsWith(asked.after) && a.length <= asked.after.length + 6);
}

/** Targets asking about something bad ("是否发生安全事故"): "否" / "无" is then the good answer. */
const BAD_EVENT = /事故|投诉|违规|违纪|违法|纠纷|上访|信访|差错|失误|浪费|挪用|截留|闲置|损失|问题|风险事件|舆情/;

/** Targets ruling something bad out ("无重大安全事故", "杜绝安全事故", "安全事故零发生"). */
const RULES_OUT = /^(?:无|零|杜绝|未发生|不发生|没有|避免|防止|严禁)|零发生|为零|为0$|零容忍/;
/** Actuals saying the bad thing happened ("发生1起", "出现安全事故", "有2起投诉"). */
const HAPPENED = /^(?:发生|出现|存在|有(?![所效序力]))|(?:^|[^\d.])[1-9]\d*(?:起|次|件|例|宗)/;

/** A number alone, maybe with a count unit or %: "0", "1起", "98%". */
const COUNT = /^(\d+(?:\.\d+)?)(起|次|件|例|宗|个|%)?$/;

/** Ordinal grade scales, best first; the last word is the bottom grade. */
const GRADE_SCALES: readonly string[][] = [
  ['优', '良', '中', '差'],
  ['优秀', '良好', '中等', '差'],
  ['好', '较好', '一般', '差'],
  ['高', '较高', '一般', '低'],
  ['显著', '较显著', '一般', '不显著'],
  ['明显', '较明显', '一般', '不明显'],
];

/**
 * An actual grade below its target grade on one scale ("优" / "良", "好" / "较好", "显著" / "较为显著") has not
 * reached the target: partial, or missed at the bottom grade. Null when the words are not on one scale
 * or the actual is at or above the target. Other words with 较 ("科学" / "较科学") are the clerk's call.
 */
function gradeBelow(target: string, actual: string): Tier | null {
  const grade = (w: string) => w.replace(/^(?:较为|比较)(?=显著|明显|好|高)/, '较');
  const tw = grade(target);
  const aw = grade(actual);
  for (const scale of GRADE_SCALES) {
    const t = scale.indexOf(tw);
    const a = scale.indexOf(aw);
    if (t < 0 || a < 0) continue;
    if (a <= t) return null;
    return a === scale.length - 1 ? 'missed' : 'partial';
  }
  return null;
}

/** Words that grade how much something changed: 3 strong, 2 fair, 1 weak; 0 says nothing about the amount. */
const MODIFIERS: readonly [string, number][] = [
  ['较为显著', 2], ['较为明显', 2], ['比较显著', 2], ['比较明显', 2], ['较大幅度', 2], ['较显著', 2], ['较明显', 2], ['较大', 2], ['较快', 2],
  ['大幅度', 3], ['大幅', 3], ['显著', 3], ['明显', 3], ['大大', 3], ['极大', 3], ['全面', 3], ['根本', 3], ['充分', 3], ['很大', 3], ['大力', 3],
  ['一定程度上', 1], ['一定程度', 1], ['有所', 1], ['略有', 1], ['稍有', 1], ['小幅', 1], ['初步', 1], ['一定', 1], ['略微', 1], ['稍微', 1], ['些许', 1],
  ['进一步', 0], ['逐步', 0], ['逐年', 0], ['逐渐', 0], ['持续', 0], ['不断', 0], ['稳步', 0], ['继续', 0], ['有效', 0], ['切实', 0], ['积极', 0],
  ['日益', 0], ['得到', 0], ['得以', 0], ['均有', 0], ['都有', 0], ['不同程度', 0], ['实现', 0],
];
const MODIFIER_RE = new RegExp(MODIFIERS.map(([w]) => w).join('|'), 'g');
const STRENGTH = new Map(MODIFIERS);

/** Change verbs: a direction (up / down) or a plain improvement; synonyms share a key. */
const VERBS: readonly [string, string][] = [
  ...['提高', '提升', '增加', '增长', '上升', '增强', '扩大', '加强', '增多', '升高', '上涨', '加快'].map((w): [string, string] => [w, 'up']),
  ...['降低', '下降', '减少', '下滑', '减弱', '缩小', '回落', '缩减', '压缩', '压减', '减低', '下跌', '削弱', '放缓', '减慢', '缩短'].map((w): [string, string] => [w, 'down']),
  ...['改善', '好转', '改进'].map((w): [string, string] => [w, 'better']),
  ...['完善', '健全', '优化', '规范', '强化', '巩固', '发挥', '推进', '普及', '落实', '保障', '美化', '净化'].map((w): [string, string] => [w, w]),
];
const VERB_RE = new RegExp(VERBS.map(([w]) => w).join('|'), 'g');
const VERB_KEY = new Map(VERBS);
const OPPOSITE: Record<string, string> = { up: 'down', down: 'up' };
/** Actuals saying nothing changed: against a change target, not reached. */
const UNCHANGED = /^(?:与上年|同比|基本)?(?:持平|不变|保持不变|无变化|没有变化|未变化|无明显变化|变化不大)$/;

interface Change {
  /** Key of the last change verb, or null. */
  key: string | null;
  /** Strongest amount word, or null when none grades the amount. */
  strength: number | null;
  /** What changed: the words before the first modifier or verb ("满意度"), without comparisons. */
  subject: string;
  /** Words left after comparisons, modifiers and the verb are taken out. */
  rest: string;
}

function change(text: string): Change {
  const s = text.replace(REFERENCE, '');
  let key: string | null = null;
  let strength: number | null = null;
  let first = -1;
  let rest = s;
  for (const m of s.matchAll(MODIFIER_RE)) {
    const w = STRENGTH.get(m[0]) ?? 0;
    if (w > 0) strength = Math.max(strength ?? 0, w);
    if (first < 0) first = m.index ?? 0;
    rest = rest.replace(m[0], '');
  }
  for (const m of s.matchAll(VERB_RE)) {
    key = VERB_KEY.get(m[0]) ?? null;
    if (first < 0 || (m.index ?? 0) < first) first = m.index ?? 0;
    rest = rest.replace(m[0], '');
  }
  return { key, strength, subject: first > 0 ? s.slice(0, first) : '', rest };
}

/** Same subject, or the actual names none ("下降" for "满意度提高"). */
const sameSubject = (t: Change, a: Change) => a.subject === '' || t.subject.includes(a.subject) || a.subject.includes(t.subject);

/**
 * Targets that say how something should change ("有所提高", "明显改善", "显著"): the opposite change is not
 * reached ("提高" / "下降"), nor is no change ("提高" / "持平"); the same change is reached unless the target
 * asks for more than the actual reports ("明显改善" / "有所改善", "显著" / "较显著" → partial).
 */
function changeOutcome(t: string, a: string): Tier | null {
  const tc = change(t);
  if (tc.key === null && tc.strength === null) return null;
  if ((tc.key === 'up' || tc.key === 'down') && UNCHANGED.test(a)) return 'missed';
  if (NEGATION.test(a) || qualitativeTier(a) === 'missed') return null;
  const ac = change(a);
  if (!sameSubject(tc, ac)) return null;
  if (tc.key !== null && ac.key !== null) {
    if (OPPOSITE[tc.key] === ac.key) return 'missed';
    if (tc.key !== ac.key) return null;
  } else if (tc.key !== null || ac.key !== null || tc.rest !== '' || ac.rest !== '') {
    // Amount words alone ("显著" / "较显著") compare only with amount words alone.
    return null;
  }
  if (ac.strength === null) {
    // "较完善" for "完善": a grade below, or not? The clerk's call.
    if (tc.key === null || /^(?:较|比较)/.test(a.replace(REFERENCE, ''))) return null;
    // No amount in the actual: its own words decide between met and partial ("落实" / "基本落实").
    return qualitativeTier(a) === 'partial' ? 'partial' : 'met';
  }
  return tc.strength !== null && tc.strength >= 2 && ac.strength < tc.strength ? 'partial' : 'met';
}

/** Targets asking for everything ("全覆盖", "全部完成"): a percentage actual reaches them at 100%. */
const ALL_OF_IT = /全覆盖|全部覆盖|全面覆盖|100%覆盖|覆盖率100%|全员覆盖|全部完成|全部到位|全部达标/;

function shareOutcome(t: string, a: string): Tier | null {
  if (!ALL_OF_IT.test(t)) return null;
  const m = /^(?:覆盖率|完成率|达标率|已?覆盖|已?完成|达到)?(\d+(?:\.\d+)?)%$/.exec(a);
  if (!m) return null;
  const p = Number(m[1]);
  return p >= 100 ? 'met' : p > 0 ? 'partial' : 'missed';
}

/**
 * Tier of an actual read against its qualitative target: the target's words themselves (or part of them)
 * mean met; a lower grade on the target's scale, or a weaker amount ("明显改善" / "有所改善"), is partial;
 * the opposite change ("提高" / "下降") is missed; "100%" meets "全覆盖"; for "是否发生事故"-type
 * targets 否/无/未发生 means met while 是/发生 means missed, and "发生1起" misses "无重大安全事故".
 * Null for no-data words ("暂无", "未统计": isNoData) and words that say nothing about the target.
 */
const YES_NO: Record<string, 'yes' | 'no' | undefined> = { 是: 'yes', 有: 'yes', 否: 'no', 无: 'no', 没有: 'no' };

const PAIR = '\u0000';
const outcomeCached = memoByString((pair: string): Tier | null => {
  const at = pair.indexOf(PAIR);
  return outcomeOf(pair.slice(0, at), pair.slice(at + 1));
});

export function qualitativeOutcome(target: string, actual: string): Tier | null {
  // Memoised on the pair: the same target and answer recur on every copy of a form (the separator is no text's).
  return target.includes(PAIR) ? outcomeOf(target, actual) : outcomeCached(target + PAIR + actual);
}

function outcomeOf(target: string, actual: string): Tier | null {
  const a = stripTrailingPunctuation(normalizeText(actual));
  if (NO_DATA.test(a)) return null;
  if (sameQualitative(target, actual)) return 'met';
  const t = targetWords(target);
  // A target that is only 是 or 否 (有/无), answered with the other word, is missed ("否" | "是" for 是否存在违规行为).
  if (YES_NO[t] && YES_NO[a] && YES_NO[t] !== YES_NO[a]) return 'missed';
  const graded = gradeBelow(t, a);
  if (graded) return graded;
  const asked = askedWord(t);
  const askedBad = !!asked && BAD_EVENT.test(asked.after) && !/消除|整改|解决|化解|处理|处置|杜绝|减少|降低/.test(asked.after);
  const ruledOut = !asked && RULES_OUT.test(t) && (BAD_EVENT.test(t) || /零发生|发生率|发生数/.test(t));
  // A bare count ("0", "1起") answers only a target about bad events: none is met, any is missed.
  const count = COUNT.exec(a);
  if (count) return askedBad || ruledOut ? (Number(count[1]) === 0 ? 'met' : 'missed') : shareOutcome(t, a) ?? (a === '100%' ? 'met' : null);
  if (askedBad) {
    if (/^(?:否|无|没有|未发生|未出现|零|0)/.test(a)) return 'met';
    if (/^(?:是|有|发生|存在|出现)/.test(a)) return 'missed';
  }
  if (ruledOut && !/^(?:无|未|没有|零|0|否)/.test(a) && HAPPENED.test(a)) return 'missed';
  return changeOutcome(t, a) ?? shareOutcome(t, a) ?? qualitativeTier(a);
}
