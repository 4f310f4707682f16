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

/** Attribute texts quickAttr reads as they are: double quotes, `name="value"` after one space. */
const IRREGULAR = /[\t\n\r']|\s=|=\s/;

/** Whether quickAttr may read the tag's text (else attrsOf). */
export const isRegular = (tag: string): boolean => !IRREGULAR.test(tag);

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

/** The content of the first `<name …>…</name>` (undefined when absent, "" when empty or self-closing). */
export function elementBody(xml: string, name: string, from = 0): { body: string; end: number } | undefined {
  const re = new RegExp(`<${name}(?=[\\s/>])[^>]*?(/?)>`, 'g');
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return undefined;
  const open = m.index + m[0].length;
  if (m[1] === '/') return { body: '', end: open };
  const close = xml.indexOf(`</${name}>`, open);
  if (close < 0) bail(`unclosed <${name}>`);
  return { body: xml.slice(open, close), end: close + name.length + 3 };
}
