/**
 * Rows inserted above marked cells in WPS. The WPS host keeps no defined names (WpsHost.ts: the ET
 * Names API is not in our notes), so the journal is keyed by address alone (core/follow.ts falls
 * back): 撤销重算 and 清除标记 then leave the moved cells as they are rather than clear or restore
 * the rows that now sit at the old addresses. Not exact, but nothing of the clerk's is lost.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { CORRECTED_FILL } from '../../../src/core/edits';
import { decodeState, isStateSheetName } from '../../../src/core/state';
import { toA1 } from '../../../src/core/address';
import { FileHost } from '../../../src/hosts/file/host';
import { WpsHost } from '../../../src/hosts/wps';
import { createAssistant } from '../../../src/app/assistant';
import { createFakeWpsApplication } from '../../fakes/wps';

const SEED = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/seed-longquan-2023.xlsx')));
const SHEET = '附件3 自评表';
const AT = 10; // 0-based: three rows inserted above the indicators (row 11 on the form)
let seed: WorkbookSnapshot;

beforeAll(async () => {
  seed = await new FileHost(SEED, 'seed.xlsx').read();
});

/** The form's non-blank cells by A1: value and fill. */
function cellsOf(book: WorkbookSnapshot): Record<string, unknown> {
  const s = book.sheets.find((x) => x.name === SHEET)!;
  const out: Record<string, unknown> = {};
  s.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const fill = s.fills?.[r]?.[c] ?? null;
      if (value !== null || fill) out[toA1(s.top + r, s.left + c)] = { value, fill };
    }),
  );
  return out;
}

/** The seed with the same rows inserted, as the clerk's workbook would be without any recompute. */
function inserted(): Record<string, unknown> {
  const app = createFakeWpsApplication(seed);
  app.fake.insertRows(SHEET, AT, 3);
  return cellsOf(app.fake.snapshot());
}

test.each(['revert', 'clearMarks'] as const)('%s after rows inserted above the marks: the rows at the old addresses are untouched', async (step) => {
  const app = createFakeWpsApplication(seed);
  const host = new WpsHost(app);
  await createAssistant(host).recompute();
  const journal = decodeState(app.fake.snapshot())!.journal;
  expect(journal.every((e) => e.name === undefined)).toBe(true); // by address: no names in WPS
  app.fake.insertRows(SHEET, AT, 3);
  expect(app.fake.cell(SHEET, 'H17')).toMatchObject({ value: 14.55 }); // H14 moved down

  await createAssistant(host)[step]();
  const now = cellsOf(app.fake.snapshot());
  const expected = inserted();
  // Every cell of the form is as the clerk's insertion left it, except the journal's cells that moved.
  const moved = new Set(journal.filter((e) => !isStateSheetName(e.sheet) && Number(e.cell.replace(/\D/g, '')) > AT).map((e) => e.cell.replace(/\d+/, (n) => String(Number(n) + 3))));
  for (const k of new Set([...Object.keys(now), ...Object.keys(expected)])) {
    if (!moved.has(k)) expect([k, now[k]]).toEqual([k, expected[k]]);
  }
  // The moved cells keep what we wrote: the fallback does not find them (no names), and says so by leaving them.
  expect(now.H17).toEqual({ value: 14.55, fill: CORRECTED_FILL });
});
