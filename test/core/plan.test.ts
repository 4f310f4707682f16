import { planRecompute, planRevert, planClearMarks } from '../../src/core/plan';
import type { ComputedCell } from '../../src/core/plan';
import { applyToSnapshot } from '../../src/core/applySnapshot';
import { MARK_FILLS } from '../../src/core/edits';
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
    expect(byCell.A1).toEqual({ sheet: S, cell: 'A1', value: 0.95, numberFormat: '0.00%' });
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
  it('a corrected cell keeps its finding mark; other cells follow the findings that remain', () => {
    const plan = planRecompute(book, computed, [finding('B1', 'error'), finding('D1', 'error')], [], [finding('A1', 'warning')]);
    const fills = Object.fromEntries(plan.changes.filter((c) => c.fill !== undefined).map((c) => [c.cell, c.fill]));
    expect(fills).toEqual({ B1: MARK_FILLS.error, A1: MARK_FILLS.warning }); // D1's finding is gone after the write
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
