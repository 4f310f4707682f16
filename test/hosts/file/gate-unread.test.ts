/**
 * The gate on parts no reader reads (theme, document properties, …): a read inflates only the
 * snapshot's parts and the worksheets, but every part still passes the declared-size and ratio
 * checks at once, and a part that lies about its size is refused before anything is written.
 */
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { unzipSync, zipSync } from 'fflate';
import { FileHost } from '../../../src/hosts/file/host';
import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import { applyChanges } from '../../../src/hosts/file/patch';
import { useNativeInflate, type NativeInflate } from '../../../src/hosts/file/zip';
import { FileHost as NodeHost, zlibInflate } from '../../../src/hosts/file/node';
import { SEED, fixture, hostError } from './helpers';

/** The seed with `extra` parts added (deflated). */
function seedPlus(extra: Record<string, Uint8Array>): Uint8Array {
  return zipSync({ ...unzipSync(fixture(SEED)), ...extra }, { level: 9 });
}

/** Sets the central directory's declared uncompressed size of `part`. */
function declare(z: Uint8Array, part: string, size: number): Uint8Array {
  const dv = new DataView(z.buffer, z.byteOffset);
  let eocd = z.length - 22;
  while (dv.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let p = dv.getUint32(eocd + 16, true);
  for (let i = dv.getUint16(eocd + 10, true); i > 0; i--) {
    const nameLen = dv.getUint16(p + 28, true);
    if (new TextDecoder().decode(z.subarray(p + 46, p + 46 + nameLen)) === part) dv.setUint32(p + 24, size, true);
    p += 46 + nameLen + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return z;
}

const MB = 1024 * 1024;

describe.each([['fflate', null], ['zlib', zlibInflate]] as const)('unread parts (%s)', (_name, inflater) => {
  beforeAll(() => useNativeInflate(inflater));
  afterAll(() => useNativeInflate(zlibInflate));

  it('a zip bomb in an unread part is refused by its compression ratio, before any read', async () => {
    const bomb = seedPlus({ 'docProps/custom.xml': new Uint8Array(20 * MB) });
    for (const attempt of [() => new FileHost(bomb.slice()), () => snapshotFromBuffer(bomb.slice())]) {
      const e = await hostError(attempt);
      expect(e.code).toBe('too-large');
      expect(e.message).toMatch(/docProps\/custom\.xml is compressed more than 100:1/);
    }
  });

  it('an unread part declaring more than the part limit is refused by its declared size', async () => {
    const bomb = declare(seedPlus({ 'xl/theme/theme2.xml': new Uint8Array(1000) }), 'xl/theme/theme2.xml', 0xfffffff0);
    const e = await hostError(() => new FileHost(bomb));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/theme2\.xml declares .* MB uncompressed/);
  });
});

describe('an unread part that lies about its size', () => {
  afterEach(() => useNativeInflate(zlibInflate));
  // 8 MB of zeros declared as 500 bytes: ratio-checked by its declared size, so it passes the directory checks.
  const lying = () => declare(seedPlus({ 'docProps/custom.xml': new Uint8Array(8 * MB) }), 'docProps/custom.xml', 500);

  it('costs a read nothing: the snapshot is the seed\'s, and no inflate outputs more than the read parts', async () => {
    const outputs: number[] = [];
    const counting: NativeInflate = (raw, max) => {
      const out = zlibInflate(raw, max);
      outputs.push(out.length);
      return out;
    };
    useNativeInflate(counting);
    const snapshot = await new FileHost(lying(), 'seed.xlsx').read();
    expect(snapshot).toStrictEqual(await new FileHost(fixture(SEED), 'seed.xlsx').read());
    expect(outputs.length).toBeGreaterThan(0);
    expect(Math.max(...outputs)).toBeLessThan(64 * 1024); // the seed's parts are a few KB each
  });

  it('is refused before anything is written from the bytes', async () => {
    const host = new FileHost(lying());
    await host.read();
    const before = host.bytes();
    const e = await hostError(() => host.apply([{ sheet: '附件3 自评表', cell: 'A1', value: 1 }]));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/docProps\/custom\.xml inflates beyond its declared size/);
    expect(host.bytes()).toBe(before);
    const direct = await hostError(async () => applyChanges(lying(), [{ sheet: '附件3 自评表', cell: 'A1', value: 1 }]));
    expect(direct.message).toBe(e.message);
  });
});

describe('saving', () => {
  it('refuses to write bytes with a lying part, even with no change applied', async () => {
    const lying = declare(seedPlus({ 'docProps/custom.xml': new Uint8Array(8 * MB) }), 'docProps/custom.xml', 500);
    const host = new NodeHost(lying);
    await host.read();
    const out = join(mkdtempSync(join(tmpdir(), 'gate-')), 'out.xlsx');
    const e = await hostError(() => host.save(out));
    expect(e.message).toMatch(/custom\.xml inflates beyond its declared size/);
    expect(existsSync(out)).toBe(false);
  });
});
