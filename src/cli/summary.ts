/**
 * The summary workbook of `selfeval audit`: one row per form, every finding, and every file found
 * (checked, or why not), written by ./xlsxwriter. Made to print: A4 landscape, fitted to the page width, the header row
 * repeated on every page, page numbers in the footer, paths relative to the folder audited, rates
 * as percentages.
 */
import type { FileReview, Finding, Lang } from '../core/types';
import { attributeFindings, readingDoubt } from '../core/attribute';
import { REPORT_MARKER } from './outfile';
import { writeBook, type SheetData } from './xlsxwriter';

export { attributeFindings };

/** One file the audit found, and what became of it. */
export interface InventoryEntry {
  /** The path as shown: relative to the folder it was found in, or as named on the command line. */
  display: string;
  /** 'xlsx', 'xls', 'ods' …, or null when not known. */
  format: string | null;
  status: 'checked' | 'unreadable' | 'skipped';
  /** Why not checked (or a note on a checked file), in the reviewer's language. */
  reason: string | null;
  /** The 自评报告 cross-checked with it (shown path). */
  report: string | null;
  review: FileReview | null;
}

export const HEAD = {
  'zh-CN': {
    title: '绩效自评汇总', forms: '自评表汇总', findings: '问题清单', files: '文件清单',
    noForm: '（未识别到自评表）', outside: '（表外问题）',
    formCols: ['文件', '工作表', '表类型', '单位/项目', '表内总分', '计算总分', '等级', '错误', '警告', '提示', '读取情况'],
    findingCols: ['文件', '工作表', '单元格', '级别', '代码', '说明', '应为', '表内'],
    fileCols: ['文件', '格式', '结果', '说明', '表数', '错误', '警告', '提示', '自评报告'],
    status: { checked: '已检查', unreadable: '未能检查', skipped: '已跳过' } as Record<InventoryEntry['status'], string>,
    kinds: { 'self-evaluation': '绩效自评表', 'basic-data': '基础数据表' } as Record<string, string>,
    sev: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
    footer: '&L&F&C第 &P 页，共 &N 页&R&A',
  },
  'en-US': {
    title: 'Self-evaluation audit', forms: 'Forms', findings: 'Findings', files: 'Files',
    noForm: '(no form found)', outside: '(outside any form)',
    formCols: ['File', 'Sheet', 'Kind', 'Unit / project', 'Stated total', 'Computed total', 'Grade', 'Errors', 'Warnings', 'Notes', 'Reading'],
    findingCols: ['File', 'Sheet', 'Cell', 'Severity', 'Code', 'Message', 'Expected', 'Found'],
    fileCols: ['File', 'Format', 'Result', 'Note', 'Forms', 'Errors', 'Warnings', 'Notes', 'Report'],
    status: { checked: 'checked', unreadable: 'not checked', skipped: 'skipped' } as Record<InventoryEntry['status'], string>,
    kinds: { 'self-evaluation': 'self-evaluation', 'basic-data': 'basic data' } as Record<string, string>,
    sev: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
    footer: '&L&F&CPage &P of &N&R&A',
  },
};

export const counts = (xs: Finding[]): [number, number, number] => [
  xs.filter((x) => x.severity === 'error').length,
  xs.filter((x) => x.severity === 'warning').length,
  xs.filter((x) => x.severity === 'info').length,
];

/** Findings whose expected/found are rates (fractions): printed as percentages. */
export function isRateFinding(x: Finding): boolean {
  if (x.code === 'rate-mismatch' || x.code === 'limit-exceeded' || x.code === 'over-achievement') return true;
  return x.code === 'report-mismatch' && /执行率|execution rate/.test(x.message);
}

export function summaryWorkbook(files: readonly InventoryEntry[], lang: Lang): Uint8Array {
  const h = HEAD[lang];
  const forms: SheetData = { name: h.forms, widths: [30, 16, 12, 28, 9, 9, 6, 6, 6, 6, 36], rows: [h.formCols], wrap: [10], percent: [], footer: h.footer };
  const list: SheetData = { name: h.findings, widths: [30, 16, 7, 6, 20, 64, 10, 10], rows: [h.findingCols], wrap: [5], percent: [], footer: h.footer };
  const inventory: SheetData = { name: h.files, widths: [36, 7, 10, 48, 6, 6, 6, 6, 30], rows: [h.fileCols], wrap: [3], percent: [], footer: h.footer };
  for (const entry of files) {
    const { display: path, review } = entry;
    const [e, w, i] = review && !review.error ? counts(review.findings) : [null, null, null];
    inventory.rows.push([path, entry.format ? '.' + entry.format : null, h.status[entry.status], entry.reason, review && !review.error ? review.forms.length : null, e, w, i, entry.report]);
    if (!review) continue;
    if (review.error) {
      forms.rows.push([path, null, null, null, null, null, null, null, null, null, entry.reason ?? review.error]);
      continue;
    }
    const { perForm, fileLevel } = attributeFindings(review);
    review.forms.forEach((form, k) => {
      forms.rows.push([
        path, form.sheet, h.kinds[form.kind], form.unit ?? form.project ?? null,
        form.total?.stated ?? null, form.total?.computed ?? null, form.grade ?? null,
        // A form read with doubt (layout-uncertain) is shown apart: its counts may miss what was not read.
        ...counts(perForm[k]), readingDoubt(perForm[k])?.message ?? null,
      ]);
    });
    // Findings of no form (form-not-found, a sheet without a form, the report's own sums) are counted on a line of the file.
    if (!review.forms.length || fileLevel.length) {
      const sheets = [...new Set(fileLevel.map((x) => x.sheet).filter((s): s is string => !!s))];
      forms.rows.push([path, sheets.join('、') || null, review.forms.length ? h.outside : h.noForm, null, null, null, null, ...counts(fileLevel), null]);
    }
    for (const x of review.findings) {
      const r = list.rows.length;
      list.rows.push([path, x.sheet, x.cell, h.sev[x.severity], x.code, x.message, x.expected ?? null, x.found ?? null]);
      if (isRateFinding(x)) list.percent.push([r, 6], [r, 7]);
    }
  }
  // The marker tells a later audit of the same folder to skip this file, and lets it replace it.
  return writeBook({ title: h.title, creator: 'selfeval', keywords: REPORT_MARKER, sheets: [forms, list, inventory] });
}
