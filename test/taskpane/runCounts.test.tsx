/** @jest-environment jsdom */
/** The pane reports this run's counts (not the journal's totals) and shows a ribbon command's stored outcome (issue 10). */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, recomputedState } from './fixtures';
import { renderApp } from './renderApp';
import { LAST_OUTCOME_KEY } from '../../src/app/outcome';

const statusTexts = () => screen.getAllByRole('status').map((el) => el.textContent ?? '');

test('a second recompute that wrote nothing says so, although the journal still lists 4 cells and 9 marks', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  api.recompute.mockResolvedValueOnce({ ...recomputedState(), written: { values: 0, marks: 0, unmarked: 0 } } as never);
  renderApp({ api });
  await user.click(await screen.findByRole('button', { name: '一键重算' }));
  await screen.findByText('无需写入：计算值和标记都已是最新');
  expect(statusTexts().some((t) => t.includes('已写入 4 个单元格'))).toBe(false);
});

test('a recompute reports the cells written in this run', async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  api.recompute.mockResolvedValueOnce({ ...recomputedState(), written: { values: 1, marks: 2, unmarked: 0 } } as never);
  renderApp({ api });
  await user.click(await screen.findByRole('button', { name: '一键重算' }));
  await screen.findByText('已写入 1 个单元格，标记 2 处');
});

test('the pane shows, once, what a ribbon command did while it was closed', async () => {
  localStorage.setItem(LAST_OUTCOME_KEY, JSON.stringify({ command: 'recompute', ok: true, text: '已写入 2 个单元格，标记 1 处', at: new Date().toISOString() }));
  renderApp({ api: fakeApi() });
  await screen.findByText('功能区按钮的上次操作：已写入 2 个单元格，标记 1 处');
  expect(localStorage.getItem(LAST_OUTCOME_KEY)).toBeNull();
});
