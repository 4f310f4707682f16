/** The summary's counts: each finding on the row of the form that holds its cell, file-level findings on the file's row. */
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/capture';
import { projectForm, workbook, type Cell } from '../core/provinces/build';
import { attributeFindings } from '../../src/cli/audit';
import type { FileReview, Finding, FormReview } from '../../src/core/types';

const form = (project: string, actual: string, total: number): Cell[][] => projectForm(project, actual, total);

type Row = unknown[];

async function summaryRows(out: string): Promise<{ forms: Row[]; findings: Row[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  const rows = (name: string) => (wb.getWorksheet(name)!.getSheetValues().slice(2).filter(Boolean) as Row[]).map((r) => r.slice(1));
  return { forms: rows('自评表汇总'), findings: rows('问题清单') };
}

describe('audit counts per form', () => {
  it('two stacked forms: only the second, which holds the errors, counts them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-audit-counts-'));
    const file = join(dir, 'stacked.xlsx');
    // The first form is right; the second misses its target (90户 for ≥100户) and states a wrong score.
    writeFileSync(file, await workbook([{
      name: '上下',
      rows: [...form('道路硬化', '100户', 99), [], [], ...form('危房改造', '90户', 99)],
      merges: ['A1:H1', 'A3:A4', 'A9:E9', 'A12:H12', 'A14:A15', 'A20:E20'],
    }]));
    const out = join(dir, 'report.xlsx');
    const r = await runCli(['audit', file, '-o', out, '--json']);
    const review: FileReview = JSON.parse(r.stdout).files[0];
    expect(review.forms.map((f) => f.range)).toEqual(['A1:H9', 'A12:H20']);
    const errors = review.findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((f) => Number(f.cell!.slice(1)) >= 12)).toBe(true);

    const { forms } = await summaryRows(out);
    expect(forms).toHaveLength(2); // no file-level line: every finding belongs to a form
    const [first, second] = forms;
    expect(first.slice(0, 2)).toEqual([file, '上下']);
    expect(first[7]).toBe(0);
    expect(second[7]).toBe(errors.length);
    // Every finding is counted once over the rows.
    const total = (rows: Row[]) => rows.reduce((n: number, row) => n + Number(row[7] ?? 0) + Number(row[8] ?? 0) + Number(row[9] ?? 0), 0);
    expect(total(forms)).toBe(review.findings.length);
  });

  it('a workbook with no form shows its form-not-found error on its row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'selfeval-audit-noform-'));
    const file = join(dir, 'cover.xlsx');
    writeFileSync(file, await workbook([{ name: '说明', rows: [['2023年度项目支出绩效自评报告'], ['附件：项目支出绩效自评表']] }]));
    const out = join(dir, 'report.xlsx');
    const r = await runCli(['audit', file, '-o', out]);
    expect(r.code).toBe(1);
    const { forms, findings } = await summaryRows(out);
    expect(forms).toHaveLength(1);
    expect(forms[0][0]).toBe(file);
    expect(forms[0][2]).toBe('（未识别到自评表）');
    expect(forms[0][7]).toBe(1); // the form-not-found error
    expect(findings.map((row) => row[4])).toEqual(['form-not-found']);
  });
});

describe('attributeFindings', () => {
  const f = (sheet: string | null, cell: string | null, severity: Finding['severity'] = 'error'): Finding => ({ code: 'sum-mismatch', severity, sheet, cell, message: '' });
  const fm = (sheet: string, range: string): FormReview => ({ sheet, kind: 'self-evaluation', range, unit: null });

  it('by the range that holds the cell, else the nearest form on the sheet, else the sheet\'s first form, else the file', () => {
    const forms = [fm('S', 'A1:H9'), fm('S', 'A12:H20'), fm('S', 'J1:Q9'), fm('T', 'A1:I22')];
    const findings = [
      f('S', 'G20'), // inside the second
      f('S', 'P4'), // inside the third (side by side)
      f('S', 'C10'), // between the stacked forms, nearer the first
      f('S', 'C11'), // nearer the second
      f('S', null), // no cell: the sheet's first form
      f('T', 'Z99'), // outside the only form of its sheet
      f('U', 'A1'), // a sheet without a form
      f(null, null, 'error'), // form-not-found kind
    ];
    const { perForm, fileLevel } = attributeFindings({ file: 'x.xlsx', error: null, forms, findings });
    expect(perForm.map((xs) => xs.map((x) => x.cell))).toEqual([['C10', null], ['G20', 'C11'], ['P4'], ['Z99']]);
    expect(fileLevel.map((x) => x.sheet)).toEqual(['U', null]);
  });

  it('the smaller of two overlapping ranges', () => {
    const forms = [fm('S', 'A1:Z50'), fm('S', 'B2:D5')];
    const { perForm } = attributeFindings({ file: 'x.xlsx', error: null, forms, findings: [f('S', 'C3'), f('S', 'E3')] });
    expect(perForm.map((xs) => xs.map((x) => x.cell))).toEqual([['E3'], ['C3']]);
  });
});
