/** Command-line arguments of `selfeval check|fill|audit` (see README "Command line"). */
import type { Lang } from '../core/types';

export interface CliArgs {
  command: 'check' | 'fill' | 'audit' | 'help' | 'version';
  inputs: string[];
  json: boolean;
  rules?: string;
  lang: Lang;
  out?: string;
  /** check --report REPORT.docx: the 自评报告 cross-checked against the workbook's tables. */
  report?: string;
  /** audit --html REPORT.html: the audit report to look at. */
  html?: string;
  /** audit --jobs N: files checked in parallel (default: the number of cores). */
  jobs?: number;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') return { command: 'help', inputs: [], json: false, lang: 'zh-CN' };
  if (command === '-v' || command === '--version') return { command: 'version', inputs: [], json: false, lang: 'zh-CN' };
  if (command !== 'check' && command !== 'fill' && command !== 'audit') throw new UsageError(`unknown command "${command}"`);
  const args: CliArgs = { command, inputs: [], json: false, lang: 'zh-CN' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`${a} needs a value`);
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--rules') args.rules = value();
    else if (a === '-o' || a === '--out') args.out = value();
    else if (a === '--report') args.report = value();
    else if (a === '--html') args.html = value();
    else if (a === '--jobs' || a === '-j') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1) throw new UsageError(`--jobs needs a whole number of 1 or more (got "${v}")`);
      args.jobs = Number(v);
    }
    else if (a === '--lang') {
      const l = value();
      if (l !== 'zh-CN' && l !== 'en-US') throw new UsageError(`--lang must be zh-CN or en-US (got "${l}")`);
      args.lang = l;
    } else if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option "${a}"`);
    else args.inputs.push(a);
  }
  if (!args.inputs.length) throw new UsageError(`${command} needs at least one file`);
  if (command === 'fill') {
    if (args.inputs.length !== 1) throw new UsageError('fill takes one input file');
    if (!args.out) throw new UsageError('fill needs -o OUT.xlsx');
  }
  if (command === 'audit' && !args.out) throw new UsageError('audit needs -o REPORT.xlsx');
  if (args.report && command !== 'check') throw new UsageError('--report goes with check (audit pairs each workbook with the .docx beside it)');
  if (args.report && args.inputs.length !== 1) throw new UsageError('check --report takes one workbook');
  if ((args.html || args.jobs) && command !== 'audit') throw new UsageError(`${args.html ? '--html' : '--jobs'} goes with audit`);
  return args;
}

export const USAGE = `selfeval — 绩效自评助手 (budget performance self-evaluation checker)

Usage:
  selfeval check FILE...  [--json] [--rules ID|PATH] [--lang zh-CN|en-US]
  selfeval check BOOK --report REPORT.docx [--json]   (the 自评报告 against the tables)
  selfeval fill IN.xlsx -o OUT.xlsx [--rules ID|PATH] [--lang zh-CN|en-US]
  selfeval audit DIR|FILE... -o REPORT.xlsx [--html REPORT.html] [--jobs N] [--json] [--rules ID|PATH] [--lang zh-CN|en-US]

Reads .xlsx, .xlsm, .xls, .xlsb and .ods (writes back only .xlsx).

Exit status: 0 no errors found, 1 findings of severity error, 2 unreadable file or bad arguments.`;
