/**
 * Minimal zip reading and raw-copy re-zipping on Uint8Array (no Node APIs).
 * We parse the central directory ourselves so that limits are checked from DECLARED sizes before
 * anything is inflated, and so that untouched entries can be copied byte for byte (local header,
 * compressed data and data descriptor) when a package is rewritten.
 */
import { Inflate, deflateSync, inflateSync } from 'fflate';
import { HostError } from '../host';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the local header. */
  offset: number;
  /** Offset of the compressed data (after the local header). */
  dataOffset: number;
  /** End of this entry's bytes in the archive (next local header, or the central directory). */
  end: number;
  /** The central directory record, as found. */
  central: Uint8Array;
  zip64: boolean;
}

export interface ZipArchive {
  entries: ZipEntry[];
  /** Start and end of the central directory, and the end-of-central-directory record. */
  cdOffset: number;
  eocd: Uint8Array;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOC64 = 0x07064b50;

const utf8 = new TextDecoder('utf-8');
const enc = new TextEncoder();

function corrupt(why: string): HostError {
  return new HostError('unreadable', `the workbook file is damaged or truncated (${why})`);
}

function u16(b: Uint8Array, o: number): number {
  if (o + 2 > b.length) throw corrupt('unexpected end of file');
  return b[o] | (b[o + 1] << 8);
}
function u32(b: Uint8Array, o: number): number {
  if (o + 4 > b.length) throw corrupt('unexpected end of file');
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
}
function u64(b: Uint8Array, o: number): number {
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}
function put16(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 0xff;
  b[o + 1] = (v >>> 8) & 0xff;
}
function put32(b: Uint8Array, o: number, v: number): void {
  put16(b, o, v & 0xffff);
  put16(b, o + 2, (v >>> 16) & 0xffff);
}

function findEocd(b: Uint8Array): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= min; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && u32(b, i) === SIG_EOCD) return i;
  }
  throw corrupt('no zip directory found');
}

