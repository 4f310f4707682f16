/**
 * The direct OOXML reader: the inflated parts a snapshot needs (workbook, its rels, shared strings,
 * styles, worksheets) straight into a WorkbookSnapshot, without ExcelJS, giving what read.ts's ExcelJS
 * route gives (test/hosts/file/fast.test.ts holds the two to each other). It covers what Excel, WPS,
 * LibreOffice and ExcelJS write; on anything else it throws NotSimple and read.ts uses ExcelJS.
 * Plain string scanning, no Node APIs: the browser uses it too.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../../../core/snapshot';
import { toText } from '../xml';
import { readBook } from './workbook';
import { readSharedStrings } from './strings';
import { readStyles } from './styles';
import { readSheet } from './sheet';
import { bail } from './scan';

export { NotSimple } from './scan';

/** Parts by name without a leading slash ("xl/workbook.xml"), as the reader's SNAPSHOT_PART picks them. */
export type PartTexts = ReadonlyMap<string, Uint8Array>;

export function fastSnapshot(parts: PartTexts, name?: string): WorkbookSnapshot {
  const text = (part: string): string | undefined => {
    const data = parts.get(part);
    return data ? toText(data) : undefined;
  };
  const workbookXml = text('xl/workbook.xml');
  if (workbookXml === undefined) bail('no workbook part');
  const book = readBook(workbookXml, text('xl/_rels/workbook.xml.rels') ?? '', (p) => parts.has(p));
  const stylesXml = text('xl/styles.xml');
  if (stylesXml === undefined) bail('no styles part');
  const sst = text('xl/sharedStrings.xml');
  const ctx = {
    strings: sst === undefined ? undefined : readSharedStrings(sst),
    styles: readStyles(stylesXml),
    exceljs1904: book.exceljs1904,
    date1904: book.date1904,
  };
  const sheets: SheetSnapshot[] = book.sheets.map((s) => readSheet(text(s.part) as string, s, ctx));
  return { name, sheets, names: book.names };
}
