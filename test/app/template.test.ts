/** The clerk's column map, kept with the settings in the workbook: applied to every later review and recompute. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { FileHost } from '../../src/hosts/file/host';
import { createAssistant } from '../../src/app/assistant';
import { encodeState, emptyState } from '../../src/core/state';
import { ProfileError, type TemplateProfile } from '../../src/core/profile';
import type { FormReview } from '../../src/core/types';

const SEED = readFileSync(join(__dirname, '../fixtures/seed-longquan-2023.xlsx'));
const SHEET = '附件3 自评表';
const open = (bytes: Uint8Array = new Uint8Array(SEED)) => new FileHost(bytes, 'seed.xlsx');

const SWAP: TemplateProfile = { selfevalProfile: 1, forms: [{ sheet: SHEET, indicators: { headerRow: 12, columns: { score: 'g', weight: 'H' } } }] };
const selfEval = (s: { review: { forms: { kind: string }[] } }) => s.review.forms.find((f) => f.kind === 'self-evaluation') as FormReview;

describe('the column map in the workbook', () => {
  it('is saved with the settings, re-checks at once, and survives save and reopen', async () => {
    const host = open();
    const saved = await createAssistant(host).saveSettings({ rules: 'mof-2020', template: SWAP });
    // Stored as validated (letters upper-cased).
    expect(saved.settings.template?.forms[0].indicators?.columns).toEqual({ score: 'G', weight: 'H' });
    expect(selfEval(saved).columns).toMatchObject({ score: 'G', weight: 'H' });
    const reopened = await createAssistant(open(host.bytes())).check();
    expect(reopened.settings.template).toEqual(saved.settings.template);
    expect(selfEval(reopened).columns).toMatchObject({ score: 'G', weight: 'H' });
  });

  it('applies to the recompute: computed scores go to the mapped column', async () => {
    const host = open();
    await createAssistant(host).saveSettings({ rules: 'mof-2020', template: SWAP });
    const state = await createAssistant(host).recompute();
    expect(state.changed.length).toBeGreaterThan(0);
    expect(state.changed.every((c) => c.cell.startsWith('G'))).toBe(true);
  });

  it('refuses a bad map before writing anything', async () => {
    const host = open();
    const bad = { selfevalProfile: 1, forms: [{ sheet: SHEET, indicators: { columns: { score: 'H', weight: 'H' } } }] } as TemplateProfile;
    await expect(createAssistant(host, { lang: 'en-US' }).saveSettings({ rules: 'mof-2020', template: bad })).rejects.toThrow(ProfileError);
    expect(host.bytes()).toEqual(new Uint8Array(SEED));
  });

  it('a reset (an empty map) leaves no map in the state', async () => {
    const host = open();
    await createAssistant(host).saveSettings({ rules: 'mof-2020', template: SWAP });
    const reset = await createAssistant(host).saveSettings({ rules: 'mof-2020', template: { selfevalProfile: 1, forms: [] } });
    expect(reset.settings.template).toBeUndefined();
    expect(selfEval(reset).columns).toMatchObject({ score: 'H', weight: 'G' });
  });

  it('a stored map that is no valid profile (edited by hand) is ignored, not fatal', async () => {
    const host = open();
    const state = { ...emptyState(), settings: { rules: 'mof-2020', template: { selfevalProfile: 1, forms: [{ sheet: SHEET, indicators: { columns: { score: 'H9' } } }] } } };
    await host.apply(encodeState(state, await host.read()));
    const checked = await createAssistant(host).check();
    expect(checked.settings.template).toBeUndefined();
    expect(selfEval(checked).columns).toMatchObject({ score: 'H' });
  });
});
