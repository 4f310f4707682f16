/**
 * The one task pane: created at an absolute URL next to the entry page (a relative URL gave a
 * blank pane on WPS 12.1.0.28505, and the official template's URL helper drops sub-paths; notes
 * §1.3), its ID kept in PluginStorage so every click reuses it.
 */
import type { TaskPane, WpsApplication } from './application';
import { tryCall } from './application';
import { KEYS, readString, writeString } from './storage';

export const PANE_FILE = 'taskpane.html';
/** msoCTPDockPositionRight (notes §1.3); WPS's own enum is not defined at run time (notes §2.6). */
const DOCK_RIGHT = 2;
const WIDTH = 380;

/** The folder of a page URL, with its trailing slash: keeps an intranet sub-path and a file:// folder. */
export function folderOf(href: string): string {
  return href.split(/[?#]/)[0].replace(/[^/]*$/, '');
}

export function paneUrl(href: string): string {
  return folderOf(href) + PANE_FILE;
}

function existingPane(app: WpsApplication): TaskPane | null {
  const id = readString(app, KEYS.pane);
  if (id === null) return null;
  const get = app.GetTaskPane ?? app.GetTaskpane;
  if (!get) return null;
  // IDs are numbers in the typings; PluginStorage gives strings back.
  const key = /^\d+$/.test(id) ? Number(id) : id;
  const pane = tryCall(() => get.call(app, key)) ?? null;
  // A pane deleted by WPS may come back as null or as a husk whose ID no longer reads.
  return pane && tryCall(() => pane.ID) !== undefined ? pane : null;
}

/** Shows the pane, creating it the first time. Returns null when WPS has no task pane API. */
export function showPane(app: WpsApplication, href: string): TaskPane | null {
  const found = existingPane(app);
  if (found) {
    tryCall(() => (found.Visible = true));
    return found;
  }
  const create = app.CreateTaskPane ?? app.CreateTaskpane;
  if (!create) return null;
  const pane = create.call(app, paneUrl(href), '绩效自评助手');
  writeString(app, KEYS.pane, String(pane.ID));
  tryCall(() => (pane.DockPosition = DOCK_RIGHT));
  tryCall(() => (pane.Width = WIDTH)); // documented read-only on one page, writable in the typings
  pane.Visible = true;
  return pane;
}
