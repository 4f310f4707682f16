/**
 * workbook.xml and its relationships: the worksheets in order, as ExcelJS 4.4.0 lists them (lib/xlsx/
 * xform/book/workbook-xform.js reconcile: `<sheet r:id>` through the rels to `xl/` + Target, chart
 * sheets and other parts left out), the date system, and our defined names (../names.ts).
 */
import { isDate1904 } from '../rawparts';
import { readNames } from '../names';
import type { WorkbookSnapshot } from '../../../core/snapshot';
import { attrIn, attrsOf, bail, checkPlain, elementBody, isRegular, openTag } from './scan';

export interface SheetEntry {
  name: string;
  /** The worksheet part, "xl/worksheets/sheetN.xml". */
  part: string;
  visibility: 'visible' | 'hidden' | 'veryHidden';
}

export interface BookInfo {
  sheets: SheetEntry[];
  /** ExcelJS converts date-formatted serials with the 1904 epoch only for `date1904="1"`. */
  exceljs1904: boolean;
  /** The workbook's date system (`date1904` "1" or "true"). */
  date1904: boolean;
  names: NonNullable<WorkbookSnapshot['names']>;
}

const STATES = new Set(['visible', 'hidden', 'veryHidden']);
/** Names ExcelJS's Worksheet refuses or truncates (lib/doc/worksheet.js `set name`): left to it. */
const REFUSED_NAME = /[*?:/\\[\]]|^'|'$/;

/**
 * `hasPart` tells which worksheet parts the package holds (names as ExcelJS matches them, no leading
 * slash). Bails on anything ExcelJS would read differently from what is plainly meant.
 */
export function readBook(workbookXml: string, relsXml: string, hasPart: (name: string) => boolean): BookInfo {
  checkPlain(workbookXml, 'workbook');
  checkPlain(relsXml, 'workbook rels');
  const targets = new Map<string, string>();
  for (let tag = openTag(relsXml, 'Relationship', 0); tag; tag = openTag(relsXml, 'Relationship', tag.end)) {
    const regular = isRegular(tag.attrs);
    const id = attrIn(tag.attrs, 'Id', regular);
    const target = attrIn(tag.attrs, 'Target', regular);
    if (id !== undefined && target !== undefined) targets.set(id, target);
  }
  const sheets: SheetEntry[] = [];
  const ids = new Set<number>();
  const names = new Set<string>();
  const list = elementBody(workbookXml, 'sheets')?.body ?? '';
  for (let tag = openTag(list, 'sheet', 0); tag; tag = openTag(list, 'sheet', tag.end)) {
    const a = attrsOf(tag.attrs);
    const rid = a['r:id'];
    if (rid === undefined) bail('a sheet without r:id');
    const target = targets.get(rid);
    if (target === undefined) continue; // ExcelJS skips it too
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(part)) {
      if (/worksheets\//.test(target)) bail(`worksheet target ${target}`);
      continue; // a chart sheet or a dialog sheet: ExcelJS has no such sheet
    }
    if (!hasPart(part)) bail(`missing part ${part}`);
    const id = Number(a.sheetId);
    const name = a.name;
    if (!Number.isInteger(id) || id < 1 || ids.has(id)) bail('sheet ids');
    // ExcelJS decodes entities in sheet names a second time; such names go through it.
    if (!name || name.includes('&') || name === 'History' || name.length > 31 || REFUSED_NAME.test(name)) bail('sheet name');
    if (names.has(name.toLowerCase())) bail('duplicate sheet name');
    const state = a.state ?? 'visible';
    if (!STATES.has(state)) bail(`sheet state ${state}`);
    ids.add(id);
    names.add(name.toLowerCase());
    sheets.push({ name, part, visibility: state as SheetEntry['visibility'] });
  }
  const pr = openTag(workbookXml, 'workbookPr', 0);
  return {
    sheets,
    exceljs1904: !!pr && attrsOf(pr.attrs).date1904 === '1',
    date1904: isDate1904(workbookXml),
    names: readNames(workbookXml),
  };
}
