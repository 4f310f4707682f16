import { decodeState, encodeState, emptyState, splitChunks, stateSheetStatus, isStateSheetName } from '../../src/core/state';
import type { StoredState } from '../../src/core/state';
import { applyToSnapshot } from '../../src/core/applySnapshot';
import { STATE_SHEET } from '../../src/core/edits';
import type { WorkbookSnapshot, SheetSnapshot } from '../../src/core/snapshot';
import { sheetOf } from '../helpers/grid';

const book: WorkbookSnapshot = { sheets: [] };

describe('state sheet', () => {
  it('round-trips settings and journal through cell changes', () => {
    const state: StoredState = {
      version: 1,
      settings: { rules: 'mof-2020', overrides: { overAchievement: 1.3 } },
      journal: [{ sheet: '附件3 自评表', cell: 'H14', before: { value: 15, fill: null }, after: { value: 14.55, fill: '#FFC7CE' }, label: 'H14 得分' }],
      at: '2026-11-27T00:00:00.000Z',
    };
    const written = applyToSnapshot(book, encodeState(state, null));
    const sheet = written.sheets.find((s) => s.name === STATE_SHEET)!;
    expect(sheet.visibility).toBe('veryHidden');
    expect(decodeState(written)).toEqual(state);
  });

  it('splits long journals over cells under the 32,767-character limit and clears leftovers', () => {
    const long: StoredState = { ...emptyState(), journal: [] };
    for (let i = 0; i < 2000; i++) long.journal.push({ sheet: 'S', cell: `A${i + 1}`, before: { value: 'x'.repeat(20), fill: null }, after: { value: i } });
    const changes = encodeState(long, null);
    expect(changes.length).toBeGreaterThan(3);
    for (const c of changes) expect(String(c.value).length).toBeLessThan(32767);
    const first = applyToSnapshot(book, changes);
    expect(decodeState(first)).toEqual(long);
    const short = encodeState(emptyState(), first);
    expect(short.filter((c) => c.value === null).length).toBe(changes.length - 2);
    expect(decodeState(applyToSnapshot(first, short))).toEqual(emptyState());
  });

  it('ignores a missing, foreign or damaged state sheet', () => {
    expect(decodeState(book)).toBeNull();
    const foreign = applyToSnapshot(book, [{ sheet: STATE_SHEET, cell: 'A1', value: 'something else' }]);
    expect(decodeState(foreign)).toBeNull();
    const valid = applyToSnapshot(book, encodeState(emptyState(), null));
    const damaged = applyToSnapshot(valid, [{ sheet: STATE_SHEET, cell: 'A2', value: '{"version":1,"jour' }]);
    expect(decodeState(damaged)).toBeNull();
  });
});

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A host that stores cell text as UTF-8 (every .xlsx writer): a lone surrogate half becomes U+FFFD. */
const throughUtf8 = (changes: ReturnType<typeof encodeState>) =>
  changes.map((c) => (typeof c.value === 'string' ? { ...c, value: new TextDecoder().decode(new TextEncoder().encode(c.value)) } : c));

describe('journal chunks and characters outside the BMP', () => {
  /** A journal over several chunks whose 30,000th code unit is the first half of 𠮷 (U+20BB7), as in the sweep's x-journal-split. */
  function splitting(): StoredState {
    for (let pad = 0; pad < 40; pad++) {
      const state: StoredState = { ...emptyState(), journal: [] };
      for (let i = 0; i < 600; i++) {
        const sheet = (i === 0 ? 'x'.repeat(pad) : '') + `${'𠮷'.repeat(12)}表${i}`;
        state.journal.push({ sheet, cell: `B${i + 1}`, before: { value: null, fill: null, numberFormat: 'General' }, after: { fill: '#FFC7CE' } });
      }
      const json = JSON.stringify(state);
      const at = json.charCodeAt(29999);
      if (json.length > 60000 && at >= 0xd800 && at <= 0xdbff) return state;
    }
    throw new Error('no padding puts a chunk boundary inside a surrogate pair');
  }

  it('never splits a surrogate pair, so the journal survives a UTF-8 round trip', () => {
    const state = splitting();
    const changes = encodeState(state, null);
    for (const c of changes) {
      expect(LONE_SURROGATE.test(String(c.value))).toBe(false);
      expect(String(c.value).length).toBeLessThanOrEqual(30000);
    }
    const stored = applyToSnapshot(book, throughUtf8(changes));
    expect(decodeState(stored)).toEqual(state);
  });

  it('splitChunks keeps pairs whole at any boundary and loses nothing', () => {
    const text = 'a𠮷b𠮷𠮷c'.repeat(7);
    for (let size = 2; size <= 9; size++) {
      const chunks = splitChunks(text, size);
      expect(chunks.join('')).toBe(text);
      for (const c of chunks) {
        expect(c.length).toBeLessThanOrEqual(size);
        expect(LONE_SURROGATE.test(c)).toBe(false);
      }
    }
    expect(splitChunks('', 5)).toEqual([]);
  });
});

