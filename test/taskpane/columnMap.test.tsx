/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { AssistantState } from '../../src/app/types';
import type { TemplateProfile } from '../../src/core/profile';
import type { FormReview } from '../../src/core/types';
import { BASIC_FORM, SELF, checkedState, emptyState, fakeApi, selfForm } from './fixtures';
import { renderApp } from './renderApp';

/** The seed form as the engine now reports it: the column read for each field and the header rows. */
function mappedForm(): FormReview {
  return {
    ...selfForm(97, 99.35),
    headerRow: 12,
    columns: { level1: 'B', level2: 'C', level3: 'D', target: 'E', actual: 'F', weight: 'G', score: 'H', explanation: 'I' },
    fundsHeaderRow: 3,
    fundsColumns: { planned: 'C', budgeted: 'D', executed: 'E', rate: 'G', weight: 'F', score: 'H' },
  };
}

function state(template?: TemplateProfile): AssistantState {
  const s = checkedState();
  return { ...s, review: { ...s.review, forms: [BASIC_FORM, mappedForm()] }, settings: { rules: 'mof-2020', ...(template ? { template } : {}) } };
}

const SWAP: TemplateProfile = { selfevalProfile: 1, forms: [{ sheet: SELF, indicators: { headerRow: 12, columns: { score: 'G', weight: 'H' } } }] };

async function openMap(user: ReturnType<typeof userEvent.setup>) {
  const card = (await screen.findAllByRole('listitem')).find((li) => within(li).queryByRole('button', { name: '列映射' }))!;
  const toggle = within(card).getByRole('button', { name: '列映射' });
  await waitFor(() => expect(toggle).toBeEnabled());
  await user.click(toggle);
  return within(card).getByRole('group', { name: '绩效指标表（表头在第 12 行）' }).parentElement!;
}

