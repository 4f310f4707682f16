/**
 * What the reader learns from, and repairs in, the raw XML of the parts it hands ExcelJS (no Node
 * APIs). ExcelJS matches element names without namespaces and needs an `r` on every row and cell;
 * it leaves OOXML's `_xHHHH_` escapes undecoded in inline strings and `t="str"` values, and reads
 * only `date1904="1"`. Excel itself accepts all of these, so the reader evens them out here:
 *
 * - a part whose elements carry a prefix for the SpreadsheetML namespace (`<x:worksheet>`, written
 *   by some .NET libraries) gets the prefix removed before ExcelJS sees it (ExcelJS would silently
 *   read such a styles or shared-strings part as empty, and a worksheet not at all);
 * - rows and cells without `r` (optional in the schema: a row follows the previous row, a cell the
 *   previous cell) get it written out, the way the patcher (sheetxml.ts) counts them;
 * - the addresses of string cells that still hold escapes are listed for read.ts to decode.
 *
 * The patcher works on the original bytes and already understands prefixes and missing `r`.
 */
import { columnName, parseA1 } from '../../core/address';
import { getAttr, hasEscape, setAttr } from './xml';

const MAIN_NS = /^http:\/\/(schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main|purl\.oclc\.org\/ooxml\/spreadsheetml\/main)$/;
const utf8 = new TextDecoder('utf-8');

/** The prefix ("x") of a part whose root element is prefixed with the SpreadsheetML namespace, else null. */
export function mainPrefix(head: string): string | null {
  const root = /<(?:([A-Za-z_][\w.-]*):)?[A-Za-z_][\w.-]*(?=[\s/>])[^>]*>/.exec(head.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, ''));
  if (!root?.[1]) return null;
  const ns = getAttr(root[0], `xmlns:${root[1]}`);
  return ns !== undefined && MAIN_NS.test(ns) ? root[1] : null;
}

/** The start of a part as text, enough to see its root element. */
export function headOf(data: Uint8Array): string {
  return utf8.decode(data.subarray(0, 4096));
}

/**
 * The part with prefix `p` removed from its element names (`<x:c>` → `<c>`, `</x:c>` → `</c>`).
 * ExcelJS parses without namespaces, so the declarations can stay as they are.
 */
export function stripPrefix(xml: string, p: string): string {
  const esc = p.replace(/[.-]/g, '\\$&');
  return xml.replace(new RegExp(`<(/?)${esc}:(?=[A-Za-z_])`, 'g'), '<$1');
}

/**
 * styles.xml with every backslash in a numFmt's formatCode doubled. ExcelJS drops the backslash of
 * each escape in a format code (`0.00\%` becomes `0.00%`, which scales by 100, and a revert would
 * write that back); it turns a doubled one into one, so the snapshot gets the code Excel stores.
 */
export function keepFormatEscapes(styles: string): string {
  return styles.replace(/(<(?:[\w.-]+:)?numFmt\b[^>]*?\sformatCode\s*=\s*)("[^"]*"|'[^']*')/g, (_m, pre: string, v: string) => pre + v.replace(/\\/g, '\\\\'));
}

/** Number of `<c>` elements in an unprefixed worksheet. */
export function countCells(xml: string): number {
  return (xml.match(/<c[\s/>]/g) ?? []).length;
}

/** The <sheetData> of an unprefixed worksheet: start of its content and its end. */
function sheetData(xml: string): { from: number; to: number } | null {
  const open = /<sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open || open[1] === '/') return null;
  const from = open.index + open[0].length;
  const to = xml.indexOf('</sheetData>', from);
  return to < 0 ? null : { from, to };
}

const ROW_OR_CELL = /<(row|c)(?=[\s/>])[^>]*>/g;

/** True when a row or cell of an unprefixed worksheet has no `r`. */
export function lacksRefs(xml: string): boolean {
  const body = sheetData(xml);
  if (!body) return false;
  ROW_OR_CELL.lastIndex = body.from;
  let m: RegExpExecArray | null;
  while ((m = ROW_OR_CELL.exec(xml)) && m.index < body.to) if (getAttr(m[0], 'r') === undefined) return true;
  return false;
}

