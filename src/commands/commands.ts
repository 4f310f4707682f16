/**
 * Ribbon function commands (manifest FunctionFile = commands.html): 一键重算 and 清除标记.
 * The same page, opened with ?notice=…, is the small dialog that shows a command's outcome.
 */
import { createAssistant } from '../app/assistant';
import type { AssistantApi } from '../app/types';
import { ExcelHost } from '../hosts/excel/ExcelHost';
import { pickLang } from '../i18n';
import { showNotice, renderNotice } from './notice';
import { runCommand, type CommandName } from './runCommand';

let assistant: AssistantApi | undefined;

Office.onReady(() => {
  const params = new URLSearchParams(location.search);
  if (params.has('notice')) {
    renderNotice(params);
    return;
  }
  const lang = pickLang(Office.context.displayLanguage);
  const deps = {
    lang,
    assistant: () => (assistant ??= createAssistant(new ExcelHost(), { lang })),
    notify: showNotice,
  };
  for (const name of ['recompute', 'clearMarks'] as CommandName[]) {
    Office.actions.associate(name, (event: Office.AddinCommands.Event) => {
      void runCommand(name, event, deps);
    });
  }
});
