import { copyFileSync, mkdtempSync, readFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/capture';
import { dumpWorkbook } from '../helpers/dump';
import { STATE_SHEET } from '../../src/core/edits';

const SEED = join(__dirname, '../fixtures/seed-longquan-2023.xlsx');
const SHEET = '附件3 自评表';

describe('selfeval fill', () => {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-fill-'));
  const out = join(dir, 'filled.xlsx');
  let stderr = '';

  beforeAll(async () => {
    const r = await runCli(['fill', SEED, '-o', out]);
    stderr = r.stderr;
    expect(r.code).toBe(1); // written, with missing explanations left for the clerk
  });

  it('writes computed scores and the total, and marks cells with findings', async () => {
    const after = await dumpWorkbook(readFileSync(out));
    expect(after.cells.get(`${SHEET}!H14`)!.value).toBe(14.55);
    expect(after.cells.get(`${SHEET}!H21`)!.value).toBe(99.35);
    expect(after.cells.get(`${SHEET}!H18`)!.value).toBe(10);
    expect(after.cells.get(`${SHEET}!H19`)!.value).toBe(9.8);
    // 已更正: the cells we wrote, one calm colour; 待处理: explanations still missing once scores are right.
    for (const cell of ['H14', 'H18', 'H19', 'H21']) expect(after.cells.get(`${SHEET}!${cell}`)!.fill).toContain('E2EFDA');
    for (const cell of ['I14', 'I19']) expect(after.cells.get(`${SHEET}!${cell}`)!.fill).toContain('FFC7CE');
    for (const cell of ['F18', 'F19']) expect(after.cells.get(`${SHEET}!${cell}`)!.fill).toContain('FFEB9C');
    // H18 was 8 for a met target: once it is 10, I18 needs no explanation and is not painted.
    const original = await dumpWorkbook(readFileSync(SEED));
    for (const cell of ['I18', 'H13']) expect(after.cells.get(`${SHEET}!${cell}`)!.fill).toBe(original.cells.get(`${SHEET}!${cell}`)!.fill);
    expect(stderr).toMatch(/已写入/);
  });

  it('leaves every other cell, style and merge identical', async () => {
    const before = await dumpWorkbook(readFileSync(SEED));
    const after = await dumpWorkbook(readFileSync(out));
    expect(after.sheets).toEqual([...before.sheets, STATE_SHEET]);
    for (const s of before.sheets) expect(after.merges[s]).toEqual(before.merges[s]);
    const written = new Set(['H14', 'H18', 'H19', 'H21'].map((c) => `${SHEET}!${c}`));
    let compared = 0;
    for (const [key, b] of before.cells) {
      const a = after.cells.get(key)!;
      expect(a).toBeDefined();
      expect(a.style).toEqual(b.style);
      if (!written.has(key)) expect(a.value).toEqual(b.value);
      if (a.fill !== b.fill) expect(a.fill).toMatch(/FFC7CE|FFEB9C|E2EFDA/); // only our marks change fills
      compared++;
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('journals the changes in a very hidden sheet, so the add-in can revert', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.getWorksheet(STATE_SHEET)!.state).toBe('veryHidden');
    const again = await runCli(['check', out, '--json']);
    const report = JSON.parse(again.stdout);
    expect(report.files[0].findings.filter((f: { code: string }) => f.code === 'score-mismatch')).toEqual([]);
  });

  it('refuses to write over its input, and reports an unreadable input', async () => {
    const copy = join(dir, 'copy.xlsx');
    copyFileSync(SEED, copy);
    const same = await runCli(['fill', copy, '-o', copy]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/不会覆盖/);
    expect(readFileSync(copy)).toEqual(readFileSync(SEED));
    const missing = await runCli(['fill', join(dir, 'nope.xlsx'), '-o', join(dir, 'x.xlsx')]);
    expect(missing.code).toBe(2);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });
});

describe('selfeval fill on a protected sheet', () => {
  it('refuses before writing anything, saying why in Chinese (or English with --lang en-US)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-locked-'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(SEED);
    await wb.getWorksheet(SHEET)!.protect('pw', {});
    const input = join(dir, 'protected.xlsx');
    await wb.xlsx.writeFile(input);
    const out = join(dir, 'out.xlsx');
    const zh = await runCli(['fill', input, '-o', out]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain(`未写入 ${out}：工作表“${SHEET}”受保护，未写入任何内容`);
    expect(zh.stderr).not.toMatch(/无法读取|protected/);
    expect(existsSync(out)).toBe(false);
    const en = await runCli(['fill', input, '-o', out, '--lang', 'en-US']);
    expect(en.stderr).toContain(`Did not write ${out}: Sheet "${SHEET}" is protected`);
    expect(existsSync(out)).toBe(false);
  });
});
