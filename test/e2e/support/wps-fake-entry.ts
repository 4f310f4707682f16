/**
 * Browser bundle of the fake WPS Application for the end-to-end test (built by support/wps.ts with
 * esbuild, injected with addInitScript before any page script, as WPS injects window.Application).
 * A page shown inside another add-in page (the task pane as an iframe of the entry page) uses its
 * parent's Application: in WPS every page of an add-in talks to the one Application.
 */
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { createFakeWpsApplication, installFakeWps } from '../../fakes/wps';

declare global {
  interface Window {
    __installFakeWps(seed: WorkbookSnapshot): void;
  }
}

window.__installFakeWps = (seed: WorkbookSnapshot): void => {
  try {
    const parent = window.parent as unknown as Record<string, unknown>;
    if (window.parent !== window && parent.Application) {
      installFakeWps(window as unknown as Record<string, unknown>, parent.Application as never);
      return;
    }
  } catch {
    // a parent of another origin (file:// pages are opaque origins): this page gets its own
  }
  installFakeWps(window as unknown as Record<string, unknown>, createFakeWpsApplication(seed));
};
