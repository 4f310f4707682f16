/**
 * The file host's data-safety promises on workbooks other writers leave behind (from the fill sweep):
 * array formulas and data tables, styled gaps, an orphan content-type override, the 1904 date system,
 * `_xHHHH_` escapes, and XML without `r` attributes or with a namespace prefix.
 */
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import { applyChanges } from '../../../src/hosts/file/patch';
import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import { MARK_FILLS, STATE_SHEET, type CellChange } from '../../../src/core/edits';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { FORM_SHEET, SEED, fixture, hostError, text } from './helpers';
import { FORM_PART, SHARED, STYLES, TYPES, WORKBOOK, WORKBOOK_RELS, addXf, prefixed, rep, seedWith, setCell, withoutRefs } from './variants';

function at(s: SheetSnapshot, a1: string): { value: unknown; text: string; formula: string | null; fmt: string; fill: string | null } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1) as RegExpExecArray;
  const c = m[1].charCodeAt(0) - 65;
  const r = Number(m[2]) - 1;
  return { value: s.values[r]?.[c] ?? null, text: s.texts[r]?.[c] ?? '', formula: s.formulas[r]?.[c] ?? null, fmt: s.numberFormats[r]?.[c] ?? 'General', fill: s.fills?.[r]?.[c] ?? null };
}

async function form(bytes: Uint8Array): Promise<SheetSnapshot> {
  return (await snapshotFromBuffer(bytes)).sheets.find((s) => s.name === FORM_SHEET) as SheetSnapshot;
}

/** The <c> element of a cell in the form sheet's XML. */
function cellXml(bytes: Uint8Array, a1: string): string {
  return new RegExp(`<c r="${a1}"(?:[^>]*?/>|[^>]*>[\\s\\S]*?</c>)`).exec(text(bytes, FORM_PART))?.[0] ?? '';
}

/** The cellXfs entry `s` of a package's styles. */
function xf(bytes: Uint8Array, s: number): string {
  const list = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(text(bytes, STYLES))?.[1] ?? '';
  return list.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)?.[s] ?? '';
}

const styleOf = (c: string): number => Number(/\ss="(\d+)"/.exec(c)?.[1] ?? 0);

describe('array formulas and data tables: every cell of the range is a formula cell', () => {
  const ARRAY = '<c r="H18" s="2"><f t="array" ref="H18:H19">G18:G19*{0.8;0.1}</f><v>8</v></c>';
  const SPILL = '<c r="H18" s="2" cm="1"><f t="array" ref="H18:H19">_xlfn._xlws.SORT(G18:G19*{0.8;0.1},,-1)</f><v>8</v></c>';
  const TABLE = '<c r="H18" s="2"><f t="dataTable" ref="H18:H19" dt2D="0" dtr="0" r1="G13"/><v>8</v></c>';

  it.each([
    ['legacy array formula', ARRAY, '=G18:G19*{0.8;0.1}'],
    ['dynamic array (spill)', SPILL, '=_xlfn._xlws.SORT(G18:G19*{0.8;0.1},,-1)'],
    ['data table', TABLE, '=TABLE()'],
  ])('%s: the reader gives the anchor and the other cells the formula, and keeps their values', async (_name, cell, formula) => {
    const s = await form(seedWith({ [FORM_PART]: (x) => setCell(x, 'H18', cell) }));
    expect(at(s, 'H18')).toMatchObject({ value: 8, formula });
    expect(at(s, 'H19')).toMatchObject({ value: 1, formula });
    expect(at(s, 'H20').formula).toBeNull();
    expect(at(s, 'G19').formula).toBeNull();
  });

  it('a range reaching past the cells with values grows the snapshot to hold it', async () => {
    const s = await form(seedWith({ [FORM_PART]: (x) => setCell(x, 'H18', '<c r="H18" s="2"><f t="array" ref="H18:K30">G18:G19*{1;2}</f><v>8</v></c>') }));
    expect(s.values.length).toBe(30);
    expect(s.values.every((r) => r.length === 11)).toBe(true);
    for (const grid of [s.texts, s.formulas, s.numberFormats, s.fills ?? []]) {
      expect(grid.length).toBe(30);
      expect(grid.every((r) => r.length === 11)).toBe(true);
    }
    expect(at(s, 'K30')).toMatchObject({ value: null, formula: '=G18:G19*{1;2}' });
    expect(at(s, 'H19').formula).toBe('=G18:G19*{1;2}');
  });

  it.each([
    ['array formula', ARRAY, /附件3 自评表!H19 is computed by the array formula of H18:H19/],
    ['data table', TABLE, /附件3 自评表!H19 is computed by the data table of H18:H19/],
  ])('the writer refuses a value inside the range of a %s, as over any formula, all or nothing', async (_name, cell, message) => {
    const bytes = seedWith({ [FORM_PART]: (x) => setCell(x, 'H18', cell) });
    const e = await hostError(() => applyChanges(bytes, [{ sheet: FORM_SHEET, cell: 'H14', value: 14.55 }, { sheet: FORM_SHEET, cell: 'H19', value: 9.8 }]));
    expect(e.code).toBe('write-failed');
    expect(e.message).toMatch(message);
    expect((await hostError(() => applyChanges(bytes, [{ sheet: FORM_SHEET, cell: 'H18', value: 10 }]))).message).toMatch(/H18 holds a formula/);
    // A mark (fill only) on a cell of the range is fine, and so is a value next to it.
    const out = applyChanges(bytes, [{ sheet: FORM_SHEET, cell: 'H19', fill: MARK_FILLS.error }, { sheet: FORM_SHEET, cell: 'H20', value: 9 }]);
    expect(cellXml(out, 'H19')).toMatch(/^<c r="H19" s="\d+"><v>1<\/v><\/c>$/);
    expect(at(await form(out), 'H19')).toMatchObject({ value: 1, fill: MARK_FILLS.error });
    expect(at(await form(out), 'H20').value).toBe(9);
  });
});

