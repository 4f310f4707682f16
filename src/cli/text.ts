/** Words of the command line's readable report, in zh-CN and en-US. */
import type { Lang, Severity } from '../core/types';

const zh = {
  error: '错误', warning: '警告', info: '提示',
  selfEvaluation: '绩效自评表', basicData: '基础数据表',
  total: (stated: string, computed: string, grade: string) => `总分：表内 ${stated}，计算 ${computed}，等级 ${grade}`,
  indicators: (n: number) => `${n} 项指标`,
  summary: (e: number, w: number, i: number) => `共 ${e} 个错误，${w} 个警告，${i} 个提示`,
  unreadable: (file: string, why: string) => `无法读取 ${file}：${why}`,
  notWritten: (out: string, why: string) => `未写入 ${out}：${why}`,
  /** What this fill wrote: computed values, marks painted, earlier marks taken off. */
  wrote: (out: string, values: number, marks: number, unmarked = 0) =>
    values || marks || unmarked
      ? `已写入 ${out}：重算 ${values} 个单元格，标记 ${marks} 处` + (unmarked ? `，撤去 ${unmarked} 处不再适用的标记` : '')
      : `已写入 ${out}：没有需要重算或标记的单元格`,
  refuseSame: '输出文件不能与输入文件相同，selfeval 不会覆盖原表',
  none: '无',
  auditDone: (out: string, forms: number, files: number) => `已生成汇总 ${out}：${files} 个文件，${forms} 张表`,
  auditOutIsInput: (out: string, input: string) =>
    out === input
      ? `未写入汇总：${out} 是要汇总的工作簿之一，selfeval 不会覆盖原表。请用 -o 另选一个文件名`
      : `未写入汇总：${out} 就是要汇总的工作簿 ${input}，selfeval 不会覆盖原表。请用 -o 另选一个文件名`,
  auditOutExists: (out: string) => `未写入汇总：${out} 已存在，且不是 selfeval 生成的汇总表，selfeval 不会覆盖它。请用 -o 另选一个文件名，或先移走该文件`,
  auditOutIsFolder: (out: string) => `未写入汇总：${out} 是一个文件夹，-o 需要一个 .xlsx 文件名`,
  auditOutNoFolder: (out: string) => `未写入汇总：${out} 所在的文件夹不存在`,
  auditSkippedReport: (path: string) => `跳过 ${path}：这是 selfeval 生成的汇总表`,
  // reviewer (issue 11): other formats
  fillNeedsXlsx: (out: string, input: string, format: string) =>
    `未写入 ${out}：${input} 是 .${format} 文件，selfeval 只能写回 .xlsx 工作簿（检查不受影响：selfeval check ${input}）。` +
    `请在 Excel 或 WPS 中打开它，用“绩效自评助手”加载项一键重算；或先另存为 .xlsx（文件 → 另存为 → Excel 工作簿），再运行 selfeval fill`,
  reportUnreadable: (path: string, why: string) => `无法读取自评报告 ${path}：${why}`,
  auditNotChecked: (n: number) => `另有 ${n} 个文件未能检查或已跳过，原因见汇总表的“文件清单”`,
  reasonSummary: '这是 selfeval 生成的汇总表，不作为自评表检查',
  reasonDuplicate: (other: string) => `与 ${other} 是同一个文件，只检查一次`,
  reasonWps: 'WPS 表格专有格式（.et），无法直接读取。请在 WPS 中打开后另存为 .xlsx',
  reasonReadOnly: (format: string) => `.${format} 文件：已检查；如需自动重算，请另存为 .xlsx`,
  reasonNoForm: '未识别到自评表',
  reasonReportUnreadable: (why: string) => `自评报告无法读取：${why}`,
};

const en: typeof zh = {
  error: 'error', warning: 'warning', info: 'info',
  selfEvaluation: 'self-evaluation form', basicData: 'basic-data table',
  total: (stated, computed, grade) => `Total: stated ${stated}, computed ${computed}, grade ${grade}`,
  indicators: (n) => `${n} indicators`,
  summary: (e, w, i) => `${e} errors, ${w} warnings, ${i} notes`,
  unreadable: (file, why) => `Cannot read ${file}: ${why}`,
  notWritten: (out, why) => `Did not write ${out}: ${why}`,
  wrote: (out, values, marks, unmarked = 0) =>
    values || marks || unmarked
      ? `Wrote ${out}: ${values} cells recomputed, ${marks} marked` + (unmarked ? `, ${unmarked} marks that no longer apply removed` : '')
      : `Wrote ${out}: nothing to recompute or mark`,
  refuseSame: 'The output file must differ from the input: selfeval never overwrites the original',
  none: 'none',
  auditDone: (out, forms, files) => `Wrote summary ${out}: ${files} files, ${forms} forms`,
  auditOutIsInput: (out, input) =>
    out === input
      ? `Summary not written: ${out} is one of the workbooks being audited, and selfeval never overwrites an original. Choose another file with -o`
      : `Summary not written: ${out} is the workbook ${input} being audited, and selfeval never overwrites an original. Choose another file with -o`,
  auditOutExists: (out) => `Summary not written: ${out} already exists and is not a summary written by selfeval, so selfeval does not overwrite it. Choose another file with -o, or move that file away first`,
  auditOutIsFolder: (out) => `Summary not written: ${out} is a folder; -o needs an .xlsx file name`,
  auditOutNoFolder: (out) => `Summary not written: the folder of ${out} does not exist`,
  auditSkippedReport: (path) => `Skipped ${path}: a summary written by selfeval`,
  // reviewer (issue 11): other formats
  fillNeedsXlsx: (out, input, format) =>
    `Did not write ${out}: ${input} is an .${format} file and selfeval writes back only .xlsx workbooks (checking works: selfeval check ${input}). ` +
    'Open it in Excel or WPS and use the add-in\'s one-click recompute, or save it as .xlsx first (File → Save As → Excel Workbook) and run selfeval fill on that',
  reportUnreadable: (path, why) => `Cannot read the report ${path}: ${why}`,
  auditNotChecked: (n) => `${n} more files could not be checked or were skipped; the summary's Files sheet says why`,
  reasonSummary: 'a summary written by selfeval, not a form',
  reasonDuplicate: (other) => `the same file as ${other}, checked once`,
  reasonWps: 'WPS\'s own .et format cannot be read directly; open it in WPS and save it as .xlsx',
  reasonReadOnly: (format) => `.${format} file: checked; save it as .xlsx to have it recomputed`,
  reasonNoForm: 'no form found',
  reasonReportUnreadable: (why) => `the report could not be read: ${why}`,
};

export type CliText = typeof zh;

export function cliText(lang: Lang): CliText {
  return lang === 'en-US' ? en : zh;
}

export function severityWord(lang: Lang, s: Severity): string {
  return cliText(lang)[s];
}
