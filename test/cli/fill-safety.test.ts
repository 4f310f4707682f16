/** selfeval fill -o: never over a file that is not its own earlier result, modes kept, messages in the clerk's language. */
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { runCli } from '../helpers/capture';

const SEED = join(__dirname, '../fixtures/seed-longquan-2023.xlsx');
const OTHER = join(__dirname, '../fixtures/yunnan-yongde-2022-project.xlsx');

describe('selfeval fill -o', () => {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-fill-safety-'));

  it('refuses an existing file that is not an earlier result of the same form, unless --force', async () => {
    const out = join(dir, 'other.xlsx');
    copyFileSync(OTHER, out);
    const before = readFileSync(out);
    const r = await runCli(['fill', SEED, '-o', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('该文件已存在，且不是 selfeval 由同一张表生成的结果');
    expect(r.stderr).toContain('--force');
    expect(readFileSync(out)).toEqual(before);
    const forced = await runCli(['fill', SEED, '-o', out, '--force']);
    expect(forced.code).toBe(1);
    expect(readFileSync(out)).not.toEqual(before);
  });

  it('replaces its own earlier result and keeps that file’s mode', async () => {
    const out = join(dir, 'again.xlsx');
    expect((await runCli(['fill', SEED, '-o', out])).code).toBe(1);
    chmodSync(out, 0o640);
    const r = await runCli(['fill', SEED, '-o', out]);
    expect(r.code).toBe(1);
    expect(statSync(out).mode & 0o777).toBe(0o640);
  });

  it('refuses a read-only file and leaves its mode alone, even with --force', async () => {
    const out = join(dir, 'readonly.xlsx');
    expect((await runCli(['fill', SEED, '-o', out])).code).toBe(1);
    chmodSync(out, 0o444);
    const r = await runCli(['fill', SEED, '-o', out, '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('该文件是只读的');
    expect(statSync(out).mode & 0o777).toBe(0o444);
  });

  it('names a missing folder or a file in the path in words, never ENOENT or our temporary file', async () => {
    const missing = await runCli(['fill', SEED, '-o', join(dir, 'no-such-folder', 'out.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('所在的文件夹不存在');
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    const through = await runCli(['fill', SEED, '-o', join(file, 'out.xlsx')]);
    expect(through.stderr).toContain('路径中有一段不是文件夹');
    const folder = await runCli(['fill', SEED, '-o', dir]);
    expect(folder.stderr).toContain('这是一个文件夹');
    for (const r of [missing, through, folder]) expect(r.stderr).not.toMatch(/ENOENT|EACCES|ENOTDIR|\.tmp/);
  });

  it('ends with what remains to fix and what the colours mean', async () => {
    const r = await runCli(['fill', SEED, '-o', join(dir, 'summary.xlsx')]);
    expect(r.stderr).toMatch(/仍需处理：\d+ 个错误，\d+ 个警告/);
    expect(r.stderr).toContain('浅绿 = 已更正');
    expect(r.stderr).toContain('I14');
    const en = await runCli(['fill', SEED, '-o', join(dir, 'summary-en.xlsx'), '--lang', 'en-US']);
    expect(en.stderr).toMatch(/Still to fix: \d+ errors/);
  });

  it('usage errors speak the clerk’s language', async () => {
    const zh = await runCli(['fill', SEED]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('fill 需要用 -o 指定输出文件');
    const en = await runCli(['fill', SEED, '--lang', 'en-US']);
    expect(en.stderr).toContain('fill needs -o OUT.xlsx');
    expect((await runCli(['chek', SEED])).stderr).toContain('未知命令“chek”');
  });
});

describe('selfeval fill on a file that is not an .xlsx', () => {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-fill-bad-'));
  it.each([
    ['form.pdf', '%PDF-1.7\n…', 'PDF 文件'],
    ['form.csv', '一级指标,二级指标,分值\n产出指标,数量指标,20\n', 'CSV 或文本文件'],
    ['form.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), '旧版 .xls'],
    ['empty.xlsx', '', '文件是空的'],
  ])('%s: names the kind of file and the fix, once, in Chinese', async (name, content, kind) => {
    const file = join(dir, name);
    writeFileSync(file, content);
    const r = await runCli(['fill', file, '-o', join(dir, 'out.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(kind);
    expect(r.stderr).toContain('另存为 .xlsx');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing input is named in words', async () => {
    const r = await runCli(['fill', join(dir, 'nope.xlsx'), '-o', join(dir, 'out2.xlsx')]);
    expect(r.stderr).toContain('找不到该文件');
    expect(r.stderr).not.toMatch(/ENOENT/);
  });
});

describe('selfeval check on a file that is not an .xlsx', () => {
  it('says why once, in the clerk’s language, with the fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-check-bad-'));
    const file = join(dir, 'form.csv');
    writeFileSync(file, '一级指标,分值\n产出指标,20\n');
    const r = await runCli(['check', file]);
    expect(r.code).toBe(2);
    const all = r.stdout + r.stderr;
    expect(all.match(/CSV 或文本文件/g)).toHaveLength(1);
    expect(all).toContain('另存为 .xlsx');
    expect(all).not.toMatch(/looks like|not an \.xlsx/);
  });
});
