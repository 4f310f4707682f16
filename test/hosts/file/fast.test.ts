/**
 * The oracle for the direct OOXML reader (src/hosts/file/fast): on every fixture, on generated
 * workbooks, on packages edited the way other writers leave them, and on random small sheets, its
 * snapshot is the ExcelJS route's snapshot, array for array. Where it does not take a package on, it
 * says so (NotSimple) and snapshotFromBuffer still gives ExcelJS's snapshot.
 */
import { readdirSync, statSync } from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import * as XLSX from '@e965/xlsx';
import { fastSnapshot, NotSimple } from '../../../src/hosts/file/fast';
import { applyChanges } from '../../../src/hosts/file/patch';
import { snapshotFromBuffer, useFastReader } from '../../../src/hosts/file/read';
import { generateWorkbook } from '../../helpers/generate';
import { FIXTURES, fixture } from './helpers';
import { FORM_PART, SHARED, STYLES, WORKBOOK, WORKBOOK_RELS, addXf, prefixed, rep, seedWith, setCell, withoutRefs } from './variants';

const SNAPSHOT_PART = /^(xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml))$/;

function parts(bytes: Uint8Array): Map<string, Uint8Array> {
  const out = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(unzipSync(bytes))) if (SNAPSHOT_PART.test(name)) out.set(name, data);
  return out;
}

async function viaExcelJS(bytes: Uint8Array, name?: string): Promise<Awaited<ReturnType<typeof snapshotFromBuffer>>> {
  useFastReader(false);
  try {
    return await snapshotFromBuffer(bytes.slice(), name);
  } finally {
    useFastReader(true);
  }
}

/** The fast reader gives ExcelJS's snapshot; and so does snapshotFromBuffer. */
async function expectSame(bytes: Uint8Array, name = 'book.xlsx'): Promise<void> {
  const expected = await viaExcelJS(bytes, name);
  expect(fastSnapshot(parts(bytes), name)).toStrictEqual(expected);
  expect(await snapshotFromBuffer(bytes.slice(), name)).toStrictEqual(expected);
}

/** The fast reader leaves the package to ExcelJS, and snapshotFromBuffer gives ExcelJS's snapshot (or its error). */
async function expectBails(bytes: Uint8Array): Promise<void> {
  expect(() => fastSnapshot(parts(bytes))).toThrow(NotSimple);
  const expected = await viaExcelJS(bytes).catch((e: unknown) => e);
  const got = await snapshotFromBuffer(bytes.slice()).catch((e: unknown) => e);
  expect(got).toStrictEqual(expected);
}

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) return xlsxFiles(p);
    return n.endsWith('.xlsx') ? [path.relative(FIXTURES, p)] : [];
  });
}

describe('every fixture', () => {
  const files = xlsxFiles(FIXTURES);
  it('finds the fixtures', () => expect(files.length).toBeGreaterThanOrEqual(10));
  it.each(files)('%s', async (file) => expectSame(fixture(file), path.basename(file)));
});

describe('generated workbooks', () => {
  it.each([
    ['5 forms, a sheet each', { forms: 5, indicators: 12 }],
    ['8 forms on one sheet, quirks', { forms: 8, indicators: 9, sheetPerForm: false, quirks: true, seed: 7 }],
    ['3 forms, quirks', { forms: 3, indicators: 20, quirks: true, seed: 11 }],
    ['1 form, 1 indicator', { forms: 1, indicators: 1, seed: 3 }],
  ])('%s', async (_name, opts) => expectSame(await generateWorkbook(opts)));
});

/** The form sheet of the seed with one more cell or element, through `edit`. */
const formWith = (edit: (xml: string) => string, more: Record<string, (xml: string) => string> = {}): Uint8Array => seedWith({ [FORM_PART]: edit, ...more });
const lastRowEnd = (xml: string): number => xml.lastIndexOf('</row>') + 6;
/** A row appended after the seed's last row. */
const addRow = (row: string) => (xml: string): string => xml.slice(0, lastRowEnd(xml)) + row + xml.slice(lastRowEnd(xml));

