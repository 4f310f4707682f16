/**
 * selfeval audit DIR|FILE... -o REPORT.xlsx [--html REPORT.html] [--jobs N]: every spreadsheet in
 * the folders accounted for (checked, or why not), each paired with the 自评报告 beside it, checked
 * in parallel on worker threads, summarised in one workbook (and an HTML report to look at).
 */
import { closeSync, openSync, readSync, readdirSync, readFileSync, statSync } from 'fs';
import type { Worker } from 'worker_threads';
import { basename, dirname, extname, join, relative, resolve, sep } from 'path';
import type { FileReview } from '../core/types';
import { writeWorkbookFile } from '../hosts/file/node';
import { MAX_FILE_BYTES } from '../hosts/file/limits';
import { isCompoundFile, isZip, sniffFormat, SPREADSHEET_EXTENSIONS } from '../hosts/file/format';
import type { CliArgs } from './args';
import { exitCode } from './check';
import { describeError } from './load';
import { fileId, fileKey, isAuditReport, sameFile } from './outfile';
import { progress } from './progress';
import { cliText, type CliText } from './text';
import { reasonText } from './reasons';
import { isReportFile, pairReports } from './reportfile';
import type { AuditJob, AuditOutcome, RuleSource } from './reviewer';
import { summaryWorkbook, type InventoryEntry } from './summary';
import { defaultJobs } from './workers';

/** The HTML report's marker (kept here so that planning an audit does not load the report's code). */
const HTML_MARKER = '<meta name="generator" content="selfeval-audit-report">';

export { attributeFindings, summaryWorkbook } from './summary';

/** A workbook to audit: `found` when it came from scanning a folder (not named on the command line). */
export interface AuditInput {
  path: string;
  found: boolean;
  /** The folder named on the command line it was found in (paths are shown relative to it). */
  root?: string;
}

/** Whether a file with another name looks like a spreadsheet by its first bytes (and, for a zip or compound file, its directory). */
function looksLikeSpreadsheet(path: string, size: number): boolean {
  if (size < 8 || size > MAX_FILE_BYTES) return false;
  const head = new Uint8Array(8);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, 8, 0);
  } finally {
    closeSync(fd);
  }
  if (!isZip(head) && !isCompoundFile(head)) return false;
  const format = sniffFormat(new Uint8Array(readFileSync(path)));
  return format === 'xlsx' || format === 'xls' || format === 'ods' || format === 'xlsb' || format === 'encrypted';
}

/** Every spreadsheet-like file under the given folders (recursively), the files named, and the .docx reports found beside them. */
export function collectFiles(inputs: string[]): AuditInput[] & { reports?: string[] } {
  const out: AuditInput[] & { reports?: string[] } = [];
  const reports: string[] = [];
  const walk = (p: string, found: boolean, root?: string) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) {
      out.push({ path: p, found, root }); // reported as unreadable
      return;
    }
    if (!st.isDirectory()) {
      out.push({ path: p, found, root });
      return;
    }
    for (const name of readdirSync(p).sort()) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const child = join(p, name);
      const cst = statSync(child, { throwIfNoEntry: false });
      if (!cst) continue;
      if (cst.isDirectory()) walk(child, true, root ?? p);
      else if (SPREADSHEET_EXTENSIONS.includes(extname(name).toLowerCase())) out.push({ path: child, found: true, root: root ?? p });
      else if (isReportFile(name)) reports.push(child);
      else {
        try {
          if (cst.isFile() && looksLikeSpreadsheet(child, cst.size)) out.push({ path: child, found: true, root: root ?? p });
        } catch {
          /* unreadable and not named a spreadsheet: not one of ours */
        }
      }
    }
  };
  for (const p of inputs) walk(p, false);
  out.reports = reports;
  return out;
}

/** A path as the reviewer sees it: relative to the folder audited, with forward slashes. */
export function shownPath(input: AuditInput): string {
  if (!input.root) return input.path;
  const rel = relative(input.root, input.path);
  return sep === '\\' ? rel.split(sep).join('/') : rel;
}

