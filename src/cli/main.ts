/** Entry of the `selfeval` command (bin/selfeval.js). Returns the exit status. */
import { statSync } from 'fs';
import { parseArgs, UsageError, USAGE } from './args';
import { loadRuleSource } from './rules';
import { RuleSetError } from '../core/rules';
import { loadTemplate, TemplateFileError } from './template';
import { prestartWorkers } from './workers';

const isFolder = (p: string): boolean => statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false;

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    }
    if (args.command === 'version') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      process.stdout.write(require('../../package.json').version + '\n');
      return 0;
    }
    // Before anything else loads: the workers load the engine while this thread does the same.
    const started = args.command === 'audit' ? prestartWorkers(args.inputs, args.jobs, isFolder) : [];
    const rules = loadRuleSource(args.rules);
    args.profile = loadTemplate(args.template, args.lang);
    // Each command loads only its own code: `check` never loads the summary writer or the workers.
    if (args.command === 'check') return await (await import('./check')).runCheck(args, rules);
    if (args.command === 'fill') return await (await import('./fill')).runFill(args, rules);
    return await (await import('./audit')).runAudit(args, rules, started);
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`selfeval: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof TemplateFileError) {
      process.stderr.write(`selfeval: ${e.message}\n`);
      return 2;
    }
    if (e instanceof RuleSetError) {
      process.stderr.write(`selfeval: rule set: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`selfeval: ${(e as Error)?.message ?? String(e)}\n`);
    return 2;
  }
}
