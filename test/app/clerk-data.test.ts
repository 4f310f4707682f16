/** The data-safety promises of README "Never losing the clerk's data", through the controller. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { FileHost } from '../../src/hosts/file/host';
import { HostError } from '../../src/hosts/host';
import { errorText } from '../../src/i18n/errors';
import type { CellChange, NameChange } from '../../src/core/edits';
import { CORRECTED_FILL, MARK_FILLS, STATE_SHEET } from '../../src/core/edits';
import { createAssistant } from '../../src/app/assistant';
import { cellByAddress } from '../../src/core/grid';
import { decodeState, encodeState, emptyState } from '../../src/core/state';
import type { StoredState } from '../../src/core/state';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { SnapshotHost } from '../helpers/snapshotHost';

const SEED = readFileSync(join(__dirname, '../fixtures/seed-longquan-2023.xlsx'));
const SHEET = '附件3 自评表';

class CountingHost extends FileHost {
  applies = 0;
  override async apply(changes: CellChange[], names?: NameChange[]) {
    this.applies++;
    return super.apply(changes, names);
  }
}
const open = (bytes: Uint8Array = new Uint8Array(SEED)) => new CountingHost(bytes, 'seed.xlsx');

/** The seed with its 基础数据表 renamed (workbook.xml only). */
function seedWithSheetNamed(name: string): Uint8Array {
  const files = unzipSync(new Uint8Array(SEED));
  files['xl/workbook.xml'] = strToU8(strFromU8(files['xl/workbook.xml']).replace('name="附件2 基础数据表"', `name="${name}"`));
  return zipSync(files);
}

describe('the clerk’s edits after a recompute', () => {
  it('a score the clerk typed over ours is what revert brings back after the next recompute', async () => {
    const host = open();
    const assistant = createAssistant(host);
    await assistant.recompute();
    await host.apply([{ sheet: SHEET, cell: 'H14', value: 13 }]);
    const again = await assistant.recompute();
    expect(again.changed.find((c) => c.cell === 'H14')).toMatchObject({ before: 13, after: 14.55 });
    expect(cellByAddress(await host.read(), SHEET, 'H14').value).toBe(14.55);
    // Saved and reopened: only the workbook's journal remembers the 13.
    const reopened = open(host.bytes());
    await createAssistant(reopened).revert();
    expect(cellByAddress(await reopened.read(), SHEET, 'H14').value).toBe(13);
  });

  it('a mark the clerk repainted is the clerk’s fill: clear marks and revert bring it back', async () => {
    const host = open();
    const assistant = createAssistant(host);
    await assistant.recompute();
    const journal = decodeState(await host.read())!.journal;
    const markOnly = journal.find((e) => e.after.fill !== undefined && e.after.value === undefined)!;
    const written = journal.find((e) => e.after.fill !== undefined && e.after.value !== undefined)!;
    await host.apply([
      { sheet: markOnly.sheet, cell: markOnly.cell, fill: '#92D050' },
      { sheet: written.sheet, cell: written.cell, fill: '#00B0F0' },
    ]);
    await assistant.recompute();
    const second = decodeState(await host.read())!.journal;
    expect(second.find((e) => e.cell === markOnly.cell)?.before.fill).toBe('#92D050');
    expect(second.find((e) => e.cell === written.cell)?.before.fill).toBe('#00B0F0');
    expect(cellByAddress(await host.read(), SHEET, markOnly.cell).fill).toBe(markOnly.after.fill);

    const cleared = open(host.bytes());
    await createAssistant(cleared).clearMarks();
    expect(cellByAddress(await cleared.read(), SHEET, markOnly.cell).fill).toBe('#92D050');
    expect(cellByAddress(await cleared.read(), SHEET, written.cell).fill).toBe('#00B0F0');

    const reverted = open(host.bytes());
    await createAssistant(reverted).revert();
    const book = await reverted.read();
    expect(cellByAddress(book, SHEET, markOnly.cell).fill).toBe('#92D050');
    expect(cellByAddress(book, SHEET, written.cell)).toMatchObject({ value: written.before.value, fill: '#00B0F0' });
  });
});