describe('the state sheet must be ours', () => {
  const ours = applyToSnapshot(book, encodeState(emptyState(), null));
  const form = sheetOf('Form', [[1]]);
  const clerks = (name: string, extra: Partial<SheetSnapshot> = {}): WorkbookSnapshot => ({
    sheets: [form, sheetOf(name, [['clerk notes'], [42]], { visibility: 'visible', ...extra })],
  });

  it('names compare without regard to case', () => {
    for (const n of ['_selfeval', '_SELFEVAL', '_SelfEval', '_ſelfeval']) expect(isStateSheetName(n)).toBe(true);
    for (const n of ['selfeval', '_selfeval ', '_selfeval2']) expect(isStateSheetName(n)).toBe(false);
  });

  it('a clerk sheet named _SELFEVAL in any case, visible or hidden, is foreign and never read as state', () => {
    for (const name of ['_selfeval', '_SELFEVAL', '_SelfEval']) {
      for (const visibility of ['visible', 'hidden', 'veryHidden', undefined] as const) {
        const b = clerks(name, { visibility });
        expect(stateSheetStatus(b)).toEqual({ kind: 'foreign', name });
        expect(decodeState(b)).toBeNull();
      }
    }
  });

  it('our marker makes the sheet ours even when it is no longer very hidden (saved by another program, unhidden)', () => {
    for (const visibility of ['hidden', 'visible'] as const) {
      const shown: WorkbookSnapshot = { sheets: ours.sheets.map((s) => ({ ...s, visibility })) };
      expect(stateSheetStatus(shown).kind).toBe('ours');
      expect(decodeState(shown)).toEqual(decodeState(ours));
    }
    // An empty sheet of that name holds nothing to lose, visible or not: Excel leaves ours empty and
    // visible when the batch that adds and hides it stops between the two (issue 10).
    const empty = (visibility: 'visible' | 'hidden'): WorkbookSnapshot => ({ sheets: [{ name: STATE_SHEET, top: 0, left: 0, values: [[null]], texts: [['']], formulas: [[null]], numberFormats: [['General']], merges: [], visibility }] });
    expect(stateSheetStatus(empty('hidden')).kind).toBe('ours');
    expect(stateSheetStatus(empty('visible')).kind).toBe('ours');
  });

  it('our very hidden sheet is ours, whatever the case of its name, and is written under that name', () => {
    expect(stateSheetStatus(ours).kind).toBe('ours');
    const renamed: WorkbookSnapshot = { sheets: ours.sheets.map((s) => ({ ...s, name: '_SELFEVAL' })) };
    expect(decodeState(renamed)).toEqual(emptyState());
    expect(new Set(encodeState(emptyState(), renamed).map((c) => c.sheet))).toEqual(new Set(['_SELFEVAL']));
    expect(new Set(encodeState(emptyState(), null).map((c) => c.sheet))).toEqual(new Set([STATE_SHEET]));
  });

  it('an empty very hidden _selfeval holds nothing to lose: ours, without state', () => {
    const empty: WorkbookSnapshot = { sheets: [form, { ...sheetOf(STATE_SHEET, []), visibility: 'veryHidden' }] };
    expect(stateSheetStatus(empty).kind).toBe('ours');
    expect(decodeState(empty)).toBeNull();
  });

  it('two sheets of that name (not a valid workbook) are foreign', () => {
    const two: WorkbookSnapshot = { sheets: [...ours.sheets, { ...sheetOf('_SELFEVAL', [['x']]), visibility: 'visible' }] };
    expect(stateSheetStatus(two)).toEqual({ kind: 'foreign', name: '_SELFEVAL' });
  });

  it('drops journal entries the planner cannot use', () => {
    const state = { version: 1, journal: [{ sheet: 'S', cell: 'A1', before: { value: 1, fill: null }, after: { value: 2 } }, { sheet: 'S' }, null, 'x'] };
    const b = applyToSnapshot(book, encodeState(state as unknown as StoredState, null));
    expect(decodeState(b)?.journal).toEqual([state.journal[0]]);
  });
});