describe('packages as other writers leave them', () => {
  const cases: [string, () => Uint8Array][] = [
    ['inline strings instead of shared ones', () => formWith((x) => setCell(x, 'B4', '<c r="B4" s="2" t="inlineStr"><is><t>预算 执行</t></is></c>'))],
    ['rich inline string', () => formWith((x) => setCell(x, 'B4', '<c r="B4" s="2" t="inlineStr"><is><r><rPr><b/></rPr><t>预算</t></r><r><t xml:space="preserve"> 执行_x000D_</t></r></is></c>'))],
    ['_x000D_ and _x005F_ escapes in inline, str and shared strings', () =>
      seedWith({
        [FORM_PART]: (x) => setCell(setCell(x, 'B4', '<c r="B4" s="2" t="inlineStr"><is><t>a_x000D_b _x005F_x000D_ _x000d_</t></is></c>'), 'C4', '<c r="C4" s="2" t="str"><v>c_x000A_d</v></c>'),
        [SHARED]: (x) => x.replace(/<si><t([^>]*)>/, '<si><t$1>x_x000D_y_x005F_x0041_'),
      })],
    ['shared strings the plain way and nearly so (empty, entities, other attributes, a stray <t/>)', () =>
      seedWith({
        [SHARED]: (x) => rep(rep(rep(rep(rep(x, /<si><t>[^<]*<\/t><\/si>/, '<si><t></t></si>'), /<si><t>[^<]*<\/t><\/si>/, '<si><t xml:space="preserve"></t></si>'),
          /<si><t>([^<]*)<\/t><\/si>/, '<si><t>$1 &amp; &lt;b&gt; &#x41;</t></si>'), /<si><t>([^<]*)<\/t><\/si>/, '<si><t xml:space=\'preserve\'>$1</t></si>'),
          /<si><t>([^<]*)<\/t><\/si>/, '<si><t/></si>'),
      })],
    ['<si > with a space before its ">"', () => seedWith({ [SHARED]: (x) => rep(x, /<si><t>([^<]*)<\/t><\/si>/, '<si ><t>$1</t></si>') })],
    ['relationships and cell formats written other ways (line ends, single quotes, entities)', () =>
      seedWith({
        [WORKBOOK_RELS]: (x) => rep(x, 'Target="styles.xml"', "Target='styles.xml'\r\n"),
        [STYLES]: (x) => rep(x, /(<cellXfs[^>]*>(?:[\s\S]*?<xf ){2}[^>]*?)fillId="(\d+)"/, "$1fillId = '$2'"),
      })],
    ['rich shared string', () => seedWith({ [SHARED]: (x) => x.replace(/<si><t([^>]*)>([^<]*)<\/t><\/si>/, '<si><r><rPr><sz val="11"/></rPr><t>$2</t></r><r><t>尾</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>') })],
    ['shared formulas', () => formWith((x) => setCell(setCell(setCell(x, 'H4', '<c r="H4" s="2"><f t="shared" ref="H4:H6" si="0">F4*G4</f><v>10</v></c>'), 'H5', '<c r="H5" s="4"><f t="shared" si="0"/><v>0</v></c>'), 'H6', '<c r="H6" s="4"><f t="shared" si="0"/><v>3</v></c>'))],
    ['shared formulas with absolute parts and other sheets', () => formWith((x) => setCell(setCell(x, 'H4', '<c r="H4" s="2"><f t="shared" ref="H4:I5" si="3">SUM($F4:F$4)+\'附件2 基础数据表\'!B2+ROUND(A1,2)</f><v>1</v></c>'), 'H5', '<c r="H5" s="4"><f t="shared" si="3"/><v>2</v></c>'))],
    ['array formula and data table beyond the values', () => formWith(addRow('<row r="30"><c r="A30"><f t="array" ref="A30:B31">{1,2;3,4}</f><v>1</v></c><c r="C30"><f t="dataTable" ref="C30:D33" dt2D="0" dtr="0" r1="A1"/><v>5</v></c></row>'))],
    ['formula results of every type, 0 and empty included', () => formWith(addRow('<row r="25"><c r="A25"><f>1-1</f><v>0</v></c><c r="B25" t="b"><f>1&gt;2</f><v>0</v></c><c r="C25" t="str"><f>""</f><v></v></c><c r="D25" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E25" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="F25"><f>NOW()</f></c></row>'))],
    ['empty inline strings, plain and rich, styled and not', () => formWith(addRow('<row r="25"><c r="A25" t="inlineStr"><is><t></t></is></c><c r="B25" s="2" t="inlineStr"><is><t/></is></c><c r="C25" t="inlineStr"><is><r><t></t></r></is></c><c r="D25" s="3" t="inlineStr"><is></is></c><c r="E25" t="inlineStr"><is><t> </t></is></c></row>'))],
    ['booleans, errors, numbers as text', () => formWith(addRow('<row r="25"><c r="A25" t="b"><v>1</v></c><c r="B25" t="b"><v>0</v></c><c r="C25" t="e"><v>#N/A</v></c><c r="D25" t="n"><v>1.5E-3</v></c><c r="E25" t="str"><v>12</v></c></row>'))],
    ['dates, built-in and custom formats', () =>
      formWith(addRow('<row r="25"><c r="A25" s="6"><v>45291.5</v></c><c r="B25" s="7"><v>45291.123456789</v></c><c r="C25" s="8"><v>0.5</v></c><c r="D25" s="6"><f>A25+1</f><v>45292.5</v></c></row>'), {
        [STYLES]: (x) => addXf(addXf(addXf(x.replace('<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/>', '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'), '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'), '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'), '<xf numFmtId="21" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/>'),
      })],
    ['1904 date system', () => seedWith({ [WORKBOOK]: (x) => rep(x, '<workbookPr ', '<workbookPr date1904="1" '), [FORM_PART]: (x) => setCell(x, 'C4', '<c r="C4" s="6"><v>43000</v></c>'), [STYLES]: (x) => addXf(x, '<xf numFmtId="14" fontId="0" fillId="0" borderId="0"/>') })],
    ['1904 date system written as true', () => seedWith({ [WORKBOOK]: (x) => rep(x, '<workbookPr ', '<workbookPr date1904="true" '), [FORM_PART]: (x) => setCell(x, 'C4', '<c r="C4" s="6"><v>43000</v></c>'), [STYLES]: (x) => addXf(x, '<xf numFmtId="14" fontId="0" fillId="0" borderId="0"/>') })],
    ['escaped format codes', () => seedWith({ [STYLES]: (x) => rep(x, 'formatCode="0.0%"', 'formatCode="0.00\\%"') })],
    ['styles on rows and columns only', () =>
      formWith((x) => addRow('<row r="24" s="7" customFormat="1"><c r="B24" t="s"><v>1</v></c></row><row r="26" s="6" customFormat="1"/>')(rep(x, '<col min="4" max="4" width="22" customWidth="1"/>', '<col min="4" max="4" width="22" style="8" customWidth="1"/>')), {
        [STYLES]: (x) => addXf(addXf(addXf(rep(x, '<fills count="2">', '<fills count="3">').replace('</fills>', '<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill></fills>'), '<xf numFmtId="10" fontId="0" fillId="0" borderId="0"/>'), '<xf numFmtId="0" fontId="0" fillId="2" borderId="0" applyFill="1"/>'), '<xf numFmtId="4" fontId="0" fillId="2" borderId="0"/>'),
      })],
    ['theme, indexed, pattern and gradient fills', () =>
      formWith((x) => setCell(setCell(setCell(setCell(x, 'C4', '<c r="C4" s="6"><v>1</v></c>'), 'D4', '<c r="D4" s="7"><v>2</v></c>'), 'E4', '<c r="E4" s="8"><v>3</v></c>'), 'F4', '<c r="F4" s="9"><v>4</v></c>'), {
        [STYLES]: (x) => {
          const fills = '<fill><patternFill patternType="solid"><fgColor theme="4" tint="0.6"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor indexed="13"/></patternFill></fill><fill><patternFill patternType="lightGray"><fgColor rgb="FF00FF00"/></patternFill></fill><fill><gradientFill degree="90"><stop position="0"><color rgb="FF000000"/></stop></gradientFill></fill>';
          let s = rep(x, '<fills count="2">', '<fills count="6">').replace('</fills>', fills + '</fills>');
          for (let i = 2; i < 6; i++) s = addXf(s, `<xf numFmtId="0" fontId="0" fillId="${i}" borderId="0" applyFill="1"/>`);
          return s;
        },
      })],
    ['hidden and very hidden sheets, a protected sheet', () =>
      seedWith({
        [WORKBOOK]: (x) => rep(rep(x, 'name="附件2 基础数据表" state="visible"', 'name="附件2 基础数据表" state="hidden"'), 'name="附件3 自评表" state="visible"', 'name="附件3 自评表" state="veryHidden"'),
        [FORM_PART]: (x) => rep(x, '</sheetData>', '</sheetData><sheetProtection sheet="1" objects="1" scenarios="1"/>'),
      })],
    ['merges reaching past the values, value cells under a merge', () => formWith((x) => rep(x, '</sheetData>', '<row r="40"><c r="C40" t="s"><v>2</v></c></row></sheetData>').replace(/<mergeCells count="(\d+)">/, (_m, n: string) => `<mergeCells count="${Number(n) + 2}"><mergeCell ref="K2:M45"/><mergeCell ref="B40:D41"/>`))],
    ['styled empty cells and s="0" cells beyond the values', () => formWith(addRow('<row r="30"><c r="A30" s="3"/><c r="B30" s="0"/><c r="Z30"/></row><row r="31" spans="1:2"></row>'))],
    ['cells on a sheet with no shared strings part', () => generateWorkbookBytesWithInline()],
    ['literal CR, CRLF and tabs in text and attributes', () =>
      seedWith({
        [SHARED]: (x) => x.replace(/<si><t([^>]*)>/, '<si><t$1>a\r\nb\rc\td&#13;e'),
        [FORM_PART]: (x) => setCell(x, 'B4', '<c r="B4" s="2" t="inlineStr"><is><t>x\r\ny</t></is></c>'),
        [STYLES]: (x) => rep(x, 'formatCode="0.0%"', 'formatCode="0.0%\t"'),
      })],
    ['tags written other ways: single quotes, line ends and spaces around "=" in rows, cells, merges and protection', () =>
      seedWith({
        [FORM_PART]: (x) => rep(rep(rep(x, '</sheetData>', '<row r = "30"\r\n s="3" customFormat="1"><c r=\'A30\' s = "2" t="n"><v>7</v></c><c\tr="B30"\tt="s"><v>2</v></c><c r="C30" x=" s=" s="3"/></row></sheetData>'),
          /<mergeCells count="(\d+)">/, '<mergeCells count="$1"><mergeCell\nref=\'A30:A31\'/>'), '</sheetData>', '</sheetData><sheetProtection sheet = "1"/>'),
      })],
    ['style indexes written oddly: "", "03", " 3", "+3", "-1", "x", ten digits, on empty and valued cells', () =>
      formWith(addRow('<row r="30"><c r="A30" s=""/><c r="B30" s="03"/><c r="C30" s=" 3"><v>1</v></c><c r="D30" s="+3"/><c r="E30" s="-1"/><c r="F30" s="x"><v>2</v></c><c r="G30" s="0000000003"><v>3</v></c><c r="H30" s="-1" t="s"><v>2</v></c><c r="I30" s="3" t="n"><v>4</v></c></row>'))],
    ['whole-sheet column style and a sheet with no cells', () =>
      seedWith({
        [FORM_PART]: (x) => rep(x, '<col min="9" max="9" width="28" customWidth="1"/>', '<col min="9" max="16384" width="28" style="3" customWidth="1"/>'),
        'xl/worksheets/sheet1.xml': (x) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>').replace(/<mergeCells[\s\S]*<\/mergeCells>/, ''),
      })],
  ];
  it.each(cases)('%s', async (_name, make) => expectSame(make()));
});

