/**
 * The built WPS add-in (dist-wps/) in real Chromium, with a fake ET Application injected before any
 * page script as WPS injects the real one (test/fakes/wps, holding the seed workbook): the ribbon's
 * callbacks, 一键重算 from the ribbon, the one task pane at the URL given to CreateTaskPane, the print
 * guard, and the offline package loaded from file://. WPS shows the pane as its own page sharing the
 * one Application; here it is an iframe of the entry page that uses the entry's Application.
 * Needs Debian's Chromium (or CHROMIUM_PATH); SELFEVAL_SKIP_E2E=1 skips.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import * as acorn from 'acorn';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import type { BrowserContext, Frame, Page } from 'playwright-core';
import { serveStatic, type StaticServer } from './support/server';
import { assertChromium, launch, skipE2E } from './support/browser';
import { fakeWpsScript, offlineFolder, seedSnapshot, wpsDist } from './support/wps';

const OUT = join(__dirname, '../../test-output');
const FORM = '附件3 自评表';
const PREFIX = '/addins/selfeval/';
const d = skipE2E() ? describe.skip : describe;

/** Every `onLoad`, `onAction` and `get*` callback name in ribbon.xml. */
function callbackNames(xml: string): string[] {
  const names = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    for (const [k, v] of Object.entries(node)) {
      if (/^@_(onLoad|onAction|get[A-Z]\w*)$/.test(k) && typeof v === 'string') names.add(v);
      else walk(v);
    }
  };
  walk(new XMLParser({ ignoreAttributes: false }).parse(xml));
  return [...names];
}

