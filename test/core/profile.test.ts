/** Template profiles: the validator's messages, sheet patterns, and the column map applied by the review. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseProfile, ProfileError, sheetMatches, validateProfile, type TemplateProfile } from '../../src/core/profile';
import { reviewWorkbook } from '../../src/core/review';
import type { CellValue } from '../../src/core/snapshot';
import { centralForm } from './locate/builders';
import { sheet, workbook } from './locate/grid';

const SHEET = '附件3 项目自评表';

function book(rows: CellValue[][] = centralForm().rows, merges: string[] = centralForm().merges) {
  return workbook(sheet(rows, { name: SHEET, merges }));
}

function review(template?: TemplateProfile, b = book()) {
  return reviewWorkbook(b, { template }).fileReview;
}

const profile = (forms: TemplateProfile['forms']): TemplateProfile => ({ selfevalProfile: 1, forms });

function problems(text: string, lang: 'zh-CN' | 'en-US' = 'zh-CN'): string[] {
  try {
    parseProfile(text, lang);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    return (e as ProfileError).problems;
  }
  throw new Error('accepted');
}

describe('validateProfile', () => {
  it('accepts a profile, upper-cases letters and reads "" as no column', () => {
    const p = parseProfile(JSON.stringify({ selfevalProfile: 1, name: '某市财政局', forms: [{ sheet: '附件3*', indicators: { headerRow: 11, columns: { score: 'h', explanation: '' } }, funds: { columns: { rate: 'G' } } }] }));
    expect(p).toEqual({ selfevalProfile: 1, name: '某市财政局', forms: [{ sheet: '附件3*', indicators: { headerRow: 11, columns: { score: 'H', explanation: null } }, funds: { columns: { rate: 'G' } } }] });
  });

  it('reads a file with a byte-order mark', () => {
    expect(parseProfile('\uFEFF{"selfevalProfile":1,"forms":[]}')).toEqual({ selfevalProfile: 1, forms: [] });
  });

  it.each([
    ['{"selfevalProfile":1,', /^不是有效的 JSON：/],
    ['[]', /^模板配置应为对象$/],
    ['{"forms":[]}', /^缺少 "selfevalProfile": 1/],
    ['{"selfevalProfile":2,"forms":[]}', /版本不受支持/],
    ['{"selfevalProfile":1}', /^"forms" 应为数组$/],
    ['{"selfevalProfile":1,"forms":[{"indicators":{"columns":{}}}]}', /^forms\[0\]：缺少工作表名 "sheet"$/],
    ['{"selfevalProfile":1,"forms":[{"sheet":"A","indicators":{"columns":{"得分":"H"}}}]}', /^forms\[0\]\.indicators\.columns：未知的字段 "得分"（可用：level1, /],
    ['{"selfevalProfile":1,"forms":[{"sheet":"A","funds":{"columns":{"explanation":"H"}}}]}', /^forms\[0\]\.funds\.columns：未知的字段 "explanation"/],
    ['{"selfevalProfile":1,"forms":[{"sheet":"A","indicators":{"columns":{"score":"H1"}}}]}', /^forms\[0\]\.indicators\.columns：字段 "score" 的列 "H1" 不是列字母/],
    ['{"selfevalProfile":1,"forms":[{"sheet":"A","indicators":{"columns":{"score":"XFE"}}}]}', /列 "XFE" 不是列字母/],
    ['{"selfevalProfile":1,"forms":[{"sheet":"A","indicators":{"columns":{"score":8}}}]}', /列 "8" 不是列字母/],
    ['{"selfevalProfile":1,"forms":[{"sheet":"A","indicators":{"columns":{"score":"H","weight":"h"}}}]}', /^forms\[0\]\.indicators\.columns：列 H 同时指定给了 score, weight$/],
    ['{"selfevalProfile":1,"forms":[{"sheet":"A","indicators":{"headerRow":0,"columns":{}}}]}', /"headerRow" 应为正整数/],
    ['{"selfevalProfile":1,"forms":[{"sheet":"A","indicators":{"columns":{"level3":"C","score":"H"},"add":true}}]}', /须写明 "headerRow"/],
    ['{"selfevalProfile":1,"forms":[{"sheet":"A","indicators":{"headerRow":3,"columns":{"target":"C"},"add":true}}]}', /至少需要指标名称列/],
    ['{"selfevalProfile":1,"forms":[{"sheet":"A","funds":{"headerRow":3,"columns":{"executed":"C"},"add":true}}]}', /至少需要执行数列/],
    ['{"selfevalProfile":1,"forms":[{"sheet":"A","tables":[]}]}', /^forms\[0\]：未知的项 "tables"$/],
  ])('%s → a clear message', (text, message) => {
    expect(problems(text)).toEqual([expect.stringMatching(message)]);
  });

  it('lists every problem, in English when asked', () => {
    const found = problems('{"selfevalProfile":1,"forms":[{"sheet":"A","indicators":{"columns":{"score":"?","weight":"G","target":"g"}}}]}', 'en-US');
    expect(found).toEqual([
      'forms[0].indicators.columns: column "?" of field "score" is not a column letter (such as "H", or null for no such column)',
      'forms[0].indicators.columns: column G is given to weight, target at once',
    ]);
  });

  it('never throws on any value', () => {
    for (const v of [null, 1, 'x', { selfevalProfile: 1, forms: [null, 3, { sheet: 1 }] }]) expect(validateProfile(v).ok).toBe(false);
  });
});

describe('sheetMatches', () => {
  it.each([
    ['附件3 项目自评表', SHEET, true],
    ['附件3*', SHEET, true],
    ['附件?', '附件3', true],
    ['附件?', '附件31', false],
    ['sheet1', 'Sheet1', true],
    ['a.b', 'axb', false],
  ])('%s names %s: %s', (pattern, name, expected) => {
    expect(sheetMatches(pattern, name)).toBe(expected);
  });
});

describe('the column map in the review', () => {
  it('names the column of each field and the header rows', () => {
    const form = review().forms[0];
    expect(form.headerRow).toBe(11);
    expect(form.columns).toEqual({ level1: 'B', level2: 'C', level3: 'D', target: 'E', actual: 'F', weight: 'G', score: 'H', explanation: 'I' });
    expect(form.fundsHeaderRow).toBe(4);
    expect(form.fundsColumns).toEqual({ planned: 'C', budgeted: 'D', executed: 'E', rate: 'G', weight: 'F', score: 'H' });
    // In field order (the order the pane lists them).
    expect(Object.keys(form.fundsColumns ?? {})).toEqual(['planned', 'budgeted', 'executed', 'rate', 'weight', 'score']);
  });

  it('reads the score from the column the profile names; the field there gives it up', () => {
    const r = review(profile([{ sheet: SHEET, indicators: { headerRow: 11, columns: { score: 'G' } } }]));
    const form = r.forms[0];
    expect(form.columns).toEqual({ level1: 'B', level2: 'C', level3: 'D', target: 'E', actual: 'F', score: 'G', explanation: 'I' });
    // No weight column left: the scores are read from G, nothing can be computed against a weight.
    expect(form.indicators?.map((i) => i.score.cell)).toEqual(['G12', 'G13', 'G14', 'G15', 'G16']);
    expect(form.indicators?.map((i) => i.weight)).toEqual([null, null, null, null, null]);
  });

  it('swapping two columns changes the computed scores and the findings', () => {
    const before = review();
    const after = review(profile([{ sheet: SHEET, indicators: { columns: { score: 'G', weight: 'H' } } }]));
    const form = after.forms[0];
    expect(form.columns?.score).toBe('G');
    expect(form.columns?.weight).toBe('H');
    expect(form.indicators?.[1]).toMatchObject({ weight: 14.68, score: { cell: 'G13', stated: 15 } });
    expect(after.findings.filter((f) => f.code === 'score-over-weight').map((f) => f.cell)).toEqual(['G13', 'G17']); // the row, and the total (100 stated against 99.68)
    expect(before.findings.some((f) => f.code === 'score-over-weight')).toBe(false);
  });

  it('a field set to null is not read: no explanation column, no deviation-unexplained finding', () => {
    const rows = centralForm().rows.map((r) => [...r]);
    rows[12][8] = ''; // the 93% row's reason left blank
    const b = book(rows);
    expect(review(undefined, b).findings.some((f) => f.code === 'deviation-unexplained')).toBe(true);
    const r = review(profile([{ sheet: SHEET, indicators: { columns: { explanation: null } } }]), b);
    expect(r.forms[0].columns?.explanation).toBeUndefined();
    expect(r.findings.some((f) => f.code === 'deviation-unexplained')).toBe(false);
  });

  it('corrects the funds block', () => {
    const r = review(profile([{ sheet: SHEET, funds: { headerRow: 4, columns: { rate: null, score: 'H' } } }]));
    expect(r.forms[0].fundsColumns).toEqual({ planned: 'C', budgeted: 'D', executed: 'E', weight: 'F', score: 'H' });
    expect(r.forms[0].budget?.rate.cell).toBeNull();
    expect(r.forms[0].budget?.score).toMatchObject({ cell: 'H5', stated: 9.17 });
  });

  it('leaves other sheets and other header rows alone', () => {
    const plain = review().forms[0].columns;
    expect(review(profile([{ sheet: 'Sheet2', indicators: { columns: { score: 'G' } } }])).forms[0].columns).toEqual(plain);
    expect(review(profile([{ sheet: SHEET, indicators: { headerRow: 4, columns: { score: 'G' } } }])).forms[0].columns).toEqual(plain);
    expect(review(profile([{ sheet: '附件3*', indicators: { headerRow: 11, columns: { score: 'G' } } }])).forms[0].columns?.score).toBe('G');
  });

  it('reads a table the locator missed where the profile says', () => {
    // Header words nobody knows: no indicator table is found.
    const rows: CellValue[][] = [
      ['类别', '子类', '名目', '目标', '实绩', '权数', '评定', '备注'],
      ['产出指标', '数量指标', '完成培训人次', '≥500人次', '520人次', 50, 50, ''],
      ['效益指标', '社会效益指标', '群众知晓率', '≥90%', '80%', 50, 50, ''],
    ];
    const b = workbook(sheet(rows, { name: SHEET }));
    expect(review(undefined, b).forms).toEqual([]);
    const add = profile([
      {
        sheet: SHEET,
        indicators: { headerRow: 1, add: true, columns: { level1: 'A', level2: 'B', level3: 'C', target: 'D', actual: 'E', weight: 'F', score: 'G', explanation: 'H' } },
      },
    ]);
    const r = review(add, b);
    expect(r.forms).toHaveLength(1);
    expect(r.forms[0].indicators?.map((i) => [i.path, i.score.computed])).toEqual([
      [['产出指标', '数量指标', '完成培训人次'], 50],
      [['效益指标', '社会效益指标', '群众知晓率'], 44.44],
    ]);
    expect(r.findings.filter((f) => f.code === 'score-mismatch').map((f) => f.cell)).toEqual(['G3']);
  });
});

describe('the README example', () => {
  it('is a valid profile', () => {
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## When a form is misread'));
    const json = /```json\n([\s\S]*?)```/.exec(section)![1];
    const p = parseProfile(json);
    expect(p.forms).toHaveLength(3);
    expect(p.forms[2].indicators?.add).toBe(true);
  });
});

describe('a header repeated after a page break', () => {
  it('follows the correction of the first, so one table is read through one map', () => {
    const { rows, merges } = centralForm();
    const header = rows[10];
    const body = rows.slice(11, 16);
    // The table split by a repeated header (续表): three rows, the header again, two rows, then 总分.
    const split = [...rows.slice(0, 14), header, ...body.slice(3), rows[16]];
    const b = workbook(sheet(split, { name: SHEET, merges: merges.filter((m) => !/^A11:|^A17:|^B1[2-9]:/.test(m)) }));
    const plain = review(undefined, b).forms[0];
    expect(plain.indicators?.map((i) => i.score.cell)).toEqual(['H12', 'H13', 'H14', 'H16', 'H17']);
    const r = review(profile([{ sheet: SHEET, indicators: { headerRow: 11, columns: { score: 'G', weight: 'H' } } }]), b).forms[0];
    expect(r.indicators?.map((i) => i.score.cell)).toEqual(['G12', 'G13', 'G14', 'G16', 'G17']);
  });
});
