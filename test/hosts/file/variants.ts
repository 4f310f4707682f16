/** The seed form with its package XML edited, the way other writers (or hand edits) leave it. */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { SEED, fixture } from './helpers';

/** The form sheet's part in the seed ("附件3 自评表"); the other sheet is sheet1.xml. */
export const FORM_PART = 'xl/worksheets/sheet2.xml';
export const WORKBOOK = 'xl/workbook.xml';
export const STYLES = 'xl/styles.xml';
export const TYPES = '[Content_Types].xml';
export const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
export const SHARED = 'xl/sharedStrings.xml';

export type Edits = Record<string, (xml: string) => string>;

/** The seed with each named part's text replaced by edit(text) (a part that does not exist starts as ""). */
export function seedWith(edits: Edits, base: Uint8Array = fixture(SEED)): Uint8Array {
  const parts = unzipSync(base);
  for (const [name, edit] of Object.entries(edits)) parts[name] = strToU8(edit(parts[name] ? strFromU8(parts[name]) : ''));
  return zipSync(parts, { level: 6 });
}

/** Replaces one exact occurrence (fails loudly when the seed changed under the test). */
export function rep(xml: string, from: string | RegExp, to: string): string {
  const hit = typeof from === 'string' ? xml.includes(from) : from.test(xml);
  if (!hit) throw new Error(`not found in the part: ${String(from)}`);
  return xml.replace(from, to);
}

/** Replaces the <c> element of cell `a1` (or removes it when `cell` is ""). */
export function setCell(xml: string, a1: string, cell: string): string {
  return rep(xml, new RegExp(`<c r="${a1}"(?:[^>]*?/>|[^>]*>[\\s\\S]*?</c>)`), cell);
}

/** Appends an xf to cellXfs (returns the new styles.xml; its index is the old count). */
export function addXf(styles: string, xf: string): string {
  const count = Number(/<cellXfs count="(\d+)"/.exec(styles)?.[1]);
  return styles.replace(/<cellXfs count="\d+">/, `<cellXfs count="${count + 1}">`).replace('</cellXfs>', `${xf}</cellXfs>`);
}

/** Every unprefixed SpreadsheetML element of a part written with the prefix `x:` instead. */
export function prefixed(xml: string): string {
  return xml
    .replace(/<(\/?)(?![\w.-]+:)([A-Za-z_][\w.-]*)(?=[\s/>])/g, '<$1x:$2')
    .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"');
}

/** The sheet with `r` removed from every cell (and from every row when `rows`). */
export function withoutRefs(xml: string, rows = false): string {
  let out = xml.replace(/<c r="[A-Z]+\d+"/g, '<c');
  if (rows) out = out.replace(/<row r="\d+"/g, '<row');
  return out;
}