/**
 * The worksheet with `r` written on every row and cell that lacks it: a row is the one after the
 * previous row, a cell the one after the previous cell of its row (as Excel and sheetxml.ts read them).
 */
export function addRefs(xml: string): string {
  const body = sheetData(xml);
  if (!body) return xml;
  let out = xml.slice(0, body.from);
  let pos = body.from;
  let row = 0; // 1-based number of the current row
  let col = -1; // 0-based column of the previous cell in the row
  ROW_OR_CELL.lastIndex = body.from;
  let m: RegExpExecArray | null;
  while ((m = ROW_OR_CELL.exec(xml)) && m.index < body.to) {
    let tag = m[0];
    const r = getAttr(tag, 'r');
    if (m[1] === 'row') {
      row = r !== undefined && /^\d+$/.test(r) ? Number(r) : row + 1;
      col = -1;
      if (r === undefined) tag = setAttr(tag, 'r', String(row));
    } else {
      const ref = r !== undefined ? parseA1(r) : null;
      col = ref ? ref.col : col + 1;
      if (r === undefined) tag = setAttr(tag, 'r', columnName(col) + row);
    }
    if (tag !== m[0]) {
      out += xml.slice(pos, m.index) + tag;
      pos = m.index + m[0].length;
    }
  }
  return pos === body.from ? xml : out + xml.slice(pos);
}

/** True when the bytes hold `_xHHHH_` somewhere (a quick test on bytes before decoding a part). */
export function mayHoldEscapes(data: Uint8Array): boolean {
  const isHex = (x: number): boolean => (x >= 0x30 && x <= 0x39) || (x >= 0x41 && x <= 0x46) || (x >= 0x61 && x <= 0x66);
  for (let i = data.indexOf(0x5f); i >= 0 && i + 6 < data.length; i = data.indexOf(0x5f, i + 1)) {
    if (data[i + 1] === 0x78 && isHex(data[i + 2]) && isHex(data[i + 3]) && isHex(data[i + 4]) && isHex(data[i + 5]) && data[i + 6] === 0x5f) return true;
  }
  return false;
}

/**
 * Addresses of the string cells of an unprefixed worksheet whose text ExcelJS hands over with its
 * `_xHHHH_` escapes undecoded: inline strings written as a plain `<is><t>` (rich inline runs and
 * shared strings it decodes itself) and `t="str"` values (formula results, or constants).
 */
export function escapedCells(xml: string): Set<string> {
  const out = new Set<string>();
  const re = /<c(?=[\s/>])([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const inner = m[3];
    if (!inner || !hasEscape(inner)) continue;
    const open = `<c${m[1]}>`;
    const t = getAttr(open, 't');
    const r = getAttr(open, 'r');
    if (!r) continue;
    if (t === 'inlineStr') {
      const is = /<is\b[^>]*>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '';
      if (!/<r[\s>]/.test(is) && hasEscape(is)) out.add(r.toUpperCase());
    } else if (t === 'str') {
      const v = /<v\b[^>]*>([\s\S]*?)<\/v>/.exec(inner)?.[1] ?? '';
      if (hasEscape(v)) out.add(r.toUpperCase());
    }
  }
  return out;
}

/** The workbook's date system from `<workbookPr date1904>` ("1" or "true"). */
export function isDate1904(workbookXml: string): boolean {
  // The search starts at the "<" before the first "workbookPr": no match can start earlier (a prefix
  // holds no "<"), and the pattern's optional prefix makes trying every "<" before it slow.
  const at = workbookXml.indexOf('workbookPr');
  if (at < 0) return false;
  const pr = /<(?:[\w.-]+:)?workbookPr\b[^>]*>/g;
  pr.lastIndex = Math.max(0, workbookXml.lastIndexOf('<', at));
  const tag = pr.exec(workbookXml)?.[0];
  const v = tag ? getAttr(tag, 'date1904') : undefined;
  return v === '1' || v === 'true';
}
