/** deflatedZip: a new zip with fflate's deflate (the browser) or zlib's (installed by node.ts), read back by any unzipper. */
import { deflateRawSync } from 'zlib';
import { strToU8, unzipSync } from 'fflate';
import { deflatedZip, inflateEntry, readZip, useNativeDeflate } from '../../../src/hosts/file/zip';

const FILES = [
  { name: '[Content_Types].xml', data: strToU8('<Types/>') },
  { name: 'xl/worksheets/sheet1.xml', data: strToU8('<worksheet>' + '<row><c><v>1</v></c></row>'.repeat(5000) + '</worksheet>') },
  { name: 'xl/名字.xml', data: strToU8('中文 ') },
  { name: 'empty.xml', data: new Uint8Array(0) },
];

afterEach(() => useNativeDeflate(null));

it.each([
  ['fflate', null],
  ['zlib', (d: Uint8Array, level: number) => new Uint8Array(deflateRawSync(d, { level }))],
] as const)('with %s: every file back, in order, compressed, with its date', (_name, native) => {
  useNativeDeflate(native);
  const when = new Date(2026, 11, 6, 13, 45, 30);
  const zip = deflatedZip(FILES, 1, when);
  expect(Object.entries(unzipSync(zip)).map(([name, data]) => [name, data])).toEqual(FILES.map((f) => [f.name, f.data]));
  const read = readZip(zip);
  expect(read.entries.map((e) => e.name)).toEqual(FILES.map((f) => f.name));
  read.entries.forEach((e, i) => {
    expect(e.method).toBe(8);
    expect(inflateEntry(zip, e, Infinity)).toEqual(FILES[i].data);
  });
  expect(read.entries[1].compressedSize).toBeLessThan(FILES[1].data.length / 20);
  // DOS date and time of the stamp (two-second steps).
  const e = read.entries[0].central;
  const time = e[12] | (e[13] << 8);
  const date = e[14] | (e[15] << 8);
  expect([date >> 9, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([46, 12, 6, 13, 45, 30]);
});
