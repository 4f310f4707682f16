import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../helpers/capture';
import type { ReviewReport, Finding } from '../../src/core/types';

const SEED = join(__dirname, '../fixtures/seed-longquan-2023.xlsx');
const FIXTURES = join(__dirname, '../fixtures');
const SHEET = '附件3 自评表';

const at = (findings: Finding[], code: string, cell: string) => findings.find((f) => f.code === code && f.cell === cell && f.sheet === SHEET);

describe('selfeval check --json on the seed form', () => {
  let report: ReviewReport;
  let code: number;
  beforeAll(async () => {
    const r = await runCli(['check', SEED, '--json']);
    code = r.code;
    report = JSON.parse(r.stdout);
  });

  it('follows the JSON contract and exits 1 on errors', () => {
    expect(code).toBe(1);
    expect(report.schema).toBe(1);
    expect(report.rules).toBe('mof-2020');
    expect(report.files[0].file).toBe('seed-longquan-2023.xlsx');
    expect(report.files[0].error).toBeNull();
  });

  it('reports the acceptance findings', () => {
    const f = report.files[0].findings;
    expect(at(f, 'score-mismatch', 'H14')).toMatchObject({ severity: 'error', expected: 14.55, found: 15, message: '得分应为 14.55（15 × 97% ÷ 100%），表内为 15' });
    expect(at(f, 'score-mismatch', 'H18')).toMatchObject({ expected: 10, found: 8 });
    expect(at(f, 'score-mismatch', 'H19')).toMatchObject({ expected: 9.8, found: 1 });
    for (const cell of ['I14', 'I18', 'I19']) expect(at(f, 'deviation-unexplained', cell)).toBeDefined();
    for (const cell of ['F18', 'F19']) expect(at(f, 'value-format', cell)).toBeDefined();
    expect(at(f, 'sum-mismatch', 'H21')).toMatchObject({ severity: 'error', expected: 89, found: 97 });
    expect(at(f, 'sum-mismatch', 'E4')).toMatchObject({ severity: 'warning' });
    for (const cell of ['H13', 'H15', 'H16', 'H17', 'H20']) {
      expect(f.filter((x) => x.cell === cell && x.severity === 'error')).toEqual([]);
    }
  });

  it('computes rates, scores, total and grade', () => {
    const form = report.files[0].forms.find((x) => x.kind === 'self-evaluation')!;
    expect(form.sheet).toBe(SHEET);
    expect(form.budget!.rate).toMatchObject({ cell: 'G4', computed: 1 });
    expect(form.budget!.score).toMatchObject({ cell: 'H4', computed: 10 });
    const score = (row: number) => form.indicators!.find((i) => i.row === row)!.score;
    expect(score(13).computed).toBe(15);
    expect(score(14)).toEqual({ cell: 'H14', stated: 15, computed: 14.55 });
    expect(score(19).computed).toBe(9.8);
    expect(form.total).toMatchObject({ cell: 'H21', stated: 97, computed: 99.35 });
    expect(form.grade).toBe('优');
    const kinds = report.files[0].forms.map((x) => x.kind).sort();
    expect(kinds).toEqual(['basic-data', 'self-evaluation']);
  });
});

describe('selfeval check', () => {
  it('prints a readable Chinese report by default, English on request', async () => {
    const zh = await runCli(['check', SEED]);
    expect(zh.stdout).toContain('得分应为 14.55');
    expect(zh.stdout).toMatch(/共 \d+ 个错误/);
    const en = await runCli(['check', SEED, '--lang', 'en-US']);
    expect(en.stdout).toContain('Score should be 14.55');
  });

  it('checks every fixture without a crash', async () => {
    const files = ['hunan-hengshan-2023-whole-unit.xlsx', 'yunnan-yongde-2022-project.xlsx', 'yunnan-yongde-2022-with-chart.xlsx'].map((f) => join(FIXTURES, f));
    const r = await runCli(['check', ...files, '--json']);
    const report: ReviewReport = JSON.parse(r.stdout);
    expect(report.files).toHaveLength(3);
    for (const f of report.files) {
      expect(f.error).toBeNull();
      expect(f.forms.some((x) => x.kind === 'self-evaluation')).toBe(true);
    }
  });

  it('reports an unreadable file, still checks the others, and exits 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-'));
    const bad = join(dir, 'table.xlsx');
    writeFileSync(bad, '单位,得分\n龙泉,97\n');
    const r = await runCli(['check', bad, SEED, '--json']);
    expect(r.code).toBe(2);
    const report: ReviewReport = JSON.parse(r.stdout);
    expect(report.files[0].error).toMatch(/xlsx|workbook|zip/i);
    expect(report.files[1].forms.length).toBeGreaterThan(0);
    expect(r.stderr).toContain('table.xlsx');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 with usage on bad arguments and on an unknown rule set', async () => {
    expect((await runCli(['check'])).code).toBe(2);
    expect((await runCli(['frobnicate', SEED])).code).toBe(2);
    const r = await runCli(['check', SEED, '--rules', 'no-such-rules']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no-such-rules');
  });

  it('takes a rule-set file that changes the reverse formula and thresholds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-'));
    const rules = join(dir, 'bureau.json');
    writeFileSync(rules, JSON.stringify({ id: 'bureau', extends: 'mof-2020', scoreTolerance: 0.5 }));
    const r = await runCli(['check', SEED, '--json', '--rules', rules]);
    expect(JSON.parse(r.stdout).rules).toBe('bureau');
    writeFileSync(rules, '{ not json');
    expect((await runCli(['check', SEED, '--rules', rules])).code).toBe(2);
  });
});
