/**
 * The slice of WPS's `window.Application` the ribbon and the pane use (the host adapter in
 * src/hosts/wps reads and writes cells). Looked up lazily, at call time: some builds expose a
 * throwing accessor, and a plain browser has none (shared/notes/wps-addin.md §2.1).
 */

/** `Application.PluginStorage`: one in-memory store per add-in shared by all its pages; strings only (notes §1.4). */
export interface PluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: string): void;
  removeItem?(key: string): void;
}

/** `CustomTaskpane` (typings of et-jsapi-declare; notes §1.3). */
export interface TaskPane {
  readonly ID: number | string;
  Visible: boolean;
  DockPosition?: number;
  Width?: number;
}

export interface WpsWorkbook {
  readonly FullName?: string;
  PrintOut?(...args: unknown[]): unknown;
}

export interface WpsApplication {
  readonly PluginStorage: PluginStorage;
  readonly ActiveWorkbook: WpsWorkbook | null;
  readonly ApiEvent?: {
    AddApiEventListener(name: string, fn: unknown): unknown;
    RemoveApiEventListener?(name: string, fn?: unknown): unknown;
    Cancel?: boolean;
  };
  /** Spelled both ways in Kingsoft's own docs and templates (notes §1.3): feature-detect. */
  CreateTaskPane?(url: string, title?: string): TaskPane;
  CreateTaskpane?(url: string, title?: string): TaskPane;
  GetTaskPane?(id: number | string): TaskPane;
  GetTaskpane?(id: number | string): TaskPane;
  StatusBar?: string | boolean;
  ribbonUI?: RibbonUI;
}

/** What WPS passes to `onLoad` (CustomUI IRibbonUI). */
export interface RibbonUI {
  Invalidate?(): void;
  InvalidateControl?(id: string): void;
}

/** What WPS passes to `onAction` / `get*`: note the capital `Id` (notes §1.2). */
export interface RibbonControl {
  Id: string;
  Tag?: string;
}

type Root = { Application?: unknown; wps?: unknown };

/** The Application, or null outside WPS. Never throws. */
export function wpsApplication(root: Root = globalThis as Root): WpsApplication | null {
  try {
    const app = root.Application;
    if (app && typeof app === 'object') return app as WpsApplication;
    const wps = root.wps as { EtApplication?: unknown } | undefined;
    if (wps && typeof wps.EtApplication === 'function') return (wps.EtApplication as () => WpsApplication)(); // old OA-assist builds
    if (wps && typeof wps === 'object') return wps as unknown as WpsApplication; // typings: wps === Application
  } catch {
    // a throwing accessor: treat as absent
  }
  return null;
}

/** Runs f and returns its value, or undefined when the object model throws (optional members, old builds). */
export function tryCall<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}
