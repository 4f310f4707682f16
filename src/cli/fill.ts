/** selfeval fill IN.xlsx -o OUT.xlsx: the one-click recompute, on a file. */
import { chmodSync, existsSync } from 'fs';
import { unreadableReason } from './unreadable';
import { Assistant } from '../app/assistant';
import type { CliArgs } from './args';
import { openWorkbook, describeError } from './load';
import { cliText } from './text';
import { fileId, fillOutProblem, modeOf, sameFile } from './outfile';
import { exitCode } from './check';
import { errorText, isHostErrorLike } from '../i18n/errors';
import { fillText } from '../i18n/cli-fill';
import { decodeState } from '../core/state';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { FileReview } from '../core/types';

/** Findings listed in the closing summary; the rest are counted. */
const LISTED = 5;

const visibleNames = (b: WorkbookSnapshot) => b.sheets.filter((s) => !s.visibility || s.visibility === 'visible').map((s) => s.name);

/** An earlier result of `selfeval fill` of the same form: our journal inside, the same visible sheets. */
async function isEarlierResult(out: string, input: WorkbookSnapshot): Promise<boolean> {
  const opened = await openWorkbook(out);
  if (!opened.ok) return false;
  const book = await opened.host.read();
  return decodeState(book) !== null && visibleNames(book).join('\u0000') === visibleNames(input).join('\u0000');
}

/** What remains to fix, a few of them by cell, and what the colours mean. */
function summary(review: FileReview, args: CliArgs): string {
  const f = fillText(args.lang);
  const open = review.findings.filter((x) => x.severity === 'error' || x.severity === 'warning');
  const errors = open.filter((x) => x.severity === 'error').length;
  const lines = [f.remaining(errors, open.length - errors)];
  for (const x of open.slice(0, LISTED)) lines.push(`  ${x.sheet ?? ''}${x.cell ? '!' + x.cell : ''}  ${x.message}`);
  if (open.length > LISTED) lines.push('  ' + f.more(open.length - LISTED));
  lines.push(f.legend);
  return lines.join('\n');
}

export async function runFill(args: CliArgs, ruleSource: string | Record<string, unknown> | undefined): Promise<number> {
  const t = cliText(args.lang);
  const f = fillText(args.lang);
  const input = args.inputs[0];
  const out = args.out!;
  // Where OUT would go, before the workbook is even read: a clear reason, never a raw ENOENT/EACCES.
  const problem = fillOutProblem(out);
  if (problem) {
    process.stderr.write(f.out[problem](out) + '\n');
    return 2;
  }
  // The same file by real path, or by device and inode (a hard link, another case on a case-insensitive disk).
  if (sameFile(fileId(input), fileId(out))) {
    process.stderr.write(t.refuseSame + '\n');
    return 2;
  }
  const opened = await openWorkbook(input);
  if (!opened.ok) {
    process.stderr.write(f.cannotOpen(input, unreadableReason(input, opened.error, args.lang)) + '\n');
    return 2;
  }
  if (opened.format !== 'xlsx') {
    process.stderr.write(t.fillNeedsXlsx(out, input, opened.format) + '\n');
    return 2;
  }
  let state;
  try {
    const book = await opened.host.read();
    if (existsSync(out) && !args.force && !(await isEarlierResult(out, book))) {
      process.stderr.write(f.out.exists(out) + '\n');
      return 2;
    }
    const assistant = new Assistant(opened.host, { lang: args.lang, file: opened.name, rules: ruleSource, template: args.profile });
    state = await assistant.recompute();
  } catch (e) {
    // The workbook was read: a refusal to write (a protected sheet, a formula in the way) says so, in the user's language.
    const refused = isHostErrorLike(e) && e.code !== 'unreadable' && e.code !== 'too-large';
    const why = isHostErrorLike(e) && (e.code === 'protected' || e.code === 'name-taken') ? errorText(args.lang, e) : describeError(e);
    process.stderr.write((refused ? t.notWritten(out, why) : t.unreadable(input, why)) + '\n');
    return 2;
  }
  const mode = modeOf(out);
  try {
    // Written through a temporary file and a rename: a failed write never leaves half a workbook.
    await opened.host.save(out);
    // The file that replaces an existing one keeps its permissions.
    if (mode !== null) chmodSync(out, mode);
  } catch {
    process.stderr.write(f.out.failed(out) + '\n');
    return 2;
  }
  // What this run wrote, not the journal's totals (a second fill of a filled workbook writes nothing).
  const { values, marks, unmarked } = state.written;
  process.stderr.write(t.wrote(out, values, marks, unmarked) + '\n' + summary(state.review, args) + '\n');
  if (args.json) process.stdout.write(JSON.stringify({ schema: 1, files: [state.review], changed: state.changed, written: state.written }, null, 2) + '\n');
  return exitCode([state.review]);
}
