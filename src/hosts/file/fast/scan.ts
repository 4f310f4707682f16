/**
 * String scanning shared by the direct OOXML reader (no DOM, no SAX objects): attributes of one start
 * tag, element text with XML's entity and line-end rules, and the signal that a part is not in the
 * plain form Excel, WPS, LibreOffice and ExcelJS write, on which read.ts falls back to ExcelJS.
 */
import { mainPrefix } from '../rawparts';
import { unescapeXml } from '../xml';

/** Thrown when a part needs the full parser; never leaves the fast reader (read.ts catches it). */
export class NotSimple extends Error {
  constructor(why: string) {
    super(`not simple: ${why}`);
    this.name = 'NotSimple';
  }
}

export function bail(why: string): never {
  throw new NotSimple(why);
}

const ATTR = /([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The attributes of a start tag's text (after the element name), decoded as an XML parser does:
 * line ends and tabs become spaces (attribute-value normalisation), then entities are replaced.
 */
export function attrsOf(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTR.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = ATTR.exec(text))) out[m[1]] = attrValue(m[2] ?? m[3]);
  return out;
}

/**
 * Attribute texts quickAttr reads as they are: double quotes, `name="value"` after one space. Two
 * patterns (/[\t\n\r']|\s=|=\s/ split): each is twice as fast over a whole part as the alternation.
 */
const IRREGULAR_CHAR = /[\t\n\r']/;
const SPACED_EQUALS = /\s=|=\s/;

/** Whether quickAttr may read the tag's text (else attrsOf). */
export const isRegular = (tag: string): boolean => !IRREGULAR_CHAR.test(tag) && !SPACED_EQUALS.test(tag);

/**
 * One attribute of a regular start tag's text (isRegular), as attrsOf gives it, found with indexOf;
 * `tag` starts at the whitespace after the element name.
 */
export function quickAttr(tag: string, name: string): string | undefined {
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at < 0) return undefined;
  const from = at + key.length;
  const raw = tag.slice(from, tag.indexOf('"', from));
  return raw.includes('&') ? attrValue(raw) : raw;
}

/** One attribute of a start tag's text. */
export function attrOf(tag: string, name: string): string | undefined {
  return isRegular(tag) ? quickAttr(tag, name) : attrsOf(tag)[name];
}

/**
 * One attribute, as attrsOf gives it; `regular` says the tag's text is (isRegular), so it is found
 * with indexOf (bails when it occurs twice).
 */
export function attrIn(tag: string, name: string, regular: boolean): string | undefined {
  if (!regular) return attrOf(tag, name);
  const key = ` ${name}="`;
  const at = tag.indexOf(key);
  if (at >= 0 && tag.indexOf(key, at + key.length) >= 0) bail(`${name} given twice`); // the XML parser refuses it
  return quickAttr(tag, name);
}

function attrValue(raw: string): string {
  const s = /[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, ' ') : raw;
  return s.includes('&') ? unescapeXml(s) : s;
}

/** Element text as an XML parser hands it over: CRLF and lone CR are LF, entities replaced. */
export function textOf(raw: string): string {
  const s = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  return s.includes('&') ? unescapeXml(s) : s;
}

/**
 * Bails on what this reader does not parse: a prefixed SpreadsheetML namespace (`<x:c>`), CDATA,
 * comments and document types (entities of their own).
 */
export function checkPlain(xml: string, what: string): void {
  // The root element's name, past the declaration: only a prefixed one needs the closer look.
  const root = /<(?![?!])[^\s/>]*/.exec(xml)?.[0] ?? '';
  if (root.includes(':') && mainPrefix(xml.slice(0, 4096))) bail(`${what}: prefixed elements`);
  // CDATA sections, comments and document types all start with "<!".
  if (xml.includes('<!')) bail(`${what}: CDATA, comment or DOCTYPE`);
}

/** A start tag found by openTag: where it starts, its attribute text, where it ends, and whether it is empty (`/>`). */
export interface Tag {
  start: number;
  attrs: string;
  end: number;
  empty: boolean;
}

export const isNameEnd = (c: number): boolean => c === 32 || c === 62 || c === 47 || c === 9 || c === 10 || c === 13;

/** True when the text has an even number of double quotes and no single quote (a tag written the usual way). */
function evenQuotes(text: string): boolean {
  // indexOf, not a loop over every character: most tags are read cold, where each loop step costs.
  if (text.indexOf("'") >= 0) return false;
  let even = true;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) even = !even;
  return even;
}

/**
 * The next start tag `<name …>` at or after `from` (and before `to`), found with indexOf: linear
 * however the part is written (a regex with lazy quantifiers can go quadratic on a hostile part).
 * Bails on a tag with no end, or whose attribute values hold a ">" (an odd number of quotes before it).
 */
export function openTag(xml: string, name: string, from: number, to = xml.length): Tag | null {
  const key = '<' + name;
  for (let at = xml.indexOf(key, from); at >= 0 && at < to; at = xml.indexOf(key, at + key.length)) {
    if (!isNameEnd(xml.charCodeAt(at + key.length))) continue;
    const gt = xml.indexOf('>', at + key.length);
    if (gt < 0 || gt >= to) bail(`unclosed <${name}`);
    const empty = xml.charCodeAt(gt - 1) === 47;
    const attrs = xml.slice(at + key.length, empty ? gt - 1 : gt);
    if (!evenQuotes(attrs)) {
      if (!/^(?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*\s*$/.test(attrs)) bail(`a ">" in an attribute of <${name}>`);
    }
    return { start: at, attrs, end: gt + 1, empty };
  }
  return null;
}

/** The text of the element whose start tag is `tag`, up to its `</name>` (bails when there is none before `to`). */
export function innerOf(xml: string, name: string, tag: Tag, to = xml.length): { text: string; end: number } {
  if (tag.empty) return { text: '', end: tag.end };
  const close = xml.indexOf(`</${name}>`, tag.end);
  if (close < 0 || close >= to) bail(`unclosed <${name}>`);
  return { text: xml.slice(tag.end, close), end: close + name.length + 3 };
}

/** The content of the first `<name …>…</name>` (undefined when absent, "" when empty or self-closing). */
export function elementBody(xml: string, name: string, from = 0): { body: string; end: number } | undefined {
  const tag = openTag(xml, name, from);
  if (!tag) return undefined;
  const { text, end } = innerOf(xml, name, tag);
  return { body: text, end };
}
