/**
 * The WPS ribbon page's logic over the fake ET Application (test/fakes/wps) holding the seed: the
 * buttons run the shared controller over WpsHost, the print listener answers synchronously, the
 * pane is one pane at an absolute URL. The built page itself runs in test/e2e/wps.e2e.test.ts.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { createAssistant } from '../../src/app/assistant';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { FileHost } from '../../src/hosts/file/host';
import { wpsApplication, type WpsApplication } from '../../src/wps/application';
import { hostFor } from '../../src/wps/host';
import { readNotice } from '../../src/wps/notice';
import { folderOf, paneUrl, showPane } from '../../src/wps/pane';
import { beforePrint, verdictOf, type PrintGuardDeps } from '../../src/wps/printGuard';
import { runButton, type RibbonDeps } from '../../src/wps/ribbon';
import { allowNextPrint, KEYS } from '../../src/wps/storage';
import { createFakeWpsApplication, type FakeWpsApplication } from '../fakes/wps';

const FORM = '附件3 自评表';
let seed: WorkbookSnapshot;

beforeAll(async () => {
  seed = await new FileHost(new Uint8Array(readFileSync(join(__dirname, '../fixtures/seed-longquan-2023.xlsx'))), 'seed.xlsx').read();
});

function setup() {
  const fake = createFakeWpsApplication(seed);
  const app = fake as unknown as WpsApplication;
  const opened: number[] = [];
  const deps: RibbonDeps = {
    app: () => app,
    assistant: (a) => createAssistant(hostFor(a)),
    openPane: () => opened.push(1),
    lang: 'zh-CN',
  };
  const printHost = hostFor(app);
  const guard: PrintGuardDeps = { app: () => app, verdictNow: () => verdictOf(app, printHost.readSync(), 'zh-CN'), openPane: deps.openPane, lang: 'zh-CN' };
  const print = () => fake.fake.fire('WorkbookBeforePrint', fake.ActiveWorkbook);
  return { fake, app, deps, guard, opened, print };
}

const marked = (fake: FakeWpsApplication, ref: string) => fake.fake.cell(FORM, ref).pattern === 1;

describe('ribbon buttons', () => {
  it('一键重算 writes the computed values and marks, and tells the pane and the status bar', async () => {
    const { fake, app, deps } = setup();
    await runButton('btnRecompute', deps);
    expect(fake.fake.value(FORM, 'H14')).toBe(14.55);
    expect(fake.fake.value(FORM, 'H21')).toBe(99.35);
    expect(marked(fake, 'H14')).toBe(true);
    const notice = readNotice(app)!;
    expect(notice).toMatchObject({ kind: 'recompute', ok: true });
    expect(notice.text).toMatch(/^已写入 \d+ 个单元格，标记 \d+ 处$/);
    expect(app.StatusBar).toBe(notice.text);
    // One undo step for the whole batch (WpsHost).
    expect(fake.fake.undoLog.map((u) => u.op)).toEqual(['begin', 'end']);
  });

  it('runs one button at a time: a second click while one runs waits and writes nothing more', async () => {
    const { fake, deps } = setup();
    const first = runButton('btnRecompute', deps);
    const second = runButton('btnClearMarks', deps);
    await Promise.all([first, second]);
    expect(marked(fake, 'H14')).toBe(true); // 清除标记 was not run
    expect(fake.fake.undoLog.filter((u) => u.op === 'begin')).toHaveLength(1);
  });

  it('清除标记 keeps the values and removes only our marks', async () => {
    const { fake, deps, app } = setup();
    await runButton('btnRecompute', deps);
    await runButton('btnClearMarks', deps);
    expect(fake.fake.value(FORM, 'H14')).toBe(14.55);
    expect(marked(fake, 'H14')).toBe(false);
    // The deviations still to explain are named, as they will no longer stop a print.
    expect(readNotice(app)).toMatchObject({ kind: 'clearMarks', ok: true, text: '已清除标记，数值保持不变；表中还有 2 个错误，可打开助手查看。' });
  });

  it('打印前检查 with errors writes nothing and opens the pane', async () => {
    const { fake, deps, app, opened } = setup();
    const writes = fake.fake.writes;
    await runButton('btnPrintCheck', deps);
    expect(fake.fake.writes).toBe(writes);
    expect(readNotice(app)).toMatchObject({ kind: 'printCheck', ok: false });
    expect(readNotice(app)!.text).toMatch(/还有 \d+ 个错误/);
    expect(opened).toHaveLength(1);
  });

  it('打印前检查 on a clean form clears the marks so the printout shows none', async () => {
    const { fake, deps, app } = setup();
    const ws = fake.ActiveWorkbook!.Worksheets.Item(FORM);
    // The clerk explains the deviations the review asks about.
    for (const ref of ['I14', 'I18', 'I19']) ws.Range(ref).Value2 = '受疫情影响，部分项目延期实施';
    await runButton('btnRecompute', deps);
    expect(marked(fake, 'H14')).toBe(true);
    await runButton('btnPrintCheck', deps);
    expect(readNotice(app)).toMatchObject({ kind: 'printCheck', ok: true });
    expect(readNotice(app)!.text).toMatch(/已清除 \d+ 处标记/);
    expect(marked(fake, 'H14')).toBe(false);
    expect(fake.fake.value(FORM, 'H14')).toBe(14.55);
  });

  it('reports a refusal in the pane and the status bar, never in a dialog', async () => {
    const { fake, deps, app, opened } = setup();
    fake.ActiveWorkbook!.Worksheets.Item(FORM).Protect();
    await runButton('btnRecompute', deps);
    expect(fake.fake.value(FORM, 'H14')).toBe(15);
    expect(readNotice(app)).toMatchObject({ kind: 'recompute', ok: false });
    expect(readNotice(app)!.text).toContain(`工作表“${FORM}”受保护`);
    expect(opened).toHaveLength(1);
  });
});

describe('print guard (WorkbookBeforePrint)', () => {
  it('stops a print that would carry our marks, opens the pane saying why, and lets it through after 清除标记', async () => {
    const { deps, guard, app, opened, print, fake } = setup();
    fake.fake.listeners.set('WorkbookBeforePrint', [(...args: unknown[]) => void beforePrint(guard, args)]);
    await runButton('btnRecompute', deps);
    expect(print()).toBe(true); // cancelled
    const notice = readNotice(app)!;
    expect(notice).toMatchObject({ kind: 'printBlocked', ok: false });
    expect(notice.marks).toBeGreaterThan(0);
    expect(notice.text).toContain(`还有 ${notice.marks} 处自评助手的标记底色`);
    expect(opened.length).toBeGreaterThan(0);
    await runButton('btnClearMarks', deps);
    // The errors left (deviations to explain) were on screen when the clerk cleared the marks.
    expect(print()).toBe(false);
  });

  it('stops a print for errors nobody has looked at', () => {
    const { guard, print, fake, app } = setup();
    fake.fake.listeners.set('WorkbookBeforePrint', [(...args: unknown[]) => void beforePrint(guard, args)]);
    expect(print()).toBe(true);
    expect(readNotice(app)).toMatchObject({ kind: 'printBlocked', marks: 0 });
    expect(readNotice(app)!.errors).toBeGreaterThan(0);
  });

  it('lets one print through after "clear marks and print", for a while only', () => {
    const { guard, print, fake, app } = setup();
    let now = 1_000_000;
    const timed = { ...guard, now: () => now };
    fake.fake.listeners.set('WorkbookBeforePrint', [(...args: unknown[]) => void beforePrint(timed, args)]);
    allowNextPrint(app, now);
    expect(print()).toBe(false);
    expect(print()).toBe(true); // once
    allowNextPrint(app, now);
    now += 3 * 60_000;
    expect(print()).toBe(true); // expired
  });

  it('checks a second print with fewer object-model calls (its host verifies the last read)', async () => {
    const { deps, guard, print, fake } = setup();
    fake.fake.listeners.set('WorkbookBeforePrint', [(...args: unknown[]) => void beforePrint(guard, args)]);
    await runButton('btnRecompute', deps);
    fake.fake.resetCounts();
    expect(print()).toBe(true);
    const first = fake.fake.calls;
    fake.fake.resetCounts();
    expect(print()).toBe(true);
    expect(fake.fake.calls).toBeLessThan(first);
    console.log(`print check on the seed: ${first} object-model calls, then ${fake.fake.calls}`);
  });

  it('never keeps the clerk from printing when the check itself fails', () => {
    const { guard, print, fake } = setup();
    const broken = { ...guard, verdictNow: () => { throw new Error('read failed'); } };
    fake.fake.listeners.set('WorkbookBeforePrint', [(...args: unknown[]) => void beforePrint(broken, args)]);
    expect(print()).toBe(false);
  });
});

describe('the one task pane', () => {
  it('sits next to the entry page, whatever its URL', () => {
    expect(paneUrl('http://intranet.example/tools/selfeval/index.html?x=1#y')).toBe('http://intranet.example/tools/selfeval/taskpane.html');
    expect(paneUrl('http://127.0.0.1:3889/')).toBe('http://127.0.0.1:3889/taskpane.html');
    expect(folderOf('file:///C:/Users/li/AppData/Roaming/kingsoft/wps/jsaddons/selfeval_0.1.0/index.html')).toBe(
      'file:///C:/Users/li/AppData/Roaming/kingsoft/wps/jsaddons/selfeval_0.1.0/',
    );
  });

  it('is created once, docked right, and reused through its ID in PluginStorage', () => {
    const { fake, app } = setup();
    const href = 'http://intranet.example/selfeval/index.html';
    showPane(app, href);
    fake.fake.panes[0].visible = false; // the user closed it
    showPane(app, href);
    expect(fake.fake.panes).toHaveLength(1);
    expect(fake.fake.panes[0]).toMatchObject({ url: 'http://intranet.example/selfeval/taskpane.html', visible: true, dock: 2 });
    expect(app.PluginStorage.getItem(KEYS.pane)).toBe(String(fake.fake.panes[0].ID));
  });

  it('is created again when WPS no longer knows the stored ID, and with the lower-case spelling', () => {
    const { fake, app } = setup();
    app.PluginStorage.setItem(KEYS.pane, '999');
    const created: string[] = [];
    const lower = {
      PluginStorage: app.PluginStorage,
      GetTaskpane: (id: number) => fake.GetTaskPane!(id),
      CreateTaskpane: (url: string) => (created.push(url), fake.CreateTaskPane!(url)),
    } as unknown as WpsApplication;
    showPane(lower, 'file:///opt/selfeval_0.1.0/index.html');
    expect(created).toEqual(['file:///opt/selfeval_0.1.0/taskpane.html']);
    expect(lower.PluginStorage.getItem(KEYS.pane)).toBe(String(fake.fake.panes[0].ID));
  });
});

describe('finding the Application', () => {
  it('takes window.Application, the old wps.EtApplication() or wps, and is null in a plain browser', () => {
    const app = { PluginStorage: {} };
    expect(wpsApplication({ Application: app })).toBe(app);
    expect(wpsApplication({ wps: { EtApplication: () => app } })).toBe(app);
    expect(wpsApplication({ wps: app })).toBe(app);
    expect(wpsApplication({})).toBeNull();
    const throwing = Object.defineProperty({}, 'Application', { get: () => { throw new Error('plugin accessor'); } });
    expect(wpsApplication(throwing)).toBeNull();
  });
});
