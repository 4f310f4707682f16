/** Hostile and broken inputs: each must end in a HostError with a clear message, fast. */
import { strToU8, zipSync } from 'fflate';
import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import { applyChanges } from '../../../src/hosts/file/patch';
import { FileHost } from '../../../src/hosts/file/host';
import { MAX_FILE_BYTES } from '../../../src/hosts/file/limits';
import { useNativeInflate } from '../../../src/hosts/file/zip';
import { zlibInflate } from '../../../src/hosts/file/node';
import { SEED, fixture, hostError } from './helpers';

const CT = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** Offset of the first central directory record of a zip. */
function centralOffset(z: Uint8Array): number {
  for (let i = z.length - 22; i >= 0; i--) {
    if (z[i] === 0x50 && z[i + 1] === 0x4b && z[i + 2] === 5 && z[i + 3] === 6) {
      return new DataView(z.buffer, z.byteOffset).getUint32(i + 16, true);
    }
  }
  throw new Error('no EOCD');
}

/** A zip whose one entry (xl/worksheets/sheet1.xml) has its DECLARED uncompressed size set to `size`. */
function declaring(size: number, content = new Uint8Array(1000)): Uint8Array {
  const z = zipSync({ '[Content_Types].xml': strToU8(CT), 'xl/workbook.xml': strToU8('<workbook/>'), 'xl/worksheets/sheet1.xml': content });
  const dv = new DataView(z.buffer, z.byteOffset);
  let p = centralOffset(z);
  for (let i = 0; i < 3; i++) {
    const nameLen = dv.getUint16(p + 28, true);
    const name = new TextDecoder().decode(z.subarray(p + 46, p + 46 + nameLen));
    if (name === 'xl/worksheets/sheet1.xml') dv.setUint32(p + 24, size, true);
    p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return z;
}

async function readError(bytes: Uint8Array) {
  const t0 = Date.now();
  const e = await hostError(() => snapshotFromBuffer(bytes));
  expect(Date.now() - t0).toBeLessThan(5000);
  expect(e.message).not.toMatch(/\n\s+at /); // no stack in the message
  // The writer and the host refuse the same bytes the same way.
  expect((await hostError(() => applyChanges(bytes, [{ sheet: 'x', cell: 'A1', value: 1 }]))).code).toBe(e.code);
  expect((await hostError(() => new FileHost(bytes))).code).toBe(e.code);
  return e;
}

// The browser inflates with fflate, Node with zlib: both must refuse the same files the same way.
describe.each([['fflate', null], ['zlib', zlibInflate]] as const)('hostile inputs (%s)', (_name, inflater) => {
  beforeAll(() => useNativeInflate(inflater));
  afterAll(() => useNativeInflate(zlibInflate));

  it('an empty file', async () => {
    const e = await readError(new Uint8Array(0));
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/empty/);
  });

  it('10 random bytes', async () => {
    const e = await readError(new Uint8Array([0x93, 0x11, 0xfe, 0x02, 0x7a, 0x00, 0xc4, 0x55, 0x10, 0xee]));
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/not an \.xlsx workbook/);
  });

  it('a CSV renamed .xlsx', async () => {
    const e = await readError(strToU8('单位,指标,得分\n龙泉街道,解决问题到位率,15\n'));
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/not an \.xlsx workbook \(it looks like CSV/);
  });

  it('an HTML page saved as .xlsx', async () => {
    const e = await readError(strToU8('<!DOCTYPE html><html><body><table><tr><td>1</td></tr></table></body></html>'));
    expect(e.message).toMatch(/HTML/);
  });

  it('a legacy .xls / encrypted file (OLE container)', async () => {
    const e = await readError(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    expect(e.message).toMatch(/\.xls|password/);
  });

  it('the seed truncated to its first half', async () => {
    const seed = fixture(SEED);
    const e = await readError(seed.subarray(0, seed.length >> 1));
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/damaged or truncated/);
  });

  it('the seed with its compressed data scrambled', async () => {
    const seed = fixture(SEED).slice();
    for (let i = 200; i < 4000; i += 7) seed[i] ^= 0x5a;
    const e = await readError(seed);
    expect(['unreadable', 'too-large']).toContain(e.code);
  });

  it('a zip without xl/workbook.xml', async () => {
    const e = await readError(zipSync({ '[Content_Types].xml': strToU8(CT), 'hello.txt': strToU8('hi') }));
    expect(e.code).toBe('unreadable');
    expect(e.message).toMatch(/no xl\/workbook\.xml/);
  });

  it('a zip bomb declaring ~4 GB uncompressed is refused before inflating', async () => {
    const e = await readError(declaring(0xfffffff0 - 1));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/declares .* MB uncompressed/);
  });

  it('a zip bomb with a compression ratio over 100:1', async () => {
    const e = await readError(declaring(50 * 1024 * 1024));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/compressed more than 100:1/);
  });

  it('an entry that inflates beyond its declared size (lying header)', async () => {
    const e = await readError(declaring(500, new Uint8Array(2 * 1024 * 1024)));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/beyond its declared size/);
  });

  // Parts up to 64 KB compressed inflate in one call into a buffer of the declared size + 1; larger ones stream.
  it('lying headers are refused on every inflate path (one call, stored blocks, streaming)', async () => {
    const noise = (n: number) => {
      let s = 2463534242; // xorshift32: incompressible, so deflate writes stored blocks
      return Uint8Array.from({ length: n }, () => ((s ^= s << 13), (s ^= s >>> 17), (s ^= s << 5), s & 0xff));
    };
    for (const content of [new Uint8Array(2 * 1024 * 1024), noise(20_000), noise(200_000)]) {
      const e = await readError(declaring(500, content));
      expect(e.code).toBe('too-large');
      expect(e.message).toMatch(/sheet1\.xml inflates beyond its declared size/);
    }
  });

  it('a part shorter than declared is damaged, on both inflate paths', async () => {
    for (const n of [1000, 200_000]) {
      const content = Uint8Array.from({ length: n }, (_, i) => (i * 7919) % 251);
      const e = await readError(declaring(n + 10, content));
      expect(e.code).toBe('unreadable');
      expect(e.message).toMatch(/shorter than declared/);
    }
  });

  it('a deflate bomb just under the one-call threshold is stopped without allocating its output', async () => {
    const bomb = declaring(1000, new Uint8Array(60 * 1024 * 1024)); // ~60 KB compressed, 1000:1
    expect(bomb.length).toBeLessThan(64 * 1024 + 1000);
    const before = process.memoryUsage().arrayBuffers;
    const e = await readError(bomb);
    expect(e.code).toBe('too-large');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024);
  });

  it('a file over the size limit is refused without parsing', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set([0x50, 0x4b, 3, 4]);
    const e = await hostError(() => snapshotFromBuffer(big));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/limit is 50 MB/);
  });

  it('a package ExcelJS cannot parse becomes a short unreadable error', async () => {
    const z = zipSync({
      '[Content_Types].xml': strToU8(CT),
      'xl/workbook.xml': strToU8('<workbook><sheets><sheet name="a" r:id="rId1"'),
      'xl/_rels/workbook.xml.rels': strToU8('not xml <<<'),
    });
    const e = await hostError(() => snapshotFromBuffer(z));
    expect(e.code).toBe('unreadable');
    expect(e.message.length).toBeLessThan(200);
  });
});
