/**
 * Small helpers for token-level XML surgery on well-formed OOXML parts. We never re-serialise a part:
 * we find elements by regex, replace exactly those byte ranges, and leave everything else as it was.
 */

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8');

export const toText = (b: Uint8Array): string => dec.decode(b);
export const toBytes = (s: string): Uint8Array => enc.encode(s);

// eslint-disable-next-line no-control-regex -- the characters escapeText changes, or may
const MAY_NEED_ESCAPE = /[_&<>\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/**
 * Escapes text content. Characters XML 1.0 forbids, and a lone half of a surrogate pair (which UTF-8
 * cannot carry), become OOXML's _xHHHH_ escapes; an underscore that could start one ("_xHHHH") becomes
 * "_x005F_" (also when escapes overlap, "_x005F_x000D_", or when the next character is itself escaped);
 * CR survives as &#13;. decodeEscapes on what an XML parser reads back gives exactly `s`.
 */
export function escapeText(s: string): string {
  // Most texts need none of it: one scan instead of six replaces (an audit's summary escapes every cell).
  if (!MAY_NEED_ESCAPE.test(s)) return s;
  return s
    .replace(/_(?=x[0-9A-Fa-f]{4})/g, '_x005F_')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
    // eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`);
}

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[e] as string;
  });
}

/** Value of attribute `name` in a start tag (unescaped), or undefined. `name` may carry a prefix. */
export function getAttr(tag: string, name: string): string | undefined {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  const m = re.exec(tag);
  return m ? unescapeXml(m[2] ?? m[3]) : undefined;
}

/** Sets (or adds, before the tag's end) an attribute in a start tag; value is escaped here. */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp(`(\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const v = `"${escapeAttr(value)}"`;
  if (re.test(tag)) return tag.replace(re, (_m, pre: string) => pre + v);
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}=${v}${tag.slice(end)}`;
}

export function removeAttr(tag: string, name: string): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*("[^"]*"|'[^']*')`);
  return tag.replace(re, '');
}

/** The namespace prefix ("x:" or "") of the first element named `local`. */
export function prefixOf(xml: string, local: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${local}[\\s/>]`).exec(xml);
  return m?.[1] ?? '';
}

/** Start, end (exclusive) and open-tag end of the first element `qname` (a container or empty). */
export function findElement(xml: string, qname: string, from = 0): { start: number; end: number; openEnd: number; empty: boolean } | null {
  const re = new RegExp(`<${qname.replace(/[.:]/g, '\\$&')}(?=[\\s/>])[^>]*>`, 'g');
  re.lastIndex = from;
  const m = re.exec(xml);
  if (!m) return null;
  const openEnd = m.index + m[0].length;
  if (m[0].endsWith('/>')) return { start: m.index, end: openEnd, openEnd, empty: true };
  const close = xml.indexOf(`</${qname}>`, openEnd);
  if (close < 0) return null;
  return { start: m.index, end: close + qname.length + 3, openEnd, empty: false };
}

/** Splits the children of a list element (e.g. <cellXfs>) into the top-level `<child …>` element strings. */
export function listChildren(inner: string, child: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${child.replace(/[.:]/g, '\\$&')}(?=[\\s/>])[^>]*?(/>|>)`, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(inner))) {
    if (m[1] === '/>') {
      out.push(m[0]);
      continue;
    }
    // Children of these lists never nest an element of the same name.
    const close = inner.indexOf(`</${child}>`, re.lastIndex);
    if (close < 0) break;
    const end = close + child.length + 3;
    out.push(inner.slice(m.index, end));
    re.lastIndex = end;
  }
  return out;
}

/**
 * Decodes OOXML's `_xHHHH_` escapes (ST_Xstring) in text read from a part: `_x000D_` is a carriage
 * return, `_x005F_` an underscore (so `_x005F_x000D_` is the seven characters "_x000D_"). The exact
 * inverse of escapeText's escapes: decode(escapeText(s)) gives s back, XML entities aside.
 */
export function decodeEscapes(s: string): string {
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** True when the text holds an `_xHHHH_` escape. */
export function hasEscape(s: string): boolean {
  return /_x[0-9A-Fa-f]{4}_/.test(s);
}