describe('fills a host reports as \'other\' (theme colours, patterns, gradients)', () => {
  it('are never marked nor written, and revert and clear marks leave them', async () => {
    const read = await new FileHost(new Uint8Array(SEED)).read();
    const book: WorkbookSnapshot = {
      ...read,
      sheets: read.sheets.map((s) => (s.name === SHEET ? { ...s, fills: s.values.map((row) => row.map(() => 'other')) } : s)),
    };
    const host = new SnapshotHost(book);
    const fills: CellChange[] = [];
    const apply = host.apply.bind(host);
    host.apply = async (changes) => {
      fills.push(...changes.filter((c) => c.sheet === SHEET && c.fill !== undefined));
      return apply(changes);
    };
    const assistant = createAssistant(host);
    const state = await assistant.recompute();
    expect(state.changed.map((c) => c.cell).sort()).toEqual(['H14', 'H18', 'H19', 'H21']);
    expect(state.marked).toBe(0);
    expect(state.review.findings.some((f) => f.severity === 'error')).toBe(true); // still listed
    expect(decodeState(host.book)!.journal.every((e) => e.after.fill === undefined)).toBe(true);
    await assistant.recompute();
    await assistant.clearMarks();
    await assistant.revert();
    expect(fills).toEqual([]);
    expect(cellByAddress(host.book, SHEET, 'H14')).toMatchObject({ value: 15, fill: 'other' });
  });

  it('a clerk’s plain colour next to them is still marked and restored', async () => {
    const read = await new FileHost(new Uint8Array(SEED)).read();
    const host = new SnapshotHost(read);
    const assistant = createAssistant(host);
    await assistant.recompute();
    expect(cellByAddress(host.book, SHEET, 'H14').fill).toBe(CORRECTED_FILL);
    await assistant.revert();
    expect(cellByAddress(host.book, SHEET, 'H14')).toMatchObject({ value: 15, fill: null });
  });
});

describe('a clerk’s sheet named _selfeval in any case', () => {
  for (const name of ['_SELFEVAL', '_selfeval', '_SelfEval']) {
    it(`"${name}" is never written: recompute refuses with a clear message and writes nothing`, async () => {
      const bytes = seedWithSheetNamed(name);
      const host = open(bytes);
      expect((await createAssistant(host).check()).changed).toEqual([]);
      const err = await createAssistant(host).recompute().catch((e) => e);
      expect(err).toBeInstanceOf(HostError);
      expect(err.code).toBe('name-taken');
      expect(errorText('zh-CN', err)).toContain('请将该工作表改名后再试'); // what the task pane shows
      expect(err.sheet).toBe(name);
      expect(err.message).toContain(`“${name}”`);
      expect(err.message).toContain('未写入任何内容');
      const en = await createAssistant(host, { lang: 'en-US' }).recompute().catch((e) => e);
      expect(en.message).toMatch(/not selfeval's journal.*Nothing was written/);
      await expect(createAssistant(host).saveSettings({ rules: 'mof-2020' })).rejects.toBeInstanceOf(HostError);
      // Nothing to undo, so nothing to write: revert and clear marks succeed without touching it.
      await createAssistant(host).revert();
      await createAssistant(host).clearMarks();
      expect(host.applies).toBe(0);
      expect(host.bytes()).toBe(bytes);
    });
  }
});

describe('journals longer than one cell', () => {
  it('survive the file host when a chunk boundary falls inside a character outside the BMP', async () => {
    let state: StoredState | null = null;
    for (let pad = 0; pad < 40 && !state; pad++) {
      const s: StoredState = { ...emptyState(), journal: [] };
      for (let i = 0; i < 600; i++) {
        const sheet = (i === 0 ? 'x'.repeat(pad) : '') + `${'𠮷'.repeat(12)}表${i}`;
        s.journal.push({ sheet, cell: `B${i + 1}`, before: { value: null, fill: null, numberFormat: 'General' }, after: { fill: MARK_FILLS.error } });
      }
      const at = JSON.stringify(s).charCodeAt(29999);
      if (at >= 0xd800 && at <= 0xdbff) state = s;
    }
    expect(state).not.toBeNull();
    const host = open();
    await host.apply(encodeState(state!, null));
    const reopened = open(host.bytes());
    const book = await reopened.read();
    expect(book.sheets.find((s) => s.name === STATE_SHEET)?.visibility).toBe('veryHidden');
    expect(decodeState(book)).toEqual(state);
  });
});

describe('our journal on a sheet that is no longer very hidden', () => {
  it('is still ours: read, and kept up to date (another program may save very hidden sheets as hidden)', async () => {
    const host = open();
    const first = await createAssistant(host).recompute();
    const book = await host.read();
    const shown = new SnapshotHost({ ...book, sheets: book.sheets.map((s) => (s.name === STATE_SHEET ? { ...s, visibility: 'hidden' as const } : s)) });
    const state = await createAssistant(shown).check();
    expect(state.changed.map((c) => c.cell)).toEqual(first.changed.map((c) => c.cell));
    await createAssistant(shown).saveSettings({ rules: 'mof-2020' });
    expect(shown.applies).toBe(1);
  });
});
