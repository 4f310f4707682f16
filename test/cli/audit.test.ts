import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/capture';

const FIXTURES = join(__dirname, '../fixtures');

describe('selfeval audit', () => {
  it('writes one row per form and every finding, over a folder of workbooks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-audit-'));
    const inbox = join(dir, 'inbox');
    mkdirSync(join(inbox, 'nested'), { recursive: true });
    copyFileSync(join(FIXTURES, 'seed-longquan-2023.xlsx'), join(inbox, 'a.xlsx'));
    copyFileSync(join(FIXTURES, 'yunnan-yongde-2022-project.xlsx'), join(inbox, 'nested', 'b.xlsx'));
    writeFileSync(join(inbox, 'broken.xlsx'), 'not a workbook');
    writeFileSync(join(inbox, 'notes.txt'), 'ignored');
    const out = join(dir, 'report.xlsx');
    const r = await runCli(['audit', inbox, '-o', out, '--json']);
    expect(r.code).toBe(2); // one file could not be read
    expect(JSON.parse(r.stdout).files).toHaveLength(3);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const forms = wb.getWorksheet('自评表汇总')!;
    const rows = forms.getSheetValues().slice(2).filter(Boolean) as unknown[][];
    const seedForm = rows.find((row) => String(row[1]).endsWith('a.xlsx') && row[2] === '附件3 自评表')!;
    expect(seedForm[5]).toBe(97); // stated total
    expect(seedForm[6]).toBe(99.35); // computed total
    expect(seedForm[7]).toBe('优');
    expect(rows.some((row) => String(row[1]).endsWith('b.xlsx'))).toBe(true);
    expect(rows.find((row) => String(row[1]).endsWith('broken.xlsx'))![11]).toBeTruthy();
    const findings = wb.getWorksheet('问题清单')!;
    expect(findings.rowCount).toBeGreaterThan(10);
  });
});
