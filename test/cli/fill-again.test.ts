/** selfeval fill's message counts what this run wrote, not what the workbook's journal holds. */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../helpers/capture';

const SEED = join(__dirname, '../fixtures/seed-longquan-2023.xlsx');

describe('selfeval fill, twice', () => {
  it('the second run over a filled workbook says it had nothing to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-fill-again-'));
    const once = join(dir, 'once.xlsx');
    const twice = join(dir, 'twice.xlsx');
    const first = await runCli(['fill', SEED, '-o', once, '--json']);
    const written = JSON.parse(first.stdout).written;
    expect(written).toMatchObject({ values: 4, unmarked: 0 });
    expect(written.marks).toBeGreaterThan(0);
    expect(first.stderr).toContain(`已写入 ${once}：重算 4 个单元格，标记 ${written.marks} 处`);
    const second = await runCli(['fill', once, '-o', twice]);
    expect(second.code).toBe(1); // the explanations are still missing
    expect(second.stderr).toContain(`已写入 ${twice}：没有需要重算或标记的单元格`);
    expect(second.stderr).not.toMatch(/重算 \d+ 个单元格/);
    expect(readFileSync(twice)).toEqual(readFileSync(once));
    const en = await runCli(['fill', once, '-o', twice, '--lang', 'en-US']);
    expect(en.stderr).toContain(`Wrote ${twice}: nothing to recompute or mark`);
  });
});
