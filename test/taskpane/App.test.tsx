/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { BASIC, SELF, checkedState, emptyState, fakeApi } from './fixtures';
import { renderApp } from './renderApp';

describe('App: forms and totals', () => {
  test('checks once on mount and lists the forms found', async () => {
    const api = fakeApi();
    renderApp({ api, hostName: 'WPS' });
    const forms = await screen.findByRole('region', { name: '找到的表格（2）' });
    expect(api.check).toHaveBeenCalledTimes(1);
    const self = within(forms).getByRole('article', { name: `整体支出绩效自评表 ${SELF}` });
    expect(within(self).getByText('单位：株洲市芦淞区龙泉街道办事处')).toBeInTheDocument();
    expect(within(self).getByText('指标 8 项')).toBeInTheDocument();
    expect(within(forms).getByRole('article', { name: `基础数据表 ${BASIC}` })).toBeInTheDocument();
    expect(screen.getByText(/运行于 WPS/)).toBeInTheDocument();
  });

  test('shows stated and computed totals, highlights the mismatch and shows the grade', async () => {
    renderApp({ api: fakeApi() });
    const self = await screen.findByRole('article', { name: `整体支出绩效自评表 ${SELF}` });
    const stated = within(self).getByText('表内总分').nextElementSibling as HTMLElement;
    const computed = within(self).getByText('计算总分').nextElementSibling as HTMLElement;
    expect(stated).toHaveTextContent('97');
    expect(computed).toHaveTextContent('99.35');
    expect(within(stated).getByRole('img', { name: '表内总分与计算总分不符' })).toBeInTheDocument();
    expect(within(computed).queryByRole('img')).toBeNull();
    expect(within(self).getByText('优')).toHaveAccessibleName('等级 优');
  });

  test('no mismatch marker when the stated total equals the computed one', async () => {
    const state = checkedState();
    state.review.forms[1].total = { cell: 'H21', stated: 99.35, computed: 99.35 };
    renderApp({ api: fakeApi(state) });
    await screen.findByRole('region', { name: '找到的表格（2）' });
    expect(screen.queryByRole('img', { name: '表内总分与计算总分不符' })).toBeNull();
  });

  test('sets the lang attribute and names the project of a project form', async () => {
    const state = checkedState();
    state.review.forms = [{ ...state.review.forms[1], project: '营养改善计划' }];
    const { container } = renderApp({ api: fakeApi(state) });
    expect(await screen.findByText('项目：营养改善计划')).toBeInTheDocument();
    expect(screen.getByText('项目支出绩效自评表')).toBeInTheDocument();
    expect(container.querySelector('main')).toHaveAttribute('lang', 'zh-CN');
  });
});

describe('App: empty state, language, untrusted text', () => {
  test('explains what the tool looks for when no form is found, and cannot recompute', async () => {
    renderApp({ api: fakeApi(emptyState()) });
    expect(await screen.findByRole('heading', { name: '未找到绩效自评表' })).toBeInTheDocument();
    expect(screen.getByText(/三级指标、年度指标值、实际完成值、分值、得分/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '一键重算' })).toBeDisabled();
    expect(screen.queryByRole('region', { name: /找到的表格/ })).toBeNull();
  });

  test('English when lang is en-US', async () => {
    const { container } = renderApp({ api: fakeApi(), lang: 'en-US' });
    expect(await screen.findByRole('region', { name: 'Forms found (2)' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Recompute' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Settings' })).toBeInTheDocument();
    expect(screen.getByText('Whole-unit self-evaluation form')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /^Errors \(4\)/ })).toBeInTheDocument();
    expect(screen.getByText('Excellent')).toBeInTheDocument();
    expect(container.querySelector('main')).toHaveAttribute('lang', 'en-US');
    expect(screen.queryByText('一键重算')).toBeNull();
  });

  test('follows the state language when no lang prop is given', async () => {
    const state = { ...checkedState(), lang: 'en-US' as const };
    renderApp({ api: fakeApi(state) });
    expect(await screen.findByRole('button', { name: 'Recompute' })).toBeInTheDocument();
  });

  test('HTML in a message, a unit name or a changed-cell label is rendered as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>粗</b>';
    const state = checkedState();
    state.review.findings = [{ ...state.review.findings[0], message: evil }];
    state.review.forms[1].unit = evil;
    state.changed = [{ sheet: SELF, cell: 'H14', label: evil, before: evil, after: 1 }];
    state.marked = 1;
    const { container } = renderApp({ api: fakeApi(state) });
    await screen.findByRole('region', { name: /找到的表格/ });
    expect(screen.getAllByText(evil, { exact: false }).length).toBeGreaterThanOrEqual(3);
    expect(container.querySelector('img, script, b')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  test('a file that could not be read shows its error', async () => {
    const state = emptyState();
    state.review.error = 'zip: bad central directory';
    renderApp({ api: fakeApi(state) });
    expect(await screen.findByText('无法读取工作簿：zip: bad central directory')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: '未找到绩效自评表' })).toBeNull();
  });
});
