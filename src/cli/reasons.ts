/**
 * Why a file was not checked, in the reviewer's language: the readers' messages (English, for logs
 * and --json) turned into one sentence a reviewer can act on. Unknown messages are kept as they are.
 */
import type { Lang } from '../core/types';

type Reason = { test: RegExp; zh: string; en: string };

const REASONS: Reason[] = [
  { test: /password|encrypted/i, zh: '文件设有打开密码，无法检查。请填报单位去掉密码后重新报送', en: 'protected by a password; ask the unit to send it without one' },
  { test: /Word document/i, zh: '这是 Word 文档，不是工作簿', en: 'a Word document, not a workbook' },
  { test: /holds no spreadsheet|holds no worksheet|no xl\/workbook\.xml|has no content\.xml/i, zh: '文件中没有工作表', en: 'the file holds no worksheet' },
  { test: /is empty/i, zh: '文件是空的（0 字节）', en: 'the file is empty (0 bytes)' },
  { test: /damaged|truncated|does not inflate|shorter than declared/i, zh: '文件已损坏或不完整（可能下载或复制时中断），请重新获取', en: 'the file is damaged or incomplete; get it again' },
  { test: /zip bomb|unpacks to|declares .* uncompressed|parts; the limit/i, zh: '文件内容异常庞大（超出安全限制），未打开', en: 'the file unpacks to more than the safety limits allow; not opened' },
  { test: /more than [\d,]+ cells/i, zh: '单元格超过 100 万个，超出可检查的范围', en: 'more than a million cells: beyond what can be checked' },
  { test: /MB; the limit is/i, zh: '文件超过 50 MB，超出可检查的范围', en: 'the file is over 50 MB: beyond what can be checked' },
  { test: /looks like a PDF/i, zh: '这是 PDF 文件，不是工作簿', en: 'a PDF, not a workbook' },
  { test: /looks like an HTML|XML or HTML/i, zh: '这是网页（HTML）或 XML 文件，不是工作簿；请用 Excel 或 WPS 打开后另存为 .xlsx', en: 'an HTML or XML file, not a workbook; open it in Excel or WPS and save it as .xlsx' },
  { test: /CSV/i, zh: '这是 CSV 文本文件，不含表格格式，请另存为 .xlsx', en: 'a CSV text file; save it as .xlsx' },
  { test: /text file/i, zh: '这是文本文件，不是工作簿', en: 'a text file, not a workbook' },
  { test: /not in the form Excel writes/i, zh: '文件结构不是 Excel 的标准写法，请在 Excel 或 WPS 中打开后另存为 .xlsx', en: 'not written the way Excel writes it; open it in Excel or WPS and save it as .xlsx' },
  { test: /no such file|not found/i, zh: '文件不存在', en: 'no such file' },
  { test: /permission denied/i, zh: '没有读取权限', en: 'permission denied' },
  { test: /check stopped/i, zh: '检查该文件时出错中止，其他文件不受影响', en: 'checking this file stopped with an error; the other files were checked' },
  { test: /not a zip package|not an \.xlsx workbook|could not be read|not an \.xls/i, zh: '无法识别为工作簿，请在 Excel 或 WPS 中打开后另存为 .xlsx', en: 'not recognised as a workbook; open it in Excel or WPS and save it as .xlsx' },
];

export function reasonText(lang: Lang, message: string): string {
  const r = REASONS.find((x) => x.test.test(message));
  if (!r) return message;
  return lang === 'en-US' ? r.en : r.zh;
}
