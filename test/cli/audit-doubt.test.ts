/** audit shows a form read with doubt (layout-uncertain) apart: its 读取情况 says so, with the evidence. */
import { copyFileSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import ExcelJS from 'exceljs';
import { runCli } from '../helpers/capture';
import { attributeFindings, readingDoubt } from '../../src/core/attribute';
import type { FileReview } from '../../src/core/types';

const FIX = join(__dirname, '../fixtures');

test('readingDoubt picks the layout-uncertain finding of a form, and only that', () => {
  const review: FileReview = {
    file: 'x.xlsx',
    error: null,
    forms: [
      { sheet: 'S', kind: 'self-evaluation', range: 'A1:I20', unit: null },
      { sheet: 'S', kind: 'self-evaluation', range: 'A30:I50', unit: null },
    ],
    findings: [
      { code: 'score-mismatch', severity: 'error', sheet: 'S', cell: 'H5', message: 'a' },
      { code: 'layout-uncertain', severity: 'warning', sheet: 'S', cell: 'H31', message: 'doubt' },
    ],
  };
  const { perForm } = attributeFindings(review);
  expect(readingDoubt(perForm[0])).toBeUndefined();
  expect(readingDoubt(perForm[1])?.message).toBe('doubt');
});

test('the summary names the doubt on the form it concerns, and nothing on the others', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-doubt-'));
  const book = join(dir, '贯塘乡.xlsx');
  copyFileSync(join(FIX, 'hunan-hengshan-2023-whole-unit.xlsx'), book);
  copyFileSync(join(FIX, 'seed-longquan-2023.xlsx'), join(dir, '龙泉.xlsx'));
  const out = join(dir, 'summary.xlsx');
  const json = await runCli(['audit', dir, '-o', out, '--json']);
  const files = (JSON.parse(json.stdout) as { files: FileReview[] }).files;
  const doubted = files.flatMap((f) => f.findings.filter((x) => x.code === 'layout-uncertain').map((x) => `${f.file}|${x.sheet}`));
  expect(doubted.length).toBeGreaterThan(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  const rows = wb.worksheets[0].getSheetValues().slice(2) as unknown[][];
  const reading = rows.filter(Boolean).map((r) => ({ file: String(r[1]), sheet: String(r[2]), note: r[11] as string | undefined }));
  expect(reading.filter((r) => r.note && /读取存疑/.test(r.note)).map((r) => `${r.file}|${r.sheet}`).sort()).toEqual(doubted.sort());
  expect(reading.filter((r) => r.file === '龙泉.xlsx').every((r) => !r.note)).toBe(true);
});
