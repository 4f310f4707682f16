/**
 * A faithful fake of the WPS 表格 (ET) JS `Application`, built from a WorkbookSnapshot, for the WPS
 * host's tests, the host contract suite and the Chromium end-to-end test (no Node APIs: it is bundled
 * into the page). Each behaviour follows ../shared/notes/wps-addin.md §7.4 "must-haves for a faithful
 * fake" (cited as 7.4 n in the code) and the sections the notes give as its evidence.
 *
 *   const app = createFakeWpsApplication(snapshot, { shape: 'item' });
 *   new WpsHost(app);                  // typed as WpsApplication
 *   app.fake.calls; app.fake.failAt(40, { writesOnly: true }); app.fake.editMode = true;
 *   app.fake.fire('WorkbookBeforePrint', app.ActiveWorkbook);
 */
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import type { WpsApplication } from '../../../src/hosts/wps/types';
import { FakeWpsControl, type FakeWpsOptions } from './control';
import { bookFrom } from './model';
import { FakeApplication } from './objects';

export type { FakeWpsOptions, ShapeMode, UndoStep, PaneRecord } from './control';
export { FakeWpsControl } from './control';
export type { FakeCell, FakeSheetState, FakeBookState } from './model';

/** The fake Application: the typed object model plus its test handle `fake` (not an ET member, not counted). */
export type FakeWpsApplication = WpsApplication & { readonly fake: FakeWpsControl };

export function createFakeWpsApplication(book: WorkbookSnapshot, options: FakeWpsOptions = {}): FakeWpsApplication {
  const control = new FakeWpsControl(bookFrom(book), options);
  return new FakeApplication(control) as unknown as FakeWpsApplication;
}

/**
 * Puts the fake where WPS puts the real one (7.4 1): `window.Application` and `window.wps` (the same
 * object), or, in `legacy` mode, only `wps.EtApplication()` as old OA-assistant builds have it.
 */
export function installFakeWps(target: Record<string, unknown>, app: FakeWpsApplication, mode: 'current' | 'legacy' = 'current'): void {
  if (mode === 'legacy') {
    target.wps = { EtApplication: () => app };
    return;
  }
  target.Application = app;
  target.wps = app;
}
