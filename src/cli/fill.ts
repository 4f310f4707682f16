/** selfeval fill IN.xlsx -o OUT.xlsx: the one-click recompute, on a file. */
import { Assistant } from '../app/assistant';
import type { CliArgs } from './args';
import { openWorkbook, describeError } from './load';
import { cliText } from './text';
import { fileId, sameFile } from './outfile';
import { exitCode } from './check';
import { errorText, isHostErrorLike } from '../i18n/errors';

export async function runFill(args: CliArgs, ruleSource: string | Record<string, unknown> | undefined): Promise<number> {
  const t = cliText(args.lang);
  const input = args.inputs[0];
  const out = args.out!;
  // The same file by real path, or by device and inode (a hard link, another case on a case-insensitive disk).
  if (sameFile(fileId(input), fileId(out))) {
    process.stderr.write(t.refuseSame + '\n');
    return 2;
  }
  const opened = await openWorkbook(input);
  if (!opened.ok) {
    process.stderr.write(t.unreadable(input, opened.error) + '\n');
    return 2;
  }
  if (opened.format !== 'xlsx') {
    process.stderr.write(t.fillNeedsXlsx(out, input, opened.format) + '\n');
    return 2;
  }
  try {
    const assistant = new Assistant(opened.host, { lang: args.lang, file: opened.name, rules: ruleSource });
    const state = await assistant.recompute();
    // Written through a temporary file and a rename: a failed write never leaves half a workbook.
    await opened.host.save(out);
    // What this run wrote, not the journal's totals (a second fill of a filled workbook writes nothing).
    const { values, marks, unmarked } = state.written;
    process.stderr.write(t.wrote(out, values, marks, unmarked) + '\n');
    if (args.json) process.stdout.write(JSON.stringify({ schema: 1, files: [state.review], changed: state.changed, written: state.written }, null, 2) + '\n');
    return exitCode([state.review]);
  } catch (e) {
    // The workbook was read: a refusal to write (a protected sheet, a formula in the way) says so, in the user's language.
    const refused = isHostErrorLike(e) && e.code !== 'unreadable' && e.code !== 'too-large';
    const why = isHostErrorLike(e) && (e.code === 'protected' || e.code === 'name-taken') ? errorText(args.lang, e) : describeError(e);
    process.stderr.write((refused ? t.notWritten(out, why) : t.unreadable(input, why)) + '\n');
    return 2;
  }
}
