/**
 * The words of the forms, as rules over normalised text (see text.ts norm): header synonyms
 * seen across provinces, total/footer/hint markers, field labels.
 */
import type { FundsColumn } from '../form';
import { memoByString } from '../memo';
import { coreLabel, numberingOf } from './text';

/**
 * Indicator-table header roles; the two target variants are resolved per header (header.ts).
 * 'hierarchy' is a single column holding every level ("绩效指标" over "一、产出指标 / （一）数量指标 /
 * 1.培训人次" lines): a level-3 column whose section lines name the level-1 and level-2 groups.
 */
export type HeaderRole =
  | 'level1' | 'level2' | 'level3' | 'hierarchy' | 'nature' | 'targetUnit' | 'explanation'
  | 'target' | 'targetInitial' | 'targetAdjusted' | 'actual' | 'weight' | 'score';

/**
 * Strips a trailing unit note such as "(分)" or "(%)" from a header, and a note that states points
 * ("得分（10分×执行率）", "分值（10分）"): the role is the head word's, the points are read apart (statedPoints).
 */
function bare(n: string): string {
  return n.replace(UNIT_NOTE_RE, '').replace(POINTS_NOTE_RE, '');
}

const UNIT_NOTE_RE = /\((分|%|万元|元)\)$/;
const POINTS_NOTE_RE = /\([^()]*\d+(?:\.\d+)?分[^()]*\)$/;

/** The points a header or label states ("分值（10分）", "得分（10分×执行率）", "绩效指标（90分）"), or null. */
export function statedPoints(n: string): number | null {
  if (n.length === 0 || n.length > 40) return null;
  const m = /(\d+(?:\.\d+)?)分/.exec(n);
  if (!m) return null;
  const v = Number(m[1]);
  return Number.isFinite(v) && v > 0 && v <= 100 ? v : null;
}

/**
 * Words that, beside a field's own word, say the column is about that field, not the field itself:
 * a coefficient (得分系数, 得分率), a method or standard (评分方法, 计分标准), a note or basis
 * (得分说明, 指标值设定依据), a yes/no flag (是否核心指标), last year's figure (上年实际完成值).
 */
const NEGATIVE_WORD_RE = /系数|方法|办法|说明|依据|标准|是否|计分|规则|公式|来源|口径|上年|去年|历史|率$/;

/** Role names the negative words never touch: the explanation speaks of 说明 by nature, levels name rows. */
function negatable(role: HeaderRole): boolean {
  return role === 'target' || role === 'targetInitial' || role === 'targetAdjusted' || role === 'actual' || role === 'weight' || role === 'score';
}

/** 标准分 is a weight by name; 满分 too. */
const NEGATIVE_EXEMPT_RE = /^(标准分|满分|标准分值)$/;

export interface HeaderClaim {
  /** The field the header's words name, before the negative words are weighed. */
  role: HeaderRole | null;
  /** A negative word found beside the field's word (the column is about the field, not the field), or null. */
  negated: string | null;
  /** A unit note in the header: "分" (points) or "%". */
  unit: '分' | '%' | null;
}

/** What a header cell's words say: the field named, a negative word beside it, a unit note. Memoised. */
export const headerClaim = memoByString((n: string): HeaderClaim => {
  const role = indicatorRoleOf(n);
  const s = bare(n);
  const neg = role && negatable(role) && !NEGATIVE_EXEMPT_RE.test(s) ? NEGATIVE_WORD_RE.exec(s) : null;
  const unit = /\(分\)$/.test(n) ? '分' : /\(%\)$/.test(n) ? '%' : null;
  return { role, negated: neg ? neg[0] : null, unit };
});

// Memoised (with fundsRole): header labels repeat on every form.
/** The field a header names; null for none, or when a negative word says the column is only about it (headerClaim). */
export const indicatorRole = memoByString((n: string): HeaderRole | null => {
  const c = headerClaim(n);
  return c.negated ? null : c.role;
});

/**
 * Header synonyms by meaning. Order matters where words overlap: 未完成原因 is an explanation
 * before 完成 makes it the actual; 得分 is never the weight, 分值 never the score.
 */