describe('packages other writers produce', () => {
  /** SheetJS (`@e965/xlsx`) writes shared strings, no styles beyond formats, and its own XML layout. */
  const viaSheetJS = (name: string): Uint8Array => {
    // SheetJS warns about the .ods's conditional number formats on the console.
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const wb = XLSX.read(fixture(name), { type: 'array', cellStyles: true });
    quiet.mockRestore();
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', cellStyles: true }) as ArrayBuffer);
  };
  it.each(['seed-longquan-2023.xlsx', 'seed-longquan-2023.xls', 'seed-longquan-2023.ods', 'hunan-hengshan-2023-whole-unit.xlsx'])('%s, saved by SheetJS', async (name) => expectSame(viaSheetJS(name)));

  it('the seed after selfeval wrote into it (values, formats, fills, names, the _selfeval sheet)', async () => {
    const seed = fixture('seed-longquan-2023.xlsx');
    const written = applyChanges(
      seed,
      [
        { sheet: '附件3 自评表', cell: 'G4', value: 0.9, numberFormat: '0.00%', fill: '#FFC7CE' },
        { sheet: '附件3 自评表', cell: 'H4', fill: '#FFEB9C' },
        { sheet: '附件3 自评表', cell: 'K30', value: '备注_x000D_' },
      ],
      [{ name: '_selfeval_1', sheet: '附件3 自评表', cell: 'H4' }],
    );
    await expectSame(written);
    expect(fastSnapshot(parts(written)).names).toEqual([{ name: '_selfeval_1', sheet: '附件3 自评表', cell: 'H4' }]);
  });
});