describe('a cell written where none was keeps the style it showed', () => {
  // Column G shows xf 5 (0%), column H xf 3 (0.0%); row 4 stops at F4, so G4 and H4 are gaps.
  const COLS = '<cols><col min="1" max="1" width="8" customWidth="1"/><col min="2" max="3" width="16" customWidth="1"/><col min="4" max="4" width="22" customWidth="1"/><col min="5" max="6" width="14" customWidth="1"/><col min="7" max="7" width="8" style="5" customWidth="1"/><col min="8" max="8" width="8" style="3" customWidth="1"/><col min="9" max="9" width="28" customWidth="1"/></cols>';
  const colStyled = (): Uint8Array =>
    seedWith({ [FORM_PART]: (x) => setCell(setCell(rep(x, /<cols>[\s\S]*?<\/cols>/, COLS), 'G4', ''), 'H4', '') });

  it('the reader gives the gap its column style, also after the last cell of its row', async () => {
    const s = await form(colStyled());
    expect(at(s, 'G4')).toMatchObject({ value: null, fmt: '0%' });
    expect(at(s, 'H4')).toMatchObject({ value: null, fmt: '0.0%' });
    // A row without any value cell still shows its columns' formats.
    expect(at(s, 'G22').fmt).toBe('0%');
  });

  it("from its column's style, with a mark or a number format applied on top", () => {
    const bytes = colStyled();
    const out = applyChanges(bytes, [
      { sheet: FORM_SHEET, cell: 'G4', value: 0.9351 },
      { sheet: FORM_SHEET, cell: 'H4', value: 9.35, fill: MARK_FILLS.error },
    ]);
    expect(cellXml(out, 'G4')).toBe('<c r="G4" s="5"><v>0.9351</v></c>');
    const h4 = cellXml(out, 'H4');
    // xf 3 with the mark's fill: same number format, border and alignment.
    const marked = xf(out, styleOf(h4));
    expect(marked).toMatch(/numFmtId="164"/);
    expect(marked).toMatch(/borderId="1"/);
    expect(marked).toMatch(/<alignment horizontal="center" vertical="center" wrapText="1"\/>/);
    expect(marked).not.toMatch(/fillId="0"/);
    // A rate's format on a gap starts from the column's style too (border kept).
    const fmt = applyChanges(bytes, [{ sheet: FORM_SHEET, cell: 'H4', value: 0.9, numberFormat: '0.00%' }]);
    expect(xf(fmt, styleOf(cellXml(fmt, 'H4')))).toMatch(/^<xf numFmtId="10" fontId="0" fillId="0" borderId="1"/);
  });

  it("from its row's style when the row has customFormat, which wins over the column's", async () => {
    const bytes = seedWith({
      [FORM_PART]: (x) => setCell(rep(rep(x, /<cols>[\s\S]*?<\/cols>/, COLS), '<row r="19" ht="75" customHeight="1"', '<row r="19" ht="75" customHeight="1" s="4" customFormat="1"'), 'H19', ''),
    });
    const out = applyChanges(bytes, [{ sheet: FORM_SHEET, cell: 'H19', value: 9.8 }]);
    expect(cellXml(out, 'H19')).toBe('<c r="H19" s="4"><v>9.8</v></c>');
    // The row's own attributes are untouched.
    expect(text(out, FORM_PART)).toContain('<row r="19" ht="75" customHeight="1" s="4" customFormat="1"');
  });

  it('a row s without customFormat does not apply (Excel ignores it); a missing row takes the column style; none gives no s', () => {
    const bytes = seedWith({
      [FORM_PART]: (x) => setCell(rep(rep(x, /<cols>[\s\S]*?<\/cols>/, COLS), '<row r="19" ht="75" customHeight="1"', '<row r="19" ht="75" customHeight="1" s="4"'), 'H19', ''),
    });
    const out = applyChanges(bytes, [
      { sheet: FORM_SHEET, cell: 'H19', value: 9.8 },
      { sheet: FORM_SHEET, cell: 'G40', value: 1 },
      { sheet: FORM_SHEET, cell: 'J40', value: 2 },
    ]);
    expect(cellXml(out, 'H19')).toBe('<c r="H19" s="3"><v>9.8</v></c>');
    expect(cellXml(out, 'G40')).toBe('<c r="G40" s="5"><v>1</v></c>');
    expect(cellXml(out, 'J40')).toBe('<c r="J40"><v>2</v></c>');
  });

  it('an existing cell keeps its own style, even s="0" under a styled column', () => {
    const bytes = seedWith({ [FORM_PART]: (x) => setCell(rep(x, /<cols>[\s\S]*?<\/cols>/, COLS), 'G4', '<c r="G4"><v>1</v></c>') });
    const out = applyChanges(bytes, [{ sheet: FORM_SHEET, cell: 'G4', value: 0.5 }]);
    expect(cellXml(out, 'G4')).toBe('<c r="G4"><v>0.5</v></c>');
  });
});

