/** @jest-environment jsdom */
import { act, screen } from '@testing-library/react';
import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { renderTaskpane } from '../../src/taskpane/render';
import { fakeApi } from './fixtures';
import './renderApp';

const mockApi = fakeApi();
jest.mock('../../src/app/assistant', () => ({ createAssistant: jest.fn(() => mockApi) }));
jest.mock('../../src/hosts/excel/ExcelHost', () => ({ ExcelHost: jest.fn() }));

afterEach(() => {
  document.body.innerHTML = '';
});

test('renderTaskpane mounts the pane and sets the document language', async () => {
  const element = document.body.appendChild(document.createElement('div'));
  let root!: ReturnType<typeof renderTaskpane>;
  act(() => {
    root = renderTaskpane(element, fakeApi(), 'en-US', { hostName: 'WPS' });
  });
  expect(await screen.findByRole('region', { name: 'Forms found (2)' })).toBeInTheDocument();
  expect(document.documentElement.lang).toBe('en-US');
  expect(screen.getByText(/Running in WPS/)).toBeInTheDocument();
  act(() => root.unmount());
  expect(element).toBeEmptyDOMElement();
});

test('the Excel entry waits for Office, then follows its language and theme', async () => {
  let ready: (() => void) | undefined;
  (globalThis as unknown as { Office: unknown }).Office = {
    onReady: (cb: () => void) => {
      ready = cb;
      return Promise.resolve({ host: 'Excel', platform: 'PC' });
    },
    context: { displayLanguage: 'zh-CN', officeTheme: { bodyBackgroundColor: '#1F1F1F' } },
  };
  document.body.innerHTML = '<div id="container"></div>';
  await import('../../src/taskpane/index');
  expect(screen.queryByRole('button', { name: '一键重算' })).toBeNull();
  act(() => ready!());
  expect(await screen.findByRole('region', { name: '找到的表格（2）' })).toBeInTheDocument();
  expect(document.getElementById('container')).toContainElement(screen.getByRole('main'));
  const { createAssistant } = jest.requireMock('../../src/app/assistant');
  const { ExcelHost } = jest.requireMock('../../src/hosts/excel/ExcelHost');
  expect(createAssistant).toHaveBeenCalledWith(expect.any(ExcelHost));
  expect(mockApi.check).toHaveBeenCalled();
  // The provider writes the theme's tokens as CSS variables: the dark neutral background must be there.
  const css = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)).join('\n');
  expect(css).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1}`);
  expect(css).not.toContain(`--colorNeutralBackground1: ${webLightTheme.colorNeutralBackground1};`);
  expect(document.documentElement.lang).toBe('zh-CN');
});
