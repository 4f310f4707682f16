/** Excel entry: waits for Office, then mounts the pane over the Excel host in Office's theme and language. */
import { createAssistant } from '../app/assistant';
import { ExcelHost } from '../hosts/excel/ExcelHost';
import { pickLang } from '../i18n';
import { renderTaskpane } from './render';
import { themeFor } from './theme';

Office.onReady(() => {
  const element = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  const context = Office.context;
  renderTaskpane(element, createAssistant(new ExcelHost()), pickLang(context?.displayLanguage), {
    theme: themeFor(context?.officeTheme),
    hostName: 'Excel',
  });
});
