/** Node-only file access for the file host (the CLI and tests); the browser uses host.ts directly. */
import { promises as fs, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { gzipSync, inflateRawSync } from 'zlib';
import { HostError } from '../host';
import { FileHost as BytesHost } from './host';
import { MAX_FILE_BYTES } from './limits';
import { inspectWorkbook } from './inspect';
import { useNativeDeflate, useNativeInflate, type NativeDeflate, type NativeInflate } from './zip';
import { usePartsLoader } from './read';
import { useWorkbookClassLoader, type WorkbookClass } from './exceljs';
import { useSheetJSReader } from './open';
import { snapshotFromSheetJS } from './sheetjs';

/** zlib inflates in C, about three times faster than fflate; maxOutputLength keeps the bound. */
export const zlibInflate: NativeInflate = (raw, maxOutput) => {
  const out = inflateRawSync(raw, { maxOutputLength: maxOutput });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};
useNativeInflate(zlibInflate);
/**
 * Deflate with its CRC-32, both in C: a gzip member is zlib's 10-byte header (no name, no extra field:
 * zlib writes none), the raw deflate stream, then the CRC-32 and the length (RFC 1952).
 */
export const zlibDeflate: NativeDeflate = (data, level) => {
  const gz = gzipSync(data, { level });
  return { packed: new Uint8Array(gz.buffer, gz.byteOffset + 10, gz.byteLength - 18), crc: gz.readUInt32LE(gz.byteLength - 8) };
};
useNativeDeflate(zlibDeflate);
// ExcelJS is required on first use only: the direct reader (./fast) reads what Excel, WPS and
// LibreOffice write without it, and loading its modules costs about 100 ms of every process.
// eslint-disable-next-line @typescript-eslint/no-require-imports
usePartsLoader((parts, options) => (require('./parts') as typeof import('./parts')).workbookFromParts(parts, options));
// eslint-disable-next-line @typescript-eslint/no-require-imports
useWorkbookClassLoader(() => require('exceljs/lib/doc/workbook') as WorkbookClass);
// The .xls/.ods reader's own code is small; SheetJS itself is still loaded on first use.
useSheetJSReader(snapshotFromSheetJS);

function ioError(e: unknown, file: string): HostError {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : String((e as Error)?.message ?? e);
  return new HostError('unreadable', `${file}: ${why}`, undefined, e);
}

/**
 * Reads a workbook file, refusing before reading when its size is over MAX_FILE_BYTES. Synchronously:
 * the CLI has nothing else to do meanwhile, and an audit's thread would otherwise sit idle through
 * the open/stat/read/close round trips of every file (a sixth of a 200-file audit).
 */
export async function readWorkbookFile(file: string): Promise<Uint8Array> {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw Object.assign(new Error('is a folder'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw ioError(e, file);
  }
  if (size > MAX_FILE_BYTES) {
    throw new HostError('too-large', `${file} is ${Math.round(size / 1048576)} MB; the limit is ${MAX_FILE_BYTES / 1048576} MB`);
  }
  try {
    const buf = readFileSync(file);
    return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  } catch (e) {
    throw ioError(e, file);
  }
}

/**
 * Writes the bytes through a temporary file and a rename, so a failed write never leaves a half
 * workbook behind. With `exclusive`, refuses to replace an existing file.
 */
export async function writeWorkbookFile(file: string, bytes: Uint8Array, opts: { exclusive?: boolean } = {}): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    if (opts.exclusive) {
      const exists = await fs.stat(file).then(() => true, () => false);
      if (exists) throw new HostError('write-failed', `${file} already exists`);
    }
    await fs.writeFile(tmp, bytes, { flag: 'wx' });
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    if (e instanceof HostError) throw e;
    throw new HostError('write-failed', `${file}: ${(e as Error)?.message ?? e}`, undefined, e);
  }
}

/** The file host with Node conveniences: open(path) and save(path). */
export class FileHost extends BytesHost {
  static async open(file: string): Promise<FileHost> {
    return new FileHost(await readWorkbookFile(file), path.basename(file));
  }

  async save(file: string, opts: { exclusive?: boolean } = {}): Promise<void> {
    // Every part inflated (capped) before the bytes are written: a read's inspection checks only the parts it reads.
    inspectWorkbook(this.bytes());
    await writeWorkbookFile(file, this.bytes(), opts);
  }
}