describe('what the fast reader leaves to ExcelJS', () => {
  const cases: [string, () => Uint8Array][] = [
    ['prefixed namespaces', () => seedWith({ [FORM_PART]: prefixed, [STYLES]: prefixed, [SHARED]: prefixed, [WORKBOOK]: prefixed })],
    ['cells without r', () => formWith((x) => withoutRefs(x))],
    ['rows and cells without r', () => formWith((x) => withoutRefs(x, true))],
    ['t="d" dates before 1900-03-01', () => formWith((x) => setCell(x, 'C4', '<c r="C4" s="2" t="d"><v>1900-01-01</v></c>'))],
    ['t="d" values that are not ISO dates', () => formWith((x) => setCell(x, 'C4', '<c r="C4" s="2" t="d"><v>31/12/2023</v></c>'))],
    ['a shared formula before its master', () => formWith((x) => setCell(x, 'H4', '<c r="H4" s="2"><f t="shared" si="5"/><v>10</v></c>'))],
    ['overlapping merges', () => formWith((x) => x.replace(/<mergeCells count="(\d+)">/, (_m, n: string) => `<mergeCells count="${Number(n) + 2}"><mergeCell ref="K2:M5"/><mergeCell ref="L4:N6"/>`))],
    ['entities in a t="str" value', () => formWith((x) => setCell(x, 'C4', '<c r="C4" s="2" t="str"><v>a&amp;lt;b</v></c>'))],
    ['a ">" inside an attribute value', () => seedWith({ [STYLES]: (x) => rep(x, 'formatCode="0.0%"', 'formatCode="[>=1]0.0%;0.00%"') })],
    ['CDATA', () => formWith((x) => setCell(x, 'B4', '<c r="B4" s="2" t="inlineStr"><is><t><![CDATA[a<b]]></t></is></c>'))],
    ['a merge whose ref is given twice (the XML parser refuses it)', () => formWith((x) => rep(x, /<mergeCells count="(\d+)">/, '<mergeCells count="$1"><mergeCell ref="A40:B40" ref="A41:B41"/>'))],
    ['a column whose style is given twice', () => formWith((x) => rep(x, '<col min="1" max="1" width="8" customWidth="1"/>', '<col min="1" max="1" width="8" style="2" style="3" customWidth="1"/>'))],
    ['an empty <si/>', () => seedWith({ [SHARED]: (x) => rep(x, /<si><t>[^<]*<\/t><\/si>/, '<si/>') })],
    ['a relationship whose Target is given twice', () => seedWith({ [WORKBOOK_RELS]: (x) => rep(x, 'Target="styles.xml"', 'Target="styles.xml" Target="x.xml"') })],
    ['a cell format (not the first) whose fillId is given twice', () => seedWith({ [STYLES]: (x) => rep(x, /(<cellXfs[^>]*>(?:[\s\S]*?<xf ){2}[^>]*?)fillId="(\d+)"/, '$1fillId="$2" fillId="0"') })],
    ['a row whose r is given twice', () => formWith((x) => rep(x, '</sheetData>', '<row r="40" r="41"><c r="A40"><v>1</v></c></row></sheetData>'))],
  ];
  it.each(cases)('%s', async (_name, make) => expectBails(make()));
});

