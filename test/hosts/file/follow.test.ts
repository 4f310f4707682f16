/**
 * Marks that follow their cells in the file and memory hosts (issue 10): the surgical writer keys every
 * journal entry to a hidden defined name on its cell; rows inserted above the marked cells (here the way
 * Excel does it: rows, cells, merges and defined names shifted in the package) leave 撤销重算 exact.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FileHost } from '../../../src/hosts/file/host';
import { MemoryHost } from '../../../src/hosts/memory/MemoryHost';
import type { SpreadsheetHost } from '../../../src/hosts/host';
import { createAssistant } from '../../../src/app/assistant';
import { decodeState } from '../../../src/core/state';
import { cellByAddress } from '../../../src/core/grid';
import { CORRECTED_FILL, MARK_FILLS } from '../../../src/core/edits';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';

const SEED = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/seed-longquan-2023.xlsx')));
const SHEET = '附件3 自评表';
const PART = 'xl/worksheets/sheet2.xml'; // 附件3 自评表 in the seed

/** Inserts `count` rows before 1-based row `at` of PART, as Excel would: rows, cells, merges, dimension and defined names move. */
function insertRows(bytes: Uint8Array, at: number, count: number): Uint8Array {
  const files = unzipSync(bytes);
  const shift = (col: string, row: string) => `${col}${Number(row) >= at ? Number(row) + count : Number(row)}`;
  const shiftRefs = (s: string) => s.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (_m, col: string, row: string) => shift(col, row));
  let sheet = strFromU8(files[PART]);
  sheet = sheet.replace(/<row r="(\d+)"/g, (_m, r: string) => `<row r="${Number(r) >= at ? Number(r) + count : r}"`);
  sheet = sheet.replace(/<c r="([A-Z]+)(\d+)"/g, (_m, c: string, r: string) => `<c r="${shift(c, r)}"`);
  sheet = sheet.replace(/<(mergeCell|dimension) ref="([^"]+)"/g, (_m, el: string, ref: string) => `<${el} ref="${shiftRefs(ref)}"`);
  files[PART] = strToU8(sheet);
  const wb = strFromU8(files['xl/workbook.xml']).replace(/(<definedName\b[^>]*>'附件3 自评表'!)([^<]+)/g, (_m, head: string, ref: string) => head + shiftRefs(ref));
  files['xl/workbook.xml'] = strToU8(wb);
  return zipSync(files);
}

type Opened = { host: SpreadsheetHost; bytes: () => Uint8Array };
const hosts: [string, (b: Uint8Array) => Promise<Opened>][] = [
  ['file', async (b) => { const h = new FileHost(b, 'seed.xlsx'); return { host: h, bytes: () => h.bytes() }; }],
  ['memory', async (b) => { const h = await MemoryHost.open(b, 'seed.xlsx'); return { host: h, bytes: () => h.bytes }; }],
];

function sheetCells(book: WorkbookSnapshot): Record<string, unknown> {
  const s = book.sheets.find((x) => x.name === SHEET)!;
  const out: Record<string, unknown> = {};
  s.values.forEach((row, r) => row.forEach((v, c) => {
    const fill = s.fills?.[r]?.[c] ?? null;
    if (v !== null || fill) out[`${s.top + r},${s.left + c}`] = { v, fill, nf: s.numberFormats[r][c] };
  }));
  return out;
}

describe.each(hosts)('%s host', (_label, open) => {
  test('every journal entry has a hidden defined name on its cell; revert deletes them', async () => {
    const { host, bytes } = await open(SEED);
    await createAssistant(host).recompute();
    const book = await host.read();
    const journal = decodeState(book)!.journal;
    expect(journal.length).toBeGreaterThan(5);
    expect(book.names).toEqual(expect.arrayContaining(journal.map((e) => ({ name: e.name, sheet: e.sheet, cell: e.cell }))));
    expect(strFromU8(unzipSync(bytes())['xl/workbook.xml'])).toContain('<definedName name="_selfeval_1" hidden="1">');
    await createAssistant(host).revert();
    expect((await host.read()).names).toEqual([]);
    expect(strFromU8(unzipSync(bytes())['xl/workbook.xml'])).not.toContain('definedName');
  });

  test('rows inserted above the marked cells: 撤销重算 restores them where they went, the rows at the old addresses untouched', async () => {
    const first = await open(SEED);
    await createAssistant(first.host).recompute();
    const moved = await open(insertRows(first.bytes(), 11, 3));
    expect(cellByAddress(await moved.host.read(), SHEET, 'H17')).toMatchObject({ value: 14.55, fill: CORRECTED_FILL });
    expect(cellByAddress(await moved.host.read(), SHEET, 'I17').fill).toBe(MARK_FILLS.error);
    await createAssistant(moved.host).revert();
    const expected = sheetCells(await (await open(insertRows(SEED, 11, 3))).host.read());
    expect(sheetCells(await moved.host.read())).toEqual(expected);
  });

  test('清除标记 after the insertion clears the moved marks only', async () => {
    const first = await open(SEED);
    await createAssistant(first.host).recompute();
    const moved = await open(insertRows(first.bytes(), 1, 2));
    await createAssistant(moved.host).clearMarks();
    const book = await moved.host.read();
    expect(cellByAddress(book, SHEET, 'H16')).toMatchObject({ value: 14.55, fill: null });
    const marks = Object.values(sheetCells(book)).filter((c) => [CORRECTED_FILL, ...Object.values(MARK_FILLS)].includes((c as { fill: string }).fill));
    expect(marks).toEqual([]);
  });
});
