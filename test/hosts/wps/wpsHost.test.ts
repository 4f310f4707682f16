/** WpsHost over the fake ET Application: reads, writes, refusals, rollback, switches and undo. */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { SheetSnapshot, WorkbookSnapshot } from '../../../src/core/snapshot';
import { CORRECTED_FILL, MARK_FILLS, STATE_SHEET } from '../../../src/core/edits';
import { FileHost } from '../../../src/hosts/file/host';
import { HostError } from '../../../src/hosts/host';
import { WpsHost, XL } from '../../../src/hosts/wps';
import { hexToBgr } from '../../../src/hosts/wps/values';
import { createAssistant } from '../../../src/app/assistant';
import { createFakeWpsApplication, type FakeWpsOptions } from '../../fakes/wps';
import { blankSheet, book, formSheet, stateSheet } from '../excel/book';

const SEED = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/seed-longquan-2023.xlsx')));
const FORM = '项目支出绩效自评表';
const sorted = (s: SheetSnapshot) => ({ ...s, merges: [...s.merges].sort() });

/** A form with an error cell and a patterned ('other') fill, a hidden sheet and our state sheet. */
function variedBook(): WorkbookSnapshot {
  const form = formSheet();
  form.values[2][0] = '#DIV/0!';
  form.texts[2][0] = '#DIV/0!';
  form.formulas[2][0] = '=1/0';
  form.fills![2][2] = 'other';
  form.texts[1][3] = '18.00'; // D3 is formatted 0.00
  const hidden = { ...formSheet({ name: '去年', visibility: 'hidden' as const }) };
  return book(form, blankSheet('空白'), hidden, stateSheet());
}

function setup(options: FakeWpsOptions = {}, snap: WorkbookSnapshot = variedBook()) {
  const app = createFakeWpsApplication(snap, options);
  return { app, fake: app.fake, host: new WpsHost(app) };
}

describe('read', () => {
  const modes: FakeWpsOptions[] = [
    {},
    { shape: 'item' },
    { shape: 'vbarray', text: 'array2d' },
    { shape: 'array1d', errors: 'text' },
  ];
  it.each(modes)('reads what was loaded, whatever the shapes: %j', async (options) => {
    const snap = variedBook();
    const { host } = setup(options, snap);
    const got = await host.read();
    expect(got.name).toBe(snap.name);
    expect(sorted(got.sheets[0])).toEqual(sorted(snap.sheets[0]));
    expect(got.sheets[1]).toMatchObject({ name: '空白', values: [], visibility: 'visible' });
    expect(got.sheets[3]).toEqual(expect.objectContaining({ name: STATE_SHEET, visibility: 'veryHidden', values: [['{"v":1}']] }));
  });

  it('reads the seed exactly as the file host does', async () => {
    const file = await new FileHost(SEED, 'seed.xlsx').read();
    const { host, fake } = setup({ shape: 'item' }, file);
    const got = await host.read();
    got.sheets.forEach((s, i) => expect(sorted(s)).toEqual(sorted(file.sheets[i])));
    expect(fake.calls).toBeLessThan(600);
  });

  it('hidden sheets other than ours cost a few calls and carry no cells', async () => {
    const { host, fake } = setup();
    const got = await host.read();
    expect(got.sheets[2]).toMatchObject({ name: '去年', visibility: 'hidden', values: [] });
    expect([...fake.byMember.keys()].filter((k) => k.startsWith('Worksheet.')).sort()).toEqual([
      'Worksheet.Name', 'Worksheet.ProtectContents', 'Worksheet.Range', 'Worksheet.UsedRange', 'Worksheet.Visible',
    ]);
    expect(fake.byMember.get('Worksheet.UsedRange')).toBe(3); // not the hidden sheet's
  });

  it('no workbook open → busy', async () => {
    const { host } = setup({ workbook: false });
    await expect(host.read()).rejects.toMatchObject({ code: 'busy' });
  });
});

