/** @jest-environment jsdom */
/**
 * The WPS pane around the shared App: notices from the ribbon page through PluginStorage, the
 * "printing paused" bar and its one click, re-checks when the ribbon or the workbook changes.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { WpsApplication } from '../../src/wps/application';
import { postNotice } from '../../src/wps/notice';
import { KEYS } from '../../src/wps/storage';
import { WpsPane } from '../../src/wps/WpsPane';
import { checkedState, fakeApi } from '../taskpane/fixtures';

function fakeApp(opts: { printOut?: boolean } = {}) {
  const store = new Map<string, string>();
  const listeners = new Map<string, (() => void)[]>();
  const printed: number[] = [];
  const app = {
    PluginStorage: {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    },
    ActiveWorkbook: opts.printOut ? { PrintOut: () => void printed.push(1) } : {},
    ApiEvent: {
      AddApiEventListener: (name: string, fn: () => void) => void listeners.set(name, [...(listeners.get(name) ?? []), fn]),
      RemoveApiEventListener: (name: string) => void listeners.delete(name),
    },
  } as unknown as WpsApplication;
  return { app, store, listeners, printed };
}

function renderPane(app: WpsApplication, api = fakeApi(), now = Date.now) {
  render(
    <FluentProvider theme={webLightTheme}>
      <WpsPane app={app} api={api} lang="zh-CN" now={now} />
    </FluentProvider>,
  );
  return api;
}

// The pane polls PluginStorage; a busy machine may take a while.
const WAIT = { timeout: 5000 };
const notice = () => screen.findByTestId('wps-notice', undefined, WAIT);

describe('WPS pane', () => {
  it('shows what the ribbon just did when it opens, but not an old notice', async () => {
    const { app } = fakeApp();
    postNotice(app, { kind: 'recompute', ok: true, text: '已写入 4 个单元格，标记 11 处' });
    renderPane(app);
    expect(await notice()).toHaveTextContent('已写入 4 个单元格，标记 11 处');

    const old = fakeApp();
    postNotice(old.app, { kind: 'recompute', ok: true, text: '旧的提示' }, Date.now() - 10 * 60_000);
    renderPane(old.app);
    await screen.findAllByRole('heading', { name: '绩效自评助手' });
    expect(screen.queryByText('旧的提示')).toBeNull();
  });

  it('shows a later notice and checks the workbook again', async () => {
    const { app } = fakeApp();
    const api = renderPane(app);
    await waitFor(() => expect(api.check).toHaveBeenCalledTimes(1), WAIT);
    act(() => void postNotice(app, { kind: 'clearMarks', ok: true, text: '已清除标记，数值保持不变' }));
    expect(await notice()).toHaveTextContent('已清除标记，数值保持不变');
    await waitFor(() => expect(api.check).toHaveBeenCalledTimes(2), WAIT);
  });

  it('checks again when the user switches workbooks (one pane for all of them)', async () => {
    const { app, listeners } = fakeApp();
    const api = renderPane(app);
    await waitFor(() => expect(api.check).toHaveBeenCalledTimes(1), WAIT);
    expect([...listeners.keys()]).toEqual(['WorkbookActivate', 'WindowActivate']);
    act(() => listeners.get('WorkbookActivate')![0]());
    await waitFor(() => expect(api.check).toHaveBeenCalledTimes(2), WAIT);
  });

  it('says why printing was paused; one click clears the marks, acknowledges the errors and prints', async () => {
    const { app, store, printed } = fakeApp({ printOut: true });
    const api = fakeApi();
    api.clearMarks.mockImplementation(async () => ({ ...checkedState(), marked: 0 })); // errors left to explain
    renderPane(app, api);
    act(() => void postNotice(app, { kind: 'printBlocked', ok: false, text: '工作簿中还有 11 处自评助手的标记底色。', marks: 11, errors: 2 }));
    const bar = await notice();
    expect(bar).toHaveTextContent('已暂停打印');
    await userEvent.click(screen.getByRole('button', { name: '清除标记并打印' }));
    await waitFor(() => expect(screen.getByTestId('wps-notice')).toHaveTextContent('已清除标记，已发送打印。'), WAIT);
    expect(api.clearMarks).toHaveBeenCalledTimes(1);
    expect(printed).toHaveLength(1);
    expect(Number(store.get(KEYS.allowPrint))).toBeGreaterThan(Date.now());
    // The errors on screen when the marks came off no longer stop a print.
    expect(JSON.parse(store.get(KEYS.acknowledged)!).keys).toContain('score-mismatch@附件3 自评表!H14');
  });

  it('asks to print again where WPS has no Workbook.PrintOut', async () => {
    const { app } = fakeApp();
    renderPane(app);
    act(() => void postNotice(app, { kind: 'printBlocked', ok: false, text: '…', marks: 3, errors: 0 }));
    await userEvent.click(await screen.findByRole('button', { name: '清除标记并打印' }, WAIT));
    await waitFor(() => expect(screen.getByTestId('wps-notice')).toHaveTextContent('已清除标记。请重新打印，这一次不再拦截。'), WAIT);
  });

  it('offers to print anyway when only errors (no marks) paused the print', async () => {
    const { app, printed } = fakeApp({ printOut: true });
    renderPane(app);
    act(() => void postNotice(app, { kind: 'printBlocked', ok: false, text: '自评表中还有 2 个错误。', marks: 0, errors: 2 }));
    await userEvent.click(await screen.findByRole('button', { name: '仍然打印' }, WAIT));
    await waitFor(() => expect(screen.getByTestId('wps-notice')).toHaveTextContent(/^已发送打印。$/), WAIT);
    expect(printed).toHaveLength(1);
  });
});