function buttonIds(xml: string): string[] {
  return [...xml.matchAll(/<button\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
}

/** Parses a script as ES2017. Regular expressions are left out: the engine's Unicode property
 * escapes and lookbehinds (ES2018, Chromium 64) cannot be lowered, and the README says so. */
function parsesAsEs2017(code: string): void {
  const P = acorn.Parser as unknown as { prototype: Record<string, unknown> };
  const saved = [P.prototype.validateRegExpFlags, P.prototype.validateRegExpPattern];
  P.prototype.validateRegExpFlags = () => undefined;
  P.prototype.validateRegExpPattern = () => undefined;
  try {
    acorn.parse(code, { ecmaVersion: 2017, sourceType: 'script' });
  } finally {
    [P.prototype.validateRegExpFlags, P.prototype.validateRegExpPattern] = saved;
  }
}

d('WPS add-in in Chromium', () => {
  let dist: string;
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  let ribbonXml: string;
  const pageErrors: string[] = [];
  const foreign: string[] = [];
  /** alert/confirm block WPS's main thread (notes §0.16): the add-in must never open one. */
  const dialogs: string[] = [];

  const fakeValue = (ref: string) => page.evaluate(([s, r]) => (window as any).Application.fake.value(s, r), [FORM, ref]);
  const fakeCell = (ref: string) => page.evaluate(([s, r]) => (window as any).Application.fake.cell(s, r), [FORM, ref]);
  const action = (p: Page, id: string) => p.evaluate((Id) => (window as any).ribbon.OnAction({ Id }), id);
  const print = () => page.evaluate(() => (window as any).Application.fake.print((window as any).Application.ActiveWorkbook) as boolean);
  const untilValue = (p: Page, ref: string, v: unknown) =>
    p.waitForFunction(([s, r, x]) => (window as any).Application.fake.value(s, r) === x, [FORM, ref, v] as const, { timeout: 20_000 });

  /** Shows the pane the way WPS would: a frame at the URL the add-in gave CreateTaskPane. */
  async function paneFrame(url: string): Promise<Frame> {
    await page.evaluate((src) => {
      document.querySelector('iframe#pane')?.remove();
      const f = document.createElement('iframe');
      f.id = 'pane';
      f.src = src;
      f.style.cssText = 'position:fixed;right:0;top:0;width:380px;height:100vh;border:0;border-left:1px solid #ccc';
      document.body.appendChild(f);
    }, url);
    const handle = await page.waitForSelector('iframe#pane');
    const frame = (await handle.contentFrame())!;
    await frame.waitForLoadState();
    return frame;
  }

  beforeAll(async () => {
    assertChromium();
    const t0 = Date.now();
    dist = await wpsDist();
    const [fake, seed] = await Promise.all([fakeWpsScript(), seedSnapshot()]);
    console.log(`e2e wps: dist-wps ready in ${Date.now() - t0} ms`);
    ribbonXml = readFileSync(join(dist, 'ribbon.xml'), 'utf8');
    server = await serveStatic(dist, PREFIX);
    const origin = new URL(server.url).origin;
    context = await launch();
    await context.addInitScript({ content: `${fake}\nwindow.__installFakeWps(${JSON.stringify(seed)});` });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || new URL(url).origin === origin) return route.continue();
      foreign.push(url);
      return route.abort('blockedbyclient');
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it('is built as classic ES2017 scripts with relative paths, a ribbon, icons and both packages', () => {
    const html = ['index.html', 'taskpane.html'].map((f) => readFileSync(join(dist, f), 'utf8'));
    for (const h of html) {
      expect(h).not.toMatch(/type=["']?module/);
      // Locked down like the Excel pages (src/security/csp.js): our scripts only, no inline script.
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(h)?.[1] ?? '';
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toMatch(/connect-src 'self'(;|$)/);
      expect(h).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      for (const [, src] of h.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) expect(src).toMatch(/^(?!\/|[a-z]+:)/);
    }
    const scripts = readdirSync(dist).filter((f) => f.endsWith('.js'));
    expect(scripts).toEqual(expect.arrayContaining(['entry.js', 'taskpane.js']));
    for (const f of scripts) expect(() => parsesAsEs2017(readFileSync(join(dist, f), 'utf8'))).not.toThrow();

    expect(ribbonXml.charCodeAt(0)).not.toBe(0xfeff);
    expect(XMLValidator.validate(ribbonXml)).toBe(true);
    expect(buttonIds(ribbonXml)).toEqual(['btnRecompute', 'btnClearMarks', 'btnOpenPane', 'btnPrintCheck']);
    for (const label of ['绩效自评', '一键重算', '清除标记', '打开助手', '打印前检查']) expect(ribbonXml).toContain(`label="${label}"`);
    expect(existsSync(join(dist, 'manifest.xml'))).toBe(true);

    const version = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version as string;
    const folder = `selfeval_${version}`;
    expect(readFileSync(join(dist, 'publish.xml'), 'utf8')).toMatch(/<jspluginonline name="selfeval" type="et" url="https?:\/\/[^"]+\/"/);
    expect(readFileSync(join(dist, 'offline/publish.xml'), 'utf8')).toContain(`<jsplugin name="selfeval" type="et" url="${folder}" version="${version}"`);
    const zip = unzipSync(new Uint8Array(readFileSync(join(dist, `${folder}.zip`))));
    expect(Object.keys(zip)).toEqual(
      expect.arrayContaining([`${folder}/index.html`, `${folder}/ribbon.xml`, `${folder}/taskpane.js`, 'publish.xml', 'install.sh', 'install.ps1', 'install.cmd']),
    );
  });

  it('defines every callback named in ribbon.xml on the entry page, and an icon for each button', async () => {
    await page.goto(server.url + 'index.html');
    const names = callbackNames(ribbonXml);
    expect(names).toEqual(expect.arrayContaining(['ribbon.OnAddinLoad', 'ribbon.OnAction', 'ribbon.GetImage', 'ribbon.GetEnabled']));
    const kinds = await page.evaluate(
      (list) => list.map((n) => typeof n.split('.').reduce<any>((o, k) => (o == null ? o : o[k]), window)),
      names,
    );
    expect(kinds).toEqual(names.map(() => 'function'));
    expect(await page.evaluate(() => (window as any).ribbon.OnAddinLoad({ Invalidate() {}, InvalidateControl() {} }))).toBe(true);
    for (const Id of buttonIds(ribbonXml)) {
      const image = await page.evaluate((id) => (window as any).ribbon.GetImage({ Id: id }) as string, Id);
      expect(existsSync(join(dist, image))).toBe(true);
      expect(await page.evaluate((id) => (window as any).ribbon.GetEnabled({ Id: id }), Id)).toBe(true);
    }
    // WPS parses ribbon.xml after the page loads: the print listener is in place by then.
    expect(await page.evaluate(() => (window as any).Application.fake.listeners.get('WorkbookBeforePrint')?.length)).toBe(1);
  });

  it('一键重算 from the ribbon writes H14 = 14.55 and H21 = 99.35 and marks the cells', async () => {
    expect(await fakeValue('H14')).toBe(15);
    await action(page, 'btnRecompute');
    await untilValue(page, 'H14', 14.55);
    expect(await fakeValue('H21')).toBe(99.35);
    for (const ref of ['H14', 'H21']) expect((await fakeCell(ref)).pattern).toBe(1); // solid fill: a mark
    const notice = await page.evaluate(() => JSON.parse((window as any).Application.PluginStorage.getItem('selfeval.notice.et')));
    expect(notice).toMatchObject({ kind: 'recompute', ok: true });
    expect(notice.text).toMatch(/已写入 \d+ 个单元格，标记 \d+ 处/);
  });

  it('opens one pane at the absolute URL given to CreateTaskPane; it lists the findings and jumps to a cell', async () => {
    await action(page, 'btnOpenPane');
    await action(page, 'btnOpenPane'); // reuses the pane through its ID in PluginStorage
    const panes = await page.evaluate(() => (window as any).Application.fake.panes);
    expect(panes).toHaveLength(1);
    expect(panes[0]).toMatchObject({ url: server.url + 'taskpane.html', visible: true, dock: 2 });

    const pane = await paneFrame(panes[0].url);
    await pane.getByRole('heading', { name: /找到的表格/ }).waitFor({ timeout: 30_000 });
    await pane.getByTestId('wps-notice').getByText(/已写入 \d+ 个单元格/).waitFor();
    const findings = pane.getByRole('region', { name: '检查结果' });
    await findings.getByRole('button', { name: /I14/ }).first().click();
    await page.waitForFunction(() => (window as any).Application.fake.book.selection === 'I14');
    expect(await page.evaluate(() => (window as any).Application.fake.book.active.name)).toBe(FORM);
  });

  it('stops printing while marks remain, says why in the pane, and prints after 清除标记', async () => {
    expect(await print()).toBe(false);
    expect(await page.evaluate(() => (window as any).Application.fake.printed)).toBe(0);
    const pane = page.frameLocator('iframe#pane');
    const bar = pane.getByTestId('wps-notice');
    await bar.getByText('已暂停打印').waitFor();
    await bar.getByText(/还有 \d+ 处自评助手的标记底色/).waitFor();
    mkdirSync(OUT, { recursive: true });
    await (await (await page.$('iframe#pane'))!.contentFrame())!.evaluate(() => window.scrollTo(0, 0));
    await page.locator('iframe#pane').screenshot({ path: join(OUT, 'wps-print-paused.png') });

    await action(page, 'btnClearMarks');
    await page.waitForFunction(([s]) => (window as any).Application.fake.cell(s, 'H14').pattern !== 1, [FORM]);
    expect(await fakeValue('H14')).toBe(14.55); // the values stay
    expect(await print()).toBe(true);
    expect(await page.evaluate(() => (window as any).Application.fake.printed)).toBe(1);
  });

  it('clears the marks and lets the next print through from the pane', async () => {
    // The values are in already; a second recompute marks what is still wrong (the deviations to explain).
    await action(page, 'btnRecompute');
    await page.waitForFunction(([s]) => (window as any).Application.fake.cell(s, 'I14').pattern === 1, [FORM]);
    const pane = page.frameLocator('iframe#pane');
    await pane.getByTestId('wps-notice').getByText(/已写入/).waitFor();
    expect(await print()).toBe(false);
    await pane.getByTestId('wps-notice').getByText('已暂停打印').waitFor();
    await pane.getByRole('button', { name: '清除标记并打印' }).click();
    await pane.getByTestId('wps-notice').getByText(/已清除标记/).waitFor();
    expect((await fakeCell('I14')).pattern).not.toBe(1);
    expect(await print()).toBe(true);
    expect(pageErrors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(foreign).toEqual([]);
  });

  it('works from the offline package loaded from file://', async () => {
    const folder = offlineFolder();
    const offline = await context.newPage();
    const errors: string[] = [];
    offline.on('pageerror', (e) => errors.push(e.message));
    await offline.goto(pathToFileURL(join(folder, 'index.html')).href);
    expect(await offline.evaluate(() => typeof (window as any).ribbon?.OnAction)).toBe('function');
    await action(offline, 'btnRecompute');
    await untilValue(offline, 'H14', 14.55);
    await action(offline, 'btnOpenPane');
    const url = await offline.evaluate(() => (window as any).Application.fake.panes[0].url as string);
    expect(url).toBe(pathToFileURL(join(folder, 'taskpane.html')).href);
    // A file:// page is an origin of its own: the pane gets its own fake, and must load the engine chunk from disk.
    await offline.goto(url);
    await offline.getByRole('heading', { name: /找到的表格/ }).waitFor({ timeout: 30_000 });
    await offline.getByRole('region', { name: '检查结果' }).getByRole('button', { name: /H14/ }).first().waitFor();
    expect(errors).toEqual([]);
    await offline.close();
  });
});