it('t="d" dates are the serials Excel shows, where ExcelJS reads the year (parseFloat of the ISO text)', async () => {
  const bytes = formWith((x) => setCell(setCell(x, 'C4', '<c r="C4" s="2" t="d"><v>2023-12-31T12:00:00</v></c>'), 'D4', '<c r="D4" s="2" t="d"><v>2024-01-01</v></c>'));
  const fast = fastSnapshot(parts(bytes));
  const form = fast.sheets[1];
  expect(form.values[3].slice(2, 4)).toEqual([45291.5, 45292]);
  expect(form.texts[3].slice(2, 4)).toEqual(['45291.5', '45292']); // General, as Excel shows them
  expect((await snapshotFromBuffer(bytes.slice())).sheets[1].values[3].slice(2, 4)).toEqual([45291.5, 45292]);
  // The ExcelJS route (used when the direct reader leaves a package to it) gets these wrong.
  expect((await viaExcelJS(bytes)).sheets[1].values[3].slice(2, 4)).toEqual([2023, 2024]);
  // In the 1904 date system the same day is 1462 smaller.
  const mac = seedWith({
    [WORKBOOK]: (x) => rep(x, '<workbookPr ', '<workbookPr date1904="1" '),
    [FORM_PART]: (x) => setCell(x, 'C4', '<c r="C4" s="2" t="d"><v>2023-12-31T12:00:00</v></c>'),
  });
  expect(fastSnapshot(parts(mac)).sheets[1].values[3][2]).toBe(45291.5 - 1462);
});