describe('the state sheet gets a part name nothing else claims', () => {
  const WS_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  const overrides = (ct: string): string[] => [...ct.matchAll(/PartName="([^"]*)"/g)].map((m) => m[1].toLowerCase());

  it('not one an orphan <Override> in [Content_Types].xml already declares (no duplicate PartName)', async () => {
    const bytes = seedWith({ [TYPES]: (x) => rep(x, '</Types>', `<Override PartName="/xl/worksheets/sheet3.xml" ContentType="${WS_CT}"/></Types>`) });
    const out = applyChanges(bytes, [{ sheet: STATE_SHEET, cell: 'A1', value: 'state' }]);
    const ct = text(out, TYPES);
    const names = overrides(ct);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toContain('/xl/worksheets/sheet4.xml');
    expect(Object.keys(unzipSync(out))).toContain('xl/worksheets/sheet4.xml');
    expect(text(out, WORKBOOK_RELS)).toContain('Target="worksheets/sheet4.xml"');
    const snap = await snapshotFromBuffer(out);
    expect(snap.sheets.find((s) => s.name === STATE_SHEET)).toMatchObject({ visibility: 'veryHidden', values: [['state']] });
  });

  it('nor the target of a relationship whose part is missing', () => {
    const bytes = seedWith({
      [WORKBOOK_RELS]: (x) => rep(x, '</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/></Relationships>'),
    });
    const out = applyChanges(bytes, [{ sheet: STATE_SHEET, cell: 'A1', value: 'state' }]);
    expect(Object.keys(unzipSync(out))).toContain('xl/worksheets/sheet4.xml');
    expect(Object.keys(unzipSync(out))).not.toContain('xl/worksheets/sheet3.xml');
  });
});

