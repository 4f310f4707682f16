/** selfeval check and fill on .xls and .ods files. */
import { existsSync, mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../helpers/capture';
import type { ReviewReport } from '../../src/core/types';

const FIX = join(__dirname, '../fixtures');

describe('selfeval check on .xls and .ods', () => {
  it('gives the same findings and forms as on the .xlsx', async () => {
    const runs = [];
    for (const f of ['xlsx', 'xls', 'ods']) runs.push(await runCli(['check', join(FIX, `seed-longquan-2023.${f}`), '--json']));
    const [x, ...others] = runs.map((r) => JSON.parse(r.stdout) as ReviewReport);
    for (const [i, r] of others.entries()) {
      expect(runs[i + 1].code).toBe(1);
      expect(r.files[0].error).toBeNull();
      expect(r.files[0].findings).toEqual(x.files[0].findings);
      expect(r.files[0].forms).toEqual(x.files[0].forms);
    }
  });
});

describe('selfeval fill on an .xls', () => {
  it('writes nothing and says how to proceed', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'selfeval-fmt-')), 'out.xlsx');
    const r = await runCli(['fill', join(FIX, 'seed-longquan-2023.xls'), '-o', out]);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(r.stderr).toMatch(/只能写回 \.xlsx/);
    expect(r.stderr).toMatch(/Excel 或 WPS/);
    expect(r.stderr).toMatch(/另存为 \.xlsx/);
    const en = await runCli(['fill', join(FIX, 'seed-longquan-2023.ods'), '-o', out, '--lang', 'en-US']);
    expect(en.stderr).toMatch(/\.ods file.*save it as \.xlsx/);
  });
});

describe('selfeval check --report', () => {
  it('reports the three figures where the 自评报告 and the tables disagree', async () => {
    const r = await runCli(['check', join(FIX, 'seed-longquan-2023.xlsx'), '--report', join(FIX, 'seed-longquan-2023-report.docx'), '--json']);
    const report = JSON.parse(r.stdout) as ReviewReport;
    const mismatches = report.files[0].findings.filter((f) => f.code === 'report-mismatch');
    expect(mismatches.map((f) => [f.cell, f.found, f.expected])).toEqual([
      ['E4', 1926.41, 2673.41],
      ['E7', 1110.25, 1165.56],
      ['E6', 816.16, 1507.84],
    ]);
    expect(mismatches.some((f) => f.found === 573.38)).toBe(false);
  });

  it('says so when the report cannot be read, and checks nothing', async () => {
    const r = await runCli(['check', join(FIX, 'seed-longquan-2023.xlsx'), '--report', join(FIX, 'seed-longquan-2023.ods')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/无法读取自评报告/);
  });

  it('goes with check only', async () => {
    const r = await runCli(['audit', FIX, '-o', '/tmp/x.xlsx', '--report', 'r.docx']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--report 只用于 check/);
  });
});
