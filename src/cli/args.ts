/** Command-line arguments of `selfeval check|fill|audit` (see README "Command line"). */
import type { Lang } from '../core/types';
import type { TemplateProfile } from '../core/profile';

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
    else if (a === '--template') args.template = value();
    else if (a === '-o' || a === '--out') args.out = value();
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
  return args;
}

export const USAGE = `selfeval — 绩效自评助手 (budget performance self-evaluation checker)

Usage:
  selfeval check FILE...  [--json] [--rules ID|PATH] [--template PROFILE.json] [--lang zh-CN|en-US]
  selfeval fill IN.xlsx -o OUT.xlsx [--rules ID|PATH] [--template PROFILE.json] [--lang zh-CN|en-US]
  selfeval audit DIR|FILE... -o REPORT.xlsx [--json] [--rules ID|PATH] [--template PROFILE.json] [--lang zh-CN|en-US]

--template PROFILE.json: read each form through the column map of a template profile
(see README "When a form is misread").

Exit status: 0 no errors found, 1 findings of severity error, 2 unreadable file or bad arguments.`;
