import { planRecompute, planRevert, planClearMarks } from '../../src/core/plan';
import type { ComputedCell } from '../../src/core/plan';
import { applyToSnapshot } from '../../src/core/applySnapshot';
import { CORRECTED_FILL, MARK_FILLS } from '../../src/core/edits';
import type { Finding } from '../../src/core/types';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import { cellByAddress } from '../../src/core/grid';
import { sheetOf } from '../helpers/grid';

const S = 'Form';
// A1 rate (stated), B1 score (stated 15), C1 formula score, D1 explanation.
const book: WorkbookSnapshot = { sheets: [sheetOf(S, [[0.9, 15, '=SUM(X1:X2)', null]], { fills: [[null, '#00FF00', null, null]] })] };

const computed: ComputedCell[] = [
  { sheet: S, cell: 'A1', value: 0.95, kind: 'rate', label: '执行率' },
  { sheet: S, cell: 'B1', value: 14.55, kind: 'score', label: '得分' },
  { sheet: S, cell: 'C1', value: 3, kind: 'score' },
];
const finding = (cell: string, severity: Finding['severity']): Finding => ({ code: 'score-mismatch', severity, sheet: S, cell, message: 'm' });

describe('planRecompute', () => {
  it('writes computed values, never over a formula, and marks the strongest severity per cell', () => {
    const plan = planRecompute(book, computed, [finding('B1', 'warning'), finding('B1', 'error'), finding('D1', 'info')]);
    const byCell = Object.fromEntries(plan.changes.map((c) => [c.cell, c]));
    expect(byCell.A1).toEqual({ sheet: S, cell: 'A1', value: 0.95, numberFormat: '0.00%', fill: CORRECTED_FILL }); // 已更正
    expect(byCell.B1).toEqual({ sheet: S, cell: 'B1', value: 14.55, fill: MARK_FILLS.error });
    expect(byCell.C1).toBeUndefined(); // formula
    expect(byCell.D1).toBeUndefined(); // info is not painted
    const b1 = plan.journal.find((e) => e.cell === 'B1')!;
    expect(b1.before).toEqual({ value: 15, fill: '#00FF00', numberFormat: 'General' });
    expect(b1.after).toEqual({ value: 14.55, fill: MARK_FILLS.error });
  });

  it('writes nothing for a cell that already holds the computed value', () => {
    const plan = planRecompute(book, [{ sheet: S, cell: 'B1', value: 15, kind: 'score' }], []);
    expect(plan.changes).toEqual([]);
    expect(plan.journal).toEqual([]);
  });

  it('keeps the original before-image across recomputes and drops marks that no longer apply', () => {
    const first = planRecompute(book, computed, [finding('B1', 'error'), finding('D1', 'warning')]);
    const after1 = applyToSnapshot(book, first.changes);
    const second = planRecompute(after1, computed, [finding('B1', 'error')], first.journal);
    const d1 = second.changes.find((c) => c.cell === 'D1');
    expect(d1).toEqual({ sheet: S, cell: 'D1', fill: null });
    expect(second.journal.find((e) => e.cell === 'D1')).toBeUndefined();
    expect(second.journal.find((e) => e.cell === 'B1')!.before.value).toBe(15);
  });
});

describe('marks before and after the write', () => {
  it('a corrected cell with no remaining finding carries only 已更正; other cells follow the findings that remain', () => {
    const plan = planRecompute(book, computed, [finding('B1', 'error'), finding('D1', 'error')], [], [finding('A1', 'warning')]);
    const fills = Object.fromEntries(plan.changes.filter((c) => c.fill !== undefined).map((c) => [c.cell, c.fill]));
    // D1's finding is gone after the write; A1 was written but still has a finding: 待处理 wins.
    expect(fills).toEqual({ B1: CORRECTED_FILL, A1: MARK_FILLS.warning });
  });

  it('a later recompute with nothing left to write keeps the marks of corrected cells', () => {
    const first = planRecompute(book, computed, [finding('B1', 'error')], [], []);
    const after = applyToSnapshot(book, first.changes);
    const again = planRecompute(after, computed, [], first.journal, []);
    expect(again.changes).toEqual([]);
    expect(again.journal).toEqual(first.journal);
  });
});

