/**
 * What kind of file the clerk gave us when it is not a readable .xlsx, and what to do about it, in
 * the clerk's language (the playground's notice and `selfeval fill`'s message). Only sniffs bytes.
 */
import type { Lang } from '../core/types';

export type BadFileKind = 'empty' | 'pdf' | 'html' | 'csv' | 'text' | 'xls' | 'ods' | 'truncated' | 'unknown';

export function badFileKind(b: Uint8Array, name = ''): BadFileKind {
  if (b.length === 0) return 'empty';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (/^%PDF/.test(head)) return 'pdf';
  if (/^<(!doctype html|html|head|body|table|meta)/i.test(head)) return 'html';
  // OLE2 compound file: an old .xls (or an .xlsx with a password to open, which is stored the same way).
  if (b.length >= 4 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xls';
  if (b[0] === 0x50 && b[1] === 0x4b) {
    if (head.includes('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    return 'truncated';
  }
  let printable = 0;
  const n = Math.min(b.length, 512);
  for (let i = 0; i < n; i++) if (b[i] >= 0x20 || b[i] === 9 || b[i] === 10 || b[i] === 13) printable++;
  if (printable / n > 0.95) return /[,;\t]/.test(head) || /\.csv$/i.test(name) ? 'csv' : 'text';
  return 'unknown';
}

const ZH: Record<BadFileKind, string> = {
  empty: '文件是空的（0 字节），可能没有保存完整。请在表格程序中打开原表，另存为 .xlsx 后再打开',
  pdf: '这是 PDF 文件，不是电子表格。请打开原来的 Excel/WPS 表格，另存为 .xlsx 后再打开',
  html: '这是网页（HTML）文件，不是电子表格。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再打开',
  csv: '这是 CSV 或文本文件，没有表格格式和合并单元格。请在 Excel 或 WPS 中打开它，另存为 .xlsx 后再打开',
  text: '这是文本文件，不是电子表格。请打开原来的表格，另存为 .xlsx 后再打开',
  xls: '这是旧版 .xls 文件，或设置了打开密码的工作簿。请在 Excel 或 WPS 中打开（如有密码先解除：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），另存为 .xlsx 后再打开',
  ods: '这是 OpenDocument（.ods）表格。请在 WPS、Excel 或 LibreOffice 中打开，另存为 .xlsx 后再打开',
  truncated: '文件不完整或已损坏（可能下载或复制时中断）。请重新下载或从原表另存为 .xlsx 后再打开',
  unknown: '这不是 .xlsx 电子表格。请在 Excel 或 WPS 中打开原表，另存为 .xlsx 后再打开',
};

const EN: Record<BadFileKind, string> = {
  empty: 'the file is empty (0 bytes) and was probably not saved completely. Save it again as .xlsx and open that',
  pdf: 'this is a PDF, not a spreadsheet. Open the original Excel/WPS workbook, save it as .xlsx and open that',
  html: 'this is a web page (HTML), not a spreadsheet. Open it in Excel or WPS, save it as .xlsx and open that',
  csv: 'this is a CSV or text file, without formats or merged cells. Open it in Excel or WPS, save it as .xlsx and open that',
  text: 'this is a text file, not a spreadsheet. Open the original workbook, save it as .xlsx and open that',
  xls: 'this is an old .xls file, or a workbook with a password to open. Open it in Excel or WPS (remove the password first: File → Info → Protect Workbook → Encrypt with Password, clear it), save it as .xlsx and open that',
  ods: 'this is an OpenDocument (.ods) spreadsheet. Open it in WPS, Excel or LibreOffice, save it as .xlsx and open that',
  truncated: 'the file is incomplete or damaged (a download or copy was cut short). Download it again, or save the original as .xlsx and open that',
  unknown: 'this is not an .xlsx workbook. Open the original in Excel or WPS, save it as .xlsx and open that',
};

/** The kind of file and the fix, as a clause: "这是 PDF 文件，不是电子表格。请…". */
export function badFileReason(lang: Lang, b: Uint8Array, name: string): string {
  const kind = badFileKind(b, name);
  return lang === 'en-US' ? EN[kind] : ZH[kind];
}

/** "无法打开“name”：<kind and fix>". */
export function badFileText(lang: Lang, b: Uint8Array, name: string): string {
  const why = badFileReason(lang, b, name);
  return lang === 'en-US' ? `Cannot open "${name}": ${why}.` : `无法打开“${name}”：${why}。`;
}
