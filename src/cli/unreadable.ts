/** Why a file given on the command line cannot be read, in the clerk's words and with the fix (另存为 .xlsx…). */
import { readFileSync, statSync } from 'fs';
import type { Lang } from '../core/types';
import { MAX_FILE_BYTES } from '../hosts/file/limits';
import { badFileReason } from '../i18n/badfile';
import { fillText } from '../i18n/cli-fill';

/** The reason for `path`; `fallback` (the reader's own message) when the bytes do not tell more (too large…). */
export function unreadableReason(path: string, fallback: string, lang: Lang): string {
  const words = fillText(lang).reason;
  let st;
  try {
    st = statSync(path, { throwIfNoEntry: false });
  } catch {
    return words.denied;
  }
  if (!st) return words.missing;
  if (st.isDirectory()) return words.folder;
  if (st.size > MAX_FILE_BYTES) return fallback;
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(path));
  } catch {
    return words.denied;
  }
  return badFileReason(lang, bytes, path);
}
