/** The pane's column-map helpers (pure): rows shown, choices offered, and the profile the clerk's choices make. */
import { columnChoices, hasEntries, mapRows, withChoice, withoutForm } from '../../src/taskpane/columnMap';
import { validateProfile } from '../../src/core/profile';
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
});
