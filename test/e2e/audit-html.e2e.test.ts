/**
 * The HTML audit report in real Chromium: it renders its charts, prints to A4 PDF, and makes no
 * request at all (opened from file://, every request is recorded and refused). Writes the README's
 * screenshot (docs/images/audit-report.png) when SELFEVAL_SCREENSHOT=1.
 * Needs Debian's Chromium (apt-get install -y chromium) or CHROMIUM_PATH; SELFEVAL_SKIP_E2E=1 skips.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { runCli } from '../helpers/capture';
import { launch, skipE2E } from './support/browser';

const FIX = join(__dirname, '../fixtures');
const d = skipE2E() ? describe.skip : describe;

d('audit --html in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let html: string;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-html-'));
    const box = join(dir, '自评材料');
    mkdirSync(box);
    for (const f of ['seed-longquan-2023.xlsx', 'seed-longquan-2023-report.docx', 'seed-longquan-2023.xls', 'seed-longquan-2023.ods', 'hunan-hengshan-2023-whole-unit.xlsx', 'yunnan-yongde-2022-project.xlsx']) {
      copyFileSync(join(FIX, f), join(box, f));
    }
    copyFileSync(join(FIX, 'seed-longquan-2023-report.docx'), join(box, '说明.xls')); // a Word file misnamed: listed, not checked
    html = join(dir, 'report.html');
    const r = await runCli(['audit', box, '-o', join(dir, 'summary.xlsx'), '--html', html, '--jobs', '1']);
    expect(r.stderr).toMatch(/已生成汇总/);
    context = await launch();
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file://') && url.endsWith('report.html')) return route.continue();
      requests.push(url);
      return route.abort('blockedbyclient');
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => {
      const u = r.url();
      if (!(u.startsWith('file://') && u.endsWith('report.html')) && !requests.includes(u)) requests.push(u);
    });
    await page.goto('file://' + html);
  }, 120_000);

  afterAll(async () => {
    await context?.close();
  });

  it('renders the overview charts and a page per unit', async () => {
    for (const name of ['totals', 'grades', 'codes', 'ranked']) {
      const svg = page.locator(`[data-chart="${name}"] svg`);
      expect(await svg.count()).toBe(1);
      const box = await svg.boundingBox();
      expect(box!.width).toBeGreaterThan(200);
      expect(await svg.locator('path, rect').count()).toBeGreaterThan(0);
    }
    const units = page.locator('section.unit');
    expect(await units.count()).toBe(5); // seed ×3 formats, 贯塘乡, 永德 (the misnamed Word file is not a unit)
    await expect(page.locator('body').textContent()).resolves.toContain('说明.xls');
    const seed = units.filter({ hasText: 'seed-longquan-2023.xlsx' });
    const text = (await seed.textContent()) ?? '';
    expect(text).toContain('自评报告核对');
    expect(text).toContain('1926.41');
    expect(text).toContain('E4');
  });

  it('prints on A4, one unit per page at least', async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(6);
    expect(pdf.length).toBeGreaterThan(20_000);
  });

  it('makes no request and throws no error', async () => {
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(readFileSync(html, 'utf8')).not.toMatch(/<script|<link|@import|url\(/i);
  });

  it('takes the README screenshot on demand', async () => {
    if (process.env.SELFEVAL_SCREENSHOT !== '1') return;
    await page.setViewportSize({ width: 900, height: 1250 });
    await page.screenshot({ path: join(__dirname, '../../docs/images/audit-report.png'), fullPage: false });
  });
});
