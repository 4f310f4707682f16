/**
 * Ribbon function commands (manifest FunctionFile = commands.html): 一键重算 and 清除标记.
 * The same page, opened with ?notice=…, is the small dialog that shows a command's outcome.
 *
 * The handlers are associated at the top level of the module, as Microsoft's function-command
 * samples do (Office-Addin-TaskPane src/commands), not inside Office.onReady: the command that
 * loaded this page is dispatched as soon as Office.js is ready, and a handler registered later
 * could miss it. commands.html loads office.js before this bundle, so Office is defined here.
 */
import { createAssistant } from '../app/assistant';
import type { AssistantApi } from '../app/types';
import { ExcelHost } from '../hosts/excel/ExcelHost';
import { pickLang } from '../i18n';
import { showNotice, renderNotice } from './notice';
import { runCommand, type CommandName } from './runCommand';

let assistant: AssistantApi | undefined;

/** Office.context is only filled in once Office.js is ready, which a command's dispatch implies. */
function deps() {
  const lang = pickLang(Office.context?.displayLanguage);
  return {
    lang,
    assistant: () => (assistant ??= createAssistant(new ExcelHost(), { lang })),
    notify: showNotice,
  };
}

export function associateCommands(office: Pick<typeof Office, 'actions'> = Office): void {
  // The notice dialog loads this page too, and an Office without the actions API must still show it.
  if (!office.actions?.associate) return;
  for (const name of ['recompute', 'clearMarks'] as CommandName[]) {
    office.actions.associate(name, (event: Office.AddinCommands.Event) => {
      void runCommand(name, event, deps());
    });
  }
}

associateCommands();

void Office.onReady(() => {
  const params = new URLSearchParams(location.search);
  if (params.has('notice')) renderNotice(params);
});
