/**
 * The playground in real Chromium: built once, served by a plain static server under a subpath,
 * driven through the very task pane the add-in uses. No request may leave the page's origin.
 * Needs Debian's Chromium (apt-get install -y chromium) or CHROMIUM_PATH; SELFEVAL_SKIP_E2E=1 skips.
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
const FIXTURES = join(__dirname, '../fixtures');
const FORM = '附件3 自评表';
const BASIC = '附件2 基础数据表';

const d = skipE2E() ? describe.skip : describe;

d('playground in Chromium', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  const foreign: string[] = [];
  const pageErrors: string[] = [];
  let firstLoadMs = 0;

  const cell = (ref: string, sheet = FORM): Locator => page.locator(`td[data-sheet="${sheet}"][data-cell="${ref}"]`);
  const pane = (): Locator => page.getByTestId('taskpane');
  const tab = (name: string): Locator => page.getByTestId('sheet-view').getByRole('tab', { name });

  /** True when the cell lies wholly inside the view's scrolling area. */
  async function isInView(l: Locator): Promise<boolean> {
    const box = await l.boundingBox();
    const view = await page.getByTestId('sheet-scroller').boundingBox();
    if (!box || !view) return false;
    return box.y >= view.y - 1 && box.y + box.height <= view.y + view.height + 1;
  }

  async function measure(name: string): Promise<number> {
    const h = await page.waitForFunction(
      (n) => {
        const e = performance.getEntriesByName(n);
        return e.length ? e[e.length - 1].duration || e[e.length - 1].startTime : 0;
      },
      name,
      { timeout: 10_000 },
    );
    return Math.round((await h.jsonValue()) as number);
  }

  beforeAll(async () => {
    assertChromium(); // fails with the install command when Chromium is missing
    mkdirSync(OUT, { recursive: true });
    const t0 = Date.now();
    const dist = await playgroundDist();
    console.log(`e2e: serving ${dist} (ready in ${Date.now() - t0} ms)`);
    server = await serveStatic(dist, '/tools/selfeval/');
    const origin = new URL(server.url).origin;
    context = await launch();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (new URL(url).origin === origin) return route.continue();
      foreign.push(url);
      return route.abort('blockedbyclient');
    });
    page = await firstPage(context, pageErrors);
    page.on('request', (r) => {
      const u = r.url();
      if (!/^(data|blob):/.test(u) && new URL(u).origin !== origin && !foreign.includes(u)) foreign.push(u);
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('opens the sample and the pane lists the forms', async () => {
    const t0 = Date.now();
    await page.goto(server.url + 'playground.html');
    await pane().getByRole('heading', { name: '找到的表格（2）' }).waitFor();
    firstLoadMs = Date.now() - t0;
    await pane().getByRole('article', { name: `整体支出绩效自评表 ${FORM}` }).waitFor();
    await pane().getByRole('article', { name: `基础数据表 ${BASIC}` }).waitFor();
    await page.getByRole('heading', { name: '绩效自评助手' }).first().waitFor();
    await waitForText(page.getByRole('banner'), /不上传任何数据/);
    await waitForText(page.getByTestId('file-name'), 'seed-longquan-2023.xlsx');
    // Every sheet is a tab; the view opens on the self-evaluation form.
    expect(await page.getByTestId('sheet-view').getByRole('tab').count()).toBe(2);
    expect(await tab(FORM).getAttribute('aria-selected')).toBe('true');
    await waitForText(cell('H14'), '15');
    expect(await cell('B13').getAttribute('rowspan')).toBe('3');
    expect(await cell('A1').getAttribute('colspan')).toBe('9');
    await waitForText(cell('G4'), '100%');
    // The sample came from the page's own folder.
    expect(server.requests).toContain('/tools/selfeval/sample/seed-longquan-2023.xlsx');
  });

  it('selects H14 in the view when its finding is clicked, scrolled into view', async () => {
    // A short window puts row 14 below the fold, so the view has to scroll to it.
    await page.setViewportSize({ width: 1280, height: 380 });
    await waitForText(cell('H14'), '15');
    expect(await isInView(cell('H14'))).toBe(false);
    await tab(BASIC).click();
    await cell('A2', BASIC).waitFor();
    const findings = pane().getByRole('region', { name: '检查结果' });
    await findings.getByRole('button', { name: /H14/ }).first().click();
    expect(await tab(FORM).getAttribute('aria-selected')).toBe('true');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-selected') === 'true', `td[data-sheet="${FORM}"][data-cell="H14"]`);
    expect(await page.locator('td[aria-selected="true"]').count()).toBe(1);
    await page.waitForFunction(() => true, undefined, { polling: 'raf' });
    expect(await isInView(cell('H14'))).toBe(true);
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('一键重算 writes 14.55 into H14 and marks it', async () => {
    const t0 = Date.now();
    await pane().getByRole('button', { name: '一键重算' }).click();
    await waitForText(cell('H14'), '14.55');
    const wall = Date.now() - t0;
    const fill = await cell('H14').getAttribute('data-fill');
    expect(fill).toMatch(/^#[0-9A-F]{6}$/);
    const bg = await cell('H14').evaluate((e) => getComputedStyle(e).backgroundColor);
    expect(bg).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
    await waitForText(cell('H13'), '15');
    await pane().getByRole('button', { name: '撤销重算' }).waitFor();
    await page.screenshot({ path: join(OUT, 'playground-after-recompute.png') });

    const first = await measure('selfeval:first-render');
    const recompute = await measure('selfeval:recompute');
    const rerender = await measure('selfeval:rerender');
    console.log(
      `bench playground: first render ${first} ms, recompute ${recompute} ms, re-render ${rerender} ms ` +
        `(test clock: load→forms ${firstLoadMs} ms, click→14.55 ${wall} ms)`,
    );
  });

  it('downloads the workbook the surgical writer produced', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果' }).click()]);
    expect(download.suggestedFilename()).toBe('seed-longquan-2023-selfeval.xlsx');
    const file = join(OUT, download.suggestedFilename());
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet(FORM)!;
    expect(ws.getCell('H14').value).toBe(14.55);
    expect(ws.getCell('H13').value).toBe(15);
    const fill = ws.getCell('H14').fill as ExcelJS.FillPattern;
    expect(fill?.pattern).toBe('solid');
    expect(fill.fgColor?.argb?.slice(-6)).toBe((await cell('H14').getAttribute('data-fill'))!.slice(1));
    expect(ws.getCell('B13').isMerged).toBe(true);
  });

  it('clears the marks and keeps the values, then revert restores 15', async () => {
    await pane().getByRole('button', { name: '清除标记' }).click();
    await page.waitForFunction((sel) => !document.querySelector(sel)?.hasAttribute('data-fill'), `td[data-sheet="${FORM}"][data-cell="H14"]`);
    await waitForText(cell('H14'), '14.55');
    await pane().getByRole('button', { name: '撤销重算' }).click();
    await waitForText(cell('H14'), '15');
    expect(await cell('H14').getAttribute('data-fill')).toBeNull();
  });

  it('refuses a file that is not a workbook and keeps the current one', async () => {
    await page.getByTestId('file-input').setInputFiles({
      name: 'notes.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from('这不是工作簿 / not a workbook\n'),
    });
    await waitForText(page.getByTestId('playground-notice'), /无法打开“notes\.xlsx”：这是文本文件.*另存为 \.xlsx.*当前工作簿保持不变/);
    await waitForText(page.getByTestId('file-name'), 'seed-longquan-2023.xlsx');
    await waitForText(cell('H14'), '15');
    await pane().getByRole('heading', { name: '找到的表格（2）' }).waitFor();
  });

  it('opens a workbook dropped on the page', async () => {
    const b64 = readFileSync(join(FIXTURES, 'yunnan-yongde-2022-project.xlsx')).toString('base64');
    const dt = await page.evaluateHandle((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const t = new DataTransfer();
      t.items.add(new File([bytes], 'yongde.xlsx'));
      return t;
    }, b64);
    const target = page.getByTestId('playground');
    await target.dispatchEvent('dragenter', { dataTransfer: dt });
    await page.getByTestId('drop-overlay').waitFor();
    await target.dispatchEvent('drop', { dataTransfer: dt });
    await waitForText(page.getByTestId('file-name'), 'yongde.xlsx');
    await pane().getByRole('article', { name: /项目支出绩效自评表/ }).waitFor();
    expect(await page.getByTestId('drop-overlay').count()).toBe(0);
  });

  it('opens an .xls read only, checks it like the .xlsx, and says how to recompute it', async () => {
    await page.getByTestId('file-input').setInputFiles(join(FIXTURES, 'seed-longquan-2023.xls'));
    await waitForText(page.getByTestId('file-name'), 'seed-longquan-2023.xls');
    await waitForText(page.getByTestId('playground-notice'), /是 \.xls 文件：可以检查.*另存为 \.xlsx/);
    await pane().getByRole('article', { name: `整体支出绩效自评表 ${FORM}` }).waitFor();
    const findings = pane().getByRole('region', { name: '检查结果' });
    await findings.getByRole('button', { name: /H14/ }).first().waitFor();
    expect(await page.getByRole('button', { name: '下载结果' }).isDisabled()).toBe(true);
    await pane().getByRole('button', { name: '一键重算' }).click();
    await waitForText(page.getByTestId('playground-notice'), /Excel 或 WPS/);
    await waitForText(cell('H14'), '15'); // nothing written
  });

  it('compares a report dropped beside the workbook with its tables', async () => {
    const b64 = readFileSync(join(FIXTURES, 'seed-longquan-2023-report.docx')).toString('base64');
    const dt = await page.evaluateHandle((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const t = new DataTransfer();
      t.items.add(new File([bytes], '自评报告.docx'));
      return t;
    }, b64);
    const target = page.getByTestId('playground');
    await target.dispatchEvent('dragenter', { dataTransfer: dt });
    await target.dispatchEvent('drop', { dataTransfer: dt });
    await waitForText(page.getByTestId('playground-notice'), /已载入自评报告“自评报告\.docx”/);
    const findings = pane().getByRole('region', { name: '检查结果' });
    await findings.getByRole('button', { name: /E4.*1926\.41/ }).first().waitFor();
    await findings.getByRole('button', { name: /E7.*1110\.25/ }).first().waitFor();
    await findings.getByRole('button', { name: /E6.*816\.16/ }).first().waitFor();
  });

  it('switches the page and the pane to English and back', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await waitForText(page.getByRole('banner'), /nothing is uploaded/);
    await pane().getByRole('heading', { name: /^Forms found \(\d+\)$/ }).waitFor();
    await pane().getByRole('button', { name: 'Recompute' }).waitFor();
    await waitForText(page.getByTestId('file-name'), 'seed-longquan-2023.xls');
    await page.getByRole('button', { name: '中文' }).click();
    await pane().getByRole('button', { name: '一键重算' }).waitFor();
  });

  it('made no request outside its own origin, missed no file and threw no page error', () => {
    expect(foreign).toEqual([]);
    expect(server.misses).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
