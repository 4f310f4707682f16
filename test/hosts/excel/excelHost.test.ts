import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { HostError } from '../../../src/hosts/host';
import { STATE_SHEET, MARK_FILLS } from '../../../src/core/edits';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { FakeExcel } from './fakeExcel';
import { blankSheet, book, formSheet, stateSheet } from './book';

const FORM = '项目支出绩效自评表';

function setup(snap: WorkbookSnapshot = book(), apiVersion = '1.20') {
  const fake = FakeExcel.fromSnapshot(snap);
  fake.apiVersion = apiVersion;
  const host = new ExcelHost({ run: fake.run as never, supports: fake.isSetSupported });
  return { fake, host };
}

async function expectHostError(p: Promise<unknown>, code: string): Promise<HostError> {
  const e = await p.then(() => undefined, (x: unknown) => x);
  expect(e).toBeInstanceOf(HostError);
  expect((e as HostError).code).toBe(code);
  return e as HostError;
}

describe('ExcelHost.read', () => {
  test('reads every sheet, the very hidden state sheet included, back to the snapshot', async () => {
    const snap = book();
    const { host } = setup(snap);
    const got = await host.read();
    expect(got.name).toBe('longquan.xlsx');
    expect(got.sheets.map((s) => s.name)).toEqual([FORM, '空白', STATE_SHEET]);
    expect(got.sheets[0]).toEqual(snap.sheets[0]);
    expect(got.sheets[1]).toEqual(blankSheet('空白'));
    expect(got.sheets[2]).toEqual(stateSheet());
  });

  test('cold read: 4 syncs (sheet list, sizes, cells, merges); warm read: 3 (list and sizes together)', async () => {
    const { fake, host } = setup();
    await host.read();
    expect(fake.syncCount).toBe(4);
    fake.syncCount = 0;
    await host.read();
    expect(fake.syncCount).toBe(3);
    expect(fake.runOptions.every((o) => o.delayForCellEdit === true && !o.mergeUndoGroup)).toBe(true);
  });

  test('warm read notices added and deleted sheets', async () => {
    const { fake, host } = setup();
    await host.read();
    fake.book.sheets.push(FakeExcel.fromSnapshot(book(blankSheet('新表'))).book.sheets[0]);
    expect((await host.read()).sheets.map((s) => s.name)).toEqual([FORM, '空白', STATE_SHEET, '新表']);
    fake.book.sheets = fake.book.sheets.filter((s) => s.name !== '空白');
    fake.syncCount = 0;
    expect((await host.read()).sheets.map((s) => s.name)).toEqual([FORM, STATE_SHEET, '新表']);
    expect(fake.syncCount).toBe(5); // failed guess, list, sizes, cells, merges
  });

  test('reports protection and visibility', async () => {
    const { host } = setup(book(formSheet({ protected: true }), { ...blankSheet('隐藏'), visibility: 'hidden' }));
    const got = await host.read();
    expect(got.sheets.map((s) => [s.protected, s.visibility])).toEqual([[true, 'visible'], [false, 'hidden']]);
  });

  test('keeps only merges whose top-left cell is in the used range, and skips merges below ExcelApi 1.13', async () => {
    const { host } = setup(book(formSheet({ merges: ['A3:A4', 'C2:D2'] })));
    expect((await host.read()).sheets[0].merges).toEqual(['A3:A4', 'C2:D2']);
    const old = setup(book(formSheet()), '1.12');
    expect((await old.host.read()).sheets[0].merges).toEqual([]);
    expect(old.fake.calls).not.toContain('getMergedAreasOrNullObject');
  });

  test('refuses to run below ExcelApi 1.9', async () => {
    const { fake, host } = setup(book(), '1.8');
    await expectHostError(host.read(), 'not-supported');
    expect(fake.syncCount).toBe(0);
  });

  test.each([
    ['ResponsePayloadSizeLimitExceeded', 'too-large'],
    ['InactiveWorkbook', 'busy'],
    ['InvalidOperationInCellEditMode', 'cell-edit'],
    ['GeneralException', 'unreadable'],
  ])('maps %s during a read to %s', async (office, code) => {
    const { fake, host } = setup();
    fake.failNextSync(office);
    const e = await expectHostError(host.read(), code);
    expect(e.message).toContain(office);
  });
});

