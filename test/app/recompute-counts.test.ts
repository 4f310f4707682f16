/** recompute() says what this run wrote, apart from the journal's totals (selfeval fill's message). */
import { readFileSync } from 'fs';
import { join } from 'path';
import { FileHost } from '../../src/hosts/file/host';
import { Assistant } from '../../src/app/assistant';
import { cellByAddress } from '../../src/core/grid';
import { MARK_FILLS } from '../../src/core/edits';

const SEED = readFileSync(join(__dirname, '../fixtures/seed-longquan-2023.xlsx'));
const SHEET = '附件3 自评表';

describe('recompute counts what it wrote', () => {
  it('the first run: every computed value and every mark it painted', async () => {
    const host = new FileHost(new Uint8Array(SEED), 'seed.xlsx');
    const state = await new Assistant(host).recompute();
    expect(state.written.values).toBe(4); // H14, H18, H19, H21
    expect(state.written.values).toBe(state.changed.length);
    expect(state.written.marks).toBe(state.marked); // no cell carried our colour before
    expect(state.written.unmarked).toBe(0);
  });

  it('a second run that changes nothing counts nothing, while the journal still lists the first run', async () => {
    const host = new FileHost(new Uint8Array(SEED), 'seed.xlsx');
    const first = await new Assistant(host).recompute();
    const reopened = new FileHost(host.bytes(), 'seed.xlsx');
    const second = await new Assistant(reopened).recompute();
    expect(second.written).toEqual({ values: 0, marks: 0, unmarked: 0 });
    expect(second.changed.length).toBe(first.changed.length);
    expect(second.marked).toBe(first.marked);
  });

  it('after the clerk fixes two cells: counts the marks taken off and what was rewritten, not the journal', async () => {
    const host = new FileHost(new Uint8Array(SEED), 'seed.xlsx');
    const assistant = new Assistant(host);
    await assistant.recompute();
    // F18 / F19 carry a value-format mark ("≥98%" as an actual); the clerk writes plain numbers.
    expect(cellByAddress(await host.read(), SHEET, 'F18').fill).toBe(MARK_FILLS.warning);
    await host.apply([{ sheet: SHEET, cell: 'F18', value: 1 }, { sheet: SHEET, cell: 'F19', value: 0.98 }]);
    const again = await assistant.recompute();
    const book = await host.read();
    expect(cellByAddress(book, SHEET, 'F18').fill).not.toBe(MARK_FILLS.warning);
    expect(again.written.unmarked).toBeGreaterThanOrEqual(2);
    expect(again.written.values).toBeLessThan(again.changed.length); // only what the edit changed is written again
    expect(again.written.marks).toBeLessThan(again.marked);
  });
});
