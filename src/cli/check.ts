/** selfeval check FILE... [--json] [--rules] [--lang] */
import type { FileReview, ReviewReport } from '../core/types';
import type { CliArgs } from './args';
import { reviewPath } from './reviewer';
import { renderReport } from './report';
import { cliText } from './text';
import { readReport } from './reportfile';

/**
 * One workbook reviewed for the command line; with `report` (the 自评报告's text), its figures are
 * compared with the tables (report-mismatch findings after the others).
 */
export async function reviewFile(
  path: string,
  args: Pick<CliArgs, 'lang' | 'profile'>,
  ruleSource: string | Record<string, unknown> | undefined,
  report?: string,
): Promise<{ review: FileReview; rulesId: string | null }> {
  const { review, rulesId, forms } = await reviewPath(path, args.lang, ruleSource, args.profile);
  if (report !== undefined && !review.error) {
    const { crossCheckReport } = await import('../core/report');
    review.findings.push(...crossCheckReport(report, forms, review, args.lang));
  }
  return { review, rulesId };
}

export async function runCheck(args: CliArgs, ruleSource: string | Record<string, unknown> | undefined): Promise<number> {
  const files: FileReview[] = [];
  let rulesId: string | null = null;
  let reportText: string | undefined;
  if (args.report) {
    const r = await readReport(args.report);
    if (!r.ok) {
      process.stderr.write(cliText(args.lang).reportUnreadable(args.report, r.error) + '\n');
      return 2;
    }
    reportText = r.text;
  }
  for (const path of args.inputs) {
    const r = await reviewFile(path, args, ruleSource, reportText);
    // Once: the readable report names it already; with --json, stdout is for the JSON.
    if (r.review.error && args.json) process.stderr.write(cliText(args.lang).unreadable(path, r.review.error) + '\n');
    rulesId ??= r.rulesId;
    files.push(r.review);
  }
  const report: ReviewReport = { schema: 1, rules: rulesId ?? (typeof ruleSource === 'string' ? ruleSource : 'mof-2020'), files };
  process.stdout.write(args.json ? JSON.stringify(report, null, 2) + '\n' : renderReport(files, args.lang));
  return exitCode(files);
}

export function exitCode(files: FileReview[]): number {
  if (files.some((f) => f.error)) return 2;
  return files.some((f) => f.findings.some((x) => x.severity === 'error')) ? 1 : 0;
}
