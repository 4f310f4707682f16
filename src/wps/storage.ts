/**
 * The ribbon page and the task pane are separate pages; PluginStorage is the only store they
 * share (notes §1.4). It holds simple values only, so everything is written as a string (JSON for
 * records) and a missing value may read back as null, undefined or "".
 */
import type { WpsApplication } from './application';
import { tryCall } from './application';

/** Keys are per host type ("et"): one team suspects the store is shared by the wps/et/wpp hosts of an add-in. */
export const KEYS = {
  /** ID of the one task pane. */
  pane: 'selfeval.paneId.et',
  /** The last notice for the pane (PaneNotice JSON). */
  notice: 'selfeval.notice.et',
  /** Time (ms) until which the next print is let through unchecked ("clear marks and print"). */
  allowPrint: 'selfeval.allowPrint.et',
  /** Errors the clerk has seen and printed with (acknowledge.ts). */
  acknowledged: 'selfeval.acknowledged.et',
} as const;

export function readString(app: WpsApplication, key: string): string | null {
  const v = tryCall(() => app.PluginStorage.getItem(key));
  if (v === undefined || v === null || v === '') return null;
  return String(v);
}

export function writeString(app: WpsApplication, key: string, value: string): void {
  tryCall(() => app.PluginStorage.setItem(key, value));
}

export function remove(app: WpsApplication, key: string): void {
  // removeItem is documented, but an empty string reads as missing too.
  if (tryCall(() => (app.PluginStorage.removeItem ? (app.PluginStorage.removeItem(key), true) : false))) return;
  writeString(app, key, '');
}

export function readJson<T>(app: WpsApplication, key: string): T | null {
  const s = readString(app, key);
  if (s === null) return null;
  try {
    return JSON.parse(s) as T;
  } catch {
    return null;
  }
}

export function writeJson(app: WpsApplication, key: string, value: unknown): void {
  writeString(app, key, JSON.stringify(value));
}

/** How long "clear marks and print" lets the next print through unchecked. */
export const ALLOW_PRINT_MS = 2 * 60_000;

export function allowNextPrint(app: WpsApplication, now: number = Date.now()): void {
  writeString(app, KEYS.allowPrint, String(now + ALLOW_PRINT_MS));
}