describe('re-reading with the last read as a guess', () => {
  /** Deterministic pseudo-random numbers. */
  const rng = (seed: number) => () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

  it('costs far fewer calls when nothing changed', async () => {
    const file = await new FileHost(SEED, 'seed.xlsx').read();
    const { fake, host } = setup({}, file);
    await host.read();
    const first = fake.calls;
    fake.resetCounts();
    await host.read();
    expect(fake.calls).toBeLessThan(first / 2);
  });

  it('learns whether this build reads and writes multi-area ranges whole, and guesses only if it does', async () => {
    const file = await new FileHost(SEED, 'seed.xlsx').read();
    const whole = setup({}, file);
    const first = setup({ multiArea: 'first' }, file);
    for (const { host } of [whole, first]) await createAssistant(host, { now: () => new Date(0) }).recompute();
    expect(first.fake.snapshot()).toEqual(whole.fake.snapshot()); // marks on every area either way
    whole.fake.resetCounts();
    first.fake.resetCounts();
    const a = await whole.host.read();
    const b = await first.host.read();
    expect(b.sheets.map(sorted)).toEqual(a.sheets.map(sorted));
    expect(first.fake.calls).toBeGreaterThan(whole.fake.calls * 1.5); // no guessing there
  });

  it.each([{}, { multiArea: 'first' as const }])('sees every change the clerk made since: fills, formats, merges (never trusts the guess) %j', async (options) => {
    const file = await new FileHost(SEED, 'seed.xlsx').read();
    const { app, fake, host } = setup(options, file);
    const rand = rng(7);
    const FILLS = [null, '#FFC7CE', '#FFEB9C', '#00B050', 'other'];
    for (let round = 0; round < 25; round++) {
      await host.read();
      // The clerk edits a few cells of the form sheet directly (not through the host).
      const sheet = fake.sheet('附件3 自评表');
      for (let k = 0; k < 1 + Math.floor(rand() * 6); k++) {
        const row = Math.floor(rand() * 24);
        const col = Math.floor(rand() * 10);
        const cell = { ...fake.cell('附件3 自评表', `${String.fromCharCode(65 + col)}${row + 1}`) };
        const what = rand();
        if (what < 0.4) {
          const f = FILLS[Math.floor(rand() * FILLS.length)];
          cell.pattern = f === null ? XL.none : f === 'other' ? 17 : XL.patternSolid;
          cell.color = f && f !== 'other' ? hexToBgr(f) : XL.white;
        } else if (what < 0.7) cell.numberFormat = ['General', '0.00', '0%', '@'][Math.floor(rand() * 4)];
        else if (what < 0.8) sheet.merges = sheet.merges.filter((_, i) => i !== Math.floor(rand() * sheet.merges.length));
        else if (what < 0.9 && sheet.merges.length) {
          // A merged area grown by a column, where that column is free.
          const i = Math.floor(rand() * sheet.merges.length);
          const m = sheet.merges[i];
          const grown = { ...m, right: m.right + 1 };
          const free = sheet.merges.every((o, j) => j === i || o.right < grown.left || o.left > grown.right || o.bottom < grown.top || o.top > grown.bottom);
          if (free) sheet.merges[i] = grown;
        } else if (!sheet.merges.some((m) => m.top <= row + 1 && m.bottom >= row && m.left <= col + 1 && m.right >= col)) {
          sheet.merges.push({ top: row, left: col, bottom: row + 1, right: col + 1 });
        }
        sheet.cells.set(`${row},${col}`, cell);
      }
      const guessed = await host.read();
      const fresh = await new WpsHost(app).read(); // no guess: a first read
      expect(guessed.sheets.map(sorted)).toEqual(fresh.sheets.map(sorted));
    }
  });
});

