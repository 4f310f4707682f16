/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { BASIC, SELF, checkedState, fakeApi } from './fixtures';
import { renderApp } from './renderApp';

const ARIA_H14 = /^错误，(附件3 自评表 )?H14 解决问题到位率：得分应为 14\.55（15 × 97% ÷ 100%），表内为 15。/;

describe('findings', () => {
  test('are grouped by severity with counts', async () => {
    renderApp({ api: fakeApi() });
    const panel = await screen.findByRole('region', { name: '检查结果' });
    expect(within(panel).getByRole('button', { name: /^错误（4）/ })).toHaveAttribute('aria-expanded', 'true');
    expect(within(panel).getByRole('button', { name: /^警告（3）/ })).toHaveAttribute('aria-expanded', 'true');
    const info = within(panel).getByRole('button', { name: /^提示（1）/ });
    expect(info).toHaveAttribute('aria-expanded', 'false');
    await userEvent.setup().click(info);
    expect(within(panel).getByRole('button', { name: /B13 产出指标/ })).toBeInTheDocument();
  });

  test('each item shows the cell, the indicator name and the message', async () => {
    renderApp({ api: fakeApi() });
    const item = await screen.findByRole('button', { name: ARIA_H14 });
    expect(item).toHaveTextContent('H14');
    expect(item).toHaveTextContent('解决问题到位率');
    expect(item).toHaveTextContent('得分不符');
    expect(item).toHaveTextContent('得分应为 14.55（15 × 97% ÷ 100%），表内为 15');
    // The explanation cell and the total are named too.
    expect(screen.getByRole('button', { name: /I19 成本控制率：/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /H21 总分：总分 97/ })).toBeInTheDocument();
  });

  test('clicking an item reveals its cell', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderApp({ api });
    await user.click(await screen.findByRole('button', { name: ARIA_H14 }));
    expect(api.reveal).toHaveBeenCalledTimes(1);
    expect(api.reveal).toHaveBeenCalledWith(expect.objectContaining({ sheet: SELF, cell: 'H14' }));
  });

  test('Enter and Space on a focused item reveal its cell', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderApp({ api });
    const item = await screen.findByRole('button', { name: ARIA_H14 });
    item.focus();
    expect(item).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(api.reveal).toHaveBeenLastCalledWith(expect.objectContaining({ cell: 'H14' }));
    const next = screen.getByRole('button', { name: /H18 群众满意度/ });
    next.focus();
    await user.keyboard(' ');
    expect(api.reveal).toHaveBeenLastCalledWith(expect.objectContaining({ cell: 'H18' }));
    expect(api.reveal).toHaveBeenCalledTimes(2);
  });

  test('items and actions are focusable buttons; arrow keys move along the list', async () => {
    const user = userEvent.setup();
    renderApp({ api: fakeApi() });
    const first = await screen.findByRole('button', { name: ARIA_H14 });
    for (const el of [screen.getByRole('button', { name: '一键重算' }), first]) {
      expect(el.tagName).toBe('BUTTON');
      expect(el.tabIndex).toBe(0);
    }
    expect(screen.getByRole('button', { name: '重新检查' }).tabIndex).toBe(0);
    expect(screen.getByRole('button', { name: '设置' }).tabIndex).toBe(0);
    first.focus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: /^错误，(附件3 自评表 )?H18/ })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(first).toHaveFocus();
  });

  test('Tab goes from the actions into the findings', async () => {
    const user = userEvent.setup();
    renderApp({ api: fakeApi() });
    const first = await screen.findByRole('button', { name: ARIA_H14 });
    await waitFor(() => expect(screen.getByRole('button', { name: '一键重算' })).toBeEnabled());
    await user.tab();
    expect(screen.getByRole('button', { name: '一键重算' })).toHaveFocus();
    for (let i = 0; i < 12 && document.activeElement !== first; i++) await user.tab();
    expect(first).toHaveFocus();
  });

  test('the sheet filter narrows the list to one form', async () => {
    const user = userEvent.setup();
    renderApp({ api: fakeApi() });
    const filter = await screen.findByRole('combobox', { name: '按表格筛选' });
    expect(screen.getByRole('button', { name: /^警告（3）/ })).toBeInTheDocument();
    await user.selectOptions(filter, BASIC);
    expect(screen.queryByRole('button', { name: /^错误/ })).toBeNull();
    expect(screen.getByRole('button', { name: /^警告（1）/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /C11/ })).toBeInTheDocument();
    await user.selectOptions(filter, '');
    expect(screen.getByRole('button', { name: /^错误（4）/ })).toBeInTheDocument();
  });

  test('no filter with a single form; a clean form says so', async () => {
    const state = checkedState();
    state.review.forms = [state.review.forms[1]];
    state.review.findings = [];
    renderApp({ api: fakeApi(state) });
    expect(await screen.findByText('未发现问题。')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: '按表格筛选' })).toBeNull();
  });
});