describe('1904 date system', () => {
  // xf 6: the seed's xf 2 with the built-in date format 14.
  const DATE_XF = '<xf numFmtId="14" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>';
  const variant = (pr: string, h18: number): Uint8Array =>
    seedWith({
      [WORKBOOK]: (x) => rep(x, '<workbookPr ', `<workbookPr ${pr} `),
      [STYLES]: (x) => addXf(x, DATE_XF),
      [FORM_PART]: (x) => setCell(x, 'H18', `<c r="H18" s="6"><v>${h18}</v></c>`),
    });

  it.each([
    ['date1904="1"', 8, '01-09-04'],
    ['date1904="true"', 8, '01-09-04'],
    ['date1904="0"', 8, '01-08-00'],
    ['date1904="0"', 61, '03-01-00'],
    ['', 45291, '12-31-23'],
    ['date1904="1"', 43829, '12-31-23'],
  ])('%s: a date-formatted %p reads as the serial the cell holds, shown as %p', async (pr, serial, shown) => {
    const s = await form(variant(pr, serial));
    expect(at(s, 'H18')).toMatchObject({ value: serial, text: shown, fmt: 'mm-dd-yy' });
  });

  it('a date-formatted formula result too', async () => {
    const bytes = seedWith({
      [WORKBOOK]: (x) => rep(x, '<workbookPr ', '<workbookPr date1904="1" '),
      [STYLES]: (x) => addXf(x, DATE_XF),
      [FORM_PART]: (x) => setCell(x, 'H18', '<c r="H18" s="6"><f>G18-2</f><v>8</v></c>'),
    });
    expect(at(await form(bytes), 'H18')).toMatchObject({ value: 8, formula: '=G18-2', text: '01-09-04' });
  });

  it('fill then revert gives the cell its serial back, not one shifted by 1462 days', async () => {
    const bytes = variant('date1904="1"', 8);
    const before = at(await form(bytes), 'H18').value as number;
    const filled = applyChanges(bytes, [{ sheet: FORM_SHEET, cell: 'H18', value: 10 }]);
    const reverted = applyChanges(filled, [{ sheet: FORM_SHEET, cell: 'H18', value: before }]);
    expect(cellXml(reverted, 'H18')).toBe('<c r="H18" s="6"><v>8</v></c>');
  });
});

