/**
 * Node only: builds an ExcelJS workbook from parts the safety gate has already inflated, with
 * ExcelJS's own parsers and reconcile, minus its zip layer. `xlsx.load` would unzip the package a
 * second time through JSZip's chunked workers, about a fifth of its whole time on a 50-sheet file.
 * This follows ExcelJS 4.4.0's `XLSX.load` (pinned in package.json) for the parts a snapshot needs;
 * test/hosts/file/parts.test.ts holds it to the same snapshots as `load` on every fixture.
 */
import type ExcelJS from 'exceljs';
import Workbook from 'exceljs/lib/doc/workbook';
import SharedStringsXform from 'exceljs/lib/xlsx/xform/strings/shared-strings-xform';
import StylesXform from 'exceljs/lib/xlsx/xform/style/styles-xform';
import { setModel, xlsxOf } from './exceljs';

export interface Part {
  name: string;
  data: Uint8Array;
}

/** ExcelJS feeds its parser 16 K characters at a time; so do we (one string would buffer every event of a part). */
const CHUNK = 16 * 1024;
const utf8 = new TextDecoder('utf-8');

function chunksOf(data: Uint8Array): string[] {
  const text = utf8.decode(data);
  const out: string[] = [];
  for (let i = 0; i < text.length; i += CHUNK) out.push(text.substring(i, i + CHUNK));
  return out;
}

const SHEET = /^xl\/worksheets\/sheet(\d+)[.]xml$/;

export async function workbookFromParts(parts: readonly Part[], options: { ignoreNodes?: string[] }): Promise<ExcelJS.Workbook> {
  const wb = new Workbook();
  const xlsx = xlsxOf(wb);
  const model: Record<string, unknown> = {
    worksheets: [], worksheetHash: {}, worksheetRels: [], themes: {}, media: [], mediaIndex: {},
    drawings: {}, drawingRels: {}, comments: {}, tables: {}, vmlDrawings: {},
  };
  for (const part of parts) {
    const name = part.name[0] === '/' ? part.name.slice(1) : part.name;
    const chunks = chunksOf(part.data);
    if (name === 'xl/workbook.xml') {
      const book = await xlsx.parseWorkbook(chunks);
      for (const key of ['sheets', 'definedNames', 'views', 'properties', 'calcProperties']) model[key] = book[key];
    } else if (name === 'xl/_rels/workbook.xml.rels') {
      model.workbookRels = await xlsx.parseRels(chunks);
    } else if (name === 'xl/sharedStrings.xml') {
      const strings = new SharedStringsXform();
      await strings.parseStream(chunks);
      model.sharedStrings = strings;
    } else if (name === 'xl/styles.xml') {
      const styles = new StylesXform();
      await styles.parseStream(chunks);
      model.styles = styles;
    } else {
      const sheet = SHEET.exec(name);
      if (sheet) await xlsx._processWorksheetEntry(chunks, model, sheet[1], options, name);
    }
  }
  xlsx.reconcile(model, options);
  setModel(wb, model);
  return wb;
}
