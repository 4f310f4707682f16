/**
 * Our defined names in workbook.xml (core/follow.ts): read as the cell each refers to now, and
 * written (defined, moved, deleted) by the surgical writer. Excel keeps a workbook-level
 * `<definedName>` in step with inserted and deleted rows, so a journal entry named here follows its
 * cell once the clerk opens the file in Excel. Only names of ours (`_selfeval_N`, no localSheetId)
 * are read or touched; every other defined name is copied as it is.
 */
import type { NameChange } from '../../core/edits';
import type { WorkbookSnapshot } from '../../core/snapshot';
import { isOurName } from '../../core/follow';
import { parseRange, rangeToA1 } from '../../core/address';
import { escapeAttr, escapeText, findElement, getAttr, prefixOf, unescapeXml } from './xml';

const DEFINED_NAME = /<((?:[\w.-]+:)?)definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1definedName>)/g;
/** Elements that follow <definedNames> in CT_Workbook: the list goes before the first one present. */
const AFTER_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** "'Sheet 1'!$H$14" or "Sheet1!H14" -> sheet and cell; null for #REF! and anything else. */
export function parseReference(formula: string): { sheet: string; cell: string } | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^!'=]+))!\$?([A-Z]+)\$?(\d+)$/.exec(formula.trim());
  if (!m) return null;
  const ref = parseRange(`${m[3]}${m[4]}`);
  return ref ? { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] as string), cell: rangeToA1(ref) } : null;
}

export function readNames(workbookXml: string): NonNullable<WorkbookSnapshot['names']> {
  const out: NonNullable<WorkbookSnapshot['names']> = [];
  for (const m of workbookXml.matchAll(DEFINED_NAME)) {
    const name = getAttr(`<x ${m[2]}>`, 'name');
    if (!name || !isOurName(name) || getAttr(`<x ${m[2]}>`, 'localSheetId') !== undefined) continue;
    const ref = parseReference(unescapeXml(m[3] ?? ''));
    out.push({ name, sheet: ref?.sheet ?? null, cell: ref?.cell ?? null });
  }
  return out;
}

function reference(sheet: string, cell: string): string {
  const ref = parseRange(cell);
  const a1 = ref ? rangeToA1(ref) : cell;
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  return `'${sheet.replace(/'/g, "''")}'!${m ? `$${m[1]}$${m[2]}` : a1}`;
}

/** workbook.xml with `changes` applied to our defined names. */
export function writeNames(workbookXml: string, changes: NameChange[]): string {
  if (!changes.length) return workbookXml;
  const touched = new Set(changes.map((c) => c.name.toLowerCase()));
  // Drop every name being changed (a move is a delete and a define).
  let xml = workbookXml.replace(DEFINED_NAME, (whole, _p: string, attrs: string) => {
    const name = getAttr(`<x ${attrs}>`, 'name');
    return name && touched.has(name.toLowerCase()) && getAttr(`<x ${attrs}>`, 'localSheetId') === undefined ? '' : whole;
  });
  const p = prefixOf(xml, 'workbook');
  const added = changes
    .filter((c) => c.cell !== null)
    .map((c) => `<${p}definedName name="${escapeAttr(c.name)}" hidden="1">${escapeText(reference(c.sheet, c.cell as string))}</${p}definedName>`)
    .join('');
  const list = findElement(xml, `${p}definedNames`);
  if (list && !list.empty) {
    const close = xml.indexOf(`</${p}definedNames>`, list.openEnd);
    xml = xml.slice(0, close) + added + xml.slice(close);
  } else if (list) {
    xml = added ? `${xml.slice(0, list.start)}<${p}definedNames>${added}</${p}definedNames>${xml.slice(list.end)}` : xml;
  } else if (added) {
    let at = xml.lastIndexOf(`</${p}workbook>`);
    for (const name of AFTER_NAMES) {
      const el = findElement(xml, p + name);
      if (el) {
        at = Math.min(at, el.start);
        break;
      }
    }
    xml = `${xml.slice(0, at)}<${p}definedNames>${added}</${p}definedNames>${xml.slice(at)}`;
  }
  // An emptied list is not valid (CT_DefinedNames needs a child): removed.
  return xml.replace(new RegExp(`<${p.replace('.', '\\.')}definedNames>\\s*</${p.replace('.', '\\.')}definedNames>`), '');
}