/** An entry's name: ASCII (nearly every part name) without a decoder call, else UTF-8. */
function nameAt(b: Uint8Array, from: number, len: number): string {
  const to = from + len;
  let ascii = true;
  for (let i = from; i < to; i++) {
    if (b[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  // 46 + nameLen is within the record (checked): apply() over a subarray of at most 65535 bytes.
  return ascii ? String.fromCharCode.apply(null, b.subarray(from, to) as unknown as number[]) : utf8.decode(b.subarray(from, to));
}

/**
 * The directory of bytes already read by readZipOnce: the format sniffer and the safety gate both
 * need it for every file an audit opens. Like the gate's own cache, it relies on hosts never
 * mutating bytes in place. Callers must not mutate the archive either.
 */
const archives = new WeakMap<Uint8Array, ZipArchive>();

export function readZipOnce(b: Uint8Array): ZipArchive {
  let zip = archives.get(b);
  if (!zip) {
    zip = readZip(b);
    archives.set(b, zip);
  }
  return zip;
}

/** Reads the central directory. Throws HostError('unreadable') on any inconsistency. */
export function readZip(b: Uint8Array): ZipArchive {
  const eo = findEocd(b);
  let count = u16(b, eo + 10);
  let cdSize = u32(b, eo + 12);
  let cdOffset = u32(b, eo + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eo - 20;
    if (loc < 0 || u32(b, loc) !== SIG_LOC64) throw corrupt('bad zip64 locator');
    const z = u64(b, loc + 8);
    if (z + 56 > b.length || u32(b, z) !== SIG_EOCD64) throw corrupt('bad zip64 directory');
    count = u64(b, z + 32);
    cdSize = u64(b, z + 40);
    cdOffset = u64(b, z + 48);
  }
  if (cdOffset + cdSize > b.length) throw corrupt('directory outside the file');
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (u32(b, p) !== SIG_CENTRAL) throw corrupt('bad directory record');
    const flags = u16(b, p + 8);
    const method = u16(b, p + 10);
    const crc = u32(b, p + 16);
    let compressedSize = u32(b, p + 20);
    let size = u32(b, p + 24);
    const nameLen = u16(b, p + 28);
    const extraLen = u16(b, p + 30);
    const commentLen = u16(b, p + 32);
    let offset = u32(b, p + 42);
    const recLen = 46 + nameLen + extraLen + commentLen;
    if (p + recLen > b.length) throw corrupt('directory record past the end');
    const name = nameAt(b, p + 46, nameLen);
    let zip64 = false;
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      zip64 = true;
      // Zip64 extended information: only the fields that overflowed are present, in this order.
      let e = p + 46 + nameLen;
      const eEnd = e + extraLen;
      while (e + 4 <= eEnd) {
        const id = u16(b, e);
        const len = u16(b, e + 2);
        if (id === 1) {
          let q = e + 4;
          if (size === 0xffffffff) {
            size = u64(b, q);
            q += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = u64(b, q);
            q += 8;
          }
          if (offset === 0xffffffff) offset = u64(b, q);
          break;
        }
        e += 4 + len;
      }
    }
    if (offset + 30 > b.length || u32(b, offset) !== SIG_LOCAL) throw corrupt(`entry ${name} has no local header`);
    const dataOffset = offset + 30 + u16(b, offset + 26) + u16(b, offset + 28);
    if (dataOffset + compressedSize > b.length) throw corrupt(`entry ${name} is cut off`);
    entries.push({
      name, method, flags, crc, compressedSize, size, offset, dataOffset, end: 0,
      central: b.subarray(p, p + recLen), zip64,
    });
    p += recLen;
  }
  // Each entry's bytes run to the next local header (data descriptors included).
  const byOffset = [...entries].sort((x, y) => x.offset - y.offset);
  for (let i = 0; i < byOffset.length; i++) {
    const e = byOffset[i];
    e.end = i + 1 < byOffset.length ? byOffset[i + 1].offset : Math.min(cdOffset, b.length);
    if (e.dataOffset + e.compressedSize > e.end) throw corrupt(`entry ${e.name} overlaps another`);
  }
  return { entries, cdOffset, eocd: b.subarray(eo) };
}

/**
 * Compressed entries up to this size are inflated in one call into a buffer of exactly limit + 1 bytes.
 * fflate then never grows the buffer: it drops writes past its end, so a lying part allocates nothing
 * extra and costs at most ~1032 × this in CPU (deflate's largest ratio), the same as one streaming step.
 */
const ONE_SHOT_MAX_COMPRESSED = 64 * 1024;
/** ...and only when the limit is small, so a part declaring far more than it holds allocates little. */
const ONE_SHOT_MAX_OUT = 8 * 1024 * 1024;
const STEP = 64 * 1024;
/** Reused output buffer for parts that are not kept (inspection inflates every part just to bound it). */
let scratch = new Uint8Array(0);
const SCRATCH_MAX = 1024 * 1024;

function beyond(e: ZipEntry): HostError {
  return new HostError('too-large', `part ${e.name} inflates beyond its declared size (possible zip bomb)`);
}

function inflateOnce(raw: Uint8Array, e: ZipEntry, limit: number, keep: boolean): Uint8Array {
  if (raw.length === 0) return raw; // fflate hands back the whole `out` for empty input
  let out: Uint8Array;
  if (keep || limit >= SCRATCH_MAX) out = new Uint8Array(limit + 1);
  else {
    // Safe to reuse: fflate refuses back-references before the start, so old bytes are never read.
    if (scratch.length <= limit) scratch = new Uint8Array(Math.min(SCRATCH_MAX, Math.max(limit + 1, scratch.length * 2)));
    out = scratch.subarray(0, limit + 1);
  }
  let d: Uint8Array;
  try {
    d = inflateSync(raw, { out });
  } catch (err) {
    // A stored block that does not fit makes TypedArray.set throw a RangeError (by name: it may come
    // from another realm, as under Jest).
    if ((err as Error)?.name === 'RangeError') throw beyond(e);
    throw corrupt(`part ${e.name} does not inflate`);
  }
  if (d.length > limit) throw beyond(e); // fflate returns the buffer clamped: limit + 1 means overflow
  return d;
}

/**
 * A native raw-deflate inflater (Node's zlib, installed by ./node): about three times faster than
 * fflate. It must stop and throw a RangeError once the output would pass `maxOutput` bytes.
 */
export type NativeInflate = (raw: Uint8Array, maxOutput: number) => Uint8Array;
let nativeInflate: NativeInflate | null = null;

/** Installs (or with null removes) the native inflater; fflate stays the fallback (the browser). */
export function useNativeInflate(f: NativeInflate | null): void {
  nativeInflate = f;
}

function inflateNative(f: NativeInflate, raw: Uint8Array, e: ZipEntry, limit: number): Uint8Array {
  let d: Uint8Array;
  try {
    d = f(raw, limit + 1);
  } catch (err) {
    if ((err as Error)?.name === 'RangeError') throw beyond(e);
    throw corrupt(`part ${e.name} does not inflate`);
  }
  if (d.length > limit) throw beyond(e);
  return d;
}

/**
 * Inflates one entry and aborts once the output exceeds `cap` or the declared size: a lying header
 * cannot make us allocate more than we checked. `onChunk` sees the data as it comes (the whole part
 * in one chunk when it is small). With `keep` false the part is not kept: the chunks are only valid
 * during `onChunk`, and the result must not be used.
 */
export function inflateEntry(
  b: Uint8Array,
  e: ZipEntry,
  cap: number,
  onChunk?: (chunk: Uint8Array) => void,
  keep = true,
): Uint8Array {
  if (e.flags & 1) throw new HostError('unreadable', 'the workbook is encrypted; save it without a password first');
  const limit = Math.min(cap, e.size);
  const raw = b.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  if (e.method === 0 || (e.method === 8 && raw.length <= ONE_SHOT_MAX_COMPRESSED && limit <= ONE_SHOT_MAX_OUT)) {
    if (e.method === 0 && raw.length > limit) throw beyond(e);
    const d = e.method === 0 ? raw : nativeInflate ? inflateNative(nativeInflate, raw, e, limit) : inflateOnce(raw, e, limit, keep);
    if (d.length !== e.size) throw corrupt(`part ${e.name} is shorter than declared`);
    onChunk?.(d);
    return keep ? d : new Uint8Array(0);
  }
  if (e.method !== 8) throw new HostError('unreadable', `part ${e.name} uses an unsupported compression method (${e.method})`);
  if (nativeInflate) {
    // One call, bounded by the inflater itself: memory never passes the limit either way.
    const d = inflateNative(nativeInflate, raw, e, limit);
    if (d.length !== e.size) throw corrupt(`part ${e.name} is shorter than declared`);
    onChunk?.(d);
    return keep ? d : new Uint8Array(0);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const inf = new Inflate((c) => {
    total += c.length;
    if (total > limit) throw beyond(e);
    onChunk?.(c);
    if (keep) chunks.push(c);
  });
  try {
    for (let i = 0; i < raw.length; i += STEP) inf.push(raw.subarray(i, i + STEP), i + STEP >= raw.length);
  } catch (err) {
    if (err instanceof HostError) throw err;
    throw corrupt(`part ${e.name} does not inflate`);
  }
  if (total !== e.size) throw corrupt(`part ${e.name} is shorter than declared`);
  if (!keep) return new Uint8Array(0);
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(d: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < d.length; i++) c = CRC_TABLE[(c ^ d[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface OutEntry {
  local: Uint8Array[];
  central: Uint8Array;
  length: number;
}

/**
 * A native raw deflater (Node's zlib, installed by ./node) that also gives the data's CRC-32: several
 * times faster than fflate and the table loop above, which were most of the time an audit spent
 * writing its summary.
 */
export type NativeDeflate = (data: Uint8Array, level: number) => { packed: Uint8Array; crc: number };
let nativeDeflate: NativeDeflate | null = null;

/** Installs (or with null removes) the native deflater; fflate stays the fallback (the browser). */
export function useNativeDeflate(f: NativeDeflate | null): void {
  nativeDeflate = f;
}

const deflateRaw = (data: Uint8Array, level: number): { packed: Uint8Array; crc: number } =>
  nativeDeflate ? nativeDeflate(data, level) : { packed: deflateSync(data, { level: level as 6 }), crc: crc32(data) };

/** A freshly deflated entry: local header + data, and its central record (offset patched later). */
function freshEntry(name: string, data: Uint8Array, like: ZipEntry | undefined, time: number, date: number, level = 6): OutEntry {
  const nameBytes = enc.encode(name);
  const { packed, crc } = deflateRaw(data, level);
  const flags = 0x0800; // UTF-8 names
  // Local and central headers share one run of fields (version needed … name length), 2 bytes apart.
  const shared = (h: Uint8Array, at: number) => {
    put16(h, at, 20);
    put16(h, at + 2, flags);
    put16(h, at + 4, 8); // deflate
    put16(h, at + 6, time);
    put16(h, at + 8, date);
    put32(h, at + 10, crc);
    put32(h, at + 14, packed.length);
    put32(h, at + 18, data.length);
    put16(h, at + 22, nameBytes.length);
  };
  const local = new Uint8Array(30 + nameBytes.length);
  put32(local, 0, SIG_LOCAL);
  shared(local, 4);
  local.set(nameBytes, 30);
  const central = new Uint8Array(46 + nameBytes.length);
  put32(central, 0, SIG_CENTRAL);
  put16(central, 4, like ? u16(like.central, 4) : 20);
  shared(central, 6);
  put16(central, 36, like ? u16(like.central, 36) : 0);
  put32(central, 38, like ? u32(like.central, 38) : 0);
  central.set(nameBytes, 46);
  return { local: [local, packed], central, length: local.length + packed.length };
}

/**
 * Rewrites the archive: entries in `replace` get new content; every other entry's bytes are copied raw
 * (same order, same names, same compressed data); `add` entries are appended at the end.
 */
export function rewriteZip(
  b: Uint8Array,
  zip: ZipArchive,
  replace: Map<string, Uint8Array>,
  add: { name: string; data: Uint8Array }[] = [],
): Uint8Array {
  if (zip.entries.some((e) => e.zip64)) {
    throw new HostError('not-supported', 'zip64 packages cannot be edited; save the workbook again in Excel first');
  }
  const out: OutEntry[] = [];
  const physical = [...zip.entries].sort((x, y) => x.offset - y.offset);
  for (const e of physical) {
    const data = replace.get(e.name);
    if (data) out.push(freshEntry(e.name, data, e, u16(e.central, 12), u16(e.central, 14)));
    else {
      const central = e.central.slice();
      out.push({ local: [b.subarray(e.offset, e.end)], central, length: e.end - e.offset });
    }
  }
  const stamp = physical.find((e) => /workbook\.xml$/.test(e.name)) ?? physical[0];
  for (const a of add) {
    out.push(freshEntry(a.name, a.data, undefined, stamp ? u16(stamp.central, 12) : 0, stamp ? u16(stamp.central, 14) : 0x21));
  }
  return assemble(out, zip.eocd.slice());
}

/** The archive of these entries, in order, and its central directory; `eocd` gets the counts and offsets. */
function assemble(out: OutEntry[], eocd: Uint8Array): Uint8Array {
  let offset = 0;
  for (const o of out) {
    put32(o.central, 42, offset);
    offset += o.length;
  }
  const cdStart = offset;
  const cdSize = out.reduce((s, o) => s + o.central.length, 0);
  put16(eocd, 8, out.length);
  put16(eocd, 10, out.length);
  put32(eocd, 12, cdSize);
  put32(eocd, 16, cdStart);
  const result = new Uint8Array(cdStart + cdSize + eocd.length);
  let p = 0;
  for (const o of out) {
    for (const part of o.local) {
      result.set(part, p);
      p += part.length;
    }
  }
  for (const o of out) {
    result.set(o.central, p);
    p += o.central.length;
  }
  result.set(eocd, p);
  return result;
}

/** The DOS time and date fields of a zip entry, for a local time. */
function dosStamp(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** A new archive of these files, deflated (natively where ./node installed it), stamped `now`. */
export function newZip(files: readonly { name: string; data: Uint8Array }[], level = 6, now = new Date()): Uint8Array {
  const { time, date } = dosStamp(now);
  const eocd = new Uint8Array(22);
  put32(eocd, 0, SIG_EOCD);
  return assemble(files.map((f) => freshEntry(f.name, f.data, undefined, time, date, level)), eocd);
}

/**
 * A STORED (uncompressed) zip of already inflated parts (entries[i] holds parts[i]), for a reader
 * that would otherwise inflate them again. Same order, names (raw bytes) and CRCs as the original
 * directory; no data descriptors, no zip64 (the limits keep every size far below 4 GB).
 */
export function storedZip(entries: readonly ZipEntry[], parts: readonly Uint8Array[]): Uint8Array {
  const n = entries.length;
  let localTotal = 0;
  let centralTotal = 0;
  for (let i = 0; i < n; i++) {
    const nameLen = u16(entries[i].central, 28);
    localTotal += 30 + nameLen + parts[i].length;
    centralTotal += 46 + nameLen;
  }
  const out = new Uint8Array(localTotal + centralTotal + 22);
  let p = 0;
  let c = localTotal;
  for (let i = 0; i < n; i++) {
    const e = entries[i];
    const d = parts[i];
    const nameBytes = e.central.subarray(46, 46 + u16(e.central, 28));
    const flags = e.flags & 0x0800; // keep only "UTF-8 names"
    const shared = (at: number) => {
      put16(out, at, 20);
      put16(out, at + 2, flags);
      put16(out, at + 4, 0); // stored
      put16(out, at + 6, u16(e.central, 12));
      put16(out, at + 8, u16(e.central, 14));
      put32(out, at + 10, e.crc);
      put32(out, at + 14, d.length);
      put32(out, at + 18, d.length);
      put16(out, at + 22, nameBytes.length);
    };
    put32(out, c, SIG_CENTRAL);
    put16(out, c + 4, 20);
    shared(c + 6);
    put32(out, c + 42, p);
    out.set(nameBytes, c + 46);
    c += 46 + nameBytes.length;
    put32(out, p, SIG_LOCAL);
    shared(p + 4);
    out.set(nameBytes, p + 30);
    p += 30 + nameBytes.length;
    out.set(d, p);
    p += d.length;
  }
  put32(out, c, SIG_EOCD);
  put16(out, c + 8, n);
  put16(out, c + 10, n);
  put32(out, c + 12, centralTotal);
  put32(out, c + 16, localTotal);
  return out;
}
