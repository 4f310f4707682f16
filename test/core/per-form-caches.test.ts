/**
 * The second pass on the per-file work: norm and withoutSpaces answer from one memo lookup, and a
 * basic-data form's 经费控制 section and control ratios are found once per form. Each must answer
 * exactly as the work it replaced, on every call, and per form (never one form's answer for another).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { gunzipSync } from 'zlib';
import { norm, withoutSpaces } from '../../src/core/locate/text';
import { foldWidth } from '../../src/core/parse/normalize';
import { locateForms } from '../../src/core/locate';
import { controlRatios, moneySection } from '../../src/core/checks/basic';
import type { BasicDataForm } from '../../src/core/form';
import type { WorkbookSnapshot } from '../../src/core/snapshot';

/** norm as it was written before the memo took the scan inside it. */
function normBefore(s: string): string {
  if (s === '') return s;
  const t = s.length > 300 ? s.slice(0, 300) : s;
  return foldWidth(t).replace(/[\s\u200B-\u200D\u2060\uFEFF]+/g, '');
}

const withoutSpacesBefore = (s: string | null | undefined) => (s ?? '').replace(/[\s\u3000]+/g, '');

const TEXTS = [
  '',
  '项目支出',
  '年度预\n算申请\n（万元）',
  '　　其中：公车购置',
  'ＡＢＣ１２３',
  'a\u200bb\u2060c\ufeffd',
  '2673.41',
  ' 8 ',
  '一、财政供养人员情况',
  '说明'.repeat(140) + ' 尾', // 283 characters: past the memo's key limit, inside norm's cut
  '长'.repeat(299) + '　 ＡＢ', // cut at 300 by norm
];

describe('norm and withoutSpaces from one memo lookup', () => {
  it('answer as the scan-then-replace they replaced, on first and later calls', () => {
    for (let round = 0; round < 2; round++) {
      for (const t of TEXTS) {
        expect(norm(t)).toBe(normBefore(t));
        expect(withoutSpaces(t)).toBe(withoutSpacesBefore(t));
      }
    }
    expect(withoutSpaces(null)).toBe('');
    expect(withoutSpaces(undefined)).toBe('');
  });
});

function seedBasicData(): BasicDataForm {
  const corpus = JSON.parse(gunzipSync(readFileSync(join(__dirname, '../metamorphic/corpus.json.gz'))).toString('utf8')) as { id: string; book: WorkbookSnapshot }[];
  const seed = corpus.find((c) => c.id === 'fixture:seed-longquan-2023.xlsx');
  if (!seed) throw new Error('the seed is missing from the corpus');
  const form = locateForms(seed.book).find((f) => f.kind === 'basic-data');
  if (!form || form.kind !== 'basic-data') throw new Error('no basic-data form on the seed');
  return form;
}

describe('a basic-data form read once per form', () => {
  const form = seedBasicData();

  it('hands every check the same ratios and section, as computed afresh', () => {
    const first = controlRatios(form);
    expect(controlRatios(form)).toBe(first);
    expect(first.length).toBeGreaterThan(0);
    expect(first[0]).toMatchObject({ name: { zh: '控制率' }, numerator: 37, denominator: 40, computed: 0.925, stated: 0.925 });
    // A copy of the form is another form: its answers are its own, and the same.
    const copy = structuredClone(form);
    expect(controlRatios(copy)).not.toBe(first);
    expect(controlRatios(copy)).toEqual(first);
    expect(moneySection(copy)).toEqual(moneySection(form));
    expect(moneySection(form)?.title).toMatch(/经费控制/);
  });

  it('answers for the form as it is when first asked: a form without the sections has none', () => {
    const bare: BasicDataForm = { ...structuredClone(form), sections: [] };
    expect(controlRatios(bare)).toEqual([]);
    expect(moneySection(bare)).toBeNull();
    expect(controlRatios(form).length).toBeGreaterThan(0);
  });
});
