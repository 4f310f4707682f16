/** Messages of `selfeval fill` and of the command line's usage errors (issue 12), zh-CN first. */
import type { Lang } from '../core/types';

const zh = {
  usage: {
    unknownCommand: (c: string) => `未知命令“${c}”`,
    needsValue: (o: string) => `${o} 后面需要一个值`,
    badLang: (l: string) => `--lang 只能是 zh-CN 或 en-US（收到“${l}”）`,
    unknownOption: (o: string) => `未知选项“${o}”`,
    needsFile: (c: string) => `${c} 需要至少一个文件`,
    fillOneInput: 'fill 只接受一个输入文件',
    fillNeedsOut: 'fill 需要用 -o 指定输出文件，例如 -o 结果.xlsx',
    auditNeedsOut: 'audit 需要用 -o 指定汇总文件，例如 -o 汇总.xlsx',
    badJobs: (v: string) => `--jobs 需要 1 或更大的整数（收到“${v}”）`,
    reportWithCheck: '--report 只用于 check（audit 会自动配对每个工作簿旁的 .docx 报告）',
    reportOneBook: 'check --report 只接受一个工作簿',
    auditOnly: (o: string) => `${o} 只用于 audit`,
  },
  out: {
    noFolder: (out: string) => `未写入 ${out}：所在的文件夹不存在，请先建好文件夹或换一个位置`,
    notFolder: (out: string) => `未写入 ${out}：路径中有一段不是文件夹`,
    folderReadOnly: (out: string) => `未写入 ${out}：没有在该文件夹中写文件的权限，请换一个文件夹`,
    isFolder: (out: string) => `未写入 ${out}：这是一个文件夹，-o 需要一个 .xlsx 文件名`,
    readOnly: (out: string) => `未写入 ${out}：该文件是只读的，selfeval 不会改动它。请换一个文件名，或先取消只读`,
    exists: (out: string) =>
      `未写入 ${out}：该文件已存在，且不是 selfeval 由同一张表生成的结果，selfeval 不会覆盖它。请换一个文件名，或加 --force 覆盖`,
    failed: (out: string) => `未写入 ${out}：写文件失败（磁盘已满或文件被其他程序占用？），原有文件未改动`,
  },
  reason: {
    missing: '找不到该文件，请检查文件名和所在文件夹',
    folder: '这是一个文件夹，请给出一个 .xlsx 文件',
    denied: '没有读取该文件的权限，请复制到自己的文件夹后再试',
  },
  cannotOpen: (f: string, why: string) => `无法打开“${f}”：${why}。`,
  remaining: (e: number, w: number) => (e || w ? `仍需处理：${e} 个错误，${w} 个警告（见表中标记）` : '没有需要处理的问题'),
  more: (n: number) => `……另有 ${n} 处`,
  legend: '标记颜色：浅绿 = 已更正（selfeval 写入的值）；粉红 = 错误，待处理；浅黄 = 警告，待处理。打印前可在加载项中点“清除标记”',
};

const en: typeof zh = {
  usage: {
    unknownCommand: (c) => `unknown command "${c}"`,
    needsValue: (o) => `${o} needs a value`,
    badLang: (l) => `--lang must be zh-CN or en-US (got "${l}")`,
    unknownOption: (o) => `unknown option "${o}"`,
    needsFile: (c) => `${c} needs at least one file`,
    fillOneInput: 'fill takes one input file',
    fillNeedsOut: 'fill needs -o OUT.xlsx',
    auditNeedsOut: 'audit needs -o REPORT.xlsx',
    badJobs: (v) => `--jobs needs a whole number of 1 or more (got "${v}")`,
    reportWithCheck: '--report goes with check (audit pairs each workbook with the .docx beside it)',
    reportOneBook: 'check --report takes one workbook',
    auditOnly: (o) => `${o} goes with audit`,
  },
  out: {
    noFolder: (out) => `Did not write ${out}: its folder does not exist; create it or choose another place`,
    notFolder: (out) => `Did not write ${out}: part of the path is not a folder`,
    folderReadOnly: (out) => `Did not write ${out}: no permission to write in that folder; choose another folder`,
    isFolder: (out) => `Did not write ${out}: it is a folder; -o needs an .xlsx file name`,
    readOnly: (out) => `Did not write ${out}: the file is read-only and selfeval leaves it alone. Choose another name, or make it writable first`,
    exists: (out) => `Did not write ${out}: the file exists and is not an earlier selfeval result of the same form, so selfeval does not overwrite it. Choose another name, or add --force`,
    failed: (out) => `Did not write ${out}: writing failed (disk full, or the file is open in another program?); any existing file is unchanged`,
  },
  reason: {
    missing: 'no such file; check the name and the folder',
    folder: 'it is a folder; give an .xlsx file',
    denied: 'no permission to read it; copy it to a folder of your own and try again',
  },
  cannotOpen: (f, why) => `Cannot open "${f}": ${why}.`,
  remaining: (e, w) => (e || w ? `Still to fix: ${e} errors, ${w} warnings (marked in the sheet)` : 'Nothing left to fix'),
  more: (n) => `… and ${n} more`,
  legend: 'Mark colours: light green = corrected (a value selfeval wrote); pink = error, to fix; light yellow = warning, to fix. Before printing, click "Clear marks" in the add-in',
};

export type FillText = typeof zh;

export function fillText(lang: Lang): FillText {
  return lang === 'en-US' ? en : zh;
}
