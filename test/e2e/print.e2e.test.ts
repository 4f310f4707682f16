/**
 * What the clerk prints (issue 12): the playground's result for a formula total, a score merged over
 * two rows, a score column formatted `0` and a column written "15分" is printed to PDF by Chromium and
 * read back with pdftotext (poppler-utils): the printed total is the sum of the printed scores, and no
 * printed score differs from what the pane lists. Then the whole flow once more without a mouse.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { playgroundDist } from './support/build';
import { serveStatic, type StaticServer } from './support/server';
import { assertChromium, launch, skipE2E } from './support/browser';

const OUT = join(__dirname, '../../test-output');
const SEED = join(__dirname, '../fixtures/seed-longquan-2023.xlsx');
const FORM = '附件3 自评表';
/** Budget score and the leaf indicator scores of the seed form. */
const SCORES = ['H4', 'H13', 'H14', 'H15', 'H16', 'H17', 'H18', 'H19', 'H20'];
const PDFTOTEXT = '/usr/bin/pdftotext';

const d = skipE2E() ? describe.skip : describe;

async function variant(edit: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(SEED) as unknown as ArrayBuffer);
  edit(wb.getWorksheet(FORM)!);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

interface Word {
  x: number;
  y: number;
  text: string;
}

/** Words of a PDF with their centres (pdftotext -bbox). */
function pdfWords(pdf: string): Word[] {
  const html = execFileSync(PDFTOTEXT, ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    x: (Number(m[1]) + Number(m[3])) / 2,
    y: (Number(m[2]) + Number(m[4])) / 2,
    text: m[5].replace(/&amp;/g, '&'),
  }));
}

