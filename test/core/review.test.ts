import { reviewWorkbook } from '../../src/core/review';
import type { Rule } from '../../src/core/checks';
import { RULES } from '../../src/core/checks';
import type { WorkbookSnapshot } from '../../src/core/snapshot';

const sheet = (name: string, rows: (string | number | null)[][]) => ({
  name, top: 0, left: 0,
  values: rows,
  texts: rows.map((r) => r.map((v) => (v === null ? '' : String(v)))),
  formulas: rows.map((r) => r.map(() => null)),
  numberFormats: rows.map((r) => r.map(() => 'General')),
  merges: [],
});

describe('reviewWorkbook', () => {
  it('reports form-not-found for a workbook without forms', () => {
    const snap: WorkbookSnapshot = { sheets: [sheet('Sheet1', [['hello', 1]])] };
    const { fileReview } = reviewWorkbook(snap, { file: 'x.xlsx', lang: 'en-US' });
    expect(fileReview).toMatchObject({ file: 'x.xlsx', error: null, forms: [] });
    expect(fileReview.findings).toEqual([{ code: 'form-not-found', severity: 'error', sheet: null, cell: null, message: expect.stringMatching(/No recognisable/) }]);
  });

  it('skips hidden sheets: a spare copy or last year\'s form is neither checked nor written', async () => {
    const { snapshotFromBuffer } = await import('../../src/hosts/file/read');
    const { readFileSync } = await import('fs');
    const snap = await snapshotFromBuffer(readFileSync(`${__dirname}/../fixtures/seed-longquan-2023.xlsx`));
    const all = reviewWorkbook(snap).fileReview;
    const hidden = { ...snap, sheets: snap.sheets.map((s) => (s.name === '附件3 自评表' ? { ...s, visibility: 'hidden' as const } : s)) };
    const { fileReview, details } = reviewWorkbook(hidden);
    expect(all.forms.map((f) => f.sheet)).toContain('附件3 自评表');
    expect(fileReview.forms.map((f) => f.sheet)).toEqual(all.forms.map((f) => f.sheet).filter((n) => n !== '附件3 自评表'));
    expect(fileReview.findings.some((f) => f.sheet === '附件3 自评表')).toBe(false);
    expect(details.computedCells.some((c) => c.sheet === '附件3 自评表')).toBe(false);
    const veryHidden = { ...snap, sheets: snap.sheets.map((s) => ({ ...s, visibility: 'veryHidden' as const })) };
    expect(reviewWorkbook(veryHidden).fileReview.findings.map((f) => f.code)).toEqual(['form-not-found']);
  });

  it('one failing rule becomes a failure note, not a crash nor a finding', async () => {
    const { snapshotFromBuffer } = await import('../../src/hosts/file/read');
    const { readFileSync } = await import('fs');
    const snap = await snapshotFromBuffer(readFileSync(`${__dirname}/../fixtures/seed-longquan-2023.xlsx`));
    const boom: Rule = { ...RULES[0], check: () => { throw new Error('boom'); } };
    const { fileReview, details } = reviewWorkbook(snap, { checks: [boom, ...RULES.slice(1)] });
    expect(details.failures.map((f) => f.message)).toContain('boom');
    expect(JSON.stringify(details.failures)).not.toMatch(/\.ts:\d+/);
    expect(fileReview.findings.some((f) => f.code === 'score-mismatch')).toBe(true);
    expect(fileReview.findings.some((f) => f.code === 'value-missing')).toBe(false);
  });

  it('rejects an unknown rule set id with a RuleSetError', () => {
    expect(() => reviewWorkbook({ sheets: [] }, { rules: 'nowhere' })).toThrow(/Unknown rule set "nowhere"/);
  });
});
