/** The seed fixture, read by the file host, loaded into the fake Excel and read back by ExcelHost. */
import * as fs from 'fs';
import * as path from 'path';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import { toA1 } from '../../../src/core/address';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { FakeExcel } from './fakeExcel';

const SEED = path.join(__dirname, '../../fixtures/seed-longquan-2023.xlsx');

/** Non-blank cells by A1 address: what must survive whatever used-range trimming a host does. */
function cells(s: SheetSnapshot): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  s.values.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = { v, f: s.formulas[r][c], nf: s.numberFormats[r][c], fill: s.fills?.[r]?.[c] ?? null };
      if (v !== null || cell.f || cell.fill || cell.nf !== 'General') out[toA1(s.top + r, s.left + c)] = cell;
    }),
  );
  return out;
}

test('seed workbook round-trips through the Excel host unchanged', async () => {
  const file = await snapshotFromBuffer(fs.readFileSync(SEED), 'seed-longquan-2023.xlsx');
  expect(file.sheets.length).toBeGreaterThan(0);
  const fake = FakeExcel.fromSnapshot(file);
  const host = new ExcelHost({ run: fake.run as never, supports: fake.isSetSupported });
  const got = await host.read();
  expect(got.sheets.map((s) => s.name)).toEqual(file.sheets.map((s) => s.name));
  got.sheets.forEach((s, i) => {
    expect(cells(s)).toEqual(cells(file.sheets[i]));
    expect([...s.merges].sort()).toEqual([...file.sheets[i].merges].sort());
  });
  expect(fake.syncCount).toBe(4); // list, sizes, cells, merges
});
