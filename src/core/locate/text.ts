/**
 * The text foldings of the engine, one name each (the parsers' own value folding is parse/normalize):
 * - norm: the matching key of a label, widths folded and every space dropped ("年度预\n算申请（万元）" → "年度预算申请(万元)");
 * - withoutSpaces: the text with its spaces dropped, widths kept (names compared as the form writes them);
 * - cleanLabel: a label as shown to people, trimmed, line breaks inside words removed;
 * - coreLabel: a row label without its numbering, "其中：" and spaces; stripQizhong: without "其中：" only;
 * - headingName: a level-1 heading as a group's name, its points dropped ("产出指标\n(40分)" → "产出指标");
 * - bareHeading: a level-1 heading in an indicator's path, its bracketed points note and spaces dropped.
 */
import { parseNumberLoose } from '../parse';
import { foldWidth } from '../parse/normalize';
import { memoByString } from '../memo';

/**
 * Matching key of a label: widths folded, every kind of whitespace (line breaks, \u3000,
 * NBSP, zero-width) dropped. "年度预\n算申请\n（万元）" → "年度预算申请(万元)".
 */
export function norm(s: string): string {
  if (s === '') return s; // most cells of a sheet
  // Long texts are paragraphs, never labels: cut them so matching stays linear.
  const t = s.length > 300 ? s.slice(0, 300) : s;
  return normCached(t);
}

/**
 * Whether a UTF-16 code unit matches /\s/ (ECMAScript WhiteSpace and LineTerminator).
 * By code, not a regex: it runs on every character of every label, and a RegExp call costs more than the loop.
 */
export function isSpaceCode(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  if (c > 0x3000) return c === 0xfeff; // Chinese text: one comparison
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** s contains a /\s/ character (see isSpaceCode). */
export function hasSpace(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // Printable ASCII and Chinese text hold no space: skipped without the call (this runs on every character of every label).
    if ((c > 0x20 && c < 0xa0) || (c > 0x3000 && c < 0xfeff)) continue;
    if (isSpaceCode(c)) return true;
  }
  return false;
}

/** s.trim() === '' without the trimmed copy (trim drops exactly the /\s/ characters). */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c > 0x20 && c < 0xa0) || (c > 0x3000 && c < 0xfeff) || !isSpaceCode(c)) return false;
  }
  return true;
}

/**
 * Whether norm rewrites anything in t: full-width ASCII (U+FF01–FF5E), whitespace or a zero-width
 * character (U+200B–200D, U+2060, U+FEFF); a label without one is its own key.
 */
function needsNorm(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0xa0 && c > 0x20) continue; // printable ASCII: the digits of every number's text
    if (c > 0x3000 && c < 0xfeff) continue; // Chinese characters and punctuation
    if (isSpaceCode(c) || (c >= 0xff01 && c <= 0xff5e) || (c >= 0x200b && c <= 0x200d) || c === 0x2060) return true;
  }
  return false;
}

// Memoised: headers and level names repeat on every form of a workbook.
const normCached = memoByString((t: string) => (needsNorm(t) ? foldWidth(t).replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '') : t));

const ANY_SPACE_RUNS = /[\s\u3000]+/g;

/** The text with every space dropped (\s and the ideographic space), widths kept. */
export function withoutSpaces(s: string | null | undefined): string {
  const t = s ?? '';
  return t === '' ? t : spacesDropped(t);
}

// Memoised, the space test included: the checks ask for the same labels and headings many times per form,
// and a lookup costs less than the test's loop in code not yet optimised.
const spacesDropped = memoByString((t: string) => (hasSpace(t) ? t.replace(ANY_SPACE_RUNS, '') : t));

const ASCII_WORD = /[A-Za-z0-9%.]/;
// Module constants, not literals in the functions: a literal is a new RegExp object per call.
const EDGE_SPACES = /^[\s\u3000]+|[\s\u3000]+$/g;
const SPACE_RUNS = /[\s\u3000]+/g;

