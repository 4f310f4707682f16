/**
 * One journal for every host: the same very hidden sheet, the same encoding (src/core/state.ts), so a
 * workbook recomputed in one host reverts exactly in another — Excel ↔ WPS, and `selfeval fill` → WPS.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { isStateSheetName } from '../../../src/core/state';
import { toA1 } from '../../../src/core/address';
import { FileHost } from '../../../src/hosts/file/host';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { WpsHost } from '../../../src/hosts/wps';
import { createAssistant } from '../../../src/app/assistant';
import { FakeExcel } from '../excel/fakeExcel';
import { createFakeWpsApplication } from '../../fakes/wps';

const SEED = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/seed-longquan-2023.xlsx')));

function cells(book: WorkbookSnapshot): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of book.sheets) {
    if (isStateSheetName(s.name)) continue;
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = { v, fill: s.fills?.[r]?.[c] ?? null, nf: s.numberFormats[r][c] };
        if (v !== null || cell.fill || cell.nf !== 'General') out[`${s.name}!${toA1(s.top + r, s.left + c)}`] = cell;
      }),
    );
  }
  return out;
}

const excelOver = (snap: WorkbookSnapshot) => {
  const fake = FakeExcel.fromSnapshot(snap);
  return new ExcelHost({ run: fake.run as never, supports: fake.isSetSupported });
};
const wpsOver = (snap: WorkbookSnapshot) => {
  const app = createFakeWpsApplication(snap);
  return { app, host: new WpsHost(app) };
};

let original: WorkbookSnapshot;
beforeAll(async () => {
  original = await new FileHost(SEED, 'seed.xlsx').read();
});

test('recomputed in Excel, reverted in WPS', async () => {
  const excel = excelOver(original);
  await createAssistant(excel).recompute();
  const { app, host } = wpsOver(await excel.read());
  const state = await createAssistant(host).check();
  expect(state.changed.map((c) => c.cell)).toContain('H14');
  await createAssistant(host).revert();
  expect(cells(app.fake.snapshot())).toEqual(cells(original));
});

test('recomputed in WPS, marks cleared and reverted in Excel', async () => {
  const { app, host } = wpsOver(original);
  await createAssistant(host).recompute();
  const excel = excelOver(app.fake.snapshot());
  const cleared = await createAssistant(excel).clearMarks();
  expect(cleared.marked).toBe(0);
  await createAssistant(excel).revert();
  expect(cells(await excel.read())).toEqual(cells(original));
});

test('filled by `selfeval fill`, reverted in WPS', async () => {
  const file = new FileHost(SEED, 'seed.xlsx');
  await createAssistant(file).recompute();
  const { app, host } = wpsOver(await file.read());
  await createAssistant(host).revert();
  expect(cells(app.fake.snapshot())).toEqual(cells(original));
});