describe('列映射 in the pane', () => {
  test('shows the column read for each field of the indicator table and the funds block', async () => {
    const user = userEvent.setup();
    renderApp({ api: fakeApi(state()) });
    const map = await openMap(user);
    const ind = within(map).getByRole('group', { name: '绩效指标表（表头在第 12 行）' });
    expect(within(ind).getByRole('combobox', { name: '指标名称（三级指标）' })).toHaveValue('D');
    expect(within(ind).getByRole('combobox', { name: '年度指标值' })).toHaveValue('E');
    expect(within(ind).getByRole('combobox', { name: '实际完成值' })).toHaveValue('F');
    expect(within(ind).getByRole('combobox', { name: '分值' })).toHaveValue('G');
    expect(within(ind).getByRole('combobox', { name: '得分' })).toHaveValue('H');
    expect(within(ind).getByRole('combobox', { name: '偏差原因分析' })).toHaveValue('I');
    const funds = within(map).getByRole('group', { name: '资金表（表头在第 3 行）' });
    expect(within(funds).getByRole('combobox', { name: '全年预算数' })).toHaveValue('D');
    expect(within(funds).getByRole('combobox', { name: '执行率' })).toHaveValue('G');
    expect(within(funds).getByRole('combobox', { name: '得分（预算执行）' })).toHaveValue('H');
    // The form's columns A–I and two past its edge, and "none".
    const options = within(within(ind).getByRole('combobox', { name: '得分' })).getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['（无）', 'A 列', 'B 列', 'C 列', 'D 列', 'E 列', 'F 列', 'G 列', 'H 列', 'I 列', 'J 列', 'K 列']);
    // The basic-data form has no map.
    expect(screen.getAllByRole('button', { name: '列映射' })).toHaveLength(1);
  });

  test('pointing 得分 at another column saves the map in the workbook and re-checks', async () => {
    const user = userEvent.setup();
    const api = fakeApi(state());
    renderApp({ api });
    const map = await openMap(user);
    await user.selectOptions(within(map).getByRole('combobox', { name: '得分' }), 'J 列');
    expect(api.saveSettings).toHaveBeenCalledWith({
      rules: 'mof-2020',
      template: { selfevalProfile: 1, forms: [{ sheet: SELF, indicators: { headerRow: 12, columns: { score: 'J' } } }] },
    });
    expect(await screen.findByText('列映射已保存到工作簿，并已重新检查')).toBeInTheDocument();
  });

  test('（无） removes a field; a funds field is saved for the funds header', async () => {
    const user = userEvent.setup();
    const api = fakeApi(state());
    renderApp({ api });
    const map = await openMap(user);
    await user.selectOptions(within(map).getByRole('combobox', { name: '执行率' }), '（无）');
    expect(api.saveSettings).toHaveBeenLastCalledWith({
      rules: 'mof-2020',
      template: { selfevalProfile: 1, forms: [{ sheet: SELF, funds: { headerRow: 3, columns: { rate: null } } }] },
    });
  });

  test('is reachable by keyboard: Tab from the toggle reaches the first drop-down', async () => {
    const user = userEvent.setup();
    const api = fakeApi(state());
    renderApp({ api });
    await openMap(user);
    expect(document.activeElement).toHaveAccessibleName('列映射');
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName('一级指标');
    expect(document.activeElement?.tagName).toBe('SELECT');
  });

  test('marks the corrected fields, and 恢复自动识别 drops this form\'s corrections', async () => {
    const user = userEvent.setup();
    const api = fakeApi(state(SWAP));
    renderApp({ api });
    const map = await openMap(user);
    expect(within(map).getByRole('combobox', { name: '得分' })).toHaveAccessibleDescription('已更正');
    expect(within(map).getByRole('combobox', { name: '实际完成值' })).not.toHaveAccessibleDescription('已更正');
    await user.click(within(map).getByRole('button', { name: '恢复自动识别' }));
    expect(api.saveSettings).toHaveBeenCalledWith({ rules: 'mof-2020', template: { selfevalProfile: 1, forms: [] } });
  });

  test('恢复自动识别 is disabled without corrections', async () => {
    const user = userEvent.setup();
    renderApp({ api: fakeApi(state()) });
    const map = await openMap(user);
    expect(within(map).getByRole('button', { name: '恢复自动识别' })).toBeDisabled();
  });

  test('shows nothing for a review without column letters', async () => {
    renderApp({ api: fakeApi(checkedState()) });
    await screen.findByRole('button', { name: '一键重算' });
    expect(screen.queryByRole('button', { name: '列映射' })).toBeNull();
  });

  test('in English', async () => {
    const user = userEvent.setup();
    renderApp({ api: fakeApi({ ...state(), lang: 'en-US' }) });
    const toggle = await screen.findByRole('button', { name: 'Column map' });
    await waitFor(() => expect(toggle).toBeEnabled());
    await user.click(toggle);
    expect(screen.getByRole('group', { name: 'Indicator table (header in row 12)' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Score' })).toHaveValue('H');
    expect(within(screen.getByRole('combobox', { name: 'Score' })).getByRole('option', { name: '(none)' })).toBeInTheDocument();
  });
});

describe('模板配置 export and import', () => {
  const blobs: Blob[] = [];
  beforeEach(() => {
    blobs.length = 0;
    Object.assign(URL, {
      createObjectURL: jest.fn((b: Blob) => (blobs.push(b), 'blob:profile')),
      revokeObjectURL: jest.fn(),
    });
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  test('export is offered once there are corrections, and downloads them as JSON', async () => {
    const user = userEvent.setup();
    renderApp({ api: fakeApi(state(SWAP)) });
    const button = await screen.findByRole('button', { name: '导出模板配置' });
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);
    expect(blobs).toHaveLength(1);
    // jsdom's Blob has no text(): read it as the pane's own fallback does.
    const text = await new Promise<string>((resolve) => {
      const r = new FileReader();
      r.onload = () => resolve(String(r.result));
      r.readAsText(blobs[0]);
    });
    expect(JSON.parse(text)).toEqual(SWAP);
    expect(HTMLAnchorElement.prototype.click).toHaveBeenCalled();
  });

  test('export is disabled without corrections', async () => {
    renderApp({ api: fakeApi(state()) });
    await screen.findByRole('button', { name: '一键重算' });
    await waitFor(() => expect(screen.getByRole('button', { name: '导入模板配置' })).toBeEnabled());
    expect(screen.getByRole('button', { name: '导出模板配置' })).toBeDisabled();
  });

  test('import reads a profile file, saves it and re-checks', async () => {
    const api = fakeApi(state());
    renderApp({ api });
    await screen.findByRole('button', { name: '一键重算' });
    const file = new File([JSON.stringify({ ...SWAP, name: '某市财政局 2024' })], 'bureau.json', { type: 'application/json' });
    fireEvent.change(screen.getByTestId('selfeval-profile-input'), { target: { files: [file] } });
    await waitFor(() => expect(api.saveSettings).toHaveBeenCalledWith({ rules: 'mof-2020', template: { ...SWAP, name: '某市财政局 2024' } }));
    expect(await screen.findByText('已导入模板配置“某市财政局 2024”，并已重新检查')).toBeInTheDocument();
  });

  test('a bad profile file is refused with its problems, nothing saved', async () => {
    const api = fakeApi(state());
    renderApp({ api });
    await screen.findByRole('button', { name: '一键重算' });
    const bad = new File(['{"selfevalProfile":1,"forms":[{"sheet":"x","indicators":{"columns":{"得分":"H","score":"7"}}}]}'], 'bad.json');
    fireEvent.change(screen.getByTestId('selfeval-profile-input'), { target: { files: [bad] } });
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('模板配置文件有误，未导入：');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('未知的字段 "得分"'),
      expect.stringContaining('字段 "score" 的列 "7" 不是列字母'),
    ]);
    expect(api.saveSettings).not.toHaveBeenCalled();
  });
});

describe('补充识别漏掉的表格', () => {
  async function openAdd(user: ReturnType<typeof userEvent.setup>) {
    const toggle = await screen.findByRole('button', { name: '补充识别漏掉的表格' });
    await waitFor(() => expect(toggle).toBeEnabled());
    await user.click(toggle);
  }

  test('in a workbook where nothing was found, adds the indicator table the clerk points at', async () => {
    const user = userEvent.setup();
    const api = fakeApi(emptyState());
    renderApp({ api });
    await openAdd(user);
    await user.type(screen.getByRole('textbox', { name: '工作表名称' }), '自评表');
    await user.type(screen.getByRole('textbox', { name: '表头所在行' }), '3');
    await user.type(screen.getByRole('textbox', { name: '指标名称（三级指标）' }), 'c');
    await user.type(screen.getByRole('textbox', { name: '分值' }), 'F');
    await user.type(screen.getByRole('textbox', { name: '得分' }), 'G');
    await user.click(screen.getByRole('button', { name: '添加并重新检查' }));
    expect(api.saveSettings).toHaveBeenCalledWith({
      rules: 'mof-2020',
      template: { selfevalProfile: 1, forms: [{ sheet: '自评表', indicators: { headerRow: 3, add: true, columns: { level3: 'C', weight: 'F', score: 'G' } } }] },
    });
  });

  test('a funds block, offered on the first form\'s sheet', async () => {
    const user = userEvent.setup();
    const api = fakeApi(state());
    renderApp({ api });
    await openAdd(user);
    expect(screen.getByRole('textbox', { name: '工作表名称' })).toHaveValue(SELF);
    await user.selectOptions(screen.getByRole('combobox', { name: '表格' }), '资金表');
    await user.type(screen.getByRole('textbox', { name: '表头所在行' }), '30');
    await user.type(screen.getByRole('textbox', { name: '全年预算数' }), 'D');
    await user.type(screen.getByRole('textbox', { name: '全年执行数' }), 'E');
    await user.click(screen.getByRole('button', { name: '添加并重新检查' }));
    expect(api.saveSettings).toHaveBeenCalledWith({
      rules: 'mof-2020',
      template: { selfevalProfile: 1, forms: [{ sheet: SELF, funds: { headerRow: 30, add: true, columns: { budgeted: 'D', executed: 'E' } } }] },
    });
  });

  test('says what is missing and saves nothing', async () => {
    const user = userEvent.setup();
    const api = fakeApi(emptyState());
    renderApp({ api });
    await openAdd(user);
    await user.type(screen.getByRole('textbox', { name: '工作表名称' }), '自评表');
    await user.type(screen.getByRole('textbox', { name: '指标名称（三级指标）' }), 'C');
    await user.type(screen.getByRole('textbox', { name: '得分' }), 'C');
    await user.click(screen.getByRole('button', { name: '添加并重新检查' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('请更正后再添加：');
    expect(within(alert).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      expect.stringContaining('列 C 同时指定给了 level3, score'),
      expect.stringContaining('须写明 "headerRow"'),
    ]);
    expect(api.saveSettings).not.toHaveBeenCalled();
  });
});