function indicatorRoleOf(n: string): HeaderRole | null {
  if (n.length === 0 || n.length > 24) return null;
  const s = bare(n);
  if (/^一级(指标)?$|^一级指标/.test(s)) return 'level1';
  if (/^二级(指标)?$|^二级指标/.test(s)) return 'level2';
  if (/^三级(指标)?$|^三级指标|^指标(名称|内容)$/.test(s)) return 'level3';
  if (HIERARCHY_RE.test(s)) return 'hierarchy';
  // The comparator in a column of its own: 指标性质 (Yunnan, Sichuan), 运算符号 (一体化 exports), 指标方向.
  if (/指标性质|运算符|^(指标|比较|计算|逻辑)?符号$|^(指标)?方向$|^性质$/.test(s)) return 'nature';
  if (/^(度量|计量|指标|计算)?单位$/.test(s)) return 'targetUnit';
  // Before "actual": 未完成原因 contains 完成.
  if (/原因|改进措施|偏差分析|整改措施|偏差说明/.test(s)) return 'explanation';
  if (/调整/.test(s) && TARGET_WORD.test(s)) return 'targetAdjusted';
  if (/年初/.test(s) && TARGET_WORD.test(s)) return 'targetInitial';
  // 实际完成值, 全年实际值, 完成值, (全年/实际)完成情况, 实现值; not a 完成率 worked out from it, never a score.
  if (/实际|完成|实现值|达成值/.test(s) && !/得分|分值|分数|完成率$/.test(s)) return 'actual';
  if (TARGET_WORD.test(s) || /^(年度|预期|绩效)?目标$/.test(s)) return 'target';
  // Before "weight": 得分 never means the weight, 分值 never the score.
  if (/得分|^评分$|^自评分$|^自评分数$|^(自评|评价|考核|复核|实际)(分值|分数)$/.test(s)) return 'score';
  if (/分值|权重|权数|^满分$|^标准分$/.test(s)) return 'weight';
  return null;
}

/** 指标值 / 目标值 and their planned-value kin: what names a target column. */
const TARGET_WORD = /(指标|目标|计划|预期)值/;

/** A single column holding all levels: "绩效指标", "考核指标", "评价指标", "年度绩效指标", "项目绩效目标指标", "绩效指标名称". */
const HIERARCHY_RE = /^(?:年度|项目|部门|单位|整体|支出){0,3}(?:绩效|考核|评价)(?:目标)?指标(?:名称|内容)?$/;

/**
 * Role of a sub-header word under a parent header cell: its own role, or what the two say
 * together ("年初" / "调整后" under "年度指标值" are the initial and the adjusted target).
 */
export function subHeaderRole(sub: string, parent: string): HeaderRole | null {
  const own = indicatorRole(sub);
  if (own || parent === '') return own;
  const both = indicatorRole(parent + sub);
  // The pair may only refine the parent's meaning, never turn two unknown words into a role.
  return both && indicatorRole(parent) ? both : null;
}

/** Cells that may head an indicator table: its level columns, or one column for all levels. */
export const LEVEL_RE = new RegExp(`一级指标|二级指标|三级指标|^指标(名称|内容)$|${HIERARCHY_RE.source}`);

export const fundsRole = memoByString(fundsRoleOf);

function fundsRoleOf(n: string): FundsColumn | null {
  if (n.length === 0 || n.length > 24) return null;
  const s = bare(n);
  // 执行率权重, 执行率得分: the rate's word names what the points are for, the head word the field.
  if (/得分|^评分$/.test(s)) return 'score';
  if (/分值|权重/.test(s)) return 'weight';
  // 支出实现率 (福建): the executed share of the budget.
  if (s.includes('执行率') || /^支出实现率/.test(s)) return 'rate';
  if (/年初/.test(s) && /预算|安排/.test(s)) return 'planned';
  if (/执行数|实际支出|执行金额|实际执行|支出数|^年度拨付金额|^拨付金额/.test(s)) return 'executed';
  if (/预算数|调整后预算|全年预算|预算金额/.test(s)) return 'budgeted';
  return null;
}

export const FUNDS_HINT_RE = /预算数|执行数|执行率|实际支出|预算安排|拨付金额/;

export const SELF_TITLE_RE = /自评表/;
export const BASIC_TITLE_RE = /基础数据表/;

/** "总分", "合计", "总分(100分)", "自评总分". */
const TOTAL_LABEL_RE = /^(总分|合计|总计|总得分|自评总分|综合得分|得分合计|分值合计|合计得分|总分值)/;
export function isTotalLabel(n: string): boolean {
  return n.length <= 16 && startsTotalLabel(n.charCodeAt(0)) && TOTAL_LABEL_RE.test(n);
}

/** First characters of those labels (总合自综得分): a cheap test before the regex (it runs on every cell of every table row). */
function startsTotalLabel(c: number): boolean {
  return c === 0x603b || c === 0x5408 || c === 0x81ea || c === 0x7efc || c === 0x5f97 || c === 0x5206;
}

/**
 * Lines that close a table: signatures, notes. A note heading, or a signing role (…人, …负责人,
 * …领导, 审核, 签字) followed by its colon or bracket ("审核：", "单位负责人（签字）") or alone: an
 * indicator may start with the same words ("经办人员培训人次").
 */
