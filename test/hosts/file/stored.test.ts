/** The STORED copy the inspection keeps for the reader: same parts, same snapshot, originals untouched. */
import { inspectWorkbook, takeStoredCopy } from '../../../src/hosts/file/inspect';
import { inflateEntry, readZip } from '../../../src/hosts/file/zip';
import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import { FileHost } from '../../../src/hosts/file/host';
import { CHART, SEED, fixture } from './helpers';

const ALL = [SEED, 'hunan-hengshan-2023-whole-unit.xlsx', 'yunnan-yongde-2022-project.xlsx', CHART];

it.each(ALL)('%s: the stored copy holds the same parts, names and CRCs, uncompressed', (name) => {
  const b = fixture(name);
  const before = b.slice();
  inspectWorkbook(b, true);
  const copy = takeStoredCopy(b) as Uint8Array;
  expect(copy).toBeDefined();
  expect(takeStoredCopy(b)).toBeUndefined(); // handed out once
  expect(b).toEqual(before);
  const orig = readZip(b);
  const stored = readZip(copy);
  expect(stored.entries.map((e) => [e.name, e.crc, e.size])).toEqual(orig.entries.map((e) => [e.name, e.crc, e.size]));
  for (let i = 0; i < orig.entries.length; i++) {
    expect(stored.entries[i].method).toBe(0);
    expect(inflateEntry(copy, stored.entries[i], Infinity)).toEqual(inflateEntry(b, orig.entries[i], Infinity));
  }
});

it('keeps nothing unless asked', () => {
  const b = fixture(SEED);
  inspectWorkbook(b);
  expect(takeStoredCopy(b)).toBeUndefined();
  inspectWorkbook(b, true); // already inspected: nothing inflated again
  expect(takeStoredCopy(b)).toBeUndefined();
});

it.each(ALL)('%s: FileHost reads the same snapshot through the stored copy, and keeps the original bytes', async (name) => {
  const plain = fixture(name);
  inspectWorkbook(plain); // no stored copy: ExcelJS reads the original package
  const expected = await snapshotFromBuffer(plain, name);
  const b = fixture(name);
  const host = new FileHost(b, name);
  expect(await host.read()).toEqual(expected);
  expect(await host.read()).toEqual(expected); // second read: from the original bytes
  expect(host.bytes()).toBe(b);
});
