/**
 * The ribbon's four buttons. They run the same controller as Excel's ribbon commands and the pane
 * (src/app/assistant.ts over the WPS host), one at a time, and report in the status bar and the
 * pane, never in a blocking dialog.
 */
import type { AssistantApi } from '../app/types';
import type { Lang } from '../core/types';
import { errorText, t } from '../i18n';
import type { RibbonControl, WpsApplication } from './application';
import { postNotice, showStatus, type NoticeKind } from './notice';
import { acknowledge } from './acknowledge';
import { errorCount } from './printGuard';

/** Button ids in ribbon.xml, and the icon each one shows. */
export const BUTTONS = {
  btnRecompute: 'images/recompute.svg',
  btnClearMarks: 'images/clear-marks.svg',
  btnOpenPane: 'images/open-pane.svg',
  btnPrintCheck: 'images/print-check.svg',
} as const;

export type ButtonId = keyof typeof BUTTONS;

export interface RibbonDeps {
  app(): WpsApplication | null;
  /** A controller over the WPS host of the current Application. */
  assistant(app: WpsApplication): AssistantApi;
  openPane(): void;
  lang: Lang;
  /** Called when the busy state changes (the entry re-queries getEnabled). */
  onBusy?(busy: boolean): void;
}

let running: Promise<void> | null = null;

export function isBusy(): boolean {
  return running !== null;
}

/** Runs one button. Never throws; a second click while one runs is told to wait. */
export function runButton(id: string, deps: RibbonDeps): Promise<void> {
  if (id === 'btnOpenPane') {
    deps.openPane();
    return Promise.resolve();
  }
  const app = deps.app();
  if (!app) return Promise.resolve();
  if (running) {
    showStatus(app, t(deps.lang, 'wps.busy'));
    return running;
  }
  deps.onBusy?.(true);
  running = operate(id, app, deps).finally(() => {
    running = null;
    deps.onBusy?.(false);
  });
  return running;
}

function say(app: WpsApplication, kind: NoticeKind, ok: boolean, text: string): void {
  postNotice(app, { kind, ok, text });
  showStatus(app, text);
}

async function operate(id: string, app: WpsApplication, deps: RibbonDeps): Promise<void> {
  const { lang } = deps;
  const kind: NoticeKind = id === 'btnRecompute' ? 'recompute' : id === 'btnClearMarks' ? 'clearMarks' : 'printCheck';
  try {
    const assistant = deps.assistant(app);
    if (id === 'btnRecompute') {
      const s = await assistant.recompute();
      say(app, kind, true, t(lang, 'feedback.recomputed', { written: s.changed.length, marked: s.marked }));
    } else if (id === 'btnClearMarks') {
      const s = await assistant.clearMarks();
      acknowledge(app, s.review);
      say(app, kind, true, t(lang, 'feedback.cleared'));
    } else if (id === 'btnPrintCheck') {
      await printCheck(app, assistant, deps);
    }
  } catch (e) {
    say(app, kind, false, errorText(lang, e));
    deps.openPane();
  }
}

/** 打印前检查: when the review finds no error, our marks come off so the printout shows none. */
async function printCheck(app: WpsApplication, assistant: AssistantApi, deps: RibbonDeps): Promise<void> {
  const state = await assistant.check();
  const errors = errorCount(state.review);
  if (errors > 0) {
    say(app, 'printCheck', false, t(deps.lang, 'wps.printCheck.errors', { errors }));
    deps.openPane();
    return;
  }
  if (state.marked > 0) {
    acknowledge(app, (await assistant.clearMarks()).review);
    say(app, 'printCheck', true, t(deps.lang, 'wps.printCheck.cleared', { marks: state.marked }));
  } else {
    say(app, 'printCheck', true, t(deps.lang, 'wps.printCheck.clean'));
  }
}

export function imageOf(control: RibbonControl | undefined): string {
  return BUTTONS[control?.Id as ButtonId] ?? BUTTONS.btnOpenPane;
}
