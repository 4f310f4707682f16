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
