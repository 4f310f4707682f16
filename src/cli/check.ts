/** selfeval check FILE... [--json] [--rules] [--lang] */
import type { FileReview, ReviewReport } from '../core/types';
import { decodeState } from '../core/state';
import { runReview, storedSettings } from '../app/review';
import type { CliArgs } from './args';
import type { Settings } from '../app/types';
import { openWorkbook, describeError } from './load';
import { renderReport } from './report';
import { cliText } from './text';
import { unreadableReason } from './unreadable';

export async function reviewFile(path: string, args: CliArgs, ruleSource: string | Record<string, unknown> | undefined): Promise<{ review: FileReview; rulesId: string | null }> {
  const opened = await openWorkbook(path);
  // The reason in the clerk's language, with the fix (另存为 .xlsx…).
  if (!opened.ok) return { review: { file: opened.name, error: unreadableReason(path, opened.error, args.lang), forms: [], findings: [] }, rulesId: null };
  try {
    const book = await opened.host.read();
    const settings = storedSettings(decodeState(book)?.settings as Partial<Settings> | undefined);
    const { review, rules } = runReview(book, settings, args.lang, opened.name, ruleSource, args.profile);
    return { review, rulesId: rules.id };
  } catch (e) {
    return { review: { file: opened.name, error: describeError(e), forms: [], findings: [] }, rulesId: null };
  }
}

export async function runCheck(args: CliArgs, ruleSource: string | Record<string, unknown> | undefined): Promise<number> {
  const files: FileReview[] = [];
  let rulesId: string | null = null;
  for (const path of args.inputs) {
    const r = await reviewFile(path, args, ruleSource);
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
