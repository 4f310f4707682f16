/** The zip writer: new archives and rewritten ones, with zlib's deflate (Node) or fflate's (the browser). */
import { unzipSync } from 'fflate';
import { crc32, inflateEntry, newZip, readZip, rewriteZip, useNativeDeflate } from '../../../src/hosts/file/zip';
// Installs zlib's inflate and deflate, as the CLI has them.
import { zlibDeflate } from '../../../src/hosts/file/node';

const text = (s: string) => new TextEncoder().encode(s);
// Compared as bytes: jest's toEqual walks a typed array element by element.
const same = (a: Uint8Array | undefined, b: Uint8Array) => expect(a && Buffer.from(a).equals(Buffer.from(b))).toBe(true);
const files = [
  { name: '[Content_Types].xml', data: text('<Types/>') },
  { name: 'xl/worksheets/sheet1.xml', data: text('<worksheet>' + '<row><c><v>1</v></c></row>'.repeat(5000) + '</worksheet>') },
  { name: 'xl/空.xml', data: new Uint8Array(0) },
  { name: 'bin', data: Uint8Array.from({ length: 70000 }, (_, i) => (i * 7919) % 251) },
];

function expectFaithful(zip: Uint8Array) {
  const archive = readZip(zip);
  expect(archive.entries.map((e) => e.name)).toEqual(files.map((f) => f.name));
  archive.entries.forEach((e, i) => {
    expect(e.crc).toBe(crc32(files[i].data));
    same(inflateEntry(zip, e, 1 << 20), files[i].data);
  });
  // Another reader agrees (fflate checks sizes; names are UTF-8).
  const other = unzipSync(zip);
  for (const f of files) same(other[f.name], f.data);
}

describe('newZip', () => {
  it('writes what it was given, with CRCs, through zlib', () => {
    expectFaithful(newZip(files, 1));
    expectFaithful(newZip(files, 6));
  });

  it('writes the same archive content through fflate (the browser)', () => {
    let calls = 0;
    useNativeDeflate((d, level) => (calls++, zlibDeflate(d, level)));
    const zlibZip = newZip(files, 6);
    expect(calls).toBe(files.length);
    useNativeDeflate(null);
    try {
      expectFaithful(newZip(files, 6));
    } finally {
      useNativeDeflate(zlibDeflate);
    }
    expectFaithful(zlibZip);
  });

  it('stamps the entries with the local time given', () => {
    const zip = newZip(files.slice(0, 1), 1, new Date(2026, 11, 6, 13, 45, 30));
    const e = readZip(zip).entries[0];
    const time = e.central[12] | (e.central[13] << 8);
    const date = e.central[14] | (e.central[15] << 8);
    expect([time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([13, 45, 30]);
    expect([(date >> 9) + 1980, (date >> 5) & 15, date & 31]).toEqual([2026, 12, 6]);
  });
});

describe('rewriteZip', () => {
  it('re-deflates the replaced parts with their CRCs and copies the others raw', () => {
    const original = newZip(files, 6);
    const archive = readZip(original);
    const changed = text('<worksheet><row><c><v>2</v></c></row></worksheet>');
    const out = rewriteZip(original, archive, new Map([['xl/worksheets/sheet1.xml', changed]]), [{ name: 'xl/new.xml', data: text('<new/>') }]);
    const back = readZip(out);
    expect(back.entries.map((e) => e.name)).toEqual([...files.map((f) => f.name), 'xl/new.xml']);
    const sheet = back.entries[1];
    expect(sheet.crc).toBe(crc32(changed));
    same(inflateEntry(out, sheet, 1 << 20), changed);
    same(inflateEntry(out, back.entries[3], 1 << 20), files[3].data);
  });
});
