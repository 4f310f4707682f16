/** Property: any list of writes on non-formula cells reads back exactly, and nothing else moves. */
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { applyChanges } from '../../../src/hosts/file/patch';
import { MARK_FILLS, type CellChange } from '../../../src/core/edits';
import { parseRange, toA1 } from '../../../src/core/address';
import { FORM_SHEET, SEED, dump, fixture, load } from './helpers';

const CHARS = ['a', 'Z', '7', ' ', '\n', '\t', '&', '<', '>', '"', "'", '&amp;', ']]>', '指', '标', '≥', '％', '😀', 'é', '\u00a0'];
const text = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 12 }).map((a) => a.join(''));
const number = fc.oneof(
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
);

describe('property: random writes on the seed', () => {
  let seed: Uint8Array;
  let before: Map<string, { value: string; style: string }>;
  /** Cell inside a merged area (not its master) → the master. */
  const slaves = new Map<string, string>();

  beforeAll(async () => {
    seed = fixture(SEED);
    const wb = await load(seed);
    before = dump(wb);
    // Cells inside a merged area (not its master) are not write targets.
    for (const m of (wb.getWorksheet(FORM_SHEET)?.model as { merges: string[] }).merges) {
      const r = parseRange(m);
      if (!r) continue;
      for (let i = r.top; i <= r.bottom; i++) for (let j = r.left; j <= r.right; j++) if (i !== r.top || j !== r.left) slaves.set(toA1(i, j), toA1(r.top, r.left));
    }
  });

  const cell = fc.tuple(fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 25 })).map(([r, c]) => toA1(r, c));
  const change = fc.record({
    cell,
    value: fc.option(fc.oneof(number, text, fc.boolean()), { nil: undefined }),
    fill: fc.option(fc.constantFrom<string | null>(MARK_FILLS.error, MARK_FILLS.warning, MARK_FILLS.info, null), { nil: undefined }),
  });

  it('each changed cell holds what was written last; every other cell is unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(change, { minLength: 1, maxLength: 25 }), async (list) => {
        const changes: CellChange[] = list
          .filter((c) => !slaves.has(c.cell) && (c.value !== undefined || c.fill !== undefined))
          .map((c) => ({ sheet: FORM_SHEET, ...c }));
        const out = applyChanges(seed, changes);
        const wb = await load(out);
        const ws = wb.getWorksheet(FORM_SHEET) as ExcelJS.Worksheet;
        const lastValue = new Map<string, unknown>();
        const lastFill = new Map<string, string | null>();
        for (const c of changes) {
          if (c.value !== undefined) lastValue.set(c.cell, c.value);
          if (c.fill !== undefined) lastFill.set(c.cell, c.fill);
        }
        for (const [a, v] of lastValue) expect({ a, v: ws.getCell(a).value }).toEqual({ a, v });
        for (const [a, f] of lastFill) {
          const fill = ws.getCell(a).fill as ExcelJS.FillPattern | undefined;
          const got = fill?.pattern === 'solid' ? '#' + (fill.fgColor?.argb ?? '').slice(-6) : null;
          expect({ a, got }).toEqual({ a, got: f });
        }
        const after = dump(wb);
        for (const [k, v] of before) {
          const a1 = k.slice(k.indexOf('!') + 1);
          if (k.startsWith(FORM_SHEET + '!') && (lastValue.has(a1) || lastFill.has(a1))) continue;
          // ExcelJS shows a merged area's master value in all its cells.
          const master = slaves.get(a1);
          if (k.startsWith(FORM_SHEET + '!') && master && lastValue.has(master)) {
            expect({ k, style: after.get(k)?.style }).toEqual({ k, style: v.style });
            continue;
          }
          expect({ k, v: after.get(k) }).toEqual({ k, v });
        }
      }),
      { numRuns: 60 },
    );
  });
});