describe('apply', () => {
  it('writes values, formats and BGR fills, with ScreenUpdating and EnableEvents off and restored, in one undo step', async () => {
    const { app, fake, host } = setup();
    await host.read();
    fake.resetCounts();
    await host.apply([
      { sheet: FORM, cell: 'D4', value: 0.95, numberFormat: '0.00%', fill: '#FFC7CE' },
      { sheet: FORM, cell: 'B5', value: '95%' },
      { sheet: FORM, cell: 'D3', fill: null },
    ]);
    expect(fake.cell(FORM, 'D4')).toMatchObject({ value: 0.95, numberFormat: '0.00%', color: hexToBgr('#FFC7CE'), pattern: XL.patternSolid, text: '95.00%' });
    expect(fake.cell(FORM, 'B5')).toMatchObject({ value: '95%', numberFormat: 'General' }); // stays text
    expect(fake.cell(FORM, 'D3').pattern).toBe(XL.none);
    expect(fake.switchLog.filter((s) => s.name !== 'EditDirectlyInCell')).toEqual([
      { name: 'ScreenUpdating', value: false },
      { name: 'EnableEvents', value: false },
      { name: 'EnableEvents', value: true },
      { name: 'ScreenUpdating', value: true },
    ]);
    expect(fake.fired).toEqual([]); // no SheetChange for our own writes
    expect(fake.undoLog.map((u) => u.op)).toEqual(['begin', 'end']);
    expect(fake.undoCount).toBe(1);
    app.Undo();
    expect(fake.value(FORM, 'D4')).toBe('95%');
    expect(fake.cell(FORM, 'D3').color).toBe(hexToBgr('#FFEB9C'));
  });

  it('works without DebugTools (one undo step per write, our revert still exact)', async () => {
    const { fake, host } = setup({ debugTools: false });
    await host.read();
    await host.apply([{ sheet: FORM, cell: 'D4', value: 1 }, { sheet: FORM, cell: 'B5', fill: '#FFEB9C' }]);
    expect(fake.value(FORM, 'D4')).toBe(1);
    expect(fake.undoLog).toEqual([]);
    expect(fake.undoCount).toBe(2);
  });

  it('adds the state sheet very hidden after the last sheet, leaving the active sheet active', async () => {
    const { app, fake, host } = setup({}, book(formSheet(), blankSheet('空白')));
    await host.read();
    await host.apply([{ sheet: STATE_SHEET, cell: 'A1', value: 'x' }, { sheet: FORM, cell: 'D4', value: 1 }]);
    const names = fake.book.sheets.map((s) => s.name);
    expect(names).toEqual([FORM, '空白', STATE_SHEET]);
    expect(fake.sheet(STATE_SHEET).visible).toBe(XL.sheetVeryHidden);
    expect(fake.value(STATE_SHEET, 'A1')).toBe('x');
    expect(app.ActiveSheet!.Name).toBe(FORM);
    // The journal is written before the clerk's cells.
    expect((await host.read()).sheets[2]).toMatchObject({ name: STATE_SHEET, visibility: 'veryHidden' });
  });

  it("bringing the clerk's sheet back to front is only comfort: its failure does not fail the write", async () => {
    const { fake, host } = setup({}, book(formSheet(), blankSheet('空白')));
    await host.read();
    fake.failAt(1, { only: 'Worksheet.Activate' });
    await host.apply([{ sheet: STATE_SHEET, cell: 'A1', value: 'x' }, { sheet: FORM, cell: 'D4', value: 1 }]);
    expect(fake.value(FORM, 'D4')).toBe(1);
    expect(fake.sheet(STATE_SHEET).visible).toBe(XL.sheetVeryHidden);
  });

  it('a sheet protected after the read: refused before any write or switch', async () => {
    const { fake, host } = setup();
    await host.read();
    fake.sheet(FORM).protectContents = true;
    const before = fake.snapshot();
    await expect(host.apply([{ sheet: STATE_SHEET, cell: 'A1', value: 'j' }, { sheet: FORM, cell: 'D4', value: 1 }])).rejects.toMatchObject({
      code: 'protected',
      sheet: FORM,
    });
    expect(fake.snapshot()).toEqual(before);
    expect(fake.switchLog.filter((s) => s.name !== 'EditDirectlyInCell')).toEqual([]);
  });

  it('a protected workbook structure: the state sheet cannot be added, nothing written', async () => {
    const { fake, host } = setup({}, book(formSheet()));
    await host.read();
    fake.book.protectStructure = true;
    const before = fake.snapshot();
    await expect(host.apply([{ sheet: STATE_SHEET, cell: 'A1', value: 'j' }, { sheet: FORM, cell: 'D4', value: 1 }])).rejects.toMatchObject({ code: 'protected' });
    expect(fake.snapshot()).toEqual(before);
  });

  it('cell-edit mode: refused with cell-edit before any write or switch', async () => {
    const { fake, host } = setup();
    await host.read();
    fake.editMode = true;
    const before = fake.snapshot();
    const err = await host.apply([{ sheet: FORM, cell: 'D4', value: 1 }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err).toMatchObject({ code: 'cell-edit' });
    expect(fake.snapshot()).toEqual(before);
    expect(fake.switchLog.filter((s) => s.name !== 'EditDirectlyInCell')).toEqual([]);
  });

  it('refuses to overwrite a formula (planWrites, before any call)', async () => {
    const { fake, host } = setup();
    await host.read();
    fake.resetCounts();
    await expect(host.apply([{ sheet: FORM, cell: 'D5', value: 1 }])).rejects.toMatchObject({ code: 'write-failed' });
    expect(fake.calls).toBe(0);
  });

  it('a failure part-way is rolled back: cells, the added state sheet, switches; no modal prompt', async () => {
    const { fake, host } = setup({}, book(formSheet(), blankSheet('空白')));
    await host.read();
    const before = fake.snapshot();
    fake.failAt(6, { writesOnly: true });
    const changes = [
      { sheet: STATE_SHEET, cell: 'A1', value: 'journal' },
      { sheet: FORM, cell: 'D4', value: 1, fill: '#FFC7CE' },
      { sheet: FORM, cell: 'B5', value: 2, numberFormat: '0.00', fill: '#FFC7CE' },
      { sheet: FORM, cell: 'A2', fill: null },
    ];
    await expect(host.apply(changes)).rejects.toMatchObject({ code: 'write-failed', message: expect.stringMatching(/restored/) });
    expect(fake.snapshot()).toEqual(before);
    expect(fake.switches).toMatchObject({ ScreenUpdating: true, EnableEvents: true, DisplayAlerts: true });
    expect(fake.modalPrompts).toBe(0);
    expect(fake.undoLog.map((u) => u.op)).toEqual(['begin', 'end']);
  });

  it('when the rollback fails too, the journal written first is left and the error says so', async () => {
    const { fake, host } = setup();
    await host.read();
    fake.failAt(2, { writesOnly: true, times: Infinity, only: 'Range.' }); // D4's value, after the journal
    await expect(
      host.apply([
        { sheet: STATE_SHEET, cell: 'A1', value: 'journal' },
        { sheet: FORM, cell: 'D4', value: 1 },
        { sheet: FORM, cell: 'B5', fill: '#FFC7CE' },
      ]),
    ).rejects.toMatchObject({ code: 'write-failed', message: expect.stringMatching(/journal/) });
    expect(fake.value(STATE_SHEET, 'A1')).toBe('journal');
    expect(fake.switches).toMatchObject({ ScreenUpdating: true, EnableEvents: true });
  });

  it('edit mode starting mid-write is reported as cell-edit', async () => {
    const { fake, host } = setup();
    await host.read();
    const real = fake.tick.bind(fake);
    let writes = 0;
    fake.tick = (member: string, write = false) => {
      if (write && ++writes === 3) fake.editMode = true;
      real(member, write);
    };
    await expect(host.apply([{ sheet: FORM, cell: 'D4', value: 1 }, { sheet: FORM, cell: 'B5', fill: '#FFC7CE' }])).rejects.toMatchObject({ code: 'cell-edit' });
  });
});

describe('select', () => {
  it('activates the sheet and selects the cell', async () => {
    const { app, fake, host } = setup();
    await host.select('空白', 'C7');
    expect(app.ActiveSheet!.Name).toBe('空白');
    expect(fake.book.selection).toBe('C7');
  });
  it('a missing sheet is a HostError', async () => {
    const { host } = setup();
    await expect(host.select('nope', 'A1')).rejects.toBeInstanceOf(HostError);
  });
  it('in edit mode → cell-edit', async () => {
    const { fake, host } = setup();
    fake.editMode = true;
    await expect(host.select('空白', 'A1')).rejects.toMatchObject({ code: 'cell-edit' });
  });
});

test('one-click recompute on the seed: H14 = 14.55 and H21 = 99.35 written (已更正), I14 marked, in under 1,000 calls (0.1 s at 0.1 ms/call)', async () => {
  const file = await new FileHost(SEED, 'seed.xlsx').read();
  const { fake, host } = setup({}, file);
  await createAssistant(host).recompute();
  expect(fake.cell('附件3 自评表', 'H14')).toMatchObject({ value: 14.55, color: hexToBgr(CORRECTED_FILL), pattern: XL.patternSolid });
  expect(fake.cell('附件3 自评表', 'I14')).toMatchObject({ color: hexToBgr(MARK_FILLS.error), pattern: XL.patternSolid });
  expect(fake.value('附件3 自评表', 'H21')).toBe(99.35);
  expect(fake.sheet(STATE_SHEET).visible).toBe(XL.sheetVeryHidden);
  expect(fake.calls).toBeLessThan(1000);
});

test('a build that gives one value for a whole range and refuses array writes: cell by cell, same result', async () => {
  const file = await new FileHost(SEED, 'seed.xlsx').read();
  const plain = setup({}, file);
  const odd = setup({ shape: 'first', arrayWrites: false }, file);
  expect((await odd.host.read()).sheets.map(sorted)).toEqual((await plain.host.read()).sheets.map(sorted));
  await createAssistant(plain.host, { now: () => new Date(0) }).recompute();
  await createAssistant(odd.host, { now: () => new Date(0) }).recompute();
  expect(odd.fake.snapshot()).toEqual(plain.fake.snapshot());
  expect(odd.fake.calls).toBeGreaterThan(plain.fake.calls * 2); // the price of not knowing the shape
});

test('readSync gives what read() gives, at once (for WorkbookBeforePrint listeners)', async () => {
  const { host } = setup();
  const now = host.readSync();
  expect(await host.read()).toEqual(now);
  expect(setup({ workbook: false }).host.readSync.bind(setup({ workbook: false }).host)).toThrow(HostError);
});

test('a used range over a million cells is refused as too-large, not read', async () => {
  const { fake, host } = setup();
  fake.sheet('空白').cells.set('0,0', { ...fake.cell('空白', 'A1'), value: 'near' });
  fake.sheet('空白').cells.set('199999,10', { ...fake.cell('空白', 'A1'), value: 'far away' }); // A1:K200000
  await expect(host.read()).rejects.toMatchObject({ code: 'too-large', sheet: '空白' });
  expect(fake.byMember.get('Range.Value2') ?? 0).toBeLessThan(2);
});

test('changes planned on one workbook are never written into another the clerk switched to', async () => {
  const { fake, host } = setup();
  await host.read();
  fake.book.fullName = 'C:\\other.xlsx'; // another workbook is now the active one
  const before = fake.snapshot();
  await expect(host.apply([{ sheet: FORM, cell: 'D4', value: 1 }])).rejects.toMatchObject({ code: 'busy' });
  expect(fake.snapshot()).toEqual(before);
  await host.read();
  await host.apply([{ sheet: FORM, cell: 'D4', value: 1 }]);
  expect(fake.value(FORM, 'D4')).toBe(1);
});

test('a build whose mixed ranges read as the first cell\'s value (not null) is caught by sampling and read cell by cell', async () => {
  const file = await new FileHost(SEED, 'seed.xlsx').read();
  const odd = setup({ mixedReads: 'first' }, file);
  const got = await odd.host.read();
  got.sheets.forEach((s, i) => expect(sorted(s)).toEqual(sorted(file.sheets[i])));
  await createAssistant(odd.host, { now: () => new Date(0) }).recompute();
  const plain = setup({}, file);
  await createAssistant(plain.host, { now: () => new Date(0) }).recompute();
  expect(odd.fake.snapshot()).toEqual(plain.fake.snapshot());
  // Read again: still right, with no guessing.
  expect((await odd.host.read()).sheets.map(sorted)).toEqual((await plain.host.read()).sheets.map(sorted));
});
