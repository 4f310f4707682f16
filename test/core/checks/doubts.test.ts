/** No error rests on a doubtful column: guardFindings lowers the errors that read it, and only those. */
import { guardFindings, doubtfulColumns } from '../../../src/core/checks';
import type { LayoutDoubt } from '../../../src/core/form';
import type { Finding } from '../../../src/core/types';
import { selfEvaluation } from '../helpers/forms';
import { bound } from '../helpers/bound';

const form = (doubts: LayoutDoubt[]) => ({
  ...selfEvaluation({ rows: [{ target: '≥100个', actual: '90个', weight: 10, score: 10 }] }),
  columns: { level1: bound('B12', '一级指标'), score: bound('H12', '得分'), weight: bound('G12', '分值') },
  layout: { columns: [], doubts },
});

const finding = (code: Finding['code'], cell: string, severity: Finding['severity'] = 'error'): Finding => ({ code, severity, sheet: '自评表', cell, message: '' });

const closeScore: LayoutDoubt = { kind: 'close', field: 'score', cell: 'H12', header: '得分', col: 7, other: { cell: 'I12', header: '自评得分', col: 8 }, notes: [] };
const badWeight: LayoutDoubt = { kind: 'contradicts', field: 'weight', cell: 'G12', header: '分值', col: 6, notes: [] };

describe('guardFindings', () => {
  it('lowers the table\'s errors that read the doubtful score, not the budget\'s above it', () => {
    const list = [finding('score-mismatch', 'H4'), finding('score-mismatch', 'H13'), finding('deviation-unexplained', 'I13'), finding('sum-mismatch', 'H14')];
    guardFindings(form([closeScore]), list, 0);
    expect(list.map((f) => `${f.cell} ${f.severity}`)).toEqual(['H4 error', 'H13 warning', 'I13 warning', 'H14 warning']);
  });

  it('leaves errors that do not read the doubtful field', () => {
    const list = [finding('rate-mismatch', 'G13'), finding('cross-table-mismatch', 'D13'), finding('score-over-weight', 'H13')];
    guardFindings(form([badWeight]), list, 0);
    expect(list.map((f) => f.severity)).toEqual(['error', 'error', 'warning']);
  });

  it('touches only the findings from the given index (one form\'s)', () => {
    const list = [finding('score-mismatch', 'H13'), finding('score-mismatch', 'H13')];
    guardFindings(form([closeScore]), list, 1);
    expect(list.map((f) => f.severity)).toEqual(['error', 'warning']);
  });

  it('a missing part is no doubtful column: nothing lowered, nothing kept from writing', () => {
    const f = form([{ kind: 'missing', field: 'score', cell: 'B12', header: '一级指标', notes: [] }]);
    const list = [finding('score-mismatch', 'H13')];
    guardFindings(f, list, 0);
    expect(list[0].severity).toBe('error');
    expect([...doubtfulColumns(f)]).toEqual([]);
    expect([...doubtfulColumns(form([closeScore, badWeight]))]).toEqual([7, 6]);
  });
});
