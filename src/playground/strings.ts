/** The playground's own UI text (the task pane carries its own). Chinese first. */
import type { Lang } from '../core/types';

const zh = {
  product: '绩效自评助手',
  tagline: '在浏览器中试用：工作簿只在本页内读取和修改，不上传任何数据。',
  open: '打开工作簿或自评报告',
  download: '下载结果',
  sample: '示例表',
  loading: '正在打开示例表…',
  dropHint: '松开鼠标以打开工作簿（.xlsx/.xls/.ods），可同时放入自评报告（.docx）',
  sampleFailed: '示例表加载失败：{detail}',
  unchanged: '当前工作簿保持不变。',
  opened: '已打开“{name}”。',
  truncated: '仅显示前 {rows} 行、{cols} 列。',
  workbook: '工作簿',
  emptySheet: '（空工作表）',
  language: 'English',
  hidden: '隐藏',
  hostName: '浏览器（试用）',
  // reviewer (issue 11)
  readOnly: '“{name}”是 .{format} 文件：可以检查，但不能在此重算或写回。请在 Excel 或 WPS 中打开它并使用“绩效自评助手”加载项，或先另存为 .xlsx 再打开。',
  reportAttached: '已载入自评报告“{report}”，与“{name}”的表格逐项核对。',
  notReport: '无法读取自评报告“{name}”：{detail}',
}

export type Strings = typeof zh;

const en: Strings = {
  product: 'Self-Evaluation Assistant',
  tagline: 'Try it in your browser: the workbook is read and changed on this page only; nothing is uploaded.',
  open: 'Open a workbook or report',
  download: 'Download result',
  sample: 'Sample form',
  loading: 'Opening the sample form…',
  dropHint: 'Drop to open a workbook (.xlsx/.xls/.ods), with its report (.docx) if you have it',
  sampleFailed: 'The sample form failed to load: {detail}',
  unchanged: 'The current workbook is unchanged.',
  opened: 'Opened "{name}".',
  truncated: 'Showing the first {rows} rows and {cols} columns only.',
  workbook: 'Workbook',
  emptySheet: '(empty sheet)',
  language: '中文',
  hidden: 'hidden',
  hostName: 'the browser (playground)',
  // reviewer (issue 11)
  readOnly: '"{name}" is an .{format} file: it can be checked but not recomputed or written here. Open it in Excel or WPS and use the add-in, or save it as .xlsx and open that.',
  reportAttached: 'Loaded the report "{report}" and compared it with the tables of "{name}".',
  notReport: 'Cannot read the report "{name}": {detail}',
};

export function strings(lang: Lang): Strings {
  return lang === 'en-US' ? en : zh;
}

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