describe('ExcelHost.apply', () => {
  test('writes values, number formats and fills in exactly 1 sync, and they read back', async () => {
    const { fake, host } = setup();
    await host.read();
    fake.syncCount = 0;
    await host.apply([
      { sheet: FORM, cell: 'D3', value: 20, numberFormat: '0.00' },
      { sheet: FORM, cell: 'C3', value: 19.5 },
      { sheet: FORM, cell: 'D4', value: '95%', fill: MARK_FILLS.error }, // text stays text
      { sheet: FORM, cell: 'B4', value: null }, // clears
      { sheet: FORM, cell: 'D2', fill: null }, // removes a fill
      { sheet: FORM, cell: 'D5', fill: MARK_FILLS.warning }, // a mark on a formula cell is fine
    ]);
    expect(fake.syncCount).toBe(1);
    const s = (await host.read()).sheets[0];
    const at = (a1: string) => {
      const [col, row] = [a1.charCodeAt(0) - 65, Number(a1.slice(1)) - 1];
      return { v: s.values[row - s.top][col - s.left], f: s.fills?.[row - s.top][col - s.left], nf: s.numberFormats[row - s.top][col - s.left] };
    };
    expect(at('D3')).toEqual({ v: 20, f: '#FFEB9C', nf: '0.00' });
    expect(at('C3')).toEqual({ v: 19.5, f: null, nf: 'General' });
    expect(at('D4')).toEqual({ v: '95%', f: MARK_FILLS.error, nf: 'General' });
    expect(at('B4').v).toBeNull();
    expect(at('D2').f).toBeNull();
    expect(at('D5')).toMatchObject({ f: MARK_FILLS.warning });
    expect(s.formulas[3][3]).toBe('=SUM(D3:D4)');
    expect(fake.calls.filter((c) => c === 'getRanges').length).toBe(3); // one per colour, none per cell
  });

  test('groups adjacent cells of a row into one range write', async () => {
    const { fake, host } = setup();
    await host.read();
    await host.apply([
      { sheet: FORM, cell: 'C3', value: 1 },
      { sheet: FORM, cell: 'D3', value: 2 },
      { sheet: FORM, cell: 'C4', value: 3 },
    ]);
    expect([fake.cell(FORM, 'C3')?.value, fake.cell(FORM, 'D3')?.value, fake.cell(FORM, 'C4')?.value]).toEqual([1, 2, 3]);
  });

  test('creates the very hidden state sheet when it is addressed and missing, outside the undo group', async () => {
    const { fake, host } = setup(book(formSheet()));
    await host.read();
    fake.syncCount = 0;
    await host.apply([{ sheet: STATE_SHEET, cell: 'A1', value: '{"journal":[]}' }]);
    expect(fake.syncCount).toBe(2); // add + hide on their own, then the write
    expect(fake.runOptions.slice(-2)).toEqual([{ delayForCellEdit: true }, { delayForCellEdit: true, mergeUndoGroup: true }]);
    expect(fake.sheet(STATE_SHEET).visibility).toBe('VeryHidden');
    expect(fake.cell(STATE_SHEET, 'A1')?.value).toBe('{"journal":[]}');
    await host.apply([{ sheet: STATE_SHEET, cell: 'A1', value: '{}' }]); // exists now: no second add
    expect(fake.calls.filter((c) => c === 'worksheets.add')).toHaveLength(1);
    expect(fake.calls.filter((c) => c === 'visibility')).toHaveLength(1);
  });

  test('uses one undo group on ExcelApi 1.20 and not below', async () => {
    for (const [version, merge] of [['1.20', true], ['1.19', undefined]] as const) {
      const { fake, host } = setup(book(), version);
      await host.read();
      await host.apply([{ sheet: FORM, cell: 'C3', value: 1 }]);
      expect(fake.runOptions.at(-1)).toEqual({ delayForCellEdit: true, ...(merge ? { mergeUndoGroup: true } : {}) });
    }
  });

  test('reads first when apply is called without a snapshot', async () => {
    const { fake, host } = setup();
    await host.apply([{ sheet: FORM, cell: 'C3', value: 7 }]);
    expect(fake.cell(FORM, 'C3')?.value).toBe(7);
    expect(fake.syncCount).toBe(5);
  });

  test('nothing to apply: no Excel.run at all', async () => {
    const { fake, host } = setup();
    await host.apply([]);
    expect(fake.runOptions).toHaveLength(0);
  });

  test('protected target sheet: HostError before anything is queued, workbook unchanged', async () => {
    const { fake, host } = setup(book(formSheet({ protected: true }), blankSheet('空白')));
    await host.read();
    const before = fake.dump();
    const runs = fake.runOptions.length;
    const e = await expectHostError(
      host.apply([{ sheet: '空白', cell: 'A1', value: 1 }, { sheet: FORM, cell: 'C3', value: 1 }]),
      'protected',
    );
    expect(e.sheet).toBe(FORM);
    expect(fake.runOptions.length).toBe(runs); // no write batch was even started
    expect(fake.dump()).toEqual(before);
  });

  test('refuses to overwrite a formula cell, and to write to an unknown sheet', async () => {
    const { fake, host } = setup();
    await host.read();
    const before = fake.dump();
    await expectHostError(host.apply([{ sheet: FORM, cell: 'C3', value: 1 }, { sheet: FORM, cell: 'D5', value: 30 }]), 'write-failed');
    await expectHostError(host.apply([{ sheet: 'Sheet9', cell: 'A1', value: 1 }]), 'write-failed');
    expect(fake.dump()).toEqual(before);
  });

  test('cell-edit mode: HostError("cell-edit"), workbook unchanged', async () => {
    const { fake, host } = setup();
    await host.read();
    const before = fake.dump();
    fake.failNextSync('InvalidOperationInCellEditMode');
    await expectHostError(host.apply([{ sheet: FORM, cell: 'C3', value: 1, fill: '#FFC7CE' }]), 'cell-edit');
    expect(fake.dump()).toEqual(before);
  });

  test('waits instead of failing while the user edits a cell (delayForCellEdit)', async () => {
    const { fake, host } = setup();
    await host.read();
    fake.cellEditMode = true; // the fake fails syncs unless delayForCellEdit was asked for
    await host.apply([{ sheet: FORM, cell: 'C3', value: 5 }]);
    expect(fake.cell(FORM, 'C3')?.value).toBe(5);
  });

  test.each([
    ['GeneralException', 'write-failed'],
    ['AccessDenied', 'protected'],
    ['RequestPayloadSizeLimitExceeded', 'too-large'],
    ['InactiveWorkbook', 'busy'],
  ])('%s while writing -> HostError(%s), workbook unchanged', async (office, code) => {
    const { fake, host } = setup();
    await host.read();
    const before = fake.dump();
    fake.failNextSync(office, true);
    await expectHostError(host.apply([{ sheet: FORM, cell: 'C3', value: 1 }, { sheet: STATE_SHEET, cell: 'A1', value: '{}' }]), code);
    expect(fake.dump()).toEqual(before);
  });

  test('a sheet protected after the read fails inside the batch: Excel keeps what ran before (no rollback)', async () => {
    const { fake, host } = setup();
    await host.read();
    fake.sheet(FORM).protected = true;
    const before = fake.dump();
    await expectHostError(host.apply([{ sheet: STATE_SHEET, cell: 'A1', value: '{}' }, { sheet: FORM, cell: 'C3', value: 1 }]), 'protected');
    expect(fake.cell(STATE_SHEET, 'A1')?.value).toBe('{}'); // the journal goes first and stays written
    expect(fake.sheet(FORM)).toEqual(before.sheets[0]);
  });
});

describe('ExcelHost.select', () => {
  test('activates the sheet and selects the cell in one sync', async () => {
    const { fake, host } = setup();
    fake.book.active = '空白';
    await host.select(FORM, 'D4');
    expect(fake.book.active).toBe(FORM);
    expect(fake.book.selection).toBe(`${FORM}!D4`);
    expect(fake.syncCount).toBe(1);
  });

  test('unknown sheet -> HostError', async () => {
    const { host } = setup();
    const e = await host.select('nope', 'A1').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(HostError);
  });
});

describe('default wiring', () => {
  test('uses the Excel and Office globals', async () => {
    const fake = FakeExcel.fromSnapshot(book());
    const g = globalThis as Record<string, unknown>;
    g.Excel = { run: fake.run };
    g.Office = { context: { requirements: { isSetSupported: (_: string, v: string) => fake.isSetSupported(v) } } };
    try {
      const snap = await new ExcelHost().read();
      expect(snap.sheets).toHaveLength(3);
    } finally {
      delete g.Excel;
      delete g.Office;
    }
  });
});
