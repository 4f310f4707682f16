/** Journal entries keyed to defined names that move with their cells (core/follow.ts). */
import { isOurName, nameJournal, relocate } from '../../src/core/follow';
import type { JournalEntry } from '../../src/core/state';
import type { WorkbookSnapshot } from '../../src/core/snapshot';

const sheet = (rows: (number | null)[][]) => ({
  name: 'S', top: 0, left: 0, values: rows, texts: rows.map((r) => r.map((v) => (v === null ? '' : String(v)))),
  formulas: rows.map((r) => r.map(() => null)), numberFormats: rows.map((r) => r.map(() => 'General')), merges: [],
  fills: rows.map((r) => r.map(() => null)),
});
const entry = (cell: string, value: number, name?: string): JournalEntry => ({ sheet: 'S', cell, before: { value: 1, fill: null }, after: { value }, ...(name ? { name } : {}) });

test('an entry moves to where its name points when that cell shows what we wrote', () => {
  const book: WorkbookSnapshot = { sheets: [sheet([[null], [null], [9]])], names: [{ name: '_selfeval_1', sheet: 'S', cell: 'A3' }] };
  expect(relocate([entry('A1', 9, '_selfeval_1')], book)).toEqual([entry('A3', 9, '_selfeval_1')]);
});

test('a deleted cell (#REF!) drops its entry; a lost name keeps the address; a name that disagrees with the cells keeps the address', () => {
  const book: WorkbookSnapshot = {
    sheets: [sheet([[9], [null], [5]])],
    names: [{ name: '_selfeval_1', sheet: null, cell: null }, { name: '_selfeval_3', sheet: 'S', cell: 'A3' }],
  };
  expect(relocate([entry('A2', 9, '_selfeval_1'), entry('A1', 9, '_selfeval_2'), entry('A1', 9, '_selfeval_3')], book)).toEqual([
    entry('A1', 9, '_selfeval_2'),
    entry('A1', 9, '_selfeval_3'),
  ]);
});

test('a host without names changes nothing', () => {
  const book: WorkbookSnapshot = { sheets: [sheet([[9]])] };
  const j = [entry('A1', 9, '_selfeval_1')];
  expect(relocate(j, book)).toBe(j);
  expect(nameJournal(j, book)).toEqual({ journal: j, names: [] });
});

test('nameJournal names new entries after the highest number, redefines moved ones, deletes unused ones', () => {
  const book: WorkbookSnapshot = {
    sheets: [sheet([[9], [9]])],
    names: [{ name: '_selfeval_4', sheet: 'S', cell: 'A1' }, { name: '_selfeval_7', sheet: 'S', cell: 'A9' }, { name: 'Print_Area', sheet: 'S', cell: 'A1' }],
  };
  const { journal, names } = nameJournal([entry('A1', 9, '_selfeval_4'), entry('A2', 9)], book);
  expect(journal.map((e) => e.name)).toEqual(['_selfeval_4', '_selfeval_8']);
  expect(names).toEqual([{ name: '_selfeval_8', sheet: 'S', cell: 'A2' }, { name: '_selfeval_7', sheet: 'S', cell: null }]);
  expect([isOurName('_SELFEVAL_12'), isOurName('_selfeval_x'), isOurName('Print_Area')]).toEqual([true, false, false]);
});