export interface AuditPlan {
  ok: true;
  paths: string[];
  /** Earlier summaries found in a folder: not audited. */
  skipped: string[];
  /** Every file found, in order: to check (`skip` unset) or skipped and why. */
  inputs: (AuditInput & { skip?: 'summary' | 'duplicate'; sameAs?: string })[];
  reports: string[];
}

/**
 * The files to audit, or why the summary may not be written to `out`: decided before any workbook
 * is reviewed and before anything is written. An earlier summary found in a folder (the output itself included) is skipped;
 * `out` may replace only such a summary, never a workbook being audited or any other file.
 */
export function planAudit(inputs: string[], out: string, t: CliText, html?: string): AuditPlan | { ok: false; why: string } {
  const outId = fileId(out);
  const outStat = statSync(out, { throwIfNoEntry: false });
  if (outStat?.isDirectory()) return { ok: false, why: t.auditOutIsFolder(out) };
  if (!statSync(dirname(resolve(out)), { throwIfNoEntry: false })?.isDirectory()) return { ok: false, why: t.auditOutNoFolder(out) };
  const htmlId = html ? fileId(html) : null;
  const paths: string[] = [];
  const skipped: string[] = [];
  const planned: AuditPlan['inputs'] = [];
  const seen = new Map<string, string>();
  const files = collectFiles(inputs);
  for (const input of files) {
    const id = fileId(input.path);
    const isOut = sameFile(id, outId);
    if (input.found && isAuditReport(input.path)) {
      if (!isOut) {
        skipped.push(input.path);
        planned.push({ ...input, skip: 'summary' });
      }
      continue;
    }
    if (isOut || (htmlId && sameFile(id, htmlId))) return { ok: false, why: t.auditOutIsInput(isOut ? out : html!, input.path) };
    const twin = seen.get(fileKey(id));
    if (twin !== undefined) {
      // The same workbook named twice, or a folder and a file in it: checked once, listed where it was found.
      if (input.found) planned.push({ ...input, skip: 'duplicate', sameAs: twin });
      continue;
    }
    seen.set(fileKey(id), input.path);
    paths.push(input.path);
    planned.push(input);
  }
  if (outStat && outStat.size > 0 && !isAuditReport(out)) return { ok: false, why: t.auditOutExists(out) };
  if (html && !isOurHtml(html)) return { ok: false, why: t.auditOutExists(html) };
  return { ok: true, paths, skipped, inputs: planned, reports: files.reports ?? [] };
}

/** Whether --html may be written: a new file, an empty one, or an earlier report of ours (never a folder or another page). */
function isOurHtml(path: string): boolean {
  const st = statSync(path, { throwIfNoEntry: false });
  if (!st) return statSync(dirname(resolve(path)), { throwIfNoEntry: false })?.isDirectory() ?? false;
  if (!st.isFile()) return false;
  if (st.size === 0) return true;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(512);
    const n = readSync(fd, head, 0, 512, 0);
    return head.subarray(0, n).toString('utf8').includes(HTML_MARKER);
  } finally {
    closeSync(fd);
  }
}