it('takes linear time on hostile parts (no regex that could backtrack over the whole part)', () => {
  const n = 200000;
  const hostile = [
    (x: string) => setCell(x, 'C4', `<c r="C4"><v${'<v'.repeat(n)}</c>`),
    (x: string) => rep(x, '</sheetData>', `<row r="90">${'<c r="A90" '.repeat(n)}</row></sheetData>`),
    (x: string) => rep(x, '</sheetData>', `${'<row'.repeat(n)}</sheetData>`),
  ];
  for (const edit of hostile) {
    const p = parts(formWith(edit));
    const t0 = Date.now();
    try {
      fastSnapshot(p);
    } catch (e) {
      expect(e).toBeInstanceOf(NotSimple);
    }
    expect(Date.now() - t0).toBeLessThan(1000);
  }
  const sst = parts(seedWith({ [SHARED]: (x) => x.replace('<si>', `<si>${'<r>'.repeat(n)}`) }));
  const t0 = Date.now();
  expect(() => fastSnapshot(sst)).toThrow(NotSimple);
  expect(Date.now() - t0).toBeLessThan(1000);
});

/** A workbook ExcelJS writes with inline strings only (no sharedStrings part). */
function generateWorkbookBytesWithInline(): Uint8Array {
  return packageOf([{ name: 'S', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1"><v>2</v></c></row>') }], { shared: null });
}

// ---- random small sheets, written as raw parts ----

const STYLE_SHEET = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/><numFmt numFmtId="166" formatCode="#,##0.00\\ &quot;元&quot;"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="7"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor indexed="64"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor theme="5"/></patternFill></fill><fill><patternFill patternType="solid"><fgColor indexed="10"/></patternFill></fill><fill><patternFill patternType="darkGrid"><fgColor rgb="FF123456"/></patternFill></fill><fill><patternFill/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="10"><xf numFmtId="0" fontId="0" fillId="2" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0"/><xf numFmtId="165" fontId="0" fillId="2" borderId="0"/><xf numFmtId="14" fontId="0" fillId="3" borderId="0"/><xf numFmtId="166" fontId="0" fillId="4" borderId="0"/><xf numFmtId="2" fontId="0" fillId="5" borderId="0"/><xf numFmtId="49" fontId="0" fillId="6" borderId="0"/><xf numFmtId="31" fontId="0" fillId="1" borderId="0"/><xf numFmtId="22" fontId="0" fillId="0" borderId="0"/><xf numFmtId="10" fontId="0" fillId="2" borderId="0"/></cellXfs></styleSheet>`;
const STYLE_COUNT = 10;

function sheetXml(rows: string, extra = '', cols = ''): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${cols}<sheetData>${rows}</sheetData>${extra}</worksheet>`;
}

function packageOf(sheets: { name: string; xml: string; state?: string }[], opts: { shared?: string[] | null; date1904?: boolean } = {}): Uint8Array {
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const files: Record<string, Uint8Array> = {
    '[Content_Types].xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`),
    '_rels/.rels': strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`),
    'xl/styles.xml': strToU8(STYLE_SHEET),
  };
  const rels = sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  files['xl/_rels/workbook.xml.rels'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`);
  const list = sheets.map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`).join('');
  files['xl/workbook.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${ns}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr${opts.date1904 ? ' date1904="1"' : ''}/><sheets>${list}</sheets></workbook>`);
  sheets.forEach((s, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(s.xml)));
  if (opts.shared !== null) {
    const sst = (opts.shared ?? []).map((t) => `<si>${t.startsWith('<') ? t : `<t xml:space="preserve">${t}</t>`}</si>`).join('');
    files['xl/sharedStrings.xml'] = strToU8(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${ns}">${sst}</sst>`);
  }
  return zipSync(files, { level: 1 });
}

