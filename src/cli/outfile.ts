/**
 * Where `audit` may write its summary: never over a workbook it reads, never over a file that is
 * not an earlier summary of its own. Also tells an earlier summary from a form when scanning a folder.
 */
import { accessSync, constants as fsConstants, existsSync, readFileSync, realpathSync, statSync } from 'fs';
import { basename, dirname, join, resolve } from 'path';
import { readZip, inflateEntry } from '../hosts/file/zip';
import { MAX_FILE_BYTES } from '../hosts/file/limits';

/** Written into the summary's document properties (keywords), so a later run knows its own report. */
export const REPORT_MARKER = 'selfeval-audit-report';
/** Sheet names of a summary, per language (reports written before the marker have only these and creator "selfeval"). */
export const REPORT_SHEETS: readonly (readonly string[])[] = [['自评表汇总', '问题清单'], ['Forms', 'Findings']];

/** A file's identity: its real path and, when it exists, device and inode (hard links, case-insensitive disks). */
export interface FileId {
  real: string;
  dev?: number;
  ino?: number;
}

export function fileId(p: string): FileId {
  const st = statSync(p, { throwIfNoEntry: false });
  if (st) {
    // Device and inode settle it (symlinks, hard links, case-insensitive disks) where the file system
    // gives inodes; the real path only where it does not (an audit asks this of every file it finds).
    if (st.ino !== 0) return { real: resolve(p), dev: st.dev, ino: st.ino };
    let real = resolve(p);
    try {
      real = realpathSync.native(p);
    } catch {
      /* keep the resolved path */
    }
    return { real, dev: st.dev, ino: st.ino };
  }
  // Not there yet: resolve the folder it would be written into (it may be a symlink).
  const dir = dirname(resolve(p));
  let realDir = dir;
  try {
    if (existsSync(dir)) realDir = realpathSync.native(dir);
  } catch {
    /* keep the resolved folder */
  }
  return { real: join(realDir, basename(p)) };
}

/** A key equal for two ids exactly when sameFile says they are the same file. */
export function fileKey(id: FileId): string {
  return id.ino !== undefined && id.ino !== 0 ? `${id.dev}:${id.ino}` : `path:${id.real}`;
}

/** Two ids of one file: an existing file has its inode (where the disk gives one), so a path that does not exist yet never matches it. */
export function sameFile(a: FileId, b: FileId): boolean {
  return fileKey(a) === fileKey(b);
}

const PEEK_CAP = 1024 * 1024;
const decode = (b: Uint8Array) => new TextDecoder('utf-8', { fatal: false }).decode(b);
const unescapeXml = (s: string) =>
  s.replace(/&(lt|gt|quot|apos|amp);/g, (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] ?? _m);

/**
 * Whether the file is a summary written by `selfeval audit`: the marker in its document properties,
 * or (reports written before the marker) creator "selfeval" and exactly the summary's two sheets.
 * Reads only the zip directory and two small parts; never throws (anything unreadable is "no").
 */
export function isAuditReport(path: string): boolean {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    if (!st?.isFile() || st.size === 0 || st.size > MAX_FILE_BYTES) return false;
    const b = new Uint8Array(readFileSync(path));
    if (b[0] !== 0x50 || b[1] !== 0x4b) return false;
    const zip = readZip(b);
    const part = (name: string): string | null => {
      const e = zip.entries.find((x) => x.name.replace(/^\//, '').toLowerCase() === name);
      if (!e || e.size > PEEK_CAP) return null;
      return decode(inflateEntry(b, e, PEEK_CAP));
    };
    const core = part('docprops/core.xml') ?? '';
    const keywords = /<(?:\w+:)?keywords\b[^>]*>([^<]*)</.exec(core)?.[1] ?? '';
    if (unescapeXml(keywords).split(/[\s,;]+/).includes(REPORT_MARKER)) return true;
    const creator = unescapeXml(/<(?:\w+:)?creator\b[^>]*>([^<]*)</.exec(core)?.[1] ?? '').trim();
    if (creator !== 'selfeval') return false;
    const workbook = part('xl/workbook.xml') ?? '';
    const sheets = [...workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
    return REPORT_SHEETS.some((names) => names.length === sheets.length && names.every((n, i) => n === sheets[i]));
  } catch {
    return false;
  }
}

/** Why `fill` may not write OUT, if it may not (a key of fillText().out), checked before anything is read. */
export type FillOutProblem = 'noFolder' | 'notFolder' | 'folderReadOnly' | 'isFolder' | 'readOnly' | null;

function statOf(p: string) {
  try {
    return statSync(p, { throwIfNoEntry: false }) ?? null;
  } catch (e) {
    return (e as NodeJS.ErrnoException)?.code === 'ENOTDIR' ? 'not-folder' : null;
  }
}

export function fillOutProblem(out: string): FillOutProblem {
  const dir = dirname(resolve(out));
  const d = statOf(dir);
  if (d === 'not-folder') return 'notFolder';
  if (!d) return 'noFolder';
  if (!d.isDirectory()) return 'notFolder';
  if (!canWrite(dir)) return 'folderReadOnly';
  const f = statOf(out);
  if (f === 'not-folder') return 'notFolder';
  if (f?.isDirectory()) return 'isFolder';
  // By its mode bits, not access(): an administrator may write anything, a read-only file is still the clerk's word.
  if (f && (f.mode & 0o222) === 0) return 'readOnly';
  return null;
}

function canWrite(p: string): boolean {
  try {
    accessSync(p, fsConstants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** The existing file's permission bits, to keep them on the file that replaces it. */
export function modeOf(p: string): number | null {
  const f = statOf(p);
  return f && f !== 'not-folder' && f.isFile() ? f.mode & 0o7777 : null;
}
