/** selfeval audit DIR|FILE... -o REPORT.xlsx: one summary workbook over many forms. */
import { readdirSync, statSync, writeFileSync, renameSync } from 'fs';
import { join, extname } from 'path';
import ExcelJS from 'exceljs';
import type { FileReview, Lang } from '../core/types';
import type { CliArgs } from './args';
import { reviewFile, exitCode } from './check';
import { progress } from './progress';
import { cliText } from './text';

/** Every .xlsx under the given directories (recursively) and the files named. */
export function collectFiles(inputs: string[]): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) {
      out.push(p); // reported as unreadable
      return;
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) {
        if (name.startsWith('.') || name.startsWith('~$')) continue;
        const child = join(p, name);
        const cst = statSync(child, { throwIfNoEntry: false });
        if (cst?.isDirectory()) walk(child);
        else if (extname(name).toLowerCase() === '.xlsx') out.push(child);
      }
    } else out.push(p);
  };
  inputs.forEach(walk);
  return out;
}

const HEAD = {
  'zh-CN': {
    forms: '自评表汇总', findings: '问题清单',
    formCols: ['文件', '工作表', '表类型', '单位/项目', '表内总分', '计算总分', '等级', '错误', '警告', '提示', '读取错误'],
    findingCols: ['文件', '工作表', '单元格', '级别', '代码', '说明', '应为', '表内'],
    kinds: { 'self-evaluation': '绩效自评表', 'basic-data': '基础数据表' } as Record<string, string>,
    sev: { error: '错误', warning: '警告', info: '提示' } as Record<string, string>,
  },
  'en-US': {
    forms: 'Forms', findings: 'Findings',
    formCols: ['File', 'Sheet', 'Kind', 'Unit / project', 'Stated total', 'Computed total', 'Grade', 'Errors', 'Warnings', 'Notes', 'Read error'],
    findingCols: ['File', 'Sheet', 'Cell', 'Severity', 'Code', 'Message', 'Expected', 'Found'],
    kinds: { 'self-evaluation': 'self-evaluation', 'basic-data': 'basic data' } as Record<string, string>,
    sev: { error: 'error', warning: 'warning', info: 'info' } as Record<string, string>,
  },
};

export function summaryWorkbook(files: { path: string; review: FileReview }[], lang: Lang): ExcelJS.Workbook {
  const h = HEAD[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'selfeval';
  const forms = wb.addWorksheet(h.forms, { views: [{ state: 'frozen', ySplit: 1 }] });
  forms.addRow(h.formCols).font = { bold: true };
  const list = wb.addWorksheet(h.findings, { views: [{ state: 'frozen', ySplit: 1 }] });
  list.addRow(h.findingCols).font = { bold: true };
  for (const { path, review } of files) {
    if (review.error) {
      forms.addRow([path, null, null, null, null, null, null, null, null, null, review.error]);
      continue;
    }
    for (const form of review.forms) {
      const mine = review.findings.filter((x) => x.sheet === form.sheet);
      const count = (s: string) => mine.filter((x) => x.severity === s).length;
      forms.addRow([
        path, form.sheet, h.kinds[form.kind], form.unit ?? form.project ?? null,
        form.total?.stated ?? null, form.total?.computed ?? null, form.grade ?? null,
        count('error'), count('warning'), count('info'), null,
      ]);
    }
    if (!review.forms.length) forms.addRow([path, null, null, null, null, null, null, 0, 0, 0, null]);
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
  const paths = collectFiles(args.inputs);
  const bar = progress(paths.length);
  const results: { path: string; review: FileReview }[] = [];
  for (const path of paths) {
    const { review } = await reviewFile(path, args, ruleSource);
    results.push({ path, review });
    bar.tick(path);
  }
  bar.done();
  const wb = summaryWorkbook(results, args.lang);
  const tmp = `${args.out}.selfeval-tmp`;
  writeFileSync(tmp, Buffer.from(await wb.xlsx.writeBuffer()));
  renameSync(tmp, args.out!);
  const forms = results.reduce((n, r) => n + r.review.forms.length, 0);
  process.stderr.write(cliText(args.lang).auditDone(args.out!, forms, results.length) + '\n');
  if (args.json) {
    process.stdout.write(JSON.stringify({ schema: 1, rules: typeof ruleSource === 'string' ? ruleSource : 'mof-2020', files: results.map((r) => r.review) }, null, 2) + '\n');
  }
  return exitCode(results.map((r) => r.review));
}
