/** Opening one workbook for the command line: a clean message instead of a stack trace. */
import { basename } from 'path';
import { FileHost } from '../hosts/file/node';
import { HostError } from '../hosts/host';

export type Opened = { ok: true; host: FileHost; name: string } | { ok: false; name: string; error: string };

export async function openWorkbook(path: string): Promise<Opened> {
  const name = basename(path);
  try {
    return { ok: true, host: await FileHost.open(path), name };
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