/**
 * A label as shown to people: trimmed, line breaks inside Chinese words removed
 * ("经济效\n益指标" → "经济效益指标"), other whitespace runs collapsed to one space.
 */
export function cleanLabel(s: string): string {
  return s === '' ? s : cleanLabelCached(s);
}

// Memoised, the space test included: a form's labels are cleaned by the locator, the review and the checks
// alike. Without a space there is nothing to trim or collapse (\s covers \u3000).
const cleanLabelCached = memoByString((s: string) => (hasSpace(s) ? cleanSpaces(s) : s));

function cleanSpaces(s: string): string {
  const t = s.replace(EDGE_SPACES, '');
  return t.replace(SPACE_RUNS, (_m, off: number, str: string) => {
    const prev = str[off - 1] ?? '';
    const next = str[off + _m.length] ?? '';
    return ASCII_WORD.test(prev) && ASCII_WORD.test(next) ? ' ' : '';
  });
}

/** Display width: full-width and CJK characters count 2, others 1. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) <= 0xff ? 1 : 2;
  return w;
}

const QIZHONG = /^其中\s*[:：]\s*/;

/**
 * Indentation of a row label in half-width columns: leading spaces count 1, full-width
 * spaces 2, and a leading "其中：" adds its own width, because the items listed under it
 * are aligned with the text after the colon ("其中：公车购置" and "      公车运行维护"
 * are siblings).
 */
export function indentOf(raw: string): number {
  let w = 0;
  let i = 0;
  for (; i < raw.length && i < 200; i++) {
    const ch = raw[i];
    if (ch === '\u3000') w += 2;
    else if (ch === ' ' || ch === '\t' || ch === '\u00a0') w += 1;
    else break;
  }
  if (!raw.startsWith('其中', i)) return w;
  const m = QIZHONG.exec(raw.slice(i));
  return m ? w + width(m[0]) : w;
}

/** Drops a leading "其中：" and surrounding spaces. */
export function stripQizhong(s: string): string {
  return s.replace(/^[\s\u3000]*其中[\s\u3000]*[:：][\s\u3000]*/, '');
}

/**
 * A split written as text, "名称：金额": "  其中：  一般公共预算：2673.41" →
 * { name: "一般公共预算", amount: 2673.41 }; "纳入专户管理的非税收入拨款：" → amount null.
 * Shared result: do not mutate.
 */
export const nameAndAmount = memoByString(nameAndAmountOf);

function nameAndAmountOf(raw: string): { name: string; amount: number | null } {
  const s = stripQizhong(raw.length > 300 ? raw.slice(0, 300) : raw);
  const folded = foldWidth(s);
  const colon = folded.lastIndexOf(':');
  if (colon >= 0) {
    const tail = folded.slice(colon + 1).replace(/[\s\u3000]+/g, '');
    const amount = /^[-+]?[\d,]*\.?\d+(万元|亿元|元)?$/.test(tail) ? parseNumberLoose(tail) : null;
    if (amount !== null || tail === '') return { name: cleanLabel(s.slice(0, colon)), amount };
    return { name: cleanLabel(s), amount: null };
  }
  // "项目支出 1165.56": an amount at the end without a colon.
  const m = /^(.*?[^\d.,\s])[\s\u3000]*([-+]?\d[\d,]*(?:\.\d+)?)[\s\u3000]*(万元|亿元|元)?$/.exec(folded);
  if (m && /[\u4e00-\u9fff]/.test(m[1])) return { name: cleanLabel(m[1]), amount: parseNumberLoose(m[2]) };
  return { name: cleanLabel(s), amount: null };
}

/** Money unit named in a block title or header ("（万元）", "(元)"). */
/** The money units a heading or unit line names, longest first so 万元 is not read as 元. */
export const MONEY_UNIT = /(亿元|万元|千元|元)/;

