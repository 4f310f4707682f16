/**
 * .xls and .ods read through SheetJS into the same snapshot as the .xlsx: the seed saved by
 * LibreOffice in all three formats gives the same findings and computed values, cell for cell.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { zipSync, strToU8 } from 'fflate';
import { FileHost } from '../../../src/hosts/file/node';
import { snapshotFromSheetJS } from '../../../src/hosts/file/sheetjs';
import { sniffFormat } from '../../../src/hosts/file/format';
import { openBytes } from '../../../src/hosts/file/open';
import { HostError } from '../../../src/hosts/host';
import { DEFAULT_SETTINGS, runReview } from '../../../src/app/review';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { MAX_FILE_BYTES } from '../../../src/hosts/file/limits';

const FIX = join(__dirname, '../../fixtures');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIX, name)));

describe('the seed in .xlsx, .xls and .ods', () => {
  let xlsx: WorkbookSnapshot;
  const other: Record<string, WorkbookSnapshot> = {};
  beforeAll(async () => {
    xlsx = await new FileHost(bytes('seed-longquan-2023.xlsx')).read();
    for (const f of ['xls', 'ods']) other[f] = await snapshotFromSheetJS(bytes(`seed-longquan-2023.${f}`), 'seed');
  });

  it.each(['xls', 'ods'])('.%s: the same sheets, values, formulas and number formats as the .xlsx', (f) => {
    const s = other[f];
    expect(s.sheets.map((x) => [x.name, x.values.length, x.values[0].length, x.visibility])).toEqual(xlsx.sheets.map((x) => [x.name, x.values.length, x.values[0].length, x.visibility]));
    // LibreOffice's OpenDocument writer keeps a trailing (ideographic) space that SheetJS trims: compared trimmed.
    const norm = (v: unknown) => (typeof v === 'string' ? v.trim() || null : v);
    s.sheets.forEach((sheet, i) => {
      const x = xlsx.sheets[i];
      expect(sheet.values.map((r) => r.map(norm))).toEqual(x.values.map((r) => r.map(norm)));
      expect(sheet.texts.map((r) => r.map(norm))).toEqual(x.texts.map((r) => r.map(norm)));
      expect(sheet.formulas).toEqual(x.formulas);
      // Number formats of value cells (SheetJS gives none for empty ODS cells; neither matters to the engine).
      sheet.values.forEach((row, r) => row.forEach((v, c) => v !== null && expect([r, c, sheet.numberFormats[r][c]]).toEqual([r, c, x.numberFormats[r][c]])));
      // Every merge of a cell with content (SheetJS drops the ODS merges of empty cells).
      for (const m of sheet.merges) expect(x.merges).toContain(m);
    });
    expect(s.sheets[1].values[2][6]).toBe('执行率');
    expect(s.sheets[1].texts[3][6]).toBe('100%');
  });

  it.each(['xls', 'ods'])('.%s: the same findings and computed values as the .xlsx', (f) => {
    const a = runReview(xlsx, DEFAULT_SETTINGS, 'zh-CN', 'seed');
    const b = runReview(other[f], DEFAULT_SETTINGS, 'zh-CN', 'seed');
    expect(b.review).toEqual(a.review);
    expect(b.computed).toEqual(a.computed);
    expect(b.review.findings.length).toBeGreaterThan(10);
  });
});

describe('format sniffing and refusals', () => {
  it('tells formats from their bytes, not their names', () => {
    expect(sniffFormat(bytes('seed-longquan-2023.xlsx'))).toBe('xlsx');
    expect(sniffFormat(bytes('seed-longquan-2023.xls'))).toBe('xls');
    expect(sniffFormat(bytes('seed-longquan-2023.ods'))).toBe('ods');
    expect(sniffFormat(bytes('seed-longquan-2023-report.docx'))).toBe('word');
    expect(sniffFormat(strToU8('a,b,c\n1,2,3\n'))).toBe('not-spreadsheet');
    expect(sniffFormat(zipSync({ 'a.txt': strToU8('hello') }))).toBe('other-zip');
  });

  it('refuses a Word document, and a write to an .xls, with clear messages', async () => {
    await expect(openBytes(bytes('seed-longquan-2023-report.docx'), 'r.docx')).rejects.toThrow(/Word document/);
    const opened = await openBytes(bytes('seed-longquan-2023.xls'), 'seed.xls');
    expect(opened.format).toBe('xls');
    await expect(opened.host.apply([{ sheet: '附件3 自评表', cell: 'H14', value: 14.55 }])).rejects.toMatchObject({ code: 'not-supported' });
  });

  it('applies the size limit before parsing', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(bytes('seed-longquan-2023.xls').subarray(0, 512));
    await expect(snapshotFromSheetJS(big, 'big.xls')).rejects.toMatchObject({ code: 'too-large' });
  });

  it('refuses an .ods zip bomb from its directory, before inflating', async () => {
    const cells = '<table:table-cell/>'.repeat(200_000);
    const ods = zipSync({
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'META-INF/manifest.xml': strToU8('<manifest/>'),
      'content.xml': strToU8(`<office:document-content><table:table><table:table-row>${cells}</table:table-row></table:table></office:document-content>`),
    });
    expect(sniffFormat(ods)).toBe('ods');
    const err = await snapshotFromSheetJS(ods, 'bomb.ods').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect((err as HostError).code).toBe('too-large');
  });

  it('says a damaged .xls is unreadable', async () => {
    const cut = bytes('seed-longquan-2023.xls').subarray(0, 3000);
    await expect(snapshotFromSheetJS(cut, 'cut.xls', 'xls')).rejects.toMatchObject({ code: 'unreadable' });
  });
});