describe('planRevert and planClearMarks', () => {
  const first = planRecompute(book, computed, [finding('B1', 'error')]);
  const after = applyToSnapshot(book, first.changes);

  it('revert restores values, formats and fills exactly', () => {
    const back = applyToSnapshot(after, planRevert(after, first.journal).changes);
    for (const cell of ['A1', 'B1', 'C1', 'D1']) expect(cellByAddress(back, S, cell)).toEqual(cellByAddress(book, S, cell));
  });

  it('revert leaves a cell the clerk edited since alone, and says so', () => {
    const edited = applyToSnapshot(after, [{ sheet: S, cell: 'B1', value: 12 }]);
    const plan = planRevert(edited, first.journal);
    const b1 = plan.changes.find((c) => c.cell === 'B1');
    expect(b1?.value).toBeUndefined();
    expect(b1?.fill).toBe('#00FF00');
    expect(plan.skipped.map((e) => e.cell)).toEqual(['B1']);
  });

  it('revert puts a value back only where our fill is still shown too: a value that matches by chance is the clerk’s', () => {
    // B1 now holds 14.55 without our mark (a row moved here by rows inserted above, in a host without names).
    const moved = applyToSnapshot(after, [{ sheet: S, cell: 'B1', fill: null }]);
    const plan = planRevert(moved, first.journal);
    expect(plan.changes.find((c) => c.cell === 'B1')).toBeUndefined();
    expect(plan.skipped.map((e) => e.cell)).toContain('B1');
    // A1 still shows our value and our 已更正 fill: restored.
    expect(plan.changes.find((c) => c.cell === 'A1')).toMatchObject({ value: 0.9, fill: null });
  });

  it('clear marks restores fills, keeps computed values and keeps them revertible', () => {
    const plan = planClearMarks(after, first.journal);
    const cleared = applyToSnapshot(after, plan.changes);
    expect(cellByAddress(cleared, S, 'B1').value).toBe(14.55);
    expect(cellByAddress(cleared, S, 'B1').fill).toBe('#00FF00');
    expect(plan.journal.every((e) => e.after.fill === undefined && e.after.value !== undefined)).toBe(true);
    const back = applyToSnapshot(cleared, planRevert(cleared, plan.journal).changes);
    expect(cellByAddress(back, S, 'B1').value).toBe(15);
  });
});

