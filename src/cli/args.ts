/** Command-line arguments of `selfeval check|fill|audit` (see README "Command line"). */
import type { Lang } from '../core/types';
import type { TemplateProfile } from '../core/profile';
import { fillText } from '../i18n/cli-fill';

export interface CliArgs {
  command: 'check' | 'fill' | 'audit' | 'help' | 'version';
  inputs: string[];
  json: boolean;
  rules?: string;
  lang: Lang;
  out?: string;
  /** --template PROFILE.json: the column map's file, and the profile read from it (cli/template.ts). */
  template?: string;
  profile?: TemplateProfile;
  /** fill: overwrite an existing OUT that is not an earlier result of the same form. */
  force?: boolean;
  /** check --report REPORT.docx: the 自评报告 cross-checked against the workbook's tables. */
  report?: string;
  /** audit --html REPORT.html: the audit report to look at. */
  html?: string;
  /** audit --jobs N: threads checking files in parallel (default: one fewer than the cores, at least one; see cli/workers.ts). */
  jobs?: number;
}

export class UsageError extends Error {
  constructor(
    message: string,
    readonly lang: Lang = 'zh-CN',
  ) {
    super(message);
  }
}

/** The language asked for, read before the rest so that usage errors speak it too. */
function langOf(argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  return i >= 0 && argv[i + 1] === 'en-US' ? 'en-US' : 'zh-CN';
}

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  const lang = langOf(argv);
  const u = fillText(lang).usage;
  const fail = (message: string) => new UsageError(message, lang);
  if (!command || command === '-h' || command === '--help' || command === 'help') return { command: 'help', inputs: [], json: false, lang: 'zh-CN' };
  if (command === '-v' || command === '--version') return { command: 'version', inputs: [], json: false, lang: 'zh-CN' };
  if (command !== 'check' && command !== 'fill' && command !== 'audit') throw fail(u.unknownCommand(command));
  const args: CliArgs = { command, inputs: [], json: false, lang: 'zh-CN' };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const value = (): string => {
      const v = rest[++i];
      if (v === undefined || v.startsWith('--')) throw fail(u.needsValue(a));
      return v;
    };
    if (a === '--json') args.json = true;
    else if (a === '--rules') args.rules = value();
    else if (a === '--template') args.template = value();
    else if (a === '-o' || a === '--out') args.out = value();
    else if (a === '--force') args.force = true;
    else if (a === '--report') args.report = value();
    else if (a === '--html') args.html = value();
    else if (a === '--jobs' || a === '-j') {
      const v = value();
      if (!/^\d+$/.test(v) || Number(v) < 1) throw fail(u.badJobs(v));
      args.jobs = Number(v);
    }
    else if (a === '--lang') {
      const l = value();
      if (l !== 'zh-CN' && l !== 'en-US') throw fail(u.badLang(l));
      args.lang = l;
    } else if (a.startsWith('-') && a !== '-') throw fail(u.unknownOption(a));
    else args.inputs.push(a);
  }
  if (!args.inputs.length) throw fail(u.needsFile(command));
  if (command === 'fill') {
    if (args.inputs.length !== 1) throw fail(u.fillOneInput);
    if (!args.out) throw fail(u.fillNeedsOut);
  }
  if (command === 'audit' && !args.out) throw fail(u.auditNeedsOut);
  if (args.report && command !== 'check') throw fail(u.reportWithCheck);
  if (args.report && args.inputs.length !== 1) throw fail(u.reportOneBook);
  if ((args.html || args.jobs) && command !== 'audit') throw fail(u.auditOnly(args.html ? '--html' : '--jobs'));
  return args;
}

export const USAGE = `selfeval — 绩效自评助手 (budget performance self-evaluation checker)

Usage:
  selfeval check FILE...  [--json] [--rules ID|PATH] [--template PROFILE.json] [--lang zh-CN|en-US]
  selfeval check BOOK --report REPORT.docx [--json]   (the 自评报告 against the tables)
  selfeval fill IN.xlsx -o OUT.xlsx [--force] [--rules ID|PATH] [--template PROFILE.json] [--lang zh-CN|en-US]
  selfeval audit DIR|FILE... -o REPORT.xlsx [--html REPORT.html] [--jobs N] [--json] [--rules ID|PATH] [--template PROFILE.json] [--lang zh-CN|en-US]

Reads .xlsx, .xlsm, .xls, .xlsb and .ods (writes back only .xlsx).
--template PROFILE.json: read each form through the column map of a template profile
(see README "When a form is misread").

fill marks cells in two kinds / fill 的标记分两种:
  浅绿 light green  已更正 corrected: a value selfeval wrote
  粉红 pink / 浅黄 light yellow  待处理 to fix: an error / a warning that remains
  Clear them before printing with 清除标记 (Clear marks) in the add-in or the playground.

Exit status: 0 no errors found, 1 findings of severity error, 2 unreadable file or bad arguments.`;
