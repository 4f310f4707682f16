/** The one-click recompute on the seed form in the fake Excel: same result as `selfeval fill`, in at most 3 round trips. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { FileHost } from '../../../src/hosts/file/host';
import { createAssistant } from '../../../src/app/assistant';
import { STATE_SHEET } from '../../../src/core/edits';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { toA1 } from '../../../src/core/address';
import { FakeExcel } from './fakeExcel';

const SEED = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/seed-longquan-2023.xlsx')));

/** value and fill of every non-empty cell of the form sheets, by sheet!A1. */
function cells(book: WorkbookSnapshot): Map<string, { value: unknown; fill: string | null }> {
  const out = new Map<string, { value: unknown; fill: string | null }>();
  for (const s of book.sheets) {
    if (s.name === STATE_SHEET) continue;
    s.values.forEach((row, r) =>
      row.forEach((value, c) => {
        const fill = s.fills?.[r]?.[c] ?? null;
        if (value !== null || fill) out.set(`${s.name}!${toA1(s.top + r, s.left + c)}`, { value, fill });
      }),
    );
  }
  return out;
}

async function setup() {
  const original = await new FileHost(SEED, 'seed.xlsx').read();
  const fake = FakeExcel.fromSnapshot(original);
  const host = new ExcelHost({ run: fake.run as never, supports: fake.isSetSupported });
  return { original, fake, host, assistant: createAssistant(host) };
}

describe('Excel: one-click recompute on the seed form', () => {
  it('writes what `selfeval fill` writes and marks the same cells, in at most 6 round trips', async () => {
    const { fake, host, assistant } = await setup();
    await assistant.recompute();
    expect(fake.syncCount).toBeLessThanOrEqual(6); // read 4, create + hide the journal sheet 1, write 1

    const file = new FileHost(SEED, 'seed.xlsx');
    await createAssistant(file).recompute();
    const expected = cells(await file.read());
    const got = cells(await host.read());
    expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [key, cell] of expected) expect(got.get(key)).toEqual(cell);
    expect(got.get('附件3 自评表!H14')).toEqual({ value: 14.55, fill: '#E2EFDA' }); // 已更正 (issue 12)
  });

  it('revert restores every touched cell value and fill exactly', async () => {
    const { original, host, assistant } = await setup();
    await assistant.recompute();
    await assistant.revert();
    const back = cells(await host.read());
    const orig = cells(original);
    expect([...back.keys()].sort()).toEqual([...orig.keys()].sort());
    for (const [key, cell] of orig) expect(back.get(key)).toEqual(cell);
  });

  it('clear marks keeps computed values and removes every fill we added, and nothing else', async () => {
    const { original, fake, host, assistant } = await setup();
    // A fill of the clerk's own, on a cell we will also mark: it must come back.
    fake.sheet('附件3 自评表').cells['13,7'].fill = '#00B050';
    const clerk = cells(await host.read());
    await assistant.recompute();
    await assistant.clearMarks();
    const now = cells(await host.read());
    expect(now.get('附件3 自评表!H14')).toEqual({ value: 14.55, fill: '#00B050' });
    expect(now.get('附件3 自评表!H21')!.value).toBe(99.35);
    for (const [key, cell] of clerk) expect(now.get(key)!.fill).toEqual(cell.fill);
    expect(cells(original).size).toBe(clerk.size);
  });

  it('a protected sheet: nothing written, the pane gets a protected error', async () => {
    const { fake, assistant } = await setup();
    fake.sheet('附件3 自评表').protected = true;
    const before = fake.dump();
    await expect(assistant.recompute()).rejects.toMatchObject({ code: 'protected', sheet: '附件3 自评表' });
    expect(fake.dump()).toEqual(before);
  });

  it('an error mid-write leaves the workbook unchanged', async () => {
    const { fake, assistant } = await setup();
    const before = fake.dump();
    fake.failNextSync('GeneralException', true);
    await expect(assistant.recompute()).rejects.toMatchObject({ code: 'write-failed' });
    expect(fake.dump()).toEqual(before);
  });
});
