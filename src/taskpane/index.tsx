/** Excel entry: waits for Office, then mounts the pane over the Excel host in Office's theme and language. */
import { ExcelHost } from '../hosts/excel/ExcelHost';
import { pickLang } from '../i18n';
import { renderTaskpane } from './render';
import { lazyAssistant } from './lazyAssistant';
import { themeFor } from './theme';

Office.onReady(() => {
  const element = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
  const context = Office.context;
  renderTaskpane(element, lazyAssistant(new ExcelHost()), pickLang(context?.displayLanguage), {
    theme: themeFor(context?.officeTheme),
    hostName: 'Excel',
  });
});
