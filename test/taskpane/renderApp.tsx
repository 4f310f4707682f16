import { render } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App, type AppProps } from '../../src/taskpane/components/App';

// jsdom has no layout: offsetParent is always null and <body> measures 0×0, so Tabster (Fluent's focus
// manager) takes every element for invisible. Dialog focus then never enters the surface, its modalizer
// stays inactive and hides the open dialog with aria-hidden, and arrow keys find nothing. Fake both.
const BODY_RECT = { x: 0, y: 0, top: 0, left: 0, right: 1024, bottom: 768, width: 1024, height: 768 };
document.body.getBoundingClientRect = () => ({ ...BODY_RECT, toJSON: () => BODY_RECT }) as DOMRect;
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    return this.parentElement;
  },
});

export function renderApp(props: AppProps) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App {...props} />
    </FluentProvider>,
  );
}
