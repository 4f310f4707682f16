/**
 * Marks that follow their cells (issue 10): rows the clerk inserts or deletes above marked cells after a
 * recompute move them; the journal's defined names move with them (as Excel moves names), so 撤销重算 and
 * 清除标记 act on the cells we wrote, never on the rows that now sit at the old addresses.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { FileHost } from '../../../src/hosts/file/host';
import { createAssistant } from '../../../src/app/assistant';
import { decodeState } from '../../../src/core/state';
import { CORRECTED_FILL, MARK_FILLS } from '../../../src/core/edits';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { FakeExcel, type FakeBook } from './fakeExcel';

const SEED = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/seed-longquan-2023.xlsx')));
const SHEET = '附件3 自评表';
let seed: WorkbookSnapshot;
beforeAll(async () => {
  seed = await new FileHost(SEED, 'seed.xlsx').read();
});

function setup(apiVersion = '1.20') {
  const fake = FakeExcel.fromSnapshot(seed);
  fake.apiVersion = apiVersion;
  const host = new ExcelHost({ run: fake.run as never, supports: fake.isSetSupported });
  return { fake, host, assistant: () => createAssistant(host) };
}

function cellsOf(book: FakeBook, sheet: string): Record<string, unknown> {
  const s = book.sheets.find((x) => x.name === sheet)!;
  return Object.fromEntries(
    Object.entries(s.cells)
      .filter(([, c]) => c.value !== null || c.fill || c.formula || c.numberFormat !== 'General')
      .map(([k, c]) => [k, { v: c.value, f: c.fill, nf: c.numberFormat }]),
  );
}

/** The original seed with the same rows inserted, never recomputed: what revert must give back. */
function expected(at: number, count: number): Record<string, unknown> {
  const plain = FakeExcel.fromSnapshot(seed);
  plain.insertRows(SHEET, at, count);
  return cellsOf(plain.book, SHEET);
}

describe('rows inserted above marked cells after a recompute', () => {
  test('撤销重算 restores the moved cells exactly and leaves the rows now at the old addresses alone', async () => {
    const { fake, assistant } = setup();
    await assistant().recompute();
    expect(fake.cell(SHEET, 'H14')).toMatchObject({ value: 14.55, fill: CORRECTED_FILL });
    expect(fake.cell(SHEET, 'I14')?.fill).toBe(MARK_FILLS.error);
    expect(fake.book.names?.find((n) => n.row === 13 && n.col === 7)).toMatchObject({ sheet: SHEET, hidden: true });
    fake.insertRows(SHEET, 10, 3); // three rows above the indicators
    expect(fake.cell(SHEET, 'H17')).toMatchObject({ value: 14.55, fill: CORRECTED_FILL });
    expect(fake.cell(SHEET, 'I17')?.fill).toBe(MARK_FILLS.error);
    await assistant().revert();
    expect(cellsOf(fake.book, SHEET)).toEqual(expected(10, 3));
    expect(fake.book.names ?? []).toEqual([]); // our names go with the journal
  });

  test('清除标记 removes the marks where the cells went, values kept', async () => {
    const { fake, assistant } = setup();
    await assistant().recompute();
    fake.insertRows(SHEET, 0, 2);
    await assistant().clearMarks();
    expect(fake.cell(SHEET, 'H16')).toMatchObject({ value: 14.55, fill: null });
    const fills = Object.values(fake.sheet(SHEET).cells).filter((c) => c.fill && [CORRECTED_FILL, ...Object.values(MARK_FILLS)].includes(c.fill));
    expect(fills).toEqual([]);
    await assistant().revert();
    expect(cellsOf(fake.book, SHEET)).toEqual(expected(0, 2));
  });

  test('a second recompute after the insertion marks the moved form and leaves no stray mark; revert is exact', async () => {
    const { fake, assistant } = setup();
    await assistant().recompute();
    fake.insertRows(SHEET, 5, 1);
    await assistant().recompute();
    expect(fake.cell(SHEET, 'H15')).toMatchObject({ value: 14.55, fill: CORRECTED_FILL });
    expect(fake.cell(SHEET, 'I15')?.fill).toBe(MARK_FILLS.error);
    expect(fake.cell(SHEET, 'I14')?.fill ?? null).toBeNull(); // no stray mark at the old address
    await assistant().revert();
    expect(cellsOf(fake.book, SHEET)).toEqual(expected(5, 1));
  });

  test('a deleted marked row takes its journal entry with it; the rest is restored', async () => {
    const { fake, host, assistant } = setup();
    await assistant().recompute();
    const before = decodeState(await host.read())!.journal.length;
    fake.deleteRows(SHEET, 13, 1); // row 14, with H14 in it
    const state = decodeState(await host.read())!;
    expect(state.journal.length).toBe(before); // stored as it was …
    await assistant().revert(); // … and the gone cell is skipped
    expect(fake.cell(SHEET, 'H14')?.value).toBe(10); // old row 15 moved up, untouched
    const plain = FakeExcel.fromSnapshot(seed);
    plain.deleteRows(SHEET, 13, 1);
    expect(cellsOf(fake.book, SHEET)).toEqual(cellsOf(plain.book, SHEET));
  });

  test('a journal whose names are lost (written before names, or by a program that drops them) falls back to addresses: nothing written to the wrong rows', async () => {
    const { fake, assistant } = setup();
    await assistant().recompute();
    expect((fake.book.names ?? []).length).toBeGreaterThan(5);
    fake.book.names = [];
    fake.insertRows(SHEET, 10, 3);
    await assistant().revert();
    expect(cellsOf(fake.book, SHEET)['13,7']).toEqual(expected(10, 3)['13,7']); // the row now at H14 is not ours: left as it is
    expect(fake.cell(SHEET, 'H17')).toMatchObject({ value: 14.55 }); // the old gap, only where names are missing
  });
});

