/** The fake must keep Office.js's load/sync contract, or the host tests prove nothing. */
import { FakeExcel, OfficeError, type FakeCell } from './fakeExcel';
import { book } from './book';

const run = (fake: FakeExcel) => fake.run as unknown as typeof Excel.run;

test('reading a property before load and sync throws PropertyNotLoaded', async () => {
  const fake = FakeExcel.fromSnapshot(book());
  await run(fake)(async (ctx) => {
    const used = ctx.workbook.worksheets.getItem('空白').getUsedRange();
    expect(() => used.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    used.load('address');
    expect(() => used.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await ctx.sync();
    expect(used.address).toBe('空白!A1');
    expect(() => used.values).toThrow(OfficeError);
  });
});

test('a failing batch keeps the operations before the failing one (no rollback) and delivers no loads', async () => {
  const fake = FakeExcel.fromSnapshot(book());
  await run(fake)(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem('空白');
    ws.getRange('A1').values = [[1]];
    const r = ws.getRange('A1').load('values');
    ctx.workbook.worksheets.getItem('missing').getRange('A1').values = [[2]];
    ws.getRange('A2').values = [[3]];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(() => r.values).toThrow(OfficeError);
  });
  expect(fake.cell('空白', 'A1')?.value).toBe(1);
  expect(fake.cell('空白', 'A2')).toBeUndefined();
});

test('Excel.run syncs what is left queued, and every sync is counted', async () => {
  const fake = FakeExcel.fromSnapshot(book());
  await run(fake)(async (ctx) => {
    ctx.workbook.worksheets.getItem('空白').getRange('B2').values = [['x']];
  });
  expect(fake.syncCount).toBe(1);
  expect(fake.cell('空白', 'B2')?.value).toBe('x');
});

test('writes to a protected sheet fail with AccessDenied; matrix size is checked', async () => {
  const fake = FakeExcel.fromSnapshot(book());
  fake.sheet('空白').protected = true;
  await expect(
    run(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem('空白').getRange('A1').values = [[1]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'AccessDenied' });
  await expect(
    run(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem('_selfeval').getRange('A1:B1').values = [[1]];
      await ctx.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
});

describe('Excel as documented, not as we would like it', () => {
  const big = (rows: number, cols: number, over: Partial<FakeCell> = {}) => {
    const fake = FakeExcel.fromSnapshot(book());
    const cells = fake.sheet('空白').cells;
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) cells[`${r},${c}`] = { value: null, formula: null, numberFormat: '0.00', fill: null, text: '', ...over };
    return fake;
  };

  test('a response over 5 MB fails with ResponsePayloadSizeLimitExceeded (resource-limits page), and is delivered under it', async () => {
    const fake = big(4000, 10, { value: 'x'.repeat(100), text: 'x'.repeat(100) });
    await expect(
      run(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem('空白').getRange('A1:J4000').load('values,text');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    await run(fake)(async (ctx) => {
      ctx.workbook.worksheets.getItem('空白').getRange('A1:J1000').load('values,text');
      await ctx.sync();
    });
    expect(fake.largest().response).toBeGreaterThan(5 * 1024 * 1024);
  });

  test('a request over 5 MB fails with RequestPayloadSizeLimitExceeded before anything runs', async () => {
    const fake = FakeExcel.fromSnapshot(book());
    const row = Array.from({ length: 100 }, () => 'y'.repeat(1000));
    await expect(
      run(fake)(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('空白');
        for (let i = 1; i <= 60; i++) ws.getRange(`A${i}:CV${i}`).values = [row];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.sheet('空白').cells).toEqual({});
  });

  test('a read of more than 5,000,000 cells returns null values', async () => {
    const fake = FakeExcel.fromSnapshot(book());
    await run(fake)(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('空白').getRange('A1:E1000001').load('values');
      await ctx.sync();
      expect(r.values).toBeNull();
    });
  });

  test('getMergedAreasOrNullObject fails above 512 areas and sees only areas whose top-left is inside', async () => {
    const fake = FakeExcel.fromSnapshot(book());
    fake.sheet('空白').merges = Array.from({ length: 513 }, (_, i) => `A${2 * i + 1}:A${2 * i + 2}`);
    await expect(
      run(fake)(async (ctx) => {
        ctx.workbook.worksheets.getItem('空白').getRange('A1:A1026').getMergedAreasOrNullObject().load('address');
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    await run(fake)(async (ctx) => {
      const m = ctx.workbook.worksheets.getItem('空白').getRange('A2:A6').getMergedAreasOrNullObject().load('address');
      await ctx.sync();
      expect(m.address).toBe('空白!A3:A4,空白!A5:A6'); // A1:A2 starts above the range
    });
  });

  test('No Fill reads as #FFFFFF with a null pattern like white; only tintAndShade tells them apart (office-js#6218, #4900)', async () => {
    const fake = FakeExcel.fromSnapshot(book());
    const cells = fake.sheet('空白').cells;
    cells['0,0'] = { value: 1, formula: null, numberFormat: 'General', fill: null, text: '1' };
    cells['0,1'] = { value: 2, formula: null, numberFormat: 'General', fill: '#FFFFFF', text: '2' };
    cells['0,2'] = { value: 3, formula: null, numberFormat: 'General', fill: '#4472C4', fillTint: 0.6, text: '3' };
    await run(fake)(async (ctx) => {
      const p = ctx.workbook.worksheets.getItem('空白').getRange('A1:C1').getCellProperties({ format: { fill: { color: true, pattern: true, tintAndShade: true } } });
      await ctx.sync();
      expect(p.value[0].map((c) => c.format?.fill)).toEqual([
        { color: '#FFFFFF', pattern: null, tintAndShade: null },
        { color: '#FFFFFF', pattern: null, tintAndShade: 0 },
        { color: '#4472C4', pattern: null, tintAndShade: 0.6 },
      ]);
    });
  });

  test('Worksheet.visibility inside a merged undo group throws UndoNotSupported on Windows and Mac, not on the web', async () => {
    for (const [platform, code] of [['windows', 'UndoNotSupported'], ['mac', 'UndoNotSupported'], ['strict', 'UndoNotSupported'], ['web', undefined]] as const) {
      const fake = FakeExcel.fromSnapshot(book());
      fake.platform = platform;
      const p = fake.run({ mergeUndoGroup: true }, async (ctx) => {
        ctx.workbook.worksheets.getItem('空白').getRange('A1').values = [[1]];
        ctx.workbook.worksheets.getItem('空白').visibility = 'Hidden';
        await ctx.sync();
      });
      if (code) {
        await expect(p).rejects.toMatchObject({ code });
        expect(fake.cell('空白', 'A1')?.value).toBe(1); // what ran before stays
        expect(fake.sheet('空白').visibility).toBe('Visible');
      } else {
        await p;
        expect(fake.sheet('空白').visibility).toBe('Hidden');
      }
    }
  });

  test('a protected sheet takes values in unlocked cells only and no formatting unless allowFormatCells; a protected structure takes no new sheet', async () => {
    const fake = FakeExcel.fromSnapshot(book());
    const s = fake.sheet('空白');
    s.protected = true;
    s.cells['0,0'] = { value: null, formula: null, numberFormat: 'General', fill: null, text: '', locked: false };
    const write = (f: (ws: Excel.Worksheet) => void) =>
      run(fake)(async (ctx) => {
        f(ctx.workbook.worksheets.getItem('空白'));
        await ctx.sync();
      });
    await write((ws) => void (ws.getRange('A1').values = [[5]]));
    expect(fake.cell('空白', 'A1')?.value).toBe(5);
    await expect(write((ws) => void (ws.getRange('A2').values = [[5]]))).rejects.toMatchObject({ code: 'AccessDenied' });
    await expect(write((ws) => void (ws.getRange('A1').format.fill.color = '#FFC7CE'))).rejects.toMatchObject({ code: 'AccessDenied' });
    s.allowFormatCells = true;
    await write((ws) => void (ws.getRange('A1').format.fill.color = '#FFC7CE'));
    fake.book.structureProtected = true;
    await expect(run(fake)(async (ctx) => { ctx.workbook.worksheets.add('新'); await ctx.sync(); })).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  test('a failure injected at the nth operation keeps the n-1 before it', async () => {
    const fake = FakeExcel.fromSnapshot(book());
    fake.failAtOperation(3, 'GeneralException');
    await expect(
      run(fake)(async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('空白');
        ['A1', 'A2', 'A3', 'A4'].forEach((a, i) => (ws.getRange(a).values = [[i + 1]]));
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'GeneralException' });
    expect(['A1', 'A2', 'A3', 'A4'].map((a) => fake.cell('空白', a)?.value)).toEqual([1, 2, undefined, undefined]);
    expect(fake.injectedFired).toBe(true);
  });

  test('DATE(1904,1,1) is 1462 in the 1900 date system and 0 in the 1904 one', async () => {
    for (const [date1904, serial] of [[false, 1462], [true, 0]] as const) {
      const fake = FakeExcel.fromSnapshot(book());
      fake.book.date1904 = date1904;
      await run(fake)(async (ctx) => {
        const d = ctx.workbook.functions.date(1904, 1, 1).load('value');
        await ctx.sync();
        expect(d.value).toBe(serial);
      });
    }
  });
});
