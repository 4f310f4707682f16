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
  wrote: (out: string, values: number, marks: number) => `已写入 ${out}：重算 ${values} 个单元格，标记 ${marks} 处`,
  refuseSame: '输出文件不能与输入文件相同，selfeval 不会覆盖原表',
  none: '无',
  auditDone: (out: string, forms: number, files: number) => `已生成汇总 ${out}：${files} 个文件，${forms} 张表`,
};

const en: typeof zh = {
  error: 'error', warning: 'warning', info: 'info',
  selfEvaluation: 'self-evaluation form', basicData: 'basic-data table',
  total: (stated, computed, grade) => `Total: stated ${stated}, computed ${computed}, grade ${grade}`,
  indicators: (n) => `${n} indicators`,
  summary: (e, w, i) => `${e} errors, ${w} warnings, ${i} notes`,
  unreadable: (file, why) => `Cannot read ${file}: ${why}`,
  notWritten: (out, why) => `Did not write ${out}: ${why}`,
  wrote: (out, values, marks) => `Wrote ${out}: ${values} cells recomputed, ${marks} marked`,
  refuseSame: 'The output file must differ from the input: selfeval never overwrites the original',
  none: 'none',
  auditDone: (out, forms, files) => `Wrote summary ${out}: ${files} files, ${forms} forms`,
};

export type CliText = typeof zh;

export function cliText(lang: Lang): CliText {
  return lang === 'en-US' ? en : zh;
}

export function severityWord(lang: Lang, s: Severity): string {
  return cliText(lang)[s];
}
