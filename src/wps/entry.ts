/**
 * The WPS entry page (index.html): WPS opens it hidden when ET starts, then parses ribbon.xml and
 * calls the callbacks named there on this page's window (notes §1.1-1.2). They are assigned
 * synchronously, at the top level of this classic script: a callback set later (in a React effect,
 * after an await) is "occasionally not found" (wpsjs 1.5.8 changelog, notes §0.2).
 * The page outlives the pane, so the print listener lives here.
 */
import { createAssistant } from '../app/assistant';
import { pickLang } from '../i18n';
import { tryCall, wpsApplication, type RibbonControl, type RibbonUI } from './application';
import { showPane } from './pane';
import { beforePrint, verdictOf } from './printGuard';
import { imageOf, isBusy, runButton, type RibbonDeps } from './ribbon';
import { hostFor } from './host';

const lang = pickLang(typeof navigator === 'undefined' ? 'zh-CN' : navigator.language);
let ribbonUI: RibbonUI | undefined;
let listening = false;
let printHost: ReturnType<typeof hostFor> | undefined;

/** Never throws into WPS: a pane that cannot open leaves the status bar message standing. */
const openPane = (): void => {
  const app = wpsApplication();
  if (app) tryCall(() => showPane(app, location.href));
};

const deps: RibbonDeps = {
  app: () => wpsApplication(),
  assistant: (app) => createAssistant(hostFor(app), { lang }),
  openPane,
  lang,
  onBusy: () => tryCall(() => ribbonUI?.Invalidate?.()),
};

function onBeforePrint(...args: unknown[]): void {
  beforePrint(
    {
      app: () => wpsApplication(),
      // WpsHost.readSync: the answer is due before the listener returns. One host for every
      // print, so a second check verifies the last read's formats instead of probing them.
      verdictNow: () => {
        const app = wpsApplication()!;
        printHost ??= hostFor(app);
        return verdictOf(app, printHost.readSync(), lang);
      },
      openPane,
      lang,
    },
    args,
  );
}

/** Registers the print listener once (from onLoad, or right away when WPS skips onLoad). */
function listen(): void {
  const app = wpsApplication();
  if (listening || !app?.ApiEvent) return;
  // Not in et-jsapi-declare's overloads, but in the official ET event list (notes §3).
  listening = tryCall(() => (app.ApiEvent!.AddApiEventListener('WorkbookBeforePrint', onBeforePrint), true)) ?? false;
}

const ribbon = {
  OnAddinLoad(ui: RibbonUI): boolean {
    ribbonUI = ui;
    const app = wpsApplication();
    // The templates keep it on the Application too (typed read-only there).
    if (app) tryCall(() => (app.ribbonUI = ui));
    listen();
    return true;
  },
  OnAction(control: RibbonControl): boolean {
    void runButton(control?.Id, deps);
    return true;
  },
  GetImage(control: RibbonControl): string {
    return imageOf(control);
  },
  GetEnabled(control: RibbonControl): boolean {
    return control?.Id === 'btnOpenPane' || !isBusy();
  },
  OnBeforePrint: onBeforePrint,
};

export type Ribbon = typeof ribbon;

Object.assign(window, { ribbon });
listen();
