/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import type { AssistantState } from '../../src/app/types';
import type { Finding } from '../../src/core/types';
import { BASIC_FORM, SELF, checkedState, fakeApi, selfForm } from './fixtures';
import { renderApp } from './renderApp';

const DOUBT: Finding = {
  code: 'layout-uncertain',
  severity: 'warning',
  sheet: SELF,
  cell: 'H12',
  message: '本表读取存疑：“得分”列（H12）不像得分：5/5 行是百分比',
};

function state(findings: Finding[]): AssistantState {
  const s = checkedState();
  return { ...s, review: { ...s.review, forms: [BASIC_FORM, selfForm(97, 99.35)], findings: [...s.review.findings, ...findings] } };
}

describe('forms read with doubt are shown apart in the pane', () => {
  test('a form with a layout-uncertain finding is marked and listed first', async () => {
    renderApp({ api: fakeApi(state([DOUBT])) });
    const doubt = await screen.findByTestId('form-doubt');
    expect(doubt).toHaveTextContent('读取存疑');
    expect(doubt).toHaveAttribute('title', DOUBT.message);
    const cards = screen.getAllByRole('article');
    expect(within(cards[0]).queryByTestId('form-doubt')).not.toBeNull();
    expect(cards[0]).toHaveAccessibleName(new RegExp(SELF));
  });

  test('a form read with confidence carries no such mark', async () => {
    renderApp({ api: fakeApi(state([])) });
    await screen.findAllByRole('article');
    expect(screen.queryByTestId('form-doubt')).toBeNull();
  });
});
