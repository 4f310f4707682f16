import { decodeState, encodeState, emptyState } from '../../src/core/state';
import type { StoredState } from '../../src/core/state';
import { applyToSnapshot } from '../../src/core/applySnapshot';
import { STATE_SHEET } from '../../src/core/edits';
import type { WorkbookSnapshot } from '../../src/core/snapshot';

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
