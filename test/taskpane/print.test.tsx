/** @jest-environment jsdom */
/** The pane of issue 12: findings before the forms, many forms on one collapsed line each, the marks' legend, values as shown. */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { checkedState, fakeApi, recomputedState, selfForm } from './fixtures';
import { renderApp } from './renderApp';
import type { AssistantState } from '../../src/app/types';

function manyForms(n: number): AssistantState {
  const s = checkedState();
  const forms = Array.from({ length: n }, (_, i) => ({ ...selfForm(97, 99.35), sheet: `表${i + 1}`, unit: i === 7 ? '龙泉街道' : `单位${i + 1}` }));
  return { ...s, review: { ...s.review, forms } };
}

describe('pane on a big workbook', () => {
  test('findings come before the forms', async () => {
    renderApp({ api: fakeApi() });
    const findings = await screen.findByRole('region', { name: '检查结果' });
    const forms = screen.getByRole('region', { name: '找到的表格（2）' });
    expect(findings.compareDocumentPosition(forms) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  test('50 forms: one collapsed line each, filterable', async () => {
    renderApp({ api: fakeApi(manyForms(50)) });
    const toggle = await screen.findByRole('button', { name: '找到的表格（50）' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryAllByRole('article')).toHaveLength(0);
    fireEvent.click(toggle);
    expect(within(screen.getByRole('list', { name: '找到的表格（50）' })).getAllByRole('listitem')).toHaveLength(50);
    fireEvent.change(screen.getByLabelText('按表名、单位或项目筛选'), { target: { value: '龙泉' } });
    const list = screen.getByRole('list', { name: '找到的表格（1）' });
    expect(within(list).getByText('表8')).toBeInTheDocument();
  });
});

describe('marks legend and changed values', () => {
  test('after a recompute the legend names both kinds of marks and how to clear them', async () => {
    const api = fakeApi();
    renderApp({ api });
    fireEvent.click(await screen.findByRole('button', { name: /一键重算/ }));
    const legend = await screen.findByRole('region', { name: '标记颜色' });
    expect(within(legend).getByText(/已更正/)).toBeInTheDocument();
    expect(within(legend).getByText(/错误，待处理/)).toBeInTheDocument();
    expect(within(legend).getByText(/清除标记/)).toBeInTheDocument();
  });

  test('the changed list shows values as the cell shows them', async () => {
    const state = recomputedState();
    state.changed = [{ sheet: 'S', cell: 'G4', label: 'G4 预算执行率', before: 1, after: 0.97, beforeText: '100.00%', afterText: '97.00%' }];
    renderApp({ api: fakeApi(state) });
    expect(await screen.findByRole('button', { name: 'G4 预算执行率：100.00% → 97.00%' })).toBeInTheDocument();
  });
});

describe('focus stays where the clerk acted', () => {
  test('after 撤销重算 removes its own section, focus goes to 一键重算, not the page body', async () => {
    const api = fakeApi(recomputedState());
    api.revert.mockResolvedValue(checkedState());
    renderApp({ api });
    const revert = await screen.findByRole('button', { name: /撤销重算/ });
    revert.focus();
    fireEvent.click(revert);
    await waitFor(() => expect(screen.queryByRole('button', { name: /撤销重算/ })).toBeNull());
    await waitFor(() => expect(screen.getByRole('button', { name: '一键重算' })).toHaveFocus());
  });
});
