/** Opening one workbook for the command line: a clean message instead of a stack trace. */
import { basename } from 'path';
import { FileHost, readWorkbookFile } from '../hosts/file/node';
import { openBytes } from '../hosts/file/open';
import type { ReadOnlyHost } from '../hosts/file/readonly';
import type { SpreadsheetFormat } from '../hosts/file/format';
import { HostError } from '../hosts/host';

export type Opened =
  | { ok: true; format: 'xlsx'; host: FileHost; name: string }
  | { ok: true; format: Exclude<SpreadsheetFormat, 'xlsx'>; host: ReadOnlyHost; name: string }
  | { ok: false; name: string; error: string };

/** Any workbook selfeval reads (.xlsx, .xls, .xlsb, .ods), by its bytes; size limits before reading. */
export async function openWorkbook(path: string): Promise<Opened> {
  const name = basename(path);
  try {
    const bytes = await readWorkbookFile(path);
    const opened = await openBytes(bytes, name, (b, n) => new FileHost(b, n));
    return opened.format === 'xlsx' ? { ok: true, format: 'xlsx', host: opened.host, name } : { ok: true, format: opened.format, host: opened.host, name };
  } catch (e) {
    return { ok: false, name, error: describeError(e) };
  }
}

export function describeError(e: unknown): string {
  if (e instanceof HostError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return 'file not found';
  if (err?.code === 'EISDIR') return 'is a directory';
  if (err?.code === 'EACCES') return 'permission denied';
  return err?.message ? String(err.message).split('\n')[0] : String(e);
}
