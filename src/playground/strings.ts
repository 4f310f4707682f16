/** The playground's own UI text (the task pane carries its own). Chinese first. */
import type { Lang } from '../core/types';

const zh = {
  product: '绩效自评助手',
  tagline: '在浏览器中试用：工作簿只在本页内读取和修改，不上传任何数据。',
  open: '打开 .xlsx',
  download: '下载结果',
  sample: '示例表',
  loading: '正在打开示例表…',
  dropHint: '松开鼠标以打开此工作簿',
  sampleFailed: '示例表加载失败：{detail}',
  unchanged: '当前工作簿保持不变。',
  opened: '已打开“{name}”。',
  truncated: '仅显示前 {rows} 行、{cols} 列。',
  workbook: '工作簿',
  emptySheet: '（空工作表）',
  language: 'English',
  hidden: '隐藏',
  hostName: '浏览器（试用）',
};

export type Strings = typeof zh;

const en: Strings = {
  product: 'Self-Evaluation Assistant',
  tagline: 'Try it in your browser: the workbook is read and changed on this page only; nothing is uploaded.',
  open: 'Open .xlsx',
  download: 'Download result',
  sample: 'Sample form',
  loading: 'Opening the sample form…',
  dropHint: 'Drop to open this workbook',
  sampleFailed: 'The sample form failed to load: {detail}',
  unchanged: 'The current workbook is unchanged.',
  opened: 'Opened "{name}".',
  truncated: 'Showing the first {rows} rows and {cols} columns only.',
  workbook: 'Workbook',
  emptySheet: '(empty sheet)',
  language: '中文',
  hidden: 'hidden',
  hostName: 'the browser (playground)',
};

export function strings(lang: Lang): Strings {
  return lang === 'en-US' ? en : zh;
}

export function fill(template: string, vars: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));
}
