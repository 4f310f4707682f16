/** selfeval audit DIR|FILE... -o REPORT.xlsx: one summary workbook over many forms. */
import { readdirSync, statSync } from 'fs';
import { dirname, extname, join, resolve } from 'path';
import ExcelJS from 'exceljs';
import type { FileReview, Finding, Lang } from '../core/types';
import { parseA1, parseRange } from '../core/address';
import { writeWorkbookFile } from '../hosts/file/node';
import type { CliArgs } from './args';
import { reviewFile, exitCode } from './check';
import { describeError } from './load';
import { fileId, isAuditReport, REPORT_MARKER, sameFile, type FileId } from './outfile';
import { progress } from './progress';
import { cliText, type CliText } from './text';

/** A workbook to audit: `found` when it came from scanning a folder (not named on the command line). */
export interface AuditInput {
  path: string;
  found: boolean;
}

/** Every .xlsx under the given directories (recursively) and the files named. */
export function collectFiles(inputs: string[]): AuditInput[] {
  const out: AuditInput[] = [];
  const walk = (p: string, found: boolean) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) {
      out.push({ path: p, found }); // reported as unreadable
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.') || name.startsWith('~$')) continue;
        const child = join(p, name);
        const cst = statSync(child, { throwIfNoEntry: false });
        if (cst?.isDirectory()) walk(child, true);
        else if (extname(name).toLowerCase() === '.xlsx') out.push({ path: child, found: true });
      }
    } else out.push({ path: p, found });
  };
  for (const p of inputs) walk(p, false);
  return out;
}

/**
 * The files to audit, or why the summary may not be written to `out`: decided before any workbook
 * is reviewed and before anything is written. An earlier summary found in a folder (the output itself included) is skipped;
 * `out` may replace only such a summary, never a workbook being audited or any other file.
 */
export function planAudit(inputs: string[], out: string, t: CliText): { ok: true; paths: string[]; skipped: string[] } | { ok: false; why: string } {
  const outId = fileId(out);
  const outStat = statSync(out, { throwIfNoEntry: false });
  if (outStat?.isDirectory()) return { ok: false, why: t.auditOutIsFolder(out) };
  if (!statSync(dirname(resolve(out)), { throwIfNoEntry: false })?.isDirectory()) return { ok: false, why: t.auditOutNoFolder(out) };
  const paths: string[] = [];
  const skipped: string[] = [];
  const seen: FileId[] = [];
  for (const input of collectFiles(inputs)) {
    const id = fileId(input.path);
    const isOut = sameFile(id, outId);
    if (input.found && isAuditReport(input.path)) {
      if (!isOut) skipped.push(input.path);
      continue;
    }
    if (isOut) return { ok: false, why: t.auditOutIsInput(out, input.path) };
    if (seen.some((s) => sameFile(s, id))) continue; // the same workbook named twice, or a folder and a file in it
    seen.push(id);
    paths.push(input.path);
  }
  if (outStat && outStat.size > 0 && !isAuditReport(out)) return { ok: false, why: t.auditOutExists(out) };
  return { ok: true, paths, skipped };
}

const HEAD = {
  'zh-CN': {
    title: '绩效自评汇总', forms: '自评表汇总', findings: '问题清单',
    noForm: '（未识别到自评表）', outside: '（表外问题）',
    formCols: ['文件', '工作表', '表类型', '单位/项目', '表内总分', '计算总分', '等级', '错误', '警告', '提示', '读取错误'],
    findingCols: ['文件', '工作表', '单元格', '级别', '代码', '说明', '应为', '表内'],
    kinds: { 'self-evaluation': '绩效自评表', 'basic-data': '基础数据表' } as Record<string, string>,
    sev: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
  },
  'en-US': {
    title: 'Self-evaluation audit', forms: 'Forms', findings: 'Findings',
    noForm: '(no form found)', outside: '(outside any form)',
    formCols: ['File', 'Sheet', 'Kind', 'Unit / project', 'Stated total', 'Computed total', 'Grade', 'Errors', 'Warnings', 'Notes', 'Read error'],
    findingCols: ['File', 'Sheet', 'Cell', 'Severity', 'Code', 'Message', 'Expected', 'Found'],
    kinds: { 'self-evaluation': 'self-evaluation', 'basic-data': 'basic data' } as Record<string, string>,
    sev: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
  },
};

