/**
 * What the playground adds for a reviewer: .xls/.ods opened read only (SheetJS fetched on first use,
 * in a chunk of its own), and a 自评报告 (.docx) dropped beside the workbook, its report-mismatch
 * findings listed in the pane with the others.
 */
import type { AssistantApi, AssistantState } from '../app/types';
import type { Lang } from '../core/types';
import { MemoryHost } from '../hosts/memory';
import { readsWithSheetJS, sniffFormat } from '../hosts/file/format';

export const isReport = (name: string): boolean => /\.docx$/i.test(name);

/** A workbook of any format the playground reads: .xlsx as it always has, .xls/.ods/.xlsb read only. */
export async function openAny(bytes: Uint8Array, name: string): Promise<MemoryHost> {
  const format = sniffFormat(bytes);
  if (!readsWithSheetJS(format)) return MemoryHost.open(bytes, name);
  const { snapshotFromSheetJS } = await import(/* webpackChunkName: "sheetjs" */ '../hosts/file/sheetjs');
  return MemoryHost.readOnly(await snapshotFromSheetJS(bytes, name, format), name);
}

/** The report's text (the .docx reader is fetched on first use). */
export async function reportText(bytes: Uint8Array): Promise<string> {
  const { docxText } = await import(/* webpackChunkName: "report" */ '../hosts/file/docx');
  return docxText(bytes);
}

/**
 * The pane's assistant, with the report's findings added to every state, and on a read-only workbook
 * the writing actions turned into a check and a notice saying how to proceed.
 */
export function reviewerAssistant(
  api: AssistantApi,
  o: { host: MemoryHost; lang: Lang; report: string | null; onReadOnly: () => void },
): AssistantApi {
  const withReport = async (p: Promise<AssistantState>): Promise<AssistantState> => {
    const s = await p;
    if (!o.report) return s;
    const [{ crossCheckReport }, { runReview }] = await Promise.all([
      import(/* webpackChunkName: "report" */ '../core/report'),
      import(/* webpackChunkName: "engine" */ '../app/review'),
    ]);
    const { forms } = runReview(o.host.lastSnapshot, s.settings, o.lang, o.host.name);
    return { ...s, review: { ...s.review, findings: [...s.review.findings, ...crossCheckReport(o.report, forms, s.review, o.lang)] } };
  };
  const readOnly = (): Promise<AssistantState> => {
    o.onReadOnly();
    return withReport(api.check());
  };
  const ro = o.host.readOnly;
  return {
    check: () => withReport(api.check()),
    recompute: () => (ro ? readOnly() : withReport(api.recompute())),
    revert: () => (ro ? readOnly() : withReport(api.revert())),
    clearMarks: () => (ro ? readOnly() : withReport(api.clearMarks())),
    reveal: (f) => api.reveal(f),
    saveSettings: (x) => (ro ? readOnly() : withReport(api.saveSettings(x))),
  };
}
