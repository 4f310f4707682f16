/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { checkedState, fakeApi } from './fixtures';
import { renderApp } from './renderApp';

async function openSettings(user: ReturnType<typeof userEvent.setup>, label = '设置', title = '评分设置') {
  const button = await screen.findByRole('button', { name: label });
  await waitFor(() => expect(button).toBeEnabled()); // disabled during the first check
  await user.click(button);
  return screen.findByRole('region', { name: title });
}

describe('settings panel', () => {
  test('opens with focus on its heading and closes with Escape', async () => {
    const user = userEvent.setup();
    renderApp({ api: fakeApi() });
    const panel = await openSettings(user);
    expect(document.activeElement).toBe(within(panel).getByRole('heading', { name: '评分设置' }));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('region', { name: '评分设置' })).toBeNull());
  });

  test('shows the rule set defaults, saves changed values as overrides and re-checks', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderApp({ api });
    const dialog = await openSettings(user);
    expect(within(dialog).getByRole('combobox', { name: '规则集' })).toHaveValue('mof-2020');
    const threshold = within(dialog).getByRole('textbox', { name: /超额完成提示阈值/ });
    expect(threshold).toHaveValue('120');
    expect(within(dialog).getByRole('combobox', { name: /反向指标/ })).toHaveValue('ratio');
    expect(within(dialog).getByRole('textbox', { name: /得分容差/ })).toHaveValue('0.1');

    await user.clear(threshold);
    await user.type(threshold, '１３０');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /反向指标/ }), '线性扣分');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));

    expect(api.saveSettings).toHaveBeenCalledTimes(1);
    expect(api.saveSettings).toHaveBeenCalledWith({
      rules: 'mof-2020',
      overrides: { overAchievement: 1.3, reverseFormula: 'linear' },
    });
    await waitFor(() => expect(screen.queryByRole('region', { name: '评分设置' })).toBeNull());
    expect(await screen.findByText('设置已保存到工作簿，并已按新设置重新检查')).toBeInTheDocument();
  });

  test('starts from the stored overrides, keeps unknown override keys and drops values back at the default', async () => {
    const user = userEvent.setup();
    const state = checkedState();
    state.settings = { rules: 'mof-2020', overrides: { scoreTolerance: 0.5, deductionPerPoint: 2, reverseFormula: 'deduction' } };
    const api = fakeApi(state);
    renderApp({ api });
    const dialog = await openSettings(user);
    const tolerance = within(dialog).getByRole('textbox', { name: /得分容差/ });
    expect(tolerance).toHaveValue('0.5');
    expect(within(dialog).getByRole('combobox', { name: /反向指标/ })).toHaveValue('deduction');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: /反向指标/ }), '比值法');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(api.saveSettings).toHaveBeenCalledWith({
      rules: 'mof-2020',
      overrides: { scoreTolerance: 0.5, deductionPerPoint: 2 },
    });
  });

  test('choosing another rule set shows its own values', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderApp({ api });
    const dialog = await openSettings(user);
    await user.selectOptions(within(dialog).getByRole('combobox', { name: '规则集' }), 'hunan');
    expect(within(dialog).getByRole('combobox', { name: /反向指标/ })).toHaveValue('deduction');
    await user.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(api.saveSettings).toHaveBeenCalledWith({ rules: 'hunan' });
  });

  test('an invalid number blocks saving and says why', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderApp({ api });
    const dialog = await openSettings(user);
    const threshold = within(dialog).getByRole('textbox', { name: /超额完成提示阈值/ });
    await user.clear(threshold);
    await user.type(threshold, '80');
    expect(within(dialog).getByText('请输入 100 到 1000 之间的数字')).toBeInTheDocument();
    expect(within(dialog).getByRole('button', { name: '保存' })).toBeDisabled();
    await user.type(threshold, '{Enter}');
    expect(api.saveSettings).not.toHaveBeenCalled();
  });

  test('cancel closes without saving; English labels with lang en-US', async () => {
    const user = userEvent.setup();
    const api = fakeApi();
    renderApp({ api, lang: 'en-US' });
    const dialog = await openSettings(user, 'Settings', 'Scoring settings');
    expect(within(dialog).getByRole('option', { name: 'Ministry of Finance 2020 (Cai Yu [2020] No. 10)' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Scoring settings' })).toBeNull());
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Settings' }));
    expect(api.saveSettings).not.toHaveBeenCalled();
  });
});
