/**
 * sharedStrings.xml as ExcelJS 4.4.0 reads it (lib/xlsx/xform/strings/): each `<si>` is its `<t>`'s
 * text or its rich-text runs' texts joined; phonetic runs (`<rPh>`) are left out; `_xHHHH_` escapes
 * are decoded with upper-case hex digits only, as ExcelJS's TextXform does.
 */
import { bail, checkPlain, innerOf, openTag, textOf } from './scan';

/** A `<t>`'s text with ExcelJS's TextXform decoding of `_xHHHH_` (upper-case hex only). */
export function runText(raw: string): string {
  const s = textOf(raw);
  if (!s.includes('_x')) return s;
  // Lower-case hex digits: what Excel shows and ExcelJS gives may differ; the full parser decides.
  if (/_x(?=[0-9A-Fa-f]{4}_)(?![0-9A-F]{4}_)/.test(s)) bail('lower-case _xhhhh_ escape');
  return s.replace(/_x([0-9A-F]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/**
 * The text of an `<si>` or an `<is>` body: plain (`<t>`) or rich (`<r>` runs). Undefined for a plain
 * body with no `<t>`; bails on a mix of both, or on several plain `<t>`. `plain` decodes a plain
 * `<t>` (runs are always decoded as ExcelJS's TextXform does).
 */
export function stringBody(body: string, plain: (raw: string) => string = runText): string | undefined {
  const b = body.includes('<rPh') ? withoutPhonetic(body) : body;
  if (openTag(b, 'r', 0)) {
    let out = '';
    let rest = '';
    let at = 0;
    for (let r = openTag(b, 'r', 0); r; r = openTag(b, 'r', at)) {
      rest += b.slice(at, r.start);
      const run = innerOf(b, 'r', r);
      const t = openTag(run.text, 't', 0);
      if (t) out += runText(innerOf(run.text, 't', t).text);
      at = run.end;
    }
    if ((rest + b.slice(at)).includes('<t')) bail('rich text mixed with plain text');
    return out;
  }
  let text: string | undefined;
  for (let t = openTag(b, 't', 0); t; ) {
    if (text !== undefined) bail('several <t> in one string');
    const inner = innerOf(b, 't', t);
    text = inner.text ? plain(inner.text) : '';
    t = openTag(b, 't', inner.end);
  }
  return text;
}

/** The body without its phonetic runs (`<rPh>…</rPh>`), which ExcelJS leaves out of shared strings. */
function withoutPhonetic(body: string): string {
  let out = '';
  let at = 0;
  for (let p = openTag(body, 'rPh', 0); p; p = openTag(body, 'rPh', at)) {
    out += body.slice(at, p.start);
    at = innerOf(body, 'rPh', p).end;
  }
  return out + body.slice(at);
}

const PLAIN_T = '<t>';
const PRESERVED_T = '<t xml:space="preserve">';

/**
 * The text of an `<si>` that is just `<t>text</t>` or `<t xml:space="preserve">text</t>` (what Excel
 * and WPS write for nearly every string), as stringBody gives it; undefined for any other body.
 */
function plainSi(body: string): string | undefined {
  const open = body.startsWith(PLAIN_T) ? PLAIN_T.length : body.startsWith(PRESERVED_T) ? PRESERVED_T.length : -1;
  if (open < 0 || !body.endsWith('</t>')) return undefined;
  const close = body.length - 4;
  if (close < open || body.indexOf('<', open) !== close) return undefined;
  return close > open ? runText(body.slice(open, close)) : '';
}

export function readSharedStrings(xml: string): string[] {
  checkPlain(xml, 'shared strings');
  const out: string[] = [];
  for (let from = 0; ; ) {
    const at = xml.indexOf('<si', from);
    if (at < 0) break;
    let body: string;
    if (xml.charCodeAt(at + 3) === 62) {
      // `<si>` as Excel, WPS and LibreOffice write it: what openTag and innerOf would find, found directly.
      const close = xml.indexOf('</si>', at + 4);
      if (close < 0) bail('unclosed <si>');
      body = xml.slice(at + 4, close);
      from = close + 5;
    } else {
      const si = openTag(xml, 'si', at);
      if (!si) break;
      if (si.empty) bail('empty shared string');
      const inner = innerOf(xml, 'si', si);
      body = inner.text;
      from = inner.end;
    }
    const s = plainSi(body) ?? stringBody(body);
    // ExcelJS gives an <si> without text as an object, not a string.
    if (s === undefined) bail('shared string without text');
    out.push(s);
  }
  return out;
}