/** Where the findings of a file go: one list per form (by the range that holds the cell), and the rest. */
export function attributeFindings(review: FileReview): { perForm: Finding[][]; fileLevel: Finding[] } {
  const perForm: Finding[][] = review.forms.map(() => []);
  const fileLevel: Finding[] = [];
  const ranges = review.forms.map((f) => parseRange(f.range));
  for (const x of review.findings) {
    const onSheet = review.forms.map((f, i) => i).filter((i) => x.sheet !== null && review.forms[i].sheet === x.sheet);
    if (!onSheet.length) {
      fileLevel.push(x);
      continue;
    }
    const at = x.cell ? parseA1(x.cell) : null;
    let best = onSheet[0];
    if (at) {
      // The form whose range holds the cell (the smallest, should two overlap), else the nearest one.
      let bestKey = Infinity;
      for (const i of onSheet) {
        const r = ranges[i];
        if (!r) continue;
        const dr = at.row < r.top ? r.top - at.row : at.row > r.bottom ? at.row - r.bottom : 0;
        const dc = at.col < r.left ? r.left - at.col : at.col > r.right ? at.col - r.right : 0;
        const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
        const key = (dr + dc) * 1e12 + area;
        if (key < bestKey) {
          bestKey = key;
          best = i;
        }
      }
    }
    perForm[best].push(x);
  }
  return { perForm, fileLevel };
}

export function summaryWorkbook(files: { path: string; review: FileReview }[], lang: Lang): ExcelJS.Workbook {
  const h = HEAD[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'selfeval';
  wb.keywords = REPORT_MARKER; // a later audit of the same folder skips this file, and may replace it
  wb.title = h.title;
  const forms = wb.addWorksheet(h.forms, { views: [{ state: 'frozen', ySplit: 1 }] });
  forms.addRow(h.formCols).font = { bold: true };
  const list = wb.addWorksheet(h.findings, { views: [{ state: 'frozen', ySplit: 1 }] });
  list.addRow(h.findingCols).font = { bold: true };
  const counts = (xs: Finding[]) => (['error', 'warning', 'info'] as const).map((s) => xs.filter((x) => x.severity === s).length);
  for (const { path, review } of files) {
    if (review.error) {
      forms.addRow([path, null, null, null, null, null, null, null, null, null, review.error]);
      continue;
    }
    const { perForm, fileLevel } = attributeFindings(review);
    review.forms.forEach((form, i) => {
      forms.addRow([
        path, form.sheet, h.kinds[form.kind], form.unit ?? form.project ?? null,
        form.total?.stated ?? null, form.total?.computed ?? null, form.grade ?? null,
        ...counts(perForm[i]), null,
      ]);
    });
    // Findings of no form (form-not-found, a sheet without a form) are counted on a line of the file.
    if (!review.forms.length || fileLevel.length) {
      const sheets = [...new Set(fileLevel.map((x) => x.sheet).filter((s): s is string => !!s))];
      forms.addRow([path, sheets.join('、') || null, review.forms.length ? h.outside : h.noForm, null, null, null, null, ...counts(fileLevel), null]);
    }
    for (const x of review.findings) {
      list.addRow([path, x.sheet, x.cell, h.sev[x.severity], x.code, x.message, x.expected ?? null, x.found ?? null]);
    }
  }
  const widths = [36, 18, 14, 30, 10, 10, 6, 6, 6, 6, 30];
  widths.forEach((w, i) => (forms.getColumn(i + 1).width = w));
  [36, 18, 8, 8, 22, 70, 10, 10].forEach((w, i) => (list.getColumn(i + 1).width = w));
  forms.autoFilter = { from: 'A1', to: 'K1' };
  list.autoFilter = { from: 'A1', to: 'H1' };
  return wb;
}

export async function runAudit(args: CliArgs, ruleSource: string | Record<string, unknown> | undefined): Promise<number> {
  const t = cliText(args.lang);
  const out = args.out!;
  const plan = planAudit(args.inputs, out, t);
  if (!plan.ok) {
    process.stderr.write(plan.why + '\n');
    return 2;
  }
  for (const p of plan.skipped) process.stderr.write(t.auditSkippedReport(p) + '\n');
  const bar = progress(plan.paths.length);
  const results: { path: string; review: FileReview }[] = [];
  for (const path of plan.paths) {
    const { review } = await reviewFile(path, args, ruleSource);
    results.push({ path, review });
    bar.tick(path);
  }
  bar.done();
  const wb = summaryWorkbook(results, args.lang);
  try {
    // Through a temporary file and a rename: a failed write never leaves half a workbook.
    await writeWorkbookFile(out, new Uint8Array(await wb.xlsx.writeBuffer()));
  } catch (e) {
    process.stderr.write(t.notWritten(out, describeError(e)) + '\n');
    return 2;
  }
  const forms = results.reduce((n, r) => n + r.review.forms.length, 0);
  process.stderr.write(t.auditDone(out, forms, results.length) + '\n');
  if (args.json) {
    process.stdout.write(JSON.stringify({ schema: 1, rules: typeof ruleSource === 'string' ? ruleSource : 'mof-2020', files: results.map((r) => r.review) }, null, 2) + '\n');
  }
  return exitCode(results.map((r) => r.review));
}
