import { readFileSync } from 'fs';
import { join } from 'path';
import { FileHost } from '../../src/hosts/file/host';
import { HostError } from '../../src/hosts/host';
import type { CellChange, NameChange } from '../../src/core/edits';
import { CORRECTED_FILL, STATE_SHEET } from '../../src/core/edits';
import { createAssistant } from '../../src/app/assistant';
import { cellByAddress } from '../../src/core/grid';
import { dumpWorkbook } from '../helpers/dump';
import { SnapshotHost } from '../helpers/snapshotHost';

const SEED = readFileSync(join(__dirname, '../fixtures/seed-longquan-2023.xlsx'));
const SHEET = '附件3 自评表';

/** A file host that counts round trips. */
class CountingHost extends FileHost {
  reads = 0;
  applies = 0;
  override async read() {
    this.reads++;
    return super.read();
  }
  override async apply(changes: CellChange[], names?: NameChange[]) {
    this.applies++;
    return super.apply(changes, names);
  }
}

const open = (bytes: Uint8Array = new Uint8Array(SEED)) => new CountingHost(bytes, 'seed.xlsx');

describe('one-click recompute through the controller', () => {
  it('writes the computed values and marks in one read and one write', async () => {
    const host = open();
    const state = await createAssistant(host).recompute();
    expect(host.reads).toBe(1);
    expect(host.applies).toBe(1);
    const h14 = state.changed.find((c) => c.cell === 'H14')!;
    expect(h14).toMatchObject({ sheet: SHEET, before: 15, after: 14.55 });
    expect(h14.label).toContain('解决问题到位率');
    expect(state.changed.map((c) => c.cell).sort()).toEqual(['H14', 'H18', 'H19', 'H21']);
    expect(state.marked).toBeGreaterThanOrEqual(8);
    // The state the pane shows is the workbook after the write: no score mismatch left.
    expect(state.review.findings.filter((f) => f.code === 'score-mismatch')).toEqual([]);
    const book = await host.read();
    expect(cellByAddress(book, SHEET, 'H14')).toMatchObject({ value: 14.55, fill: CORRECTED_FILL });
    expect(cellByAddress(book, SHEET, 'H21').value).toBe(99.35);
  });

  it('revert restores every touched cell exactly, even after save and reopen', async () => {
    const host = open();
    await createAssistant(host).recompute();
    const reopened = open(host.bytes()); // saved, closed, opened again: only the workbook remembers
    const state = await createAssistant(reopened).revert();
    expect(state.changed).toEqual([]);
    expect(state.marked).toBe(0);
    const before = await dumpWorkbook(new Uint8Array(SEED));
    const after = await dumpWorkbook(reopened.bytes());
    for (const [key, cell] of before.cells) expect(after.cells.get(key)).toEqual(cell);
    expect(after.sheets.filter((s) => s !== STATE_SHEET)).toEqual(before.sheets);
  });

  it('clear marks removes only our fills and keeps computed values, still revertible', async () => {
    const host = open();
    const assistant = createAssistant(host);
    await assistant.recompute();
    const cleared = await assistant.clearMarks();
    expect(cleared.marked).toBe(0);
    expect(cleared.changed.length).toBe(4);
    const book = await host.read();
    expect(cellByAddress(book, SHEET, 'H14')).toMatchObject({ value: 14.55, fill: null });
    const orig = await dumpWorkbook(new Uint8Array(SEED));
    const now = await dumpWorkbook(host.bytes());
    for (const [key, cell] of orig.cells) expect(now.cells.get(key)!.fill).toEqual(cell.fill);
    await assistant.revert();
    expect(cellByAddress(await host.read(), SHEET, 'H14').value).toBe(15);
  });

  it('a second recompute keeps the original values for revert', async () => {
    const host = open();
    const assistant = createAssistant(host);
    await assistant.recompute();
    const again = await assistant.recompute();
    expect(again.changed.find((c) => c.cell === 'H14')).toMatchObject({ before: 15, after: 14.55 });
    await assistant.revert();
    expect(cellByAddress(await host.read(), SHEET, 'H14').value).toBe(15);
  });

  it('never overwrites a score the clerk typed after the recompute', async () => {
    const host = open();
    const assistant = createAssistant(host);
    await assistant.recompute();
    await host.apply([{ sheet: SHEET, cell: 'H14', value: 14.5 }]);
    await assistant.revert();
    const book = await host.read();
    expect(cellByAddress(book, SHEET, 'H14').value).toBe(14.5);
    expect(cellByAddress(book, SHEET, 'H19').value).toBe(1);
  });

  it('keeps settings in the workbook and scores with them', async () => {
    const host = open();
    const saved = await createAssistant(host).saveSettings({ rules: 'mof-2020', overrides: { scoreTolerance: 0.5 } });
    expect(saved.settings.overrides).toEqual({ scoreTolerance: 0.5 });
    const reopened = await createAssistant(open(host.bytes())).check();
    expect(reopened.settings.overrides).toEqual({ scoreTolerance: 0.5 });
    await expect(createAssistant(host).saveSettings({ rules: 'mof-2020', overrides: { overAchievement: 'lots' } })).rejects.toThrow(/overAchievement/);
  });

  it('check writes nothing', async () => {
    const host = open();
    await createAssistant(host).check();
    expect(host.applies).toBe(0);
    expect(host.bytes()).toEqual(new Uint8Array(SEED));
  });
});

describe('refusals leave the workbook unchanged', () => {
  it('stops on a protected sheet before writing anything', async () => {
    const book = await new FileHost(new Uint8Array(SEED)).read();
    book.sheets = book.sheets.map((s) => (s.name === SHEET ? { ...s, protected: true } : s));
    const host = new SnapshotHost(book);
    const err = await createAssistant(host).recompute().catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe('protected');
    expect(err.sheet).toBe(SHEET);
    expect(host.applies).toBe(0);
  });

  it('a failed write changes nothing', async () => {
    const book = await new FileHost(new Uint8Array(SEED)).read();
    const host = new SnapshotHost(book);
    host.failNextApply = true;
    await expect(createAssistant(host).recompute()).rejects.toMatchObject({ code: 'write-failed' });
    expect(host.book).toBe(book);
  });

  it('reveal selects the finding cell', async () => {
    const host = new SnapshotHost({ sheets: [] });
    await createAssistant(host).reveal({ sheet: SHEET, cell: 'H14' });
    expect(host.selected).toEqual({ sheet: SHEET, cell: 'H14' });
  });
});

describe('idempotence', () => {
  it('a recompute right after a recompute writes nothing', async () => {
    const host = open();
    const assistant = createAssistant(host);
    await assistant.recompute();
    const bytes = host.bytes();
    const writes = host.applies;
    await assistant.recompute();
    expect(host.applies).toBe(writes);
    expect(host.bytes()).toBe(bytes);
  });
});
