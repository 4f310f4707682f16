/**
 * A small writer of the summary workbook: a few sheets of plain values with a styled header row,
 * wrapped text columns, percentage cells and print settings, written as SpreadsheetML directly and
 * zipped by the file host's zip writer (zlib in Node). ExcelJS's writer builds a model of every cell and style first: for an audit of
 * 200 forms it took about a fifth of the whole run. Tested by reading its output back with ExcelJS
 * (test/cli/audit-reviewer.test.ts and the other audit tests).
 */
import { newZip } from '../hosts/file/zip';
import { columnName } from '../core/address';
import { escapeAttr, escapeText, toBytes } from '../hosts/file/xml';

export interface SheetData {
  name: string;
  /** Column widths in characters. */
  widths: number[];
  /** Row 0 is the header. */
  rows: (string | number | null)[][];
  /** Columns (0-based) whose text wraps. */
  wrap: number[];
  /** Cells (row, column; 0-based) shown as percentages. */
  percent: [number, number][];
  /** Footer, in Excel's header/footer codes. */
  footer: string;
}

export interface BookData {
  title: string;
  creator: string;
  keywords: string;
  sheets: SheetData[];
}

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Style indexes of styles.xml below. */
const STYLE = { plain: 0, header: 1, wrap: 2, percent: 3 };

const STYLES = `${HEAD}<styleSheet xmlns="${MAIN}">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function sheetXml(s: SheetData): string {
  const cols = s.rows[0]?.length ?? 1;
  const last = columnName(Math.max(0, cols - 1));
  const percent = new Set(s.percent.map(([r, c]) => r * 65536 + c));
  const names = Array.from({ length: cols }, (_, c) => columnName(c));
  const wrap = new Set(s.wrap);
  const out: string[] = [];
  out.push(`${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`);
  out.push(`<dimension ref="A1:${last}${Math.max(1, s.rows.length)}"/>`);
  out.push('<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>');
  out.push('<sheetFormatPr defaultRowHeight="15"/><cols>');
  s.widths.forEach((w, c) => out.push(`<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"${wrap.has(c) ? ` style="${STYLE.wrap}"` : ''}/>`));
  out.push('</cols><sheetData>');
  s.rows.forEach((row, r) => {
    out.push(`<row r="${r + 1}">`);
    row.forEach((v, c) => {
      if (v === null || v === undefined || v === '') {
        if (r === 0) out.push(`<c r="${names[c] ?? columnName(c)}1" s="${STYLE.header}"/>`);
        return;
      }
      const ref = (names[c] ?? columnName(c)) + (r + 1);
      const style = r === 0 ? STYLE.header : percent.has(r * 65536 + c) ? STYLE.percent : wrap.has(c) ? STYLE.wrap : STYLE.plain;
      const sAttr = style ? ` s="${style}"` : '';
      if (typeof v === 'number' && Number.isFinite(v)) out.push(`<c r="${ref}"${sAttr}><v>${v}</v></c>`);
      else out.push(`<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeText(String(v))}</t></is></c>`);
    });
    out.push('</row>');
  });
  out.push('</sheetData>');
  out.push(`<autoFilter ref="A1:${last}${Math.max(1, s.rows.length)}"/>`);
  out.push('<printOptions horizontalCentered="1"/>');
  out.push('<pageMargins left="0.4" right="0.4" top="0.5" bottom="0.6" header="0.2" footer="0.25"/>');
  out.push('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
  out.push(`<headerFooter><oddFooter>${escapeText(s.footer)}</oddFooter><evenFooter>${escapeText(s.footer)}</evenFooter></headerFooter>`);
  out.push('</worksheet>');
  return out.join('');
}

const quoteSheet = (name: string): string => `'${name.replace(/'/g, "''")}'`;

/** The workbook's bytes. */
export function writeBook(book: BookData): Uint8Array {
  const n = book.sheets.length;
  const files: { name: string; data: Uint8Array }[] = [];
  const put = (name: string, text: string) => files.push({ name, data: toBytes(text) });
  put('[Content_Types].xml', `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${book.sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`);
  put('_rels/.rels', `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`);
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  put('docProps/core.xml', `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${escapeText(book.title)}</dc:title><dc:creator>${escapeText(book.creator)}</dc:creator><cp:keywords>${escapeText(book.keywords)}</cp:keywords><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`);
  put('docProps/app.xml', `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>selfeval</Application></Properties>`);
  const names: string[] = [];
  book.sheets.forEach((s, i) => {
    const cols = s.rows[0]?.length ?? 1;
    const area = `${quoteSheet(s.name)}!$A$1:$${columnName(Math.max(0, cols - 1))}$${Math.max(1, s.rows.length)}`;
    names.push(`<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeText(area)}</definedName>`);
    names.push(`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(quoteSheet(s.name))}!$1:$1</definedName>`);
  });
  put('xl/workbook.xml', `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>${book.sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets><definedNames>${names.join('')}</definedNames></workbook>`);
  put('xl/_rels/workbook.xml.rels', `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${book.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`);
  put('xl/styles.xml', STYLES);
  book.sheets.forEach((s, i) => put(`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)));
  // Level 1: a summary of plain, repetitive XML packs nearly as small, in half the time.
  return newZip(files, 1);
}