describe('what the clerk changed after a recompute is the clerk’s', () => {
  const first = planRecompute(book, computed, [finding('B1', 'error'), finding('D1', 'warning')]);
  const after = applyToSnapshot(book, first.changes);
  const entry = (plan: { journal: { cell: string }[] }, cell: string) => plan.journal.find((e) => e.cell === cell) as (typeof first.journal)[number];

  it('a value the clerk typed over ours is journalled as before when we write again, and revert restores it', () => {
    const typed = applyToSnapshot(after, [{ sheet: S, cell: 'B1', value: 13 }]);
    const second = planRecompute(typed, computed, [finding('B1', 'error')], first.journal);
    expect(second.changes.find((c) => c.cell === 'B1')).toEqual({ sheet: S, cell: 'B1', value: 14.55 });
    expect(entry(second, 'B1').before).toEqual({ value: 13, fill: '#00FF00', numberFormat: 'General' });
    expect(entry(second, 'B1').after).toEqual({ value: 14.55, fill: MARK_FILLS.error });
    const back = applyToSnapshot(applyToSnapshot(typed, second.changes), planRevert(applyToSnapshot(typed, second.changes), second.journal).changes);
    expect(cellByAddress(back, S, 'B1')).toMatchObject({ value: 13, fill: '#00FF00' });
  });

  it('a value the clerk typed that equals the computed one stays, is no longer ours to revert, and loses our mark', () => {
    const typed = applyToSnapshot(after, [{ sheet: S, cell: 'B1', value: 13 }]);
    const second = planRecompute(typed, [{ sheet: S, cell: 'B1', value: 13, kind: 'score' }], [], first.journal, []);
    // No finding left and the value is the clerk's: our mark comes off, and the cell leaves the journal.
    expect(second.changes.find((c) => c.cell === 'B1')).toEqual({ sheet: S, cell: 'B1', fill: '#00FF00' });
    expect(entry(second, 'B1')).toBeUndefined();
    const now = applyToSnapshot(typed, second.changes);
    const back = applyToSnapshot(now, planRevert(now, second.journal).changes);
    expect(cellByAddress(back, S, 'B1')).toMatchObject({ value: 13, fill: '#00FF00' });
  });

  it('a rate the clerk typed into the percent format we set is restored as the clerk left it', () => {
    const typed = applyToSnapshot(after, [{ sheet: S, cell: 'A1', value: 0.9 }]);
    const second = planRecompute(typed, computed, [finding('B1', 'error')], first.journal);
    expect(second.changes.find((c) => c.cell === 'A1')).toEqual({ sheet: S, cell: 'A1', value: 0.95 });
    expect(entry(second, 'A1').before).toMatchObject({ value: 0.9, numberFormat: '0.00%' });
    const now = applyToSnapshot(typed, second.changes);
    const back = applyToSnapshot(now, planRevert(now, second.journal).changes);
    expect(cellByAddress(back, S, 'A1')).toMatchObject({ value: 0.9, numberFormat: '0.00%' });
  });

  it('a formula the clerk put in place of our value is left alone by recompute and revert', () => {
    const withFormula: WorkbookSnapshot = { sheets: [sheetOf(S, [[0.95, '=SUM(Y1)', '=SUM(X1:X2)', null]], { fills: [[null, MARK_FILLS.error, null, MARK_FILLS.warning]] })] };
    const second = planRecompute(withFormula, computed, [finding('B1', 'error')], first.journal);
    expect(second.changes.find((c) => c.cell === 'B1')).toBeUndefined();
    expect(entry(second, 'B1').after.value).toBeUndefined();
    expect(planRevert(withFormula, second.journal).changes.find((c) => c.cell === 'B1')).toEqual({ sheet: S, cell: 'B1', fill: '#00FF00' });
  });

  it('a value written where we had only marked journals the clerk’s value of the time of the write', () => {
    const marked = planRecompute(book, [], [finding('B1', 'error')]);
    const typed = applyToSnapshot(applyToSnapshot(book, marked.changes), [{ sheet: S, cell: 'B1', value: 12 }]);
    const second = planRecompute(typed, computed, [finding('B1', 'error')], marked.journal);
    expect(entry(second, 'B1').before.value).toBe(12);
  });

  it('a mark the clerk repainted is the clerk’s fill: journalled as before, restored by clear marks and revert', () => {
    const repainted = applyToSnapshot(after, [{ sheet: S, cell: 'B1', fill: '#92D050' }, { sheet: S, cell: 'D1', fill: MARK_FILLS.error }]);
    const second = planRecompute(repainted, computed, [finding('B1', 'error'), finding('D1', 'warning')], first.journal);
    expect(entry(second, 'B1').before.fill).toBe('#92D050');
    expect(entry(second, 'D1').before.fill).toBe(MARK_FILLS.error); // the clerk's pink, not ours
    const now = applyToSnapshot(repainted, second.changes);
    expect(cellByAddress(now, S, 'B1').fill).toBe(MARK_FILLS.error);
    expect(cellByAddress(now, S, 'D1').fill).toBe(MARK_FILLS.warning);
    const cleared = applyToSnapshot(now, planClearMarks(now, second.journal).changes);
    expect(cellByAddress(cleared, S, 'B1').fill).toBe('#92D050');
    expect(cellByAddress(cleared, S, 'D1').fill).toBe(MARK_FILLS.error);
    const reverted = applyToSnapshot(now, planRevert(now, second.journal).changes);
    expect(cellByAddress(reverted, S, 'B1')).toMatchObject({ value: 15, fill: '#92D050' });
    expect(cellByAddress(reverted, S, 'D1').fill).toBe(MARK_FILLS.error);
  });

  it('a repainted cell whose finding is gone keeps the clerk’s fill and leaves the journal', () => {
    const repainted = applyToSnapshot(after, [{ sheet: S, cell: 'D1', fill: '#FFFF00' }]);
    const second = planRecompute(repainted, computed, [finding('B1', 'error')], first.journal);
    expect(second.changes.find((c) => c.cell === 'D1')).toBeUndefined();
    expect(entry(second, 'D1')).toBeUndefined();
  });

  it('a repainted cell whose value is ours keeps the value claim, and the clerk’s fill is what revert leaves', () => {
    const repainted = applyToSnapshot(after, [{ sheet: S, cell: 'B1', fill: 'other' }]);
    const second = planRecompute(repainted, computed, [finding('B1', 'error')], first.journal);
    expect(second.changes.find((c) => c.cell === 'B1')).toBeUndefined();
    expect(entry(second, 'B1').after).toEqual({ value: 14.55 });
    const back = planRevert(repainted, second.journal).changes.find((c) => c.cell === 'B1');
    expect(back).toEqual({ sheet: S, cell: 'B1', value: 15 });
  });
});