export function moneyUnit(normText: string): string | null {
  const m = MONEY_UNIT.exec(normText);
  return m ? m[1] : null;
}

const CN_NUM = '一二三四五六七八九十';
/**
 * Numbering in front of a label, in either width, by style: "一、" (cn), "（一）" (pcn), "1、" / "1."
 * (num: not "1.5"), "（1）" / "(1)" (pnum), "1)" (rnum), "①" (circ), "⑴" (pcirc), "⒈" (dcirc).
 */
const NUMBERING: [string, RegExp][] = [
  ['cn', new RegExp(`^[${CN_NUM}]+[、.．]`)],
  ['pcn', new RegExp(`^[(（][${CN_NUM}]+[)）][、.．]?`)],
  ['pnum', /^[(（][0-9０-９]+[)）][、.．]?/],
  ['num', /^[0-9０-９]+[、.．](?![0-9０-９])/],
  ['rnum', /^[0-9０-９]+[)）]/],
  ['circ', /^[\u2460-\u2473]/],
  ['pcirc', /^[\u2474-\u2487]/],
  ['dcirc', /^[\u2488-\u249b]/],
];

/**
 * Whether a label's first character can begin a numbering (or the spaces and "其中" before one): most
 * labels cannot, and are answered without a memo lookup. Keep in step with NUMBERING.
 */
function mayBeNumbered(label: string): boolean {
  const c = label.charCodeAt(0);
  if (c >= 0x30 && c <= 0x39) return true; // 0-9
  if (c === 0x28 || c === 0xff08 || c === 0x5176) return true; // ( （ 其
  if (c >= 0xff10 && c <= 0xff19) return true; // ０-９
  if (c >= 0x2460 && c <= 0x249b) return true; // ① ⑴ ⒈
  return CN_NUM.includes(label[0]) || isSpaceCode(c);
}

export interface Numbering {
  style: string;
  rest: string;
}

function numberingOfText(label: string): Numbering | null {
  const s = label.replace(/^[\s\u3000]+/, '').replace(/^其中[\s\u3000]*[:：][\s\u3000]*/, '');
  for (const [style, re] of NUMBERING) {
    const m = re.exec(s);
    if (m) return { style, rest: s.slice(m[0].length).replace(/^[\s\u3000]+/, '') };
  }
  return null;
}

// Memoised: the locator and the checks ask about the same labels many times per form.
const numberingCached = memoByString(numberingOfText);

/**
 * The numbering style of a label ("（1）业务经费" → "pnum") and the label after it, or null when
 * unnumbered. Spaces and a leading "其中：" are skipped. Shared result: do not mutate.
 */
export function numberingOf(label: string): Numbering | null {
  return label !== '' && mayBeNumbered(label) ? numberingCached(label) : null;
}

function coreLabelOf(label: string): string {
  const n = numberingOf(label);
  const s = n ? n.rest : label.replace(/^[\s\u3000]*其中[\s\u3000]*[:：]/, '');
  return s.replace(/[\s\u3000]+/g, '');
}

/** A label without its numbering, "其中：" and spaces: "（二）项目支出" → "项目支出". */
export const coreLabel = memoByString(coreLabelOf);

/** A level-1 heading as a group's name: "产出指标\n\n(40分)" → "产出指标", "产出指标40分" → "产出指标". */
export function headingName(text: string): string {
  return cleanLabel(text.replace(/[（(]?\s*\d+(?:\.\d+)?\s*分\s*[)）]?/g, ''));
}

const POINTS_NOTE = /[（(][^()（）]*分[)）]/g;

/** A level-1 heading in an indicator's path: a bracketed note that speaks of points dropped, and every space ("产出指标\n(40分)" → "产出指标"). */
export function bareHeading(s: string): string {
  return withoutSpaces(s.includes('分') ? s.replace(POINTS_NOTE, '') : s);
}
