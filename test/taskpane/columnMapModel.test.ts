/** The pane's column-map helpers (pure): rows shown, choices offered, and the profile the clerk's choices make. */
import { columnChoices, hasEntries, mapRows, withAddedTable, withChoice, withoutForm } from '../../src/taskpane/columnMap';
import { validateProfile } from '../../src/core/profile';
import { DEFAULT_OVERRIDES, withOverrides } from '../../src/taskpane/settings';
import type { FormReview } from '../../src/core/types';

const FORM: FormReview = {
  sheet: '附件3 自评表', kind: 'self-evaluation', range: 'B2:I21', unit: null,
  headerRow: 12, columns: { level1: 'B', level3: 'D', target: 'E', actual: 'F', weight: 'G', score: 'H', nature: 'J' },
  fundsHeaderRow: null,
};

describe('column map helpers', () => {
  it('lists the named fields, optional ones only when read, and no funds rows without a funds block', () => {
    const rows = mapRows(FORM);
    expect(rows.map((r) => `${r.field}=${r.letter ?? '-'}`)).toEqual(['level1=B', 'level2=-', 'level3=D', 'target=E', 'actual=F', 'weight=G', 'score=H', 'explanation=-', 'nature=J']);
    expect(mapRows({ ...FORM, kind: 'basic-data' })).toEqual([]);
    // A funds block without an indicator table: only the funds fields.
    const fundsOnly = mapRows({ ...FORM, headerRow: null, columns: {}, fundsHeaderRow: 3, fundsColumns: { budgeted: 'D', executed: 'E' } });
    expect(fundsOnly.map((r) => `${r.table}.${r.field}=${r.letter ?? '-'}`)).toEqual(['funds.planned=-', 'funds.budgeted=D', 'funds.executed=E', 'funds.rate=-', 'funds.weight=-', 'funds.score=-']);
  });

  it('offers the range and two columns past it', () => {
    expect(columnChoices(FORM)).toEqual(['B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J', 'K']);
  });

  it('builds one entry per table, moving a column off the field the clerk had put there', () => {
    let p = withChoice(undefined, FORM, 'indicators', 'score', 'I');
    p = withChoice(p, FORM, 'indicators', 'explanation', 'I');
    expect(p.forms).toEqual([{ sheet: '附件3 自评表', indicators: { headerRow: 12, columns: { score: null, explanation: 'I' } } }]);
    expect(validateProfile(p).ok).toBe(true);
    expect(mapRows(FORM, p).filter((r) => r.mapped).map((r) => r.field)).toEqual(['score', 'explanation']);
    expect(hasEntries(p, FORM)).toBe(true);
    // Another form's entries are kept by a reset of this one.
    const other = withChoice(p, { ...FORM, headerRow: 40 }, 'indicators', 'score', 'H');
    expect(withoutForm(other, FORM).forms).toEqual([{ sheet: '附件3 自评表', indicators: { headerRow: 40, columns: { score: 'H' } } }]);
    expect(hasEntries(withoutForm(p, FORM), FORM)).toBe(false);
  });

  it('a table added by hand stays added when one of its fields is changed', () => {
    const added = withAddedTable(undefined, ' 补充表 ', 'indicators', '2', { level3: 'C', weight: 'F', score: ' G ', target: '' });
    expect(added.forms).toEqual([{ sheet: '补充表', indicators: { headerRow: 2, add: true, columns: { level3: 'C', weight: 'F', score: 'G' } } }]);
    const form: FormReview = { ...FORM, sheet: '补充表', headerRow: 2 };
    expect(withChoice(added, form, 'indicators', 'score', 'H').forms).toEqual([
      { sheet: '补充表', indicators: { headerRow: 2, add: true, columns: { level3: 'C', weight: 'F', score: 'H' } } },
    ]);
  });

  it('saving the scoring settings keeps the column map', () => {
    const template = withChoice(undefined, FORM, 'indicators', 'score', 'G');
    const next = withOverrides({ rules: 'mof-2020', template }, 'mof-2020', { ...DEFAULT_OVERRIDES, scoreTolerance: 0.5 }, DEFAULT_OVERRIDES);
    expect(next).toEqual({ rules: 'mof-2020', overrides: { scoreTolerance: 0.5 }, template });
  });
});
