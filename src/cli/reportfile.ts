/** The 自评报告 of a workbook, for the cross-check: read from a .docx (check --report, or paired by audit). */
import { promises as fs } from 'fs';
import { basename, dirname, extname } from 'path';
import { docxText } from '../hosts/file/docx';
import { MAX_FILE_BYTES } from '../hosts/file/limits';
import { describeError } from './load';

export type ReportText = { ok: true; path: string; text: string } | { ok: false; path: string; error: string };

export async function readReport(path: string): Promise<ReportText> {
  try {
    const st = await fs.stat(path);
    if (st.size > MAX_FILE_BYTES) return { ok: false, path, error: `the report is over ${MAX_FILE_BYTES / 1048576} MB` };
    return { ok: true, path, text: docxText(new Uint8Array(await fs.readFile(path))) };
  } catch (e) {
    return { ok: false, path, error: describeError(e) };
  }
}

/** Characters of a name that say nothing about the unit: year, 自评表/自评报告, separators. */
const NOISE = /(\d{4}年?度?|整体支出|部门|单位|绩效|自评|报告|评价|表格?|附件\d*|基础数据|[-_\s.（）()、,，]+)/g;

/** The words left in a file's stem once the form words are gone ("龙泉街道" of "2023年龙泉街道自评报告"). */
export function stemWords(name: string): string {
  return basename(name, extname(name)).normalize('NFKC').replace(NOISE, '');
}

/**
 * The .docx beside a workbook that is its report: the one with the same file stem, else the only one
 * whose stem, stripped of form words, names the same unit (one holds the other), else none. A report
 * two workbooks could claim is paired with neither.
 */
export function pairReports(workbooks: readonly string[], reports: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const byDir = new Map<string, string[]>();
  for (const r of reports) {
    const d = dirname(r);
    byDir.set(d, [...(byDir.get(d) ?? []), r]);
  }
  const claims = new Map<string, string[]>();
  for (const w of workbooks) {
    const beside = byDir.get(dirname(w)) ?? [];
    const stem = basename(w, extname(w));
    let match = beside.find((r) => basename(r, extname(r)) === stem) ?? beside.find((r) => basename(r, extname(r)).startsWith(stem) && stem.length >= 4);
    if (!match) {
      const words = stemWords(w);
      const near = words.length >= 2 ? beside.filter((r) => {
        const rw = stemWords(r);
        return rw.length >= 2 && (rw.includes(words) || words.includes(rw));
      }) : [];
      // The only report in a folder holding only one workbook is that workbook's report.
      if (near.length === 1) match = near[0];
      else if (!near.length && beside.length === 1 && workbooks.filter((x) => dirname(x) === dirname(w)).length === 1) match = beside[0];
    }
    if (match) claims.set(match, [...(claims.get(match) ?? []), w]);
  }
  for (const [report, claimants] of claims) if (claimants.length === 1) out.set(claimants[0], report);
  return out;
}

export const isReportFile = (name: string): boolean => extname(name).toLowerCase() === '.docx' && !basename(name).startsWith('~$');