const FOOTER_RE = /^(填表人|填报人|说明|注[:：]|备注|单位负责人|联系电话|填报日期|审核人|负责人|填表说明|填报说明)/;
const FOOTER_SHORT_RE = /^(填表日期|制表人?|经办人|复核人?|审核|审批人?|编制人|主要负责人|财务负责人|分管负责人|部门负责人|项目负责人|(单位|部门|分管|主要)领导|签字|签章|盖章|单位盖章|单位\(盖章\))([:：(]|签字|签章|盖章|$)/;

/** First characters of those lines: a cheap test before the two regexes (it runs on every table row). Keep in step with both. */
const FOOTER_FIRST = '填说注备单联审负制经复编主财分部项签盖';

export function isFooter(n: string): boolean {
  return n.length > 0 && FOOTER_FIRST.includes(n[0]) && (FOOTER_RE.test(n) || FOOTER_SHORT_RE.test(n));
}

/** A group's subtotal line ("小计", "产出指标小计"): not an indicator, never added to the total. */
const SUBTOTAL_RE = /^(小计|分项合计|分类合计|本项合计)|^[\u4e00-\u9fff]{0,8}小计(\(.*\))?$/;

export function isSubtotal(n: string): boolean {
  return n.length <= 20 && SUBTOTAL_RE.test(n);
}

/** A page-break line inside a table ("续表", "（续）", "接上页"). */
const CONTINUED_RE = /^(\(?续表?\)?|续表[\d一二三四五六七八九十]*|接上页|接上表|上接)[:：]?$/;

export function isContinued(n: string): boolean {
  return CONTINUED_RE.test(n);
}

/** Template hints left in an indicator row ("可根据实际增加行", "……"). */
const HINT_RE = /可根据|根据实际|自行|可增加|可增行|请填写|填写说明|^(……|\.\.\.|…)+$|^例[:：]|^如[:：]/;

export function isHint(n: string): boolean {
  return HINT_RE.test(n);
}

/** Rows that start the next part of a form, so a funds block or table above has ended. */
const SECTION_BREAK_RE = /^(年度总体目标|总体目标|年度目标|绩效指标|一级指标|预期目标|实际完成情况)/;

export function isSectionBreak(n: string): boolean {
  return SECTION_BREAK_RE.test(n);
}

export const GRADE_RE = /^(优|良|中|差|优秀|良好|中等|较差|合格|不合格|及格|不及格|较好|一般)$/;

/** Field labels in a form's header; the first matching rule names the field. */
const NOT_FIELD_RE = /自评表|数据表|评价表/;
const UNIT_FIELD_RE = /实施单位|项目(承担)?单位|承担单位|单位名称|部门名称|部门\(单位\)|填报单位|预算单位|预算部门|评价单位|单位\((盖章|公章|签章)\)|主管部门|^单位$/;

export function fieldOf(n: string): 'unit' | 'project' | null {
  if ((n.length > 40 && !n.includes(':')) || NOT_FIELD_RE.test(n)) return null;
  const colon = n.indexOf(':');
  const head = colon < 0 ? n : n.slice(0, colon);
  if (head.includes('项目名称')) return 'project';
  if (UNIT_FIELD_RE.test(head)) return 'unit';
  return null;
}

/** 基础数据表 section titles in the known templates; others are found by shape (basic-data.ts). */
export const SECTION_RE = /^(财政供养人员|经费控制|楼堂馆所|人员控制|三公经费控制)/;

/** Rows after which a 基础数据表 has no more sections. */
export function endsBasicData(n: string): boolean {
  return n.startsWith('厉行节约') || isFooter(n);
}

/** What a table row's label cell says, for the indicator rows (indicators.ts): flags of LABEL_*. */
export const LABEL_FOOTER = 1;
export const LABEL_HINT = 2;
export const LABEL_SUBTOTAL = 4;
export const LABEL_CONTINUED = 8;
/** Names a header column (一级指标, 绩效指标 …): a repeated header row. */
export const LABEL_HEADER = 16;

// Memoised: one lookup instead of a regex per test; labels repeat across rows and forms.
export const labelFlags = memoByString((n: string): number => {
  let f = (isFooter(n) ? LABEL_FOOTER : 0) | (isHint(n) ? LABEL_HINT : 0) | (isSubtotal(n) ? LABEL_SUBTOTAL : 0) | (isContinued(n) ? LABEL_CONTINUED : 0);
  const role = indicatorRole(n);
  if (role === 'level1' || role === 'level2' || role === 'level3' || role === 'hierarchy') f |= LABEL_HEADER;
  return f;
});

/**
 * A section line's heading: its level (1 for "一、产出指标（50分）", 2 for "（一）数量指标") and its
 * name without the numbering, or null when the text does not read as a heading. Numbered lines
 * say their level; an unnumbered line is a heading when it names a group (…指标, or carries its
 * points "(50分)"), level 2 when it is one of the national level-2 names.
 */
export const sectionHeading = memoByString((n: string): { level: 1 | 2; name: string } | null => {
  if (n.length === 0 || n.length > 40) return null;
  const numbered = numberingOf(n);
  if (numbered?.style === 'cn') return { level: 1, name: numbered.rest };
  if (numbered?.style === 'pcn') return { level: 2, name: numbered.rest };
  if (/^\d/.test(n)) return null;
  const bareName = n.replace(/[(（]?\d+(?:\.\d+)?分[)）]?$/, '');
  if (!/指标$/.test(bareName) && bareName === n) return null;
  return { level: LEVEL2_NAME_RE.test(bareName) ? 2 : 1, name: n };
});

/** The national level-2 names (财预〔2020〕10号 framework). */
const LEVEL2_NAME_RE = /^(数量|质量|时效|成本|经济成本|社会成本|生态环境成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度|社会公众满意度)指标$/;

/** What a cell can anchor, for the sheet scan (scan.ts): flags of ANCHOR_*. */
export const ANCHOR_SELF_TITLE = 1;
export const ANCHOR_BASIC_TITLE = 2;
export const ANCHOR_SECTION = 4;
export const ANCHOR_LEVEL = 8;
export const ANCHOR_FUNDS = 16;

/** Titles are short; a paragraph that mentions 自评表 is not one. */
const MAX_TITLE_LENGTH = 60;

/** All anchor tests of one normalised cell in one call (the scan runs it on every text cell). */
// Memoised: the same labels recur on every form of a workbook.
export const anchorFlags = memoByString(anchorFlagsOf);

/**
 * A character every anchor needs (表 of the titles, 级 of 一级指标, 数/率/支 of the funds headers, or
 * a section title's first character): cells without one skip the memo lookup. Keep in step with anchorFlagsOf.
 */
export function mayAnchor(n: string): boolean {
  // "一、财政供养人员情况": the title after its numbering.
  const bare = numberingOf(n)?.rest;
  if (bare && mayAnchor(bare)) return true;
  const first = n.charCodeAt(0);
  // 财 经 楼 人 三: SECTION_RE's first characters; 绩 考 评 年 项 部 单 整: LEVEL_RE's single-column headers.
  if (first === 0x8d22 || first === 0x7ecf || first === 0x697c || first === 0x4eba || first === 0x4e09) return true;
  // 指: 指标名称 / 指标内容, a level-3 column a table may hold alone.
  if (first === 0x7ee9 || first === 0x8003 || first === 0x8bc4 || first === 0x6307) return true;
  if (first === 0x5e74 || first === 0x9879 || first === 0x90e8 || first === 0x5355 || first === 0x6574) return true;
  // 预 拨: FUNDS_HINT_RE's 预算安排 / 拨付金额 headers.
  if (first === 0x9884 || first === 0x62e8) return true;
  for (let i = 0; i < n.length; i++) {
    const c = n.charCodeAt(i);
    // 表 级 数 率 支
    if (c === 0x8868 || c === 0x7ea7 || c === 0x6570 || c === 0x7387 || c === 0x652f) return true;
  }
  return false;
}

function anchorFlagsOf(n: string): number {
  let flags = 0;
  if (n.length <= MAX_TITLE_LENGTH) {
    if (SELF_TITLE_RE.test(n)) flags |= ANCHOR_SELF_TITLE;
    else if (BASIC_TITLE_RE.test(n)) flags |= ANCHOR_BASIC_TITLE;
    if (SECTION_RE.test(n) || SECTION_RE.test(coreLabel(n))) flags |= ANCHOR_SECTION;
  }
  if (LEVEL_RE.test(n)) flags |= ANCHOR_LEVEL;
  if (FUNDS_HINT_RE.test(n)) flags |= ANCHOR_FUNDS;
  return flags;
}

/** A level-1 weight note written in a cell of its own: "45分", "（30分）", "权重10", "分值：20", "50%", a bare 50. */
const WEIGHT_NOTE_RE = /^\(?(?:权重|分值|满分|权数)?[:]?(\d+(?:\.\d+)?)(分|%)?\)?$/;

/** The points a weight note states (normalised text, see text.ts norm), or null when the text is no weight note. */
export function weightNote(n: string): number | null {
  if (n.length === 0 || n.length > 16) return null;
  const m = WEIGHT_NOTE_RE.exec(n);
  if (!m) return null;
  const v = Number(m[1]);
  return Number.isFinite(v) && v <= 100 ? v : null;
}
