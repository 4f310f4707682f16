/**
 * The column map in real Chromium (issue 9): the seed form's 列映射 is shown, pointing 得分 and 分值
 * at other columns changes the review, and the choice survives download and reopen of the workbook.
 * Same harness as playground.e2e.test.ts (SELFEVAL_SKIP_E2E=1 skips).
 */
import { mkdirSync, readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { playgroundDist } from './support/build';
import { serveStatic, type StaticServer } from './support/server';
import { firstPage, waitForText } from './support/page';
import { assertChromium, launch, skipE2E } from './support/browser';

const OUT = join(__dirname, '../../test-output');
const FORM = '附件3 自评表';
const INDICATORS = '绩效指标表（表头在第 12 行）';

const d = skipE2E() ? describe.skip : describe;

d('column map in the playground', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  let saved = '';

  const pane = (): Locator => page.getByTestId('taskpane');
  /** The list item of the seed form: its card and its column map. */
  const formItem = (): Locator => pane().getByRole('listitem').filter({ has: page.getByRole('article', { name: `整体支出绩效自评表 ${FORM}` }) });
  const field = (name: string): Locator => formItem().getByRole('group', { name: INDICATORS }).getByRole('combobox', { name, exact: true });
  const computedTotal = (): Locator => formItem().getByRole('article').locator('dd').nth(1);

  async function openMap(): Promise<void> {
    const toggle = formItem().getByRole('button', { name: '列映射' });
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await field('得分').waitFor();
  }

  async function value(l: Locator, expected: string): Promise<void> {
    const deadline = Date.now() + 20_000;
    let last = '';
    while (Date.now() < deadline) {
      last = await l.inputValue().catch(() => '');
      if (last === expected) return;
      await page.waitForTimeout(50);
    }
    throw new Error(`expected value ${expected}, got "${last}"`);
  }

  beforeAll(async () => {
    assertChromium();
    mkdirSync(OUT, { recursive: true });
    const dist = await playgroundDist();
    server = await serveStatic(dist, '/tools/selfeval/');
    context = await launch();
    page = await firstPage(context, pageErrors);
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('shows the column read for each field of the seed form', async () => {
    await page.goto(server.url + 'playground.html');
    await pane().getByRole('heading', { name: '找到的表格（2）' }).waitFor();
    await openMap();
    await value(field('指标名称（三级指标）'), 'D');
    await value(field('年度指标值'), 'E');
    await value(field('实际完成值'), 'F');
    await value(field('分值'), 'G');
    await value(field('得分'), 'H');
    await value(field('偏差原因分析'), 'I');
    const funds = formItem().getByRole('group', { name: '资金表（表头在第 3 行）' });
    await value(funds.getByRole('combobox', { name: '执行率', exact: true }), 'G');
    await waitForText(computedTotal(), '99.35');
    await pane().getByRole('region', { name: '检查结果' }).getByRole('button', { name: /H14/ }).first().waitFor();
  });

  it('pointing 得分 and 分值 at each other\'s column changes the review', async () => {
    await field('得分').selectOption({ label: 'G 列' });
    await waitForText(pane().getByRole('status').filter({ hasText: '列映射' }), '列映射已保存到工作簿，并已重新检查');
    // G was 分值: it now has no column until the clerk gives it H.
    await value(field('分值'), '');
    await field('分值').selectOption({ label: 'H 列' });
    await value(field('分值'), 'H');
    await value(field('得分'), 'G');
    await waitForText(computedTotal(), '88.53');
    const findings = pane().getByRole('region', { name: '检查结果' });
    await findings.getByRole('button', { name: /G14/ }).first().waitFor();
    expect(await findings.getByRole('button', { name: /H14/ }).count()).toBe(0);
    await page.screenshot({ path: join(OUT, 'playground-column-map.png') });
  });

  it('exports the corrections as a template profile', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), pane().getByRole('button', { name: '导出模板配置' }).click()]);
    expect(download.suggestedFilename()).toBe('seed-longquan-2023-profile.json');
    const file = join(OUT, 'seed-longquan-2023-profile.json');
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      selfevalProfile: 1,
      forms: [{ sheet: FORM, indicators: { headerRow: 12, columns: { score: 'G', weight: 'H' } } }],
    });
  });

  it('keeps the map in the downloaded workbook, and applies it on reopening', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
    saved = join(OUT, 'seed-column-map.xlsx');
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const state = wb.getWorksheet('_selfeval')!;
    expect(state.state).toBe('veryHidden');
    expect(String(state.getCell('A2').value)).toContain('"template"');
    // The form itself is unchanged: a mapping writes nothing but the settings.
    expect(wb.getWorksheet(FORM)!.getCell('H14').value).toBe(15);

    // Open the sample afresh, then the downloaded copy.
    await page.goto(server.url + 'playground.html');
    await waitForText(computedTotal(), '99.35');
    await page.getByTestId('file-input').setInputFiles(saved);
    await waitForText(page.getByTestId('file-name'), 'seed-column-map.xlsx');
    await openMap();
    await value(field('得分'), 'G');
    await value(field('分值'), 'H');
    await waitForText(computedTotal(), '88.53');
  });

  it('恢复自动识别 reads the form as the locator does again', async () => {
    await formItem().getByRole('button', { name: '恢复自动识别' }).click();
    await value(field('得分'), 'H');
    await value(field('分值'), 'G');
    await waitForText(computedTotal(), '99.35');
    expect(pageErrors).toEqual([]);
  });
});
