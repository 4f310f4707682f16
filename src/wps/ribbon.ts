/**
 * The ribbon's four buttons. 一键重算 and 清除标记 go through Excel's command runner
 * (src/commands/runCommand.ts) over the same controller as the pane (src/app/assistant.ts on the
 * WPS host); one button runs at a time; outcomes go to the status bar and the pane, never to a
 * blocking dialog.
 */
import type { AssistantApi } from '../app/types';
import type { Lang } from '../core/types';
import { runCommand, type CommandName } from '../commands/runCommand';
import { errorText, t } from '../i18n';
import type { RibbonControl, WpsApplication } from './application';
import { postNotice, showStatus, type NoticeKind } from './notice';
import { acknowledging } from './acknowledge';
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
  // Clearing marks is the step before printing: the errors on screen then no longer stop a print.
  const assistant = acknowledging(app, deps.assistant(app));
  if (id === 'btnRecompute' || id === 'btnClearMarks') {
    // The Excel ribbon's command runner, with WPS's ways of telling the outcome.
    const name: CommandName = id === 'btnRecompute' ? 'recompute' : 'clearMarks';
    let errors = 0;
    const counting: AssistantApi = { ...assistant, clearMarks: () => assistant.clearMarks().then((s) => ((errors = errorCount(s.review)), s)) };
    const outcome = await runCommand(name, { completed: () => undefined }, {
      lang,
      assistant: () => counting,
      // Marks off with errors left: say so, as they will no longer stop a print.
      notify: async (o) => say(app, name, o.ok, o.ok && errors ? `${o.text}；${t(lang, 'wps.errorsLeft', { errors })}` : o.text),
    });
    if (!outcome.ok) deps.openPane();
    return;
  }
  if (id !== 'btnPrintCheck') return;
  try {
    await printCheck(app, assistant, deps);
  } catch (e) {
    say(app, 'printCheck', false, errorText(lang, e));
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
    await assistant.clearMarks();
    say(app, 'printCheck', true, t(deps.lang, 'wps.printCheck.cleared', { marks: state.marked }));
  } else {
    say(app, 'printCheck', true, t(deps.lang, 'wps.printCheck.clean'));
  }
}

export function imageOf(control: RibbonControl | undefined): string {
  return BUTTONS[control?.Id as ButtonId] ?? BUTTONS.btnOpenPane;
}
