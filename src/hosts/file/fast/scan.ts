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
  if (mainPrefix(xml.slice(0, 4096))) bail(`${what}: prefixed elements`);
  if (xml.includes('<![CDATA[') || xml.includes('<!--') || xml.includes('<!DOCTYPE')) bail(`${what}: CDATA, comment or DOCTYPE`);
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