d('what the clerk prints', () => {
  let server: StaticServer;
  let context: BrowserContext;
  let page: Page;
  const pane = (): Locator => page.getByTestId('taskpane');
  const cell = (ref: string): Locator => page.locator(`td[data-sheet="${FORM}"][data-cell="${ref}"]`);

  beforeAll(async () => {
    assertChromium();
    if (!existsSync(PDFTOTEXT)) throw new Error('pdftotext not found: apt-get install -y poppler-utils');
    mkdirSync(OUT, { recursive: true });
    server = await serveStatic(await playgroundDist(), '/tools/selfeval/');
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url + 'playground.html');
    await pane().getByRole('button', { name: '一键重算', exact: true }).waitFor();
  }, 300_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  /** Opens the workbook, recomputes, prints to PDF: the printed numbers of the score column by cell. */
  async function printed(name: string, bytes: Buffer): Promise<{ printed: Map<string, number>; pane: string }> {
    await page.getByTestId('file-input').setInputFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await page.getByTestId('file-name').filter({ hasText: name }).waitFor();
    await pane().getByRole('button', { name: '一键重算', exact: true }).click();
    await pane().getByRole('button', { name: '撤销重算', exact: true }).waitFor();
    await page.getByRole('tab', { name: FORM }).click();
    await cell('H21').waitFor();
    // Where each score cell is on the page, to find its printed words (print layout = screen layout without the pane).
    await page.emulateMedia({ media: 'print' });
    const boxes = await page.evaluate(
      ({ cells, sheet }) => {
        const out: Record<string, [number, number, number, number]> = {};
        for (const c of cells) {
          const td = document.querySelector(`td[data-sheet="${sheet}"][data-cell="${c}"]`);
          const r = td?.getBoundingClientRect();
          if (r) out[c] = [r.left + window.scrollX, r.top + window.scrollY, r.right + window.scrollX, r.bottom + window.scrollY];
        }
        return { out, width: document.documentElement.scrollWidth };
      },
      { cells: [...SCORES, 'H21'], sheet: FORM },
    );
    const file = join(OUT, name.replace(/\.xlsx$/, '.pdf'));
    // One tall page, scaled so the CSS pixel → PDF point factor is known (0.75 at scale 1).
    const height = Math.max(...Object.values(boxes.out).map((b) => b[3])) + 40;
    writeFileSync(file, await page.pdf({ width: `${boxes.width}px`, height: `${height}px`, printBackground: true, pageRanges: '1' }));
    await page.emulateMedia({ media: null });
    const words = pdfWords(file);
    const byCell = new Map<string, number>();
    for (const [c, [l, t, r, b]] of Object.entries(boxes.out)) {
      const inside = words.filter((w) => w.x >= l * 0.75 && w.x <= r * 0.75 && w.y >= t * 0.75 && w.y <= b * 0.75);
      const text = inside.map((w) => w.text).join('');
      const n = /-?\d+(?:\.\d+)?/.exec(text);
      if (n) byCell.set(c, Number(n[0]));
    }
    return { printed: byCell, pane: (await pane().textContent()) ?? '' };
  }

  /** Each case, and numbers the printed page must show (the rule's, as written). */
  const CASES: [string, (ws: ExcelJS.Worksheet) => void, Record<string, number>][] = [
    ['formula-total.xlsx', (ws) => (ws.getCell('H21').value = { formula: 'H4+SUM(H13:H20)', result: 97 }), { H14: 14.55, H21: 99.35 }],
    ['merged-score.xlsx', (ws) => ws.mergeCells('H13:H14'), { H13: 29.55, H21: 99.35 }],
    ['integer-format.xlsx', (ws) => {
      for (let r = 13; r <= 21; r++) ws.getCell(`H${r}`).numFmt = '0';
    }, { H14: 14.55, H21: 99.35 }],
    ['fen-column.xlsx', (ws) => {
      for (let r = 13; r <= 21; r++) ws.getCell(`H${r}`).value = `${ws.getCell(`H${r}`).value}分`;
    }, { H14: 14.55, H21: 99.35 }],
  ];

  it.each(CASES)('%s: the printed total is the printed scores’ sum, and the pane says the same numbers', async (name, edit, expected) => {
    const { printed: p, pane: text } = await printed(name, await variant(edit));
    for (const [c, v] of Object.entries(expected)) expect([c, p.get(c)]).toEqual([c, v]);
    expect(p.has('H21')).toBe(true);
    const sum = Math.round([...SCORES].reduce((s, c) => s + (p.get(c) ?? 0), 0) * 100) / 100;
    expect(p.get('H21')).toBeCloseTo(sum, 2);
    // Every score the pane lists as changed ("15 → 14.55") is printed as the pane says.
    let compared = 0;
    for (const m of text.matchAll(/(H\d+)[^→]*?→\s*(-?\d+(?:\.\d+)?)/g)) {
      if (!p.has(m[1])) continue;
      expect([m[1], p.get(m[1])]).toEqual([m[1], Number(m[2])]);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(2);
  }, 120_000);

  /** Presses Tab until the focused control's name matches, as a keyboard user would. */
  async function tabTo(name: RegExp, max = 80): Promise<void> {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      // Controls only: a focusable container's text holds every label inside it.
      const focused = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement | null;
        if (!e || !(e.tagName === 'BUTTON' || e.tagName === 'A' || e.getAttribute('role') === 'button')) return '';
        return (e.getAttribute('aria-label') ?? e.textContent ?? '').trim();
      });
      if (name.test(focused)) return;
    }
    throw new Error(`Tab never reached ${String(name)}`);
  }

  it('keyboard only: open the sample, recompute, open a finding, revert, download, switch language', async () => {
    await page.evaluate(() => window.localStorage.clear());
    await page.goto(server.url + 'playground.html');
    await pane().getByRole('button', { name: '一键重算', exact: true }).waitFor();
    await page.locator('body').focus();
    await tabTo(/^一键重算$/);
    await page.keyboard.press('Enter');
    await pane().getByRole('button', { name: '撤销重算', exact: true }).waitFor();
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.trim() === '14.55', `td[data-sheet="${FORM}"][data-cell="H14"]`);
    // Focus stayed on the control that acted, not on the page body.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('一键重算');
    await tabTo(/I14/);
    await page.keyboard.press('Enter');
    await page.waitForFunction((sel) => document.querySelector(sel)?.getAttribute('aria-selected') === 'true', `td[data-sheet="${FORM}"][data-cell="I14"]`);
    await tabTo(/^撤销重算$/);
    await page.keyboard.press('Enter');
    await page.waitForFunction((sel) => document.querySelector(sel)?.textContent?.trim() === '15', `td[data-sheet="${FORM}"][data-cell="H14"]`);
    // Shift+Tab back to the header: 下载结果 and English are reachable with the keyboard.
    await page.locator('body').focus();
    await tabTo(/^下载结果$/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('seed-longquan-2023-selfeval.xlsx');
    await tabTo(/^English$/);
    await page.keyboard.press('Enter');
    await pane().getByRole('button', { name: 'Recompute', exact: true }).waitFor();
    // The choice is remembered.
    await page.reload();
    await pane().getByRole('button', { name: 'Recompute', exact: true }).waitFor();
    await page.evaluate(() => window.localStorage.clear());
  }, 120_000);
});
