/**
 * Cell text is text (issue 10): a workbook whose cells, sheet name and indicator names hold HTML and
 * script is opened in the playground, recomputed, and listed in the pane; nothing of it runs and it
 * is shown literally. The page's Content-Security-Policy is in force (inline script and eval are
 * refused) and the page itself causes no violation. SELFEVAL_SKIP_E2E=1 skips.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Page } from 'playwright-core';
import { playgroundDist } from './support/build';
import { serveStatic, type StaticServer } from './support/server';
import { firstPage } from './support/page';
import { launch, skipE2E } from './support/browser';

const FORM = '附件3 自评表';
const ATTACKS = {
  D14: '解决问题到位率<img src=x onerror="window.__pwned=1">',
  I14: '<script>window.__pwned=2</script>未达标原因',
  D15: '"><svg onload="window.__pwned=3">及时性',
  I15: 'javascript:window.__pwned=4',
  B11: '<iframe srcdoc="<script>parent.__pwned=5</script>"></iframe>',
};
const SHEET = '<b onclick=x>备注';

async function hostileWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(__dirname, '../fixtures/seed-longquan-2023.xlsx')) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(FORM)!;
  for (const [a1, text] of Object.entries(ATTACKS)) ws.getCell(a1).value = text;
  wb.addWorksheet(SHEET).getCell('A1').value = '<img src=x onerror="window.__pwned=6">';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const d = skipE2E() ? describe.skip : describe;

d('HTML and script in cells stay inert', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const dist = await playgroundDist();
    server = await serveStatic(dist, '/');
    context = await launch();
    page = await firstPage(context, pageErrors);
    // Violations the page itself would cause are collected (playwright's init script is not subject to the page's CSP).
    await page.addInitScript(() => {
      const w = window as unknown as { __violations: string[] };
      w.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  }, 600_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('opens, recomputes and lists the hostile workbook as plain text', async () => {
    await page.goto(server.url + 'playground.html');
    await page.getByTestId('taskpane').getByRole('heading', { name: '找到的表格（2）' }).waitFor();
    await page.getByTestId('file-input').setInputFiles({ name: 'hostile.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await hostileWorkbook() });
    const cell = (ref: string, sheet = FORM) => page.locator(`td[data-sheet="${sheet}"][data-cell="${ref}"]`);
    await cell('D14').getByText(ATTACKS.D14, { exact: true }).waitFor({ timeout: 20_000 });
    for (const [ref, text] of Object.entries(ATTACKS)) expect((await cell(ref).textContent())?.trim()).toBe(text);
    await page.getByTestId('taskpane').getByRole('button', { name: '一键重算' }).click();
    await page.waitForTimeout(500);
    await page.getByTestId('sheet-view').getByRole('tab', { name: SHEET }).click();
    await cell('A1', SHEET).getByText('<img src=x onerror="window.__pwned=6">', { exact: true }).waitFor();

    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('img[onerror], svg[onload], iframe, [onclick]').count()).toBe(0);
    expect(await page.evaluate(() => document.querySelectorAll('script:not([src])').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it('the Content-Security-Policy is in force: inline script and inline handlers are refused', async () => {
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    // (An eval from page.evaluate would not prove anything: DevTools' own evaluation is exempt from CSP.)
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('onerror', 'window.__handler = 1');
      img.src = 'data:,not-an-image';
      document.body.append(img);
    });
    await page.waitForTimeout(300);
    const ran = await page.evaluate(() => {
      const w = window as unknown as { __inline?: number; __handler?: number; __violations: string[] };
      return { inline: w.__inline, handler: w.__handler, refused: w.__violations.length };
    });
    expect(ran).toEqual({ inline: undefined, handler: undefined, refused: 2 });
  });
});
