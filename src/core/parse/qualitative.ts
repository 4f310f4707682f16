/** Qualitative words: which tier they say, target placeholders, and "the actual is the target word". */
import { normalizeText, stripTrailingPunctuation } from './normalize';

export type Tier = 'met' | 'partial' | 'missed';

/** Whole-text words: too short to search inside longer text ("中" is in "中学", "无" in "无效"). */
const EXACT: Record<string, Tier> = {
  是: 'met', 有: 'met', 优: 'met', 良: 'met', 好: 'met', 高: 'met', 无: 'met', 零: 'met', 0: 'met', 全部: 'met', 满意: 'met',
  yes: 'met', true: 'met', '√': 'met', '✓': 'met', '100%': 'met', a: 'met',
  中: 'partial', 中等: 'partial', 基本: 'partial', 部分: 'partial', 一般: 'partial', 较低: 'partial', 尚可: 'partial', 合格: 'met',
  否: 'missed', 差: 'missed', 低: 'missed', 未: 'missed', 没有: 'missed', no: 'missed', false: 'missed', '×': 'missed', '✗': 'missed',
};

/** Searched inside text, in this order: good news phrased with a negation first, then misses, partials, hits. */
const MET_DESPITE_NEGATION = ['未发生', '未出现', '无发生', '没有发生', '未发现', '杜绝', '零发生', '零事故', '零投诉', '无投诉', '无事故', '未超', '未超过', '无违规', '无违纪', '无差错', '无延误', '不存在问题'];
const MISSED = [
  '未完成', '未达成', '未达到', '未达标', '未实现', '未到位', '未及时', '未开展', '未落实', '没有完成', '没完成', '不及时', '不到位',
  '无效', '不合格', '不合规', '不达标', '不满意', '较差', '很差', '极差', '差', '滞后', '无法', '未',
];
const PARTIAL = ['部分达成', '部分完成', '部分实现', '基本达成', '基本完成', '基本实现', '基本达到', '基本到位', '基本满意', '基本', '部分', '一般', '中等', '有所', '有待'];
const MET = [
  '已完成', '完成', '达成', '达到', '达标', '实现', '及时', '按时', '按期', '有效', '合格', '合规', '规范', '到位', '优秀', '良好', '较好',
  '很好', '好', '优', '显著', '明显', '提升', '提高', '改善', '优化', '增强', '增加', '促进', '消除', '保障', '满意', '稳定',
  '全覆盖', '覆盖', '准确', '安全', '落实', '正常', '降低', '减少', '无',
];

const RATING = /^(?:[好坏高中低优良差是否有无]|较好|较差|一般|(?:部分|未|基本)?(?:达成|完成|达到)|(?:不)?(?:合格|满意|及时|有效))$/;

/** A target that only names the indicator type ("定性", "是否及时", "优良中低差", "高/中/低"). */
export function isPlaceholder(text: string): boolean {
  const s = stripTrailingPunctuation(normalizeText(text));
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

const NEGATION = /^(?:未|不|没|没有|无|非|否)/;

/** Words after 是否 in a target ("隐患是否消除" → "消除"), or null. */
function askedWord(target: string): { before: string; after: string } | null {
  const i = target.indexOf('是否');
  if (i < 0) return null;
  return { before: target.slice(0, i), after: target.slice(i + 2).replace(/^(?:得到|得以|有|能|已)/, '') };
}

/**
 * True when the actual restates the target ("有效" / "有效", "是否优化" / "优化",
 * "隐患是否消除" / "隐患消除"): the clerk reports the target as reached.
 */
/** Target words without a leading type name ("定性有效" from a joined split target → "有效"). */
function targetWords(target: string): string {
  return stripTrailingPunctuation(normalizeText(target)).replace(/^定性(?:指标)?(?=.)/, '');
}

export function sameQualitative(target: string, actual: string): boolean {
  const t = targetWords(target);
  const a = stripTrailingPunctuation(normalizeText(actual)).replace(/^(?:已|均已|已经|全部)/, '');
  if (!t || !a || NEGATION.test(a)) return false;
  if (a === t) return !isPlaceholder(t);
  const asked = askedWord(t);
  if (!asked || !asked.after) return false;
  return a === asked.after || a === asked.before + asked.after || (a.endsWith(asked.after) && a.length <= asked.after.length + 6);
}

/** Targets asking about something bad ("是否发生安全事故"): "否" / "无" is then the good answer. */
const BAD_EVENT = /事故|投诉|违规|违纪|违法|纠纷|上访|信访|差错|失误|浪费|挪用|截留|闲置|损失|问题|风险事件|舆情/;

/** Ordinal grade scales, best first; the last word is the bottom grade. */
const GRADE_SCALES: readonly string[][] = [
  ['优', '良', '中', '差'],
  ['优秀', '良好', '中等', '差'],
  ['好', '较好', '一般', '差'],
  ['高', '较高', '一般', '低'],
];

/**
 * An actual grade below its target grade on one scale ("优" / "良", "好" / "较好") has not reached
 * the target: partial, or missed at the bottom grade. Null when the words are not on one scale
 * or the actual is at or above the target.
 */
function gradeBelow(target: string, actual: string): Tier | null {
  for (const scale of GRADE_SCALES) {
    const t = scale.indexOf(target);
    const a = scale.indexOf(actual);
    if (t < 0 || a < 0) continue;
    if (a <= t) return null;
    return a === scale.length - 1 ? 'missed' : 'partial';
  }
  return null;
}

/**
 * Tier of an actual read against its qualitative target: the target word itself means met,
 * a lower grade on the target's scale does not, and for "是否发生事故"-type targets 否/无/未发生 means met while 是/发生 means missed.
 */
export function qualitativeOutcome(target: string, actual: string): Tier | null {
  if (sameQualitative(target, actual)) return 'met';
  const t = targetWords(target);
  const a = stripTrailingPunctuation(normalizeText(actual));
  const graded = gradeBelow(t, a);
  if (graded) return graded;
  const asked = askedWord(t);
  if (asked && BAD_EVENT.test(asked.after) && !/消除|整改|解决|化解|处理|处置|杜绝|减少|降低/.test(asked.after)) {
    if (/^(?:否|无|没有|未发生|未出现|零|0)/.test(a)) return 'met';
    if (/^(?:是|有|发生|存在|出现)/.test(a)) return 'missed';
  }
  return qualitativeTier(a);
}
