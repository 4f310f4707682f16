/** WPS task pane entry (taskpane.html): the same React + Fluent pane as Excel, over the WPS host. */
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { pickLang, t } from '../i18n';
import { lazyAssistant } from '../taskpane/lazyAssistant';
import { wpsApplication } from './application';
import { hostFor } from './host';
import { WpsPane } from './WpsPane';

const element = document.getElementById('container') ?? document.body.appendChild(document.createElement('div'));
const lang = pickLang(navigator.language);
const app = wpsApplication();
document.documentElement.lang = lang;

if (!app) {
  element.textContent = t(lang, 'wps.notInWps');
} else {
  createRoot(element).render(
    <FluentProvider theme={webLightTheme} style={{ minHeight: '100%' }}>
      <WpsPane app={app} api={lazyAssistant(hostFor(app))} lang={lang} />
    </FluentProvider>,
  );
}
