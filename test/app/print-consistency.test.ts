/**
 * What the clerk prints is consistent (issue 12): formulas recalculated after a recompute, no value
 * written that the review doubts, and check after fill never flags a cell fill wrote.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { FileHost } from '../../src/hosts/file/host';
import { MemoryHost } from '../../src/hosts/memory/MemoryHost';
import { snapshotFromBuffer } from '../../src/hosts/file/read';
import { createAssistant } from '../../src/app/assistant';
import { reviewWorkbook } from '../../src/core/review';
import { cellByAddress } from '../../src/core/grid';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import type { AssistantState } from '../../src/app/types';
import { generateWorkbook } from '../helpers/generate';

const SEED = readFileSync(join(__dirname, '../fixtures/seed-longquan-2023.xlsx'));
const SHEET = '附件3 自评表';
const SCORES = ['H4', 'H13', 'H14', 'H15', 'H16', 'H17', 'H18', 'H19', 'H20'];

/** The seed with some cells changed through ExcelJS (a test input only: the product never saves with ExcelJS). */
async function seedWith(edit: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(SEED as unknown as ArrayBuffer);
  edit(wb.getWorksheet(SHEET)!);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function fill(bytes: Uint8Array): Promise<{ state: AssistantState; after: WorkbookSnapshot; host: FileHost }> {
  const host = new FileHost(bytes, 'form.xlsx');
  const state = await createAssistant(host).recompute();
  return { state, after: await snapshotFromBuffer(host.bytes(), 'form.xlsx'), host };
}

/** Cells whose value the recompute wrote, and the findings a fresh check reports on them. */
function findingsOnWritten(state: AssistantState, after: WorkbookSnapshot) {
  const written = new Set(state.changed.map((c) => `${c.sheet}!${c.cell}`));
  return reviewWorkbook(after).fileReview.findings.filter((f) => written.has(`${f.sheet}!${f.cell}`));
}

const num = (b: WorkbookSnapshot, cell: string) => cellByAddress(b, SHEET, cell).value as number;
const sumOf = (b: WorkbookSnapshot, cells: string[]) => Math.round(cells.reduce((s, c) => s + (num(b, c) ?? 0), 0) * 100) / 100;

describe('a 总分 that is a formula', () => {
  it('shows the new sum in the file, keeps the formula, and is consistent with the printed scores', async () => {
    const { state, after } = await fill(await seedWith((ws) => (ws.getCell('H21').value = { formula: 'H4+SUM(H13:H20)', result: 97 })));
    expect(cellByAddress(after, SHEET, 'H21')).toMatchObject({ formula: '=H4+SUM(H13:H20)', value: 99.35 });
    expect(num(after, 'H21')).toBe(sumOf(after, SCORES));
    expect(state.changed.map((c) => c.cell)).not.toContain('H21');
    expect(state.review.findings.filter((f) => f.cell === 'H21')).toEqual([]);
    expect(findingsOnWritten(state, after)).toEqual([]);
  });

  it('in the playground host too', async () => {
    const bytes = await seedWith((ws) => (ws.getCell('H21').value = { formula: 'H4+SUM(H13:H20)', result: 97 }));
    const host = await MemoryHost.open(bytes, 'form.xlsx');
    await createAssistant(host).recompute();
    expect(cellByAddress(host.lastSnapshot, SHEET, 'H21').value).toBe(99.35);
  });

  it('revert brings the formula back to the old sum', async () => {
    const host = new FileHost(await seedWith((ws) => (ws.getCell('H21').value = { formula: 'H4+SUM(H13:H20)', result: 97 })), 'f.xlsx');
    const a = createAssistant(host);
    await a.recompute();
    await a.revert();
    const back = await snapshotFromBuffer(host.bytes(), 'f.xlsx');
    expect(num(back, 'H21')).toBe(sumOf(back, SCORES));
    expect(num(back, 'H14')).toBe(15);
  });
});

describe('a score that is a formula', () => {
  it('is not written, its finding names the formula, and no total contradicts the printed scores', async () => {
    const { state, after } = await fill(await seedWith((ws) => (ws.getCell('H14').value = { formula: 'G14*1', result: 15 })));
    expect(cellByAddress(after, SHEET, 'H14')).toMatchObject({ formula: '=G14*1', value: 15 });
    const f = state.review.findings.find((x) => x.cell === 'H14' && x.code === 'score-mismatch')!;
    expect(f.message).toContain('=G14*1');
    expect(f.message).toContain('G14 = 15');
    // The rule's 99.35 would not be the sum of what is printed (15, not 14.55): the total is left alone.
    expect(num(after, 'H21')).not.toBe(99.35);
    expect(findingsOnWritten(state, after)).toEqual([]);
  });
});

describe('a score merged over two rows', () => {
  it('is one cell: scored as the two rows together, nothing under the merge, a total equal to the printed scores', async () => {
    const { state, after } = await fill(await seedWith((ws) => ws.mergeCells('H13:H14')));
    expect(state.changed.map((c) => c.cell)).not.toContain('H14');
    // H13:H14 carries rows 13 and 14: 15 + 14.55.
    expect(num(after, 'H13')).toBe(29.55);
    expect(num(after, 'H21')).toBe(sumOf(after, SCORES.filter((c) => c !== 'H14')));
    expect(num(after, 'H21')).toBe(99.35);
    expect(findingsOnWritten(state, after)).toEqual([]);
  });
});

describe('numbers visible as written', () => {
  it('a score column formatted `0` shows 14.55 and 99.35 after fill, and revert gives `0` back', async () => {
    const bytes = await seedWith((ws) => {
      for (let r = 13; r <= 21; r++) ws.getCell(`H${r}`).numFmt = '0';
    });
    const { state, after, host } = await fill(bytes);
    expect(cellByAddress(after, SHEET, 'H14')).toMatchObject({ value: 14.55, text: '14.55' });
    expect(cellByAddress(after, SHEET, 'H21')).toMatchObject({ value: 99.35, text: '99.35' });
    // Unchanged cells are not rewritten: their format stays the clerk's.
    expect(cellByAddress(after, SHEET, 'H13').numberFormat).toBe('0');
    expect(findingsOnWritten(state, after)).toEqual([]);
    await createAssistant(host).revert();
    const back = await snapshotFromBuffer(host.bytes(), 'f.xlsx');
    expect(cellByAddress(back, SHEET, 'H14')).toMatchObject({ value: 15, numberFormat: '0' });
  });

  it('a column written as "15分" gets "14.55分", and unchanged cells are not rewritten', async () => {
    const bytes = await seedWith((ws) => {
      for (let r = 13; r <= 21; r++) ws.getCell(`H${r}`).value = `${ws.getCell(`H${r}`).value}分`;
    });
    const { state, after } = await fill(bytes);
    expect(cellByAddress(after, SHEET, 'H14').value).toBe('14.55分');
    expect(cellByAddress(after, SHEET, 'H21').value).toBe('99.35分');
    expect(state.changed.map((c) => c.cell).sort()).toEqual(['H14', 'H18', 'H19', 'H21']);
    expect(findingsOnWritten(state, after)).toEqual([]);
  });
});

describe('never writing what the review doubts', () => {
  it('weights adding up to 110: no total is written on a 100-point form', async () => {
    const { state, after } = await fill(await seedWith((ws) => (ws.getCell('G20').value = 20)));
    expect(state.changed.map((c) => c.cell)).not.toContain('H21');
    expect(num(after, 'H21')).toBe(97);
    expect(findingsOnWritten(state, after)).toEqual([]);
  });

  it('property: for generated workbooks, check after fill has no finding on a cell fill wrote', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 3, max: 8 }), fc.boolean(), async (seed, indicators, sheetPerForm) => {
        const bytes = await generateWorkbook({ forms: 2, indicators, seed, sheetPerForm, quirks: true });
        const { state, after } = await fill(bytes);
        expect(findingsOnWritten(state, after)).toEqual([]);
        // Every total on paper is the sum of the scores on paper when fill wrote it or its formula moved.
        for (const form of reviewWorkbook(after).fileReview.forms) {
          const t = form.total?.cell;
          if (!t || !state.changed.some((c) => c.sheet === form.sheet && c.cell === t)) continue;
          const parts = (form.budget?.score.stated ?? 0) + (form.indicators ?? []).filter((i) => !i.parent && !i.notApplicable).reduce((s, i) => s + (i.score.stated ?? 0), 0);
          expect(form.total!.stated).toBeCloseTo(parts, 2);
        }
      }),
      { numRuns: 25 },
    );
  }, 120000);
});

describe('formulas on a protected sheet', () => {
  it('a protected summary sheet that reads the total does not stop the recompute', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(SEED as unknown as ArrayBuffer);
    const summary = wb.addWorksheet('汇总');
    summary.getCell('A1').value = { formula: `'${SHEET}'!H14*1`, result: 15 };
    await summary.protect('', {});
    const { state, after } = await fill(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(state.changed.map((c) => c.cell)).toContain('H14');
    expect(cellByAddress(after, '汇总', 'A1').value).toBe(15); // left for Excel to recalculate on open
  });
});