/** Plain texts, and raw `<si>` bodies (rich runs, phonetic runs). */
const SHARED_STRINGS = [
  '甲', '', ' 乙 ', 'a_x000D_b', '&lt;x&gt;', '1', '预算执行率',
  '<r><rPr><b/><sz val="11"/></rPr><t>粗</t></r><r><t xml:space="preserve"> 体_x000A_</t></r>',
  '<t>注</t><rPh sb="0" eb="1"><t>ちゅう</t></rPh><phoneticPr fontId="1"/>',
];
const colName = (j: number): string => String.fromCharCode(65 + j);

const cellArb = fc.oneof(
  fc.record({ kind: fc.constant('n' as const), v: fc.oneof(fc.integer({ min: -1000, max: 100000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })) }),
  fc.record({ kind: fc.constant('s' as const), v: fc.integer({ min: 0, max: SHARED_STRINGS.length - 1 }) }),
  fc.record({ kind: fc.constant('inline' as const), v: fc.constantFrom('内联', ' x ', 'a_x000A_b', '&amp;') }),
  fc.record({ kind: fc.constant('str' as const), v: fc.constantFrom('公式文本', '', 'x_x0009_y') }),
  fc.record({ kind: fc.constant('b' as const), v: fc.constantFrom('0', '1') }),
  fc.record({ kind: fc.constant('e' as const), v: fc.constantFrom('#DIV/0!', '#N/A', '#REF!') }),
  fc.record({ kind: fc.constant('f' as const), v: fc.constantFrom('0', '12.5', '', '45000') }),
  fc.record({ kind: fc.constant('shared' as const), v: fc.constant('') }),
  fc.record({ kind: fc.constant('empty' as const), v: fc.constant('') }),
);

const sheetArb = fc.record({
  cells: fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 5 }), cellArb, fc.integer({ min: 0, max: STYLE_COUNT })), { maxLength: 25 }),
  rowStyles: fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: STYLE_COUNT - 1 })), { maxLength: 3 }),
  colStyles: fc.array(fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: STYLE_COUNT - 1 })), { maxLength: 3 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { maxLength: 3 }),
  state: fc.constantFrom(undefined, 'hidden', 'veryHidden'),
  protect: fc.boolean(),
  date1904: fc.boolean(),
});

type SheetSpec = typeof sheetArb extends fc.Arbitrary<infer T> ? T : never;

