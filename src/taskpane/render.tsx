/** Mounts the task pane into an element; shared by the Excel entry, the WPS entry and the playground. */
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { createRoot, type Root } from 'react-dom/client';
import type { AssistantApi } from '../app/types';
import { DEFAULT_LANG, type Lang } from '../i18n';
import { App } from './components/App';
import type { RuleSetOption } from './settings';

export interface RenderOptions {
  theme?: Theme;
  hostName?: string;
  ruleSets?: readonly RuleSetOption[];
}

/** Renders the pane into element and returns the React root (call root.unmount() to remove it). */
export function renderTaskpane(element: HTMLElement, api: AssistantApi, lang: Lang = DEFAULT_LANG, options: RenderOptions = {}): Root {
  // The html lang attribute also covers dialogs, which render in a portal outside element (CJK font choice, screen readers).
  element.ownerDocument.documentElement.lang = lang;
  const root = createRoot(element);
  root.render(
    <FluentProvider theme={options.theme ?? webLightTheme} style={{ minHeight: '100%' }}>
      <App api={api} lang={lang} hostName={options.hostName} ruleSets={options.ruleSets} />
    </FluentProvider>,
  );
  return root;
}

export { App, type AppProps } from './components/App';