describe('_xHHHH_ escapes', () => {
  const inline = (t: string): string => `<c r="H19" s="2" t="inlineStr"><is><t>${t}</t></is></c>`;

  it.each([
    ['an escaped carriage return', inline('1_x000D_分'), '1\r分'],
    ['an escaped escape: the seven characters', inline('1_x005F_x000D_分'), '1_x000D_分'],
    ['lower-case hex', inline('a_x000d_b'), 'a\rb'],
    ['a control character', inline('a_x0001_b'), 'a\u0001b'],
    ['no escape', inline('1 分 _x00 _xZZZZ_'), '1 分 _x00 _xZZZZ_'],
    ['rich inline runs (ExcelJS decodes those)', '<c r="H19" s="2" t="inlineStr"><is><r><t>a_x000D_</t></r><r><t>b</t></r></is></c>', 'a\rb'],
    ['a t="str" constant', '<c r="H19" s="2" t="str"><v>a_x000D_b</v></c>', 'a\rb'],
  ])('%s in an inline string or str value reads decoded', async (_name, cell, want) => {
    const s = await form(seedWith({ [FORM_PART]: (x) => setCell(x, 'H19', cell) }));
    expect(at(s, 'H19').value).toBe(want);
    expect(at(s, 'H19').text).toBe(want);
  });

  it('a formula keeps its text; its cached string result is decoded', async () => {
    const s = await form(seedWith({ [FORM_PART]: (x) => setCell(x, 'H19', '<c r="H19" s="2" t="str"><f>_xlfn.CONCAT("a_x000D_","b")</f><v>a_x000D_b</v></c>') }));
    expect(at(s, 'H19')).toMatchObject({ value: 'a\rb', formula: '=_xlfn.CONCAT("a_x000D_","b")' });
  });

  it('shared strings are decoded once (by ExcelJS), never twice', async () => {
    const bytes = seedWith({
      [SHARED]: (x) => rep(rep(x, '<si><t>解决问题到位率</t></si>', '<si><t>到位_x005F_x000D_率</t></si>'), '</sst>', '<si><t>x_x000D_y</t></si></sst>'),
      [FORM_PART]: (x) => setCell(x, 'H19', '<c r="H19" s="2" t="s"><v>104</v></c>'),
    });
    const s = await form(bytes);
    expect(at(s, 'H19').value).toBe('x\ry');
    expect(s.values.flat()).toContain('到位_x000D_率');
  });

  const TRICKY = [
    '1_x000D_分', '_x005F_', '_x005F_x000D_', '_x0041\u0001', '_x0041_x0042', '__x000D__', 'a\rb', 'a\r\nb', '\u0001\u001f', '_xD842__xDFB7_', '𠮷', '𠮷'.slice(0, 1), '𠮷'.slice(1),
    'x' + '𠮷'.slice(0, 1), '&<>"\'', ' lead', 'trail ', '\t', '_x000a_', '_X000D_', '\uFFFE',
  ];

  it.each(TRICKY.map((s) => [JSON.stringify(s), s]))('written %s reads back exactly, and again after a second write', async (_n, s) => {
    const once = applyChanges(fixture(SEED), [{ sheet: FORM_SHEET, cell: 'I19', value: s }]);
    expect(at(await form(once), 'I19').value).toBe(s);
    const v = at(await form(once), 'I19').value as string;
    const twice = applyChanges(once, [{ sheet: FORM_SHEET, cell: 'I18', value: v }]);
    expect(at(await form(twice), 'I18').value).toBe(s);
  });

  it('property: any text of escapes, underscores, surrogate halves and XML characters round-trips', async () => {
    const piece = fc.constantFrom('_', 'x', '_x', '000D', '005F', 'D842', 'DFB7', '_x000D_', '_x005F_', '\r', '\n', '\u0001', '\uD842', '\uDFB7', '𠮷', '&', '<', 'a', '分', ' ');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 12 }).map((a) => a.join('')), async (s) => {
        const out = applyChanges(fixture(SEED), [{ sheet: FORM_SHEET, cell: 'I19', value: s }]);
        expect(at(await form(out), 'I19').value).toBe(s);
      }),
      { numRuns: 40 },
    );
  });

  it('the journal (inline strings on the state sheet) keeps a clerk\'s "_x000D_" text exactly through fill and revert', async () => {
    const bytes = seedWith({ [FORM_PART]: (x) => setCell(x, 'H19', inline('1_x000D_分')) });
    const before = at(await form(bytes), 'H19').value;
    const journal = JSON.stringify({ before });
    const filled = applyChanges(bytes, [{ sheet: FORM_SHEET, cell: 'H19', value: 9.8 }, { sheet: STATE_SHEET, cell: 'A1', value: journal }]);
    const state = (await snapshotFromBuffer(filled)).sheets.find((s) => s.name === STATE_SHEET) as SheetSnapshot;
    const restored = JSON.parse(state.values[0][0] as string).before;
    expect(restored).toBe('1\r分');
    const reverted = applyChanges(filled, [{ sheet: FORM_SHEET, cell: 'H19', value: restored }]);
    expect(at(await form(reverted), 'H19').value).toBe('1\r分');
  });
});

describe('XML not in the form Excel writes', () => {
  const seed = async (): Promise<WorkbookSnapshot> => snapshotFromBuffer(fixture(SEED));
  const strip = (w: WorkbookSnapshot): WorkbookSnapshot => ({ ...w, name: undefined });

  it.each([
    ['cells without r', { [FORM_PART]: (x: string) => withoutRefs(x) }],
    ['rows and cells without r', { [FORM_PART]: (x: string) => withoutRefs(x, true), 'xl/worksheets/sheet1.xml': (x: string) => withoutRefs(x, true) }],
    ['x:-prefixed SpreadsheetML in every part', Object.fromEntries([FORM_PART, 'xl/worksheets/sheet1.xml', WORKBOOK, STYLES, SHARED].map((p) => [p, prefixed]))],
    ['prefixed and without r', { [FORM_PART]: (x: string) => prefixed(withoutRefs(x, true)), [STYLES]: prefixed }],
  ])('%s: read as Excel reads them (the same snapshot as the seed), and written in the right places', async (_name, edits) => {
    const bytes = seedWith(edits as Record<string, (x: string) => string>);
    expect(strip(await snapshotFromBuffer(bytes))).toEqual(strip(await seed()));
    const changes: CellChange[] = [
      { sheet: FORM_SHEET, cell: 'H14', value: 14.55, fill: MARK_FILLS.error },
      { sheet: FORM_SHEET, cell: 'I14', fill: MARK_FILLS.warning },
      { sheet: FORM_SHEET, cell: 'J30', value: 'new' },
    ];
    const expected = await snapshotFromBuffer(applyChanges(fixture(SEED), changes));
    const out = applyChanges(bytes, changes);
    expect(strip(await snapshotFromBuffer(out))).toEqual(strip(expected));
  });

  it('a part still unreadable after that is a clear HostError naming the fix', async () => {
    // Cells without r, and an element left open.
    const bytes = seedWith({ [FORM_PART]: (x) => rep(withoutRefs(x), '</mergeCells>', '') });
    const e = await hostError(() => snapshotFromBuffer(bytes));
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/not in the form Excel writes.*open it in Excel or WPS and save it again/);
  });

  it('a prefix bound to another namespace is left alone (and such a part is unreadable)', async () => {
    const other = seedWith({
      [STYLES]: (x) => prefixed(x).replace('xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="urn:not-spreadsheetml"'),
    });
    expect((await hostError(() => snapshotFromBuffer(other))).code).toBe('unreadable');
  });

  it('the parts are rewritten for ExcelJS only: the patched package keeps the original XML', () => {
    const bytes = seedWith({ [FORM_PART]: (x) => prefixed(withoutRefs(x)) });
    const out = applyChanges(bytes, [{ sheet: FORM_SHEET, cell: 'H14', value: 14.55 }]);
    const xml = strFromU8(unzipSync(out)[FORM_PART]);
    expect(xml).toMatch(/^<\?xml[^>]*>\s*<x:worksheet /);
    expect(xml).toContain('<x:c s="2" r="H14"><x:v>14.55</x:v></x:c>');
    // Other cells keep having no r.
    expect(xml).toContain('<x:c s="2"><x:v>10</x:v></x:c>');
  });
});

