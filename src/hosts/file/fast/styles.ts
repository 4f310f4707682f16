/**
 * styles.xml's cell formats as ExcelJS 4.4.0 turns them into a cell's style (lib/xlsx/xform/style/
 * styles-xform.js getStyleModel): the number format code (custom `<numFmt>` first, else ExcelJS's
 * built-in table, none for id 0 or an id it does not know) and the fill, reduced to what read.ts's
 * solidFill makes of it ('#RRGGBB', null or 'other'). Only cellXfs count; `s="0"` gives no style.
 */
import { INDEXED_COLOURS } from '../palette';
import { attrIn, attrsOf, bail, checkPlain, elementBody, innerOf, isRegular, openTag } from './scan';

/** The two things of a cell style a snapshot reads. */
export interface CellStyle {
  /** The format code, undefined when the style has none (the cell shows General). */
  numFmt: string | undefined;
  /** Whether the style has a fill at all (a row's fill wins over its column's only when present). */
  hasFill: boolean;
  /** read.ts's solidFill of that fill. */
  fill: string | null;
}

export const NO_STYLE: CellStyle = { numFmt: undefined, hasFill: false, fill: null };

/** ExcelJS's built-in codes (lib/xlsx/defaultnumformats.js, entries with an `f`). */
const BUILT_IN: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00',
  12: '# ?/?', 13: '# ??/??', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss', 22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)', 45: 'mm:ss',
  46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

const OTHER = 'other';

/** read.ts's solidFill of one `<fill>` element's body, as ExcelJS's FillXform models it. */
function fillOf(body: string): string | null {
  const pattern = openTag(body, 'patternFill', 0);
  if (!pattern) {
    if (openTag(body, 'gradientFill', 0)) return OTHER;
    if (body.trim()) bail('unknown fill');
    return OTHER; // ExcelJS models an empty <fill/> as {} (no type): not a pattern
  }
  const type = attrsOf(pattern.attrs).patternType;
  if (type === undefined || type === 'none') return null;
  if (type !== 'solid') return OTHER;
  if (pattern.empty) return OTHER;
  const fg = openTag(body, 'fgColor', pattern.end);
  if (!fg) return OTHER;
  const c = attrsOf(fg.attrs);
  // ColorXform: rgb, else theme, else indexed (an attribute that is "" counts as absent).
  if (c.rgb) return /^[0-9A-Fa-f]{6,8}$/.test(c.rgb) ? '#' + c.rgb.slice(-6).toUpperCase() : OTHER;
  if (c.theme) return OTHER;
  if (c.indexed) {
    const i = parseInt(c.indexed, 10);
    return INDEXED_COLOURS[i] ?? OTHER;
  }
  return OTHER;
}

/** The items of a list element (`<fills>` …): each one's attribute text and body. */
function listItems(xml: string, list: string, item: string): { attrs: string; body: string }[] | undefined {
  const el = elementBody(xml, list);
  if (!el) return undefined;
  const out: { attrs: string; body: string }[] = [];
  for (let tag = openTag(el.body, item, 0); tag; ) {
    const inner = innerOf(el.body, item, tag);
    out.push({ attrs: tag.attrs, body: inner.text });
    tag = openTag(el.body, item, inner.end);
  }
  return out;
}

/** The cell styles by `s` index (0 is NO_STYLE, as ExcelJS ignores s="0"); undefined entries are unknown indexes. */
export function readStyles(xml: string): CellStyle[] {
  checkPlain(xml, 'styles');
  const codes = new Map<number, string>();
  for (const { attrs } of listItems(xml, 'numFmts', 'numFmt') ?? []) {
    const at = attrsOf(attrs);
    if (at.formatCode === undefined) bail('numFmt without formatCode');
    codes.set(parseInt(at.numFmtId, 10), at.formatCode);
  }
  const fills = (listItems(xml, 'fills', 'fill') ?? []).map((f) => fillOf(f.body));
  const xfs = listItems(xml, 'cellXfs', 'xf');
  if (!xfs || !xfs.length || !fills.length) bail('no cellXfs or fills');
  return xfs.map((x, i) => {
    if (i === 0) return NO_STYLE;
    const regular = isRegular(x.attrs);
    const id = parseInt(attrIn(x.attrs, 'numFmtId', regular) as string, 10);
    const fillId = parseInt(attrIn(x.attrs, 'fillId', regular) as string, 10);
    const numFmt = id ? codes.get(id) || BUILT_IN[id] || undefined : undefined;
    const hasFill = fillId >= 0 && fillId < fills.length;
    return { numFmt, hasFill, fill: hasFill ? fills[fillId] : null };
  });
}
