/** selfeval check|fill|audit --template PROFILE.json: the column map of a template profile, and a bad profile's exit 2. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../helpers/capture';
import { dumpWorkbook } from '../helpers/dump';
import type { ReviewReport } from '../../src/core/types';

const SEED = join(__dirname, '../fixtures/seed-longquan-2023.xlsx');
const SHEET = '附件3 自评表';
const dir = mkdtempSync(join(tmpdir(), 'selfeval-template-'));

function profileFile(name: string, body: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
  return path;
}

/** The seed form read with 得分 from G and 分值 from H (a clerk's swap). */
const SWAP = { selfevalProfile: 1, forms: [{ sheet: SHEET, indicators: { headerRow: 12, columns: { score: 'G', weight: 'H' } } }] };
/** The seed form read without its explanation column. */
const NO_REASON = { selfevalProfile: 1, forms: [{ sheet: '附件3*', indicators: { columns: { explanation: null } } }] };

const selfEval = (r: ReviewReport) => r.files[0].forms.find((f) => f.kind === 'self-evaluation')!;

describe('selfeval check --template', () => {
  it('shows the columns it read, and reads through the profile', async () => {
    const plain = await runCli(['check', SEED, '--json']);
    const before = selfEval(JSON.parse(plain.stdout));
    expect(before).toMatchObject({ headerRow: 12, columns: { level3: 'D', target: 'E', actual: 'F', weight: 'G', score: 'H', explanation: 'I' }, fundsHeaderRow: 3 });
    expect(before.fundsColumns).toMatchObject({ budgeted: 'D', executed: 'E', rate: 'G', score: 'H' });

    const r = await runCli(['check', SEED, '--json', '--template', profileFile('swap.json', SWAP)]);
    const after = selfEval(JSON.parse(r.stdout));
    expect(after.columns).toMatchObject({ weight: 'H', score: 'G' });
    expect(after.indicators!.find((i) => i.row === 14)!.score.cell).toBe('G14');
    expect(after.total!.cell).toBe('G21');
    expect(after.total!.computed).not.toBe(before.total!.computed);
  });

  it('a field mapped to null is not checked', async () => {
    const plain = JSON.parse((await runCli(['check', SEED, '--json'])).stdout) as ReviewReport;
    expect(plain.files[0].findings.some((f) => f.code === 'deviation-unexplained')).toBe(true);
    const r = await runCli(['check', SEED, '--json', '--template', profileFile('no-reason.json', NO_REASON)]);
    const report = JSON.parse(r.stdout) as ReviewReport;
    expect(report.files[0].findings.some((f) => f.code === 'deviation-unexplained')).toBe(false);
    expect(selfEval(report).columns!.explanation).toBeUndefined();
  });

  it.each([
    ['bad.json', '{"selfevalProfile":1,', 'zh-CN', /^selfeval: 模板配置文件有误：.*bad\.json\n {2}- 不是有效的 JSON：/],
    ['field.json', { selfevalProfile: 1, forms: [{ sheet: 'x', indicators: { columns: { 得分: 'H' } } }] }, 'zh-CN', /未知的字段 "得分"/],
    ['letter.json', { selfevalProfile: 1, forms: [{ sheet: 'x', indicators: { columns: { score: 'H2' } } }] }, 'en-US', /template profile is not valid: .*letter\.json\n {2}- forms\[0\]\.indicators\.columns: column "H2" of field "score" is not a column letter/],
    ['dup.json', { selfevalProfile: 1, forms: [{ sheet: 'x', indicators: { columns: { score: 'H', weight: 'H' } } }] }, 'zh-CN', /列 H 同时指定给了 score, weight/],
  ])('a bad profile (%s) is a clear error, exit 2, nothing checked', async (name, body, lang, message) => {
    const r = await runCli(['check', SEED, '--json', '--lang', lang, '--template', profileFile(name, body)]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  });

  it('a missing profile file is an error in the chosen language', async () => {
    const r = await runCli(['check', SEED, '--template', join(dir, 'nope.json'), '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^selfeval: template profile not found or unreadable: .*nope\.json/);
  });

  it('--template needs a value (in the chosen language)', async () => {
    const zh = await runCli(['check', SEED, '--template']);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(/^selfeval: --template 后面需要一个值/);
    const en = await runCli(['check', SEED, '--lang', 'en-US', '--template']);
    expect(en.code).toBe(2);
    expect(en.stderr).toMatch(/^selfeval: --template needs a value/);
  });
});

describe('selfeval fill --template', () => {
  it('writes the scores into the column the profile names', async () => {
    const out = join(dir, 'swapped.xlsx');
    const r = await runCli(['fill', SEED, '-o', out, '--template', profileFile('swap2.json', SWAP)]);
    expect(r.code).toBeLessThan(2);
    const after = await dumpWorkbook(readFileSync(out));
    const before = await dumpWorkbook(readFileSync(SEED));
    // 得分 read from G: the scores are written in G, H (now 分值) is left as it was.
    expect(after.cells.get(`${SHEET}!G14`)!.value).toBe(14.55); // 15 × 97% ÷ 100%
    expect(after.cells.get(`${SHEET}!G19`)!.value).toBe(0.98); // 1 × 96% ÷ 98%
    // The 分值 read from H do not add up (89, not 97): the total is doubted, left as the clerk wrote it.
    expect(after.cells.get(`${SHEET}!G21`)!.value).toBe(before.cells.get(`${SHEET}!G21`)!.value);
    for (const row of [13, 14, 15, 16, 17, 18, 19, 20, 21]) expect(after.cells.get(`${SHEET}!H${row}`)?.value).toEqual(before.cells.get(`${SHEET}!H${row}`)?.value);
  });

  it('a bad profile writes nothing', async () => {
    const out = join(dir, 'never.xlsx');
    const r = await runCli(['fill', SEED, '-o', out, '--template', profileFile('bad2.json', '[1]')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/模板配置应为对象/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('selfeval audit --template', () => {
  it('reviews every file through the profile', async () => {
    const out = join(dir, 'audit.xlsx');
    const r = await runCli(['audit', SEED, '-o', out, '--json', '--template', profileFile('no-reason2.json', NO_REASON)]);
    expect(r.code).toBeLessThan(2);
    const report = JSON.parse(r.stdout) as ReviewReport;
    expect(report.files[0].findings.some((f) => f.code === 'deviation-unexplained')).toBe(false);
    expect(existsSync(out)).toBe(true);
  });

  it('a bad profile writes no report', async () => {
    const out = join(dir, 'audit-never.xlsx');
    const r = await runCli(['audit', SEED, '-o', out, '--template', profileFile('bad3.json', { selfevalProfile: 1, forms: [{ sheet: 'x', funds: { headerRow: -1 } }] })]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/"headerRow" 应为正整数/);
    expect(existsSync(out)).toBe(false);
  });
});