/** `started`: workers main started before loading anything (see ./workers); given to the pool. */
export async function runAudit(args: CliArgs, ruleSource: RuleSource, started: Worker[] = []): Promise<number> {
  const t = cliText(args.lang);
  const out = args.out!;
  const plan = planAudit(args.inputs, out, t, args.html);
  if (!plan.ok) {
    started.forEach((w) => void w.terminate());
    process.stderr.write(plan.why + '\n');
    return 2;
  }
  for (const p of plan.skipped) process.stderr.write(t.auditSkippedReport(p) + '\n');
  const toCheck = plan.inputs.filter((i) => !i.skip);
  const byStem = pairReports(toCheck.map((i) => i.path), plan.reports);
  const claimed = new Set(byStem.values());
  const jobs: AuditJob[] = toCheck.map((input) => ({
    path: input.path,
    lang: args.lang,
    rules: ruleSource,
    template: args.profile,
    report: byStem.get(input.path) ?? null,
    candidates: byStem.has(input.path) ? [] : plan.reports.filter((r) => dirname(r) === dirname(input.path) && !claimed.has(r)),
  }));
  const bar = progress(jobs.length);
  const { runJobs } = await import('./pool');
  const outcomes = await runJobs(jobs, args.jobs ?? defaultJobs(), (i) => bar.tick(shownPath(toCheck[i])), { started });
  bar.done();
  const entries = inventory(plan, outcomes, args);
  try {
    // Through a temporary file and a rename: a failed write never leaves half a workbook.
    await writeWorkbookFile(out, summaryWorkbook(entries, args.lang));
  } catch (e) {
    process.stderr.write(t.notWritten(out, describeError(e)) + '\n');
    return 2;
  }
  const reviews: FileReview[] = outcomes.map((o) => o.review);
  const rulesId = outcomes.find((o) => o.rulesId)?.rulesId ?? (typeof ruleSource === 'string' ? ruleSource : 'mof-2020');
  if (args.html) {
    try {
      const { writeHtmlReport } = await import('./html');
      await writeHtmlReport(args.html, entries, { lang: args.lang, rules: rulesId, title: basename(resolve(args.inputs[0] ?? '.')) });
    } catch (e) {
      process.stderr.write(t.notWritten(args.html, describeError(e)) + '\n');
      return 2;
    }
  }
  const forms = reviews.reduce((n, r) => n + r.forms.length, 0);
  process.stderr.write(t.auditDone(out, forms, reviews.length) + '\n');
  const notChecked = entries.filter((e) => e.status !== 'checked').length;
  if (notChecked) process.stderr.write(t.auditNotChecked(notChecked) + '\n');
  if (args.json) {
    const listed = entries.map((e) => ({ file: e.display, format: e.format, status: e.status, reason: e.reason, report: e.report }));
    process.stdout.write(JSON.stringify({ schema: 1, rules: rulesId, files: reviews, inventory: listed }, null, 2) + '\n');
  }
  return exitCode(reviews);
}

/** Every file found, in the order found: its outcome, or why it was skipped, in the reviewer's words. */
function inventory(plan: AuditPlan, outcomes: AuditOutcome[], args: CliArgs): InventoryEntry[] {
  const t = cliText(args.lang);
  const shown = new Map(plan.inputs.map((i) => [i.path, shownPath(i)]));
  const reportShown = (r: string | null) => {
    if (!r) return null;
    const owner = plan.inputs.find((i) => dirname(i.path) === dirname(r) && i.root);
    return owner?.root ? relative(owner.root, r).split(sep).join('/') : r;
  };
  let k = 0;
  return plan.inputs.map((input) => {
    const display = shownPath(input);
    const format = extname(input.path).slice(1).toLowerCase() || null;
    if (input.skip === 'summary') return { display, format, status: 'skipped', reason: t.reasonSummary, report: null, review: null };
    if (input.skip === 'duplicate') return { display, format, status: 'skipped', reason: t.reasonDuplicate(shown.get(input.sameAs!) ?? input.sameAs!), report: null, review: null };
    const o = outcomes[k++];
    const report = reportShown(o.report);
    if (o.review.error) {
      const wps = /\.et$/i.test(input.path);
      const reason = wps && !/password|encrypted|no such file/i.test(o.review.error) ? t.reasonWps : reasonText(args.lang, o.review.error);
      return { display, format: o.format ?? format, status: 'unreadable', reason, report, review: o.review };
    }
    const notes: string[] = [];
    if (o.format && o.format !== 'xlsx') notes.push(t.reasonReadOnly(o.format));
    if (!o.review.forms.length) notes.push(t.reasonNoForm);
    if (o.reportError) notes.push(t.reasonReportUnreadable(reasonText(args.lang, o.reportError)));
    return { display, format: o.format ?? format, status: 'checked', reason: notes.join('；') || null, report, review: o.review };
  });
}
