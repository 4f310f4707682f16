/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HostError } from '../../src/hosts/host';
import type { AssistantState } from '../../src/app/types';
import { SELF, checkedState, fakeApi, recomputedState } from './fixtures';
import { renderApp } from './renderApp';

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('recompute, revert, clear marks', () => {
  test('一键重算 calls recompute, shows the changed cells and the success message', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderApp({ api });
    await user.click(await screen.findByRole('button', { name: '一键重算' }));
    expect(api.recompute).toHaveBeenCalledTimes(1);

    const changed = await screen.findByRole('region', { name: '本次重算修改的单元格（4）' });
    expect(within(changed).getByRole('button', { name: 'H14 解决问题到位率 得分：15 → 14.55' })).toBeInTheDocument();
    expect(within(changed).getByRole('button', { name: 'H21 总分：97 → 99.35' })).toBeInTheDocument();
    expect(within(changed).getByText('已标记 9 处单元格')).toBeInTheDocument();
    const statuses = screen.getAllByRole('status');
    expect(statuses.some((el) => el.textContent?.includes('已写入 4 个单元格，标记 9 处'))).toBe(true);
    // The totals now agree.
    expect(screen.queryByRole('img', { name: '表内总分与计算总分不符' })).toBeNull();
  });

  test('buttons are disabled and a busy text is announced while an operation runs', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    const pending = deferred<AssistantState>();
    api.recompute.mockReturnValueOnce(pending.promise);
    renderApp({ api });
    const button = await screen.findByRole('button', { name: '一键重算' });
    await user.click(button);
    // Disabled but focusable (aria-disabled): focus stays on the control that acted (issue 12).
    expect(button).toHaveAttribute('aria-disabled', 'true');
    expect(button).toHaveFocus();
    expect(screen.getByRole('button', { name: '重新检查' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByRole('button', { name: '设置' })).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('正在重算…')).toBeInTheDocument();
    await user.click(button);
    expect(api.recompute).toHaveBeenCalledTimes(1);
    pending.resolve(recomputedState());
    await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'));
    expect(button).toHaveFocus();
    expect(screen.queryByText('正在重算…')).toBeNull();
  });

  test('clicking a changed cell selects it', async () => {
    const user = userEvent.setup();
    const api = fakeApi(recomputedState());
    renderApp({ api });
    await user.click(await screen.findByRole('button', { name: /^H19 成本控制率 得分/ }));
    expect(api.reveal).toHaveBeenCalledWith({ sheet: SELF, cell: 'H19' });
  });

  test('撤销重算 calls revert, reports the restored cells and hides the list', async () => {
    const user = userEvent.setup();
    const api = fakeApi(recomputedState());
    api.revert.mockResolvedValueOnce(checkedState());
    renderApp({ api });
    await user.click(await screen.findByRole('button', { name: '撤销重算' }));
    expect(api.revert).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('已撤销重算，恢复 4 个单元格')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /本次重算修改的单元格/ })).toBeNull();
  });

  test('清除标记 calls clearMarks and is disabled once no mark is left', async () => {
    const user = userEvent.setup();
    const api = fakeApi(recomputedState());
    renderApp({ api });
    const clear = await screen.findByRole('button', { name: '清除标记' });
    await user.click(clear);
    expect(api.clearMarks).toHaveBeenCalledTimes(1);
    expect(await screen.findByText('已清除标记，数值保持不变')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '清除标记' })).toBeDisabled();
    expect(screen.getByRole('button', { name: '撤销重算' })).toBeEnabled();
  });

  test('重新检查 calls check again', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderApp({ api });
    await user.click(await screen.findByRole('button', { name: '重新检查' }));
    await waitFor(() => expect(api.check).toHaveBeenCalledTimes(2));
  });
});

describe('errors', () => {
  test('a protected sheet shows the localised message and nothing else changes', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.recompute.mockRejectedValueOnce(new HostError('protected', 'Sheet is protected', SELF));
    renderApp({ api });
    await user.click(await screen.findByRole('button', { name: '一键重算' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      `工作表“${SELF}”受保护，未写入任何内容。请先撤销工作表保护（审阅 → 撤销工作表保护）再重算。`,
    );
    expect(screen.queryByRole('region', { name: /本次重算修改的单元格/ })).toBeNull();
    await user.click(within(alert).getByRole('button', { name: '关闭提示' }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a HostError-like object (no class) is localised too, in English', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.recompute.mockRejectedValueOnce({ code: 'cell-edit', message: 'InvalidOperationInCellEditMode' });
    renderApp({ api, lang: 'en-US' });
    await user.click(await screen.findByRole('button', { name: 'Recompute' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A cell is being edited. Press Enter or Esc to finish editing');
  });

  test('a plain Error on the first check shows its message as text', async () => {
    const api = fakeApi();
    api.check.mockRejectedValueOnce(new Error('<i>boom</i>'));
    const { container } = renderApp({ api });
    expect(await screen.findByRole('alert')).toHaveTextContent('出错了：<i>boom</i>');
    expect(container.querySelector('i')).toBeNull();
  });

  test('a failing reveal is reported', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    api.reveal.mockRejectedValueOnce(new HostError('busy', 'InactiveWorkbook'));
    renderApp({ api });
    await user.click(await screen.findByRole('button', { name: /H14/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('表格程序正忙');
  });
});