function writeSheet(spec: SheetSpec): string {
  const byRow = new Map<number, Map<number, string>>();
  let sharedMaster: { row: number; col: number } | null = null;
  const sorted = [...spec.cells].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [row, col, cell, style] of sorted) {
    if (byRow.get(row)?.has(col)) continue; // one cell per address
    const r = `${colName(col)}${row + 1}`;
    const s = style ? ` s="${style}"` : '';
    let xml: string;
    switch (cell.kind) {
      case 'n': xml = `<c r="${r}"${s}><v>${cell.v}</v></c>`; break;
      case 's': xml = `<c r="${r}"${s} t="s"><v>${cell.v}</v></c>`; break;
      case 'inline': xml = `<c r="${r}"${s} t="inlineStr"><is><t>${cell.v}</t></is></c>`; break;
      case 'str': xml = `<c r="${r}"${s} t="str"><v>${cell.v}</v></c>`; break;
      case 'b': xml = `<c r="${r}"${s} t="b"><v>${cell.v}</v></c>`; break;
      case 'e': xml = `<c r="${r}"${s} t="e"><v>${cell.v}</v></c>`; break;
      case 'f': xml = `<c r="${r}"${s}><f>A1+$B$2*C${row + 1}</f>${cell.v === '' ? '' : `<v>${cell.v}</v>`}</c>`; break;
      case 'shared':
        if (!sharedMaster) {
          sharedMaster = { row, col };
          xml = `<c r="${r}"${s}><f t="shared" ref="${r}:F10" si="0">SUM(H10:I$2)+$C10*'表1'!J12</f><v>1</v></c>`;
        } else xml = `<c r="${r}"${s}><f t="shared" si="0"/><v>2</v></c>`;
        break;
      default: xml = `<c r="${r}"${s}/>`;
    }
    if (!byRow.has(row)) byRow.set(row, new Map());
    byRow.get(row)!.set(col, xml);
  }
  const rowStyle = new Map(spec.rowStyles);
  for (const row of rowStyle.keys()) if (!byRow.has(row)) byRow.set(row, new Map());
  const rows = [...byRow.keys()].sort((a, b) => a - b).map((row) => {
    const s = rowStyle.get(row);
    const cells = [...byRow.get(row)!.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]).join('');
    return `<row r="${row + 1}"${s ? ` s="${s}" customFormat="1"` : ''}>${cells}</row>`;
  }).join('');
  const cols = spec.colStyles.length
    ? `<cols>${spec.colStyles.map(([min, span, style]) => `<col min="${min}" max="${min + span}" width="9"${style ? ` style="${style}"` : ''}/>`).join('')}</cols>`
    : '';
  // Merges that do not overlap (ExcelJS refuses overlapping ones).
  const taken: [number, number, number, number][] = [];
  for (const [top, left, h, w] of spec.merges) {
    const m: [number, number, number, number] = [top, left, top + h, left + w];
    if (h + w === 0 || taken.some((o) => m[0] <= o[2] && o[0] <= m[2] && m[1] <= o[3] && o[1] <= m[3])) continue;
    taken.push(m);
  }
  const merges = taken.length ? `<mergeCells count="${taken.length}">${taken.map((m) => `<mergeCell ref="${colName(m[1])}${m[0] + 1}:${colName(m[3])}${m[2] + 1}"/>`).join('')}</mergeCells>` : '';
  const protect = spec.protect ? '<sheetProtection sheet="1" objects="1"/>' : '';
  return sheetXml(rows, protect + merges, cols);
}

it('random small sheets: the fast reader gives the ExcelJS route\'s snapshot, or leaves the few odd ones to it', async () => {
  const runs = Number(process.env.FAST_RUNS ?? 150);
  let bailed = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 2 }), async (specs) => {
      const bytes = packageOf(
        specs.map((spec, i) => ({ name: `表${i + 1}`, xml: writeSheet(spec), state: spec.state })),
        { shared: SHARED_STRINGS, date1904: specs[0].date1904 },
      );
      let fast;
      try {
        fast = fastSnapshot(parts(bytes), 'book.xlsx');
      } catch (e) {
        // A shared formula sliding off the sheet, or its master merged over: ExcelJS's own way.
        if (!(e instanceof NotSimple)) throw e;
        bailed++;
        await expectBails(bytes);
        return;
      }
      expect(fast).toStrictEqual(await viaExcelJS(bytes, 'book.xlsx'));
    }),
    { numRuns: runs },
  );
  expect(bailed).toBeLessThan(runs / 10);
});
