/** The fake must keep Office.js's load/sync contract, or the host tests prove nothing. */
import { FakeExcel, OfficeError } from './fakeExcel';
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