describe('fills that are not a plain colour (snapshot fills: \'other\')', () => {
  const odd = ['other', 'theme:4', '', '#FFF', 'red', '#12345G', 'FFC7CE'];
  for (const fill of odd) {
    it(`never marks a cell filled ${JSON.stringify(fill)} nor writes that fill back`, () => {
      const b: WorkbookSnapshot = { sheets: [sheetOf(S, [[0.9, 15, '=SUM(X1:X2)', null]], { fills: [[fill, fill, null, fill]] })] };
      const plan = planRecompute(b, computed, [finding('A1', 'error'), finding('B1', 'error'), finding('D1', 'warning')]);
      expect(plan.changes.filter((c) => c.fill !== undefined)).toEqual([]);
      expect(plan.changes.find((c) => c.cell === 'B1')).toEqual({ sheet: S, cell: 'B1', value: 14.55 });
      expect(plan.journal.map((e) => e.cell).sort()).toEqual(['A1', 'B1']); // values only
      expect(plan.journal.every((e) => e.after.fill === undefined)).toBe(true);
      const now = applyToSnapshot(b, plan.changes);
      for (const restore of [planRevert(now, plan.journal), planClearMarks(now, plan.journal)]) {
        expect(restore.changes.filter((c) => c.fill !== undefined)).toEqual([]);
      }
      const again = planRecompute(now, computed, [finding('B1', 'error'), finding('D1', 'warning')], plan.journal);
      expect(again.changes).toEqual([]);
    });
  }

  it('marks a cell once the clerk gives it a plain colour, restoring that colour', () => {
    const b: WorkbookSnapshot = { sheets: [sheetOf(S, [[0.9, 15, null, null]], { fills: [[null, 'other', null, null]] })] };
    const plan = planRecompute(b, computed, [finding('B1', 'error')]);
    const recoloured = applyToSnapshot(applyToSnapshot(b, plan.changes), [{ sheet: S, cell: 'B1', fill: '#92d050' }]);
    const again = planRecompute(recoloured, computed, [finding('B1', 'error')], plan.journal);
    expect(again.changes).toEqual([{ sheet: S, cell: 'B1', fill: MARK_FILLS.error }]);
    const now = applyToSnapshot(recoloured, again.changes);
    // Clear marks treats both kinds: B1's 待处理 gives the clerk's colour back, A1's and C1's 已更正 go.
    expect(planClearMarks(now, again.journal).changes).toEqual([
      { sheet: S, cell: 'A1', fill: null },
      { sheet: S, cell: 'B1', fill: '#92d050' },
      { sheet: S, cell: 'C1', fill: null },
    ]);
  });

  it('a journal whose before fill is not a colour (another version, damage) takes our mark off instead of writing it', () => {
    const marked = applyToSnapshot(book, [{ sheet: S, cell: 'D1', fill: MARK_FILLS.error }]);
    const journal = [{ sheet: S, cell: 'D1', before: { value: null, fill: 'other' }, after: { fill: MARK_FILLS.error } }];
    expect(planClearMarks(marked, journal).changes).toEqual([{ sheet: S, cell: 'D1', fill: null }]);
    expect(planRevert(marked, journal).changes).toEqual([{ sheet: S, cell: 'D1', fill: null }]);
    expect(planRecompute(marked, [], [], journal).changes).toEqual([{ sheet: S, cell: 'D1', fill: null }]);
  });

  it('compares our mark colour without regard to case (a host may report #ffc7ce)', () => {
    const lower = applyToSnapshot(book, [{ sheet: S, cell: 'D1', fill: MARK_FILLS.error.toLowerCase() }]);
    const journal = [{ sheet: S, cell: 'D1', before: { value: null, fill: null }, after: { fill: MARK_FILLS.error } }];
    expect(planRecompute(lower, [], [finding('D1', 'error')], journal).changes).toEqual([]);
    expect(planClearMarks(lower, journal).changes).toEqual([{ sheet: S, cell: 'D1', fill: null }]);
  });
});

describe('merged cells are one cell for marks', () => {
  it('a finding on a cell a merge covers marks the merge’s top-left', () => {
    const b: WorkbookSnapshot = { sheets: [sheetOf(S, [[15, null], [null, null]], { merges: ['A1:A2'] })] };
    const plan = planRecompute(b, [], [finding('A2', 'error')]);
    expect(plan.changes).toEqual([{ sheet: S, cell: 'A1', fill: MARK_FILLS.error }]);
  });
});
