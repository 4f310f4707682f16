/**
 * Writes that can stop at any operation. Excel documents no rollback: a batch that fails keeps what ran
 * before the failing operation (fakeExcel.ts). A failure is injected at every operation of a recompute,
 * a revert and a clear-marks on the seed form in turn; after each, 撤销重算 must bring the workbook back
 * to the original exactly, with an empty journal, and the clerk must be told what happened.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { FileHost } from '../../../src/hosts/file/host';
import { createAssistant } from '../../../src/app/assistant';
import type { AssistantApi } from '../../../src/app/types';
import { HostError } from '../../../src/hosts/host';
import { errorText } from '../../../src/i18n';
import { decodeState, isStateSheetName } from '../../../src/core/state';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import { FakeExcel, type FakeBook } from './fakeExcel';

const SEED = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/seed-longquan-2023.xlsx')));
let seedSnapshot: WorkbookSnapshot;

beforeAll(async () => {
  seedSnapshot = await new FileHost(SEED, 'seed.xlsx').read();
});

function fresh() {
  const fake = FakeExcel.fromSnapshot(seedSnapshot);
  const assistant = () => createAssistant(new ExcelHost({ run: fake.run as never, supports: fake.isSetSupported }));
  return { fake, assistant };
}

/** Every non-blank cell of the clerk's sheets: what "the original exactly" means. */
function clerkCells(book: FakeBook): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of book.sheets) {
    if (isStateSheetName(s.name)) continue;
    for (const [k, c] of Object.entries(s.cells)) {
      if (c.value === null && !c.formula && !c.fill && c.numberFormat === 'General') continue;
      out[`${s.name}!${k}`] = { value: c.value, formula: c.formula, fill: c.fill, numberFormat: c.numberFormat, tint: c.fillTint, pattern: c.fillPattern };
    }
  }
  return out;
}

type Step = (a: AssistantApi, fake: FakeExcel) => Promise<unknown>;
const recompute: Step = (a) => a.recompute();
const revert: Step = (a) => a.revert();
const clearMarks: Step = (a) => a.clearMarks();

/** Operations the step performs on a fresh seed after `before` ran. */
async function operationsOf(before: Step[], step: Step): Promise<number> {
  const { fake, assistant } = fresh();
  for (const s of before) await s(assistant(), fake);
  const start = fake.operations;
  await step(assistant(), fake);
  return fake.operations - start;
}

/** The clerk's cells after `before` and a revert with no failure: the original, with the clerk's own edits. */
async function baselineOf(before: Step[]): Promise<Record<string, unknown>> {
  const { fake, assistant } = fresh();
  for (const s of before) await s(assistant(), fake);
  await assistant().revert();
  return clerkCells(fake.book);
}

async function injectEverywhere(before: Step[], step: Step): Promise<{ runs: number; interrupted: number }> {
  const total = await operationsOf(before, step);
  const original = await baselineOf(before);
  expect(total).toBeGreaterThan(10);
  let interrupted = 0;
  for (let n = 1; n <= total; n++) {
    const { fake, assistant } = fresh();
    for (const s of before) await s(assistant(), fake);
    fake.failAtOperation(n);
    const error = await step(assistant(), fake).then(() => undefined, (e: unknown) => e);
    expect(fake.injectedFired).toBe(true);
    // A failure while reading merged areas is retried in halves (read.ts): the step may still succeed.
    if (error !== undefined) {
      expect(error).toBeInstanceOf(HostError);
      const code = (error as HostError).code;
      if (code === 'interrupted') interrupted++;
      expect(code).not.toBe('interrupted-unrecorded');
      expect(errorText('zh-CN', error)).not.toMatch(/出错了/); // a sentence for the clerk, not a raw message
    }
    await assistant().revert();
    const context = `failure at operation ${n} of ${total}`;
    expect({ context, cells: clerkCells(fake.book) }).toEqual({ context, cells: original });
    expect({ context, journal: decodeState(await new ExcelHost({ run: fake.run as never, supports: fake.isSetSupported }).read())?.journal ?? [] }).toEqual({ context, journal: [] });
  }
  return { runs: total, interrupted };
}

describe('a failure at every operation, then 撤销重算: the original exactly', () => {
  test('of a recompute', async () => {
    const { runs, interrupted } = await injectEverywhere([], recompute);
    expect(interrupted).toBeGreaterThan(0); // some failures did stop a write half way
    expect(runs).toBeGreaterThan(interrupted);
  }, 120_000);

  test('of a revert', async () => {
    const { interrupted } = await injectEverywhere([recompute], revert);
    expect(interrupted).toBeGreaterThan(0);
  }, 120_000);

  test('of a clear-marks', async () => {
    const { interrupted } = await injectEverywhere([recompute], clearMarks);
    expect(interrupted).toBeGreaterThan(0);
  }, 120_000);

  test('of a second recompute after the clerk changed an actual value (new values over ours)', async () => {
    // F14 实际完成值 =97% -> =95%: H14's score and H21's total change over the first recompute's.
    const edit: Step = async (_a, fake) => Object.assign(fake.cell('附件3 自评表', 'F14')!, { value: '=95%', text: '=95%' });
    const { interrupted } = await injectEverywhere([recompute, edit], recompute);
    expect(interrupted).toBeGreaterThan(0);
  }, 120_000);
});
