/**
 * sharedStrings.xml as ExcelJS 4.4.0 reads it (lib/xlsx/xform/strings/): each `<si>` is its `<t>`'s
 * text or its rich-text runs' texts joined; phonetic runs (`<rPh>`) are left out; `_xHHHH_` escapes
 * are decoded with upper-case hex digits only, as ExcelJS's TextXform does.
 */
import { bail, checkPlain, textOf } from './scan';

const RUN_TEXT = /<t(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/t>)/g;

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
  const b = body.includes('<rPh') ? body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : body;
  if (/<r[\s>]/.test(b)) {
    let out = '';
    let runs = 0;
    for (const m of b.matchAll(/<r(?:\s[^>]*)?>([\s\S]*?)<\/r>/g)) {
      runs++;
      RUN_TEXT.lastIndex = 0;
      const t = RUN_TEXT.exec(m[1]);
      if (t?.[1]) out += runText(t[1]);
    }
    if (b.replace(/<r(?:\s[^>]*)?>[\s\S]*?<\/r>/g, '').includes('<t')) bail('rich text mixed with plain text');
    if (!runs) bail('rich text');
    return out;
  }
  let text: string | undefined;
  RUN_TEXT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = RUN_TEXT.exec(b))) {
    if (text !== undefined) bail('several <t> in one string');
    text = m[1] ? plain(m[1]) : '';
  }
  return text;
}

export function readSharedStrings(xml: string): string[] {
  checkPlain(xml, 'shared strings');
  const out: string[] = [];
  const re = /<si(?:\s[^>]*)?(\/?)>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    if (m[1] === '/') bail('empty shared string');
    const open = m.index + m[0].length;
    const close = xml.indexOf('</si>', open);
    if (close < 0) bail('unclosed <si>');
    const s = stringBody(xml.slice(open, close));
    // ExcelJS gives an <si> without text as an object, not a string.
    if (s === undefined) bail('shared string without text');
    out.push(s);
    re.lastIndex = close + 5;
  }
  return out;
}
