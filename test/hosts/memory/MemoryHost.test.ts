import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { MemoryHost, type MemoryHostEvent } from '../../../src/hosts/memory';
import { HostError } from '../../../src/hosts/host';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';

const FIXTURE = join(__dirname, '../../fixtures/seed-longquan-2023.xlsx');
const SHEET = '附件3 自评表';

function seed(): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURE));
}

function cell(snap: WorkbookSnapshot, sheet: string, row: number, col: number) {
  const s = snap.sheets.find((x) => x.name === sheet)!;
  return { value: s.values[row][col], text: s.texts[row][col], fill: s.fills?.[row][col] ?? null };
}

describe('MemoryHost', () => {
  it('reads the seed workbook', async () => {
    const host = await MemoryHost.open(seed(), 'seed-longquan-2023.xlsx');
    expect(host.kind).toBe('memory');
    const snap = await host.read();
    expect(snap.name).toBe('seed-longquan-2023.xlsx');
    expect(snap.sheets.map((s) => s.name)).toEqual(['附件2 基础数据表', SHEET]);
    expect(cell(snap, SHEET, 13, 7)).toMatchObject({ value: 15, text: '15' });
    expect(snap.sheets[1].merges).toContain('B13:B15');
  });

  it('accepts an ArrayBuffer', async () => {
    const b = seed();
    const host = await MemoryHost.open(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer, 'x.xlsx');
    expect((await host.read()).sheets).toHaveLength(2);
  });

  it('applies changes with the surgical writer and re-reads', async () => {
    const host = await MemoryHost.open(seed(), 'seed.xlsx');
    const before = host.bytes;
    const events: MemoryHostEvent[] = [];
    host.subscribe((e) => events.push(e));
    await host.apply([{ sheet: SHEET, cell: 'H14', value: 14.55, fill: '#FFC7CE' }]);
    expect(host.bytes).not.toBe(before);
    const snap = await host.read();
    expect(cell(snap, SHEET, 13, 7)).toEqual({ value: 14.55, text: '14.55', fill: '#FFC7CE' });
    expect(cell(snap, SHEET, 12, 7).value).toBe(15);
    expect(events).toEqual([{ type: 'change', snapshot: snap }]);
    expect(host.lastSnapshot).toEqual(snap);
    // The bytes are a real package that ExcelJS reads back.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(host.bytes as unknown as ArrayBuffer);
    expect(wb.getWorksheet(SHEET)!.getCell('H14').value).toBe(14.55);
  });

  it('returns a copy the caller may change', async () => {
    const host = await MemoryHost.open(seed(), 'seed.xlsx');
    const a = await host.read();
    a.sheets[1].values[13][7] = 99;
    expect(cell(await host.read(), SHEET, 13, 7).value).toBe(15);
  });

  it('does nothing for an empty change list', async () => {
    const host = await MemoryHost.open(seed(), 'seed.xlsx');
    const before = host.bytes;
    const listener = jest.fn();
    host.subscribe(listener);
    await host.apply([]);
    expect(host.bytes).toBe(before);
    expect(listener).not.toHaveBeenCalled();
  });

  it('notifies listeners of selections until they unsubscribe', async () => {
    const host = await MemoryHost.open(seed(), 'seed.xlsx');
    const a = jest.fn();
    const b = jest.fn(() => {
      throw new Error('broken listener');
    });
    const off = host.subscribe(a);
    host.subscribe(b);
    await host.select(SHEET, '$h$14');
    expect(a).toHaveBeenCalledWith({ type: 'select', sheet: SHEET, cell: 'H14' });
    expect(b).toHaveBeenCalledTimes(1);
    expect(host.selected).toEqual({ sheet: SHEET, cell: 'H14' });
    off();
    await host.select(SHEET, 'A1');
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(2);
    await expect(host.select('nope', 'A1')).rejects.toBeInstanceOf(HostError);
  });

  it('leaves the bytes unchanged when the writer throws', async () => {
    const host = await MemoryHost.open(seed(), 'seed.xlsx', () => {
      throw new Error('disk on fire');
    });
    const before = host.bytes;
    const snapBefore = await host.read();
    const listener = jest.fn();
    host.subscribe(listener);
    const err = await host.apply([{ sheet: SHEET, cell: 'H14', value: 1 }]).catch((e) => e);
    expect(err).toBeInstanceOf(HostError);
    expect(err.code).toBe('write-failed');
    expect(host.bytes).toBe(before);
    expect(await host.read()).toEqual(snapBefore);
    expect(listener).not.toHaveBeenCalled();
  });

  it('leaves the bytes unchanged when the written package does not read back', async () => {
    const host = await MemoryHost.open(seed(), 'seed.xlsx', () => new TextEncoder().encode('not a zip'));
    const before = host.bytes;
    await expect(host.apply([{ sheet: SHEET, cell: 'H14', value: 1 }])).rejects.toMatchObject({ code: 'write-failed' });
    expect(host.bytes).toBe(before);
    expect(cell(await host.read(), SHEET, 13, 7).value).toBe(15);
  });

  it('leaves the bytes unchanged when the real writer rejects a change', async () => {
    const host = await MemoryHost.open(seed(), 'seed.xlsx');
    const before = host.bytes;
    await expect(host.apply([{ sheet: SHEET, cell: 'not-an-address', value: 1 }])).rejects.toBeInstanceOf(HostError);
    expect(host.bytes).toBe(before);
  });

  it('refuses to write a protected sheet before writing anything', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('locked');
    ws.getCell('A1').value = 1;
    await ws.protect('pw', {});
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const writer = jest.fn((b: Uint8Array) => b);
    const host = await MemoryHost.open(bytes, 'locked.xlsx', writer);
    await expect(host.apply([{ sheet: 'locked', cell: 'A1', value: 2 }])).rejects.toMatchObject({ code: 'protected' });
    expect(writer).not.toHaveBeenCalled();
  });

  it('rejects bytes that are not a workbook', async () => {
    const text = new TextEncoder().encode('hello, this is not a spreadsheet');
    await expect(MemoryHost.open(text, 'notes.txt')).rejects.toMatchObject({ name: 'HostError', code: 'unreadable' });
  });
});
