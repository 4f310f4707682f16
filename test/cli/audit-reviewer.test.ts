/**
 * audit for the reviewer: every spreadsheet-like file accounted for, .xls/.ods checked, reports paired,
 * a summary that prints, and the same result on one thread or several.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/capture';
import type { FileReview } from '../../src/core/types';

const FIX = join(__dirname, '../fixtures');
const fixture = (name: string, to: string) => copyFileSync(join(FIX, name), to);

interface AuditJson {
  files: FileReview[];
  inventory: { file: string; format: string | null; status: string; reason: string | null; report: string | null }[];
}

function inbox(): { dir: string; inbox: string } {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-reviewer-'));
  const box = join(dir, '收件箱');
  mkdirSync(join(box, '乙单位'), { recursive: true });
  fixture('seed-longquan-2023.xlsx', join(box, '龙泉.xlsx'));
  fixture('seed-longquan-2023-report.docx', join(box, '龙泉.docx'));
  fixture('seed-longquan-2023.xls', join(box, '龙泉-97.xls'));
  fixture('seed-longquan-2023.ods', join(box, '龙泉-calc.ods'));
  fixture('hunan-hengshan-2023-whole-unit.xlsx', join(box, '乙单位', '贯塘乡.xlsm'));
  fixture('seed-longquan-2023.xlsx', join(box, '乙单位', '附件（改名）.bak'));
  fixture('seed-longquan-2023.xls', join(box, 'wps-copy.et'));
  writeFileSync(join(box, 'broken.xls'), 'not a workbook');
  writeFileSync(join(box, 'notes.txt'), 'not listed');
  return { dir, inbox: box };
}

async function load(out: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  return wb;
}

describe('audit accounts for every file', () => {
  let json: AuditJson;
  let out: string;
  let code: number;
  let stderr: string;
  beforeAll(async () => {
    const { dir, inbox: box } = inbox();
    out = join(dir, 'summary.xlsx');
    const r = await runCli(['audit', box, '-o', out, '--json', '--jobs', '2']);
    code = r.code;
    stderr = r.stderr;
    json = JSON.parse(r.stdout);
  });

  it('lists every spreadsheet-like file, by extension or by its bytes, with paths relative to the folder', () => {
    expect(json.inventory.map((e) => [e.file, e.status])).toEqual([
      ['broken.xls', 'unreadable'],
      ['wps-copy.et', 'checked'],
      ['乙单位/贯塘乡.xlsm', 'checked'],
      ['乙单位/附件（改名）.bak', 'checked'],
      ['龙泉-97.xls', 'checked'],
      ['龙泉-calc.ods', 'checked'],
      ['龙泉.xlsx', 'checked'],
    ]);
    expect(code).toBe(2); // broken.xls
    expect(stderr).toMatch(/另有 1 个文件未能检查/);
  });

  it('says why a file was not checked, in the reviewer\'s language', () => {
    // The kind of file and the fix, as check and fill say it.
    expect(json.inventory[0].reason).toMatch(/^这是文本文件，不是电子表格。.*另存为 \.xlsx/);
    expect(json.inventory.find((e) => e.file === '龙泉-97.xls')!.reason).toMatch(/已检查；如需自动重算，请另存为 \.xlsx/);
  });

  it('checks .xls and .ods like the .xlsx, and pairs the report beside them', () => {
    const byName = (f: string) => json.files.find((x) => x.file === f)!;
    const x = byName('龙泉.xlsx');
    for (const f of ['龙泉-97.xls', '龙泉-calc.ods']) expect(byName(f).findings).toEqual(x.findings);
    expect(x.findings.filter((f) => f.code === 'report-mismatch').map((f) => f.cell)).toEqual(['E4', 'E7', 'E6']);
    expect(json.inventory.find((e) => e.file === '龙泉.xlsx')!.report).toBe('龙泉.docx');
    // 贯塘乡 is another unit: the 龙泉 report does not name it, so it is not cross-checked.
    expect(json.inventory.find((e) => e.file === '乙单位/贯塘乡.xlsm')!.report).toBeNull();
    expect(byName('贯塘乡.xlsm').findings.some((f) => f.code === 'report-mismatch')).toBe(false);
  });

  it('writes a summary that prints: landscape A4, fitted to the width, header repeated, rates as percentages', async () => {
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['自评表汇总', '问题清单', '文件清单']);
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' });
      expect(ws.headerFooter.oddFooter).toContain('&P');
    }
    const list = wb.getWorksheet('问题清单')!;
    let rate: ExcelJS.Row | undefined;
    list.eachRow((row) => {
      if (row.getCell(5).value === 'limit-exceeded') rate = row;
    });
    expect(rate!.getCell(8).value).toBe(1.087);
    expect(rate!.getCell(8).numFmt).toBe('0.00%');
    expect(String(list.getCell('A2').value)).not.toMatch(/^\//); // relative, not absolute
    const files = wb.getWorksheet('文件清单')!;
    expect(files.getCell('A2').value).toBe('broken.xls');
    expect(files.getCell('C2').value).toBe('未能检查');
  });
});

describe('audit --jobs', () => {
  it('gives the same output, in the same order, on one thread and on three', async () => {
    const { dir, inbox: box } = inbox();
    const one = await runCli(['audit', box, '-o', join(dir, 'one.xlsx'), '--json', '--jobs', '1']);
    const three = await runCli(['audit', box, '-o', join(dir, 'three.xlsx'), '--json', '--jobs', '3']);
    expect(three.code).toBe(one.code);
    expect(JSON.parse(three.stdout)).toEqual(JSON.parse(one.stdout));
  });

  it('refuses a --jobs that is not a whole number', async () => {
    const r = await runCli(['audit', FIX, '-o', '/tmp/x.xlsx', '--jobs', 'many']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jobs 需要 1 或更大的整数（收到“many”）/);
    const en = await runCli(['audit', FIX, '-o', '/tmp/x.xlsx', '--jobs', '0', '--lang', 'en-US']);
    expect(en.stderr).toMatch(/--jobs needs a whole number of 1 or more \(got "0"\)/);
  });
});

describe('one controller for settings and rule sets', () => {
  it('check --json and audit --json report the same rule-set id for the same --rules file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-rules-'));
    const rules = join(dir, 'bureau.json');
    writeFileSync(rules, JSON.stringify({ id: 'my-bureau-2024', extends: 'hunan', overAchievement: 1.3 }));
    fixture('seed-longquan-2023.xlsx', join(dir, 'a.xlsx'));
    const check = JSON.parse((await runCli(['check', join(dir, 'a.xlsx'), '--json', '--rules', rules])).stdout);
    const audit = JSON.parse((await runCli(['audit', join(dir, 'a.xlsx'), '-o', join(dir, 'out.xlsx'), '--json', '--rules', rules])).stdout);
    expect(check.rules).toBe('my-bureau-2024');
    expect(audit.rules).toBe(check.rules);
    expect(audit.files[0].findings).toEqual(check.files[0].findings);
  });
});
