/**
 * Notices from the ribbon page to the user: a line in WPS's status bar right away, and a record in
 * PluginStorage that the task pane shows (now, or when it opens). Never `alert`: it blocks WPS's
 * main thread (notes §0.16).
 */
import type { WpsApplication } from './application';
import { tryCall } from './application';
import { KEYS, readJson, writeJson } from './storage';

export type NoticeKind = 'recompute' | 'clearMarks' | 'printCheck' | 'printBlocked';

export interface PaneNotice {
  /** Unique per notice, so the pane shows each one once. */
  id: string;
  kind: NoticeKind;
  ok: boolean;
  text: string;
  /** Epoch ms. */
  at: number;
  /** For printBlocked: our marks and the review's errors that stopped the print. */
  marks?: number;
  errors?: number;
}

/** A notice older than this is not shown by a pane opened later. */
export const NOTICE_FRESH_MS = 2 * 60_000;
const STATUS_MS = 10_000;

let counter = 0;

export function postNotice(app: WpsApplication, notice: Omit<PaneNotice, 'id' | 'at'>, now: number = Date.now()): PaneNotice {
  const full: PaneNotice = { ...notice, id: `${now}-${++counter}`, at: now };
  writeJson(app, KEYS.notice, full);
  return full;
}

export function readNotice(app: WpsApplication): PaneNotice | null {
  const n = readJson<PaneNotice>(app, KEYS.notice);
  return n && typeof n.id === 'string' && typeof n.text === 'string' ? n : null;
}

let statusTimer: ReturnType<typeof setTimeout> | undefined;

/** Shows text in WPS's status bar for a few seconds, then gives the bar back to WPS (StatusBar = false, as in VBA). */
export function showStatus(app: WpsApplication, text: string): void {
  if (tryCall(() => ((app.StatusBar = text), true)) === undefined) return;
  if (statusTimer) clearTimeout(statusTimer);
  statusTimer = setTimeout(() => {
    statusTimer = undefined;
    tryCall(() => {
      if (app.StatusBar === text) app.StatusBar = false;
    });
  }, STATUS_MS);
  // Node (unit tests) would otherwise wait for it; browsers return a number.
  (statusTimer as { unref?: () => void }).unref?.();
}