describe('the state sheet is written only under its exact name', () => {
  it("a clerk's sheet named _SELFEVAL (another case) is never written into: all or nothing", async () => {
    const bytes = seedWith({ [WORKBOOK]: (x) => rep(x, 'name="附件2 基础数据表"', 'name="_SELFEVAL"') });
    const e = await hostError(() => applyChanges(bytes, [{ sheet: FORM_SHEET, cell: 'H14', value: 14.55 }, { sheet: STATE_SHEET, cell: 'A1', value: 'state' }]));
    expect(e.code).toBe('write-failed');
    expect(e.message).toMatch(/sheet named "_SELFEVAL".*rename that sheet/);
    // Addressed by its own name (as the app does for a state sheet it recognises as its own), it is written.
    const out = applyChanges(bytes, [{ sheet: '_SELFEVAL', cell: 'J1', value: 'x' }]);
    expect((await snapshotFromBuffer(out)).sheets[0].values[0][9]).toBe('x');
  });
});

describe('number format codes are read as Excel stores them', () => {
  // ExcelJS drops the backslash of escapes in format codes: 0.00\% would read as 0.00%, a real percent.
  const withFormat = (code: string, value: number): Uint8Array =>
    seedWith({
      [STYLES]: (x) => addXf(rep(x, '<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>', `<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="${code}"/></numFmts>`), '<xf numFmtId="165" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1"/>'),
      [FORM_PART]: (x) => setCell(x, 'G4', `<c r="G4" s="6"><v>${value}</v></c>`),
    });

  it.each([
    ['0.00\\%', 100, '100.00%'],
    ['0.00&quot;%&quot;', 100, '100.00%'],
    ['#,##0.00\\元', 1234.5, '1,234.50元'],
    ['\\¥#,##0.00;\\-\\¥#,##0.00', 12.3, '¥12.30'],
    ['0\\\\0', 5, '5\\0'],
  ])('%s', async (code, value, shown) => {
    const raw = code.replace(/&quot;/g, '"');
    expect(at(await form(withFormat(code, value)), 'G4')).toMatchObject({ value, fmt: raw, text: shown });
  });

  it('a revert of the format writes back the clerk\'s own numFmt, not the built-in percent', () => {
    const bytes = withFormat('0.00\\%', 100);
    const filled = applyChanges(bytes, [{ sheet: FORM_SHEET, cell: 'G4', value: 0.9351, numberFormat: '0.00%' }]);
    expect(xf(filled, styleOf(cellXml(filled, 'G4')))).toMatch(/^<xf numFmtId="10"/);
    const reverted = applyChanges(filled, [{ sheet: FORM_SHEET, cell: 'G4', value: 100, numberFormat: '0.00\\%' }]);
    expect(cellXml(reverted, 'G4')).toBe('<c r="G4" s="6"><v>100</v></c>');
  });
});
