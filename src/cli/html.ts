/**
 * The audit report to look at (`audit --html REPORT.html`): one self-contained HTML file — inline CSS
 * and inline SVG charts, no script, no font, no image fetched — that reads on screen and prints on
 * A4: an overview (totals and grades across units, findings by code and severity, units ranked by
 * errors), a table of every unit, the files not checked, then one page per unit with its findings
 * and the report's mismatches. Charts are drawn by Apache ECharts on the server (its SSR renderer,
 * `ssr: true, renderer: 'svg'`), loaded only when --html is given.
 */
import type { Finding, FormReview, Lang, Severity } from '../core/types';
import { t as ui } from '../i18n/t';
import type { MessageKey } from '../i18n/zh-CN';
import { writeWorkbookFile } from '../hosts/file/node';
import { counts, type InventoryEntry } from './summary';

interface ECharts {
  init(dom: null, theme: null, opts: { renderer: 'svg'; ssr: true; width: number; height: number }): {
    setOption(o: object): void;
    renderToSVGString(): string;
    dispose(): void;
  };
}

const FONT = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';
const COLOURS: Record<Severity, string> = { error: '#c50f1f', warning: '#da7b11', info: '#0f6cbd' };
const GRADE_COLOURS: Record<string, string> = { 优: '#107c10', 良: '#0f6cbd', 中: '#da7b11', 差: '#c50f1f' };

const WORDS = {
  'zh-CN': {
    title: '绩效自评审核报告', overview: '总体情况', files: '文件', checked: '已检查', notChecked: '未能检查', forms: '张表', units: '单位',
    errors: '错误', warnings: '警告', infos: '提示', mismatches: '报告与表格不一致', rules: '评分规则', generated: '生成时间',
    totals: '总分分布（各单位自评表）', stated: '表内总分', computed: '计算总分', grades: '等级分布（按计算总分）',
    byCode: '问题分布（按类型和级别）', ranked: '需重点复核的单位（按错误数）', table: '各单位情况', unit: '单位/项目', file: '文件',
    grade: '等级', total: '总分', notCheckedList: '未能检查的文件', why: '原因', perUnit: '各单位问题清单', cell: '单元格', severity: '级别',
    message: '说明', code: '类型', report: '自评报告', reportCheck: '自评报告核对', noReport: '未找到对应的自评报告', noFindings: '未发现问题',
    sev: { error: '错误', warning: '警告', info: '提示' } as Record<Severity, string>,
    bins: ['<60', '60–69', '70–79', '80–89', '≥90'], none: '无',
  },
  'en-US': {
    title: 'Self-evaluation audit report', overview: 'Overview', files: 'files', checked: 'checked', notChecked: 'not checked', forms: 'forms', units: 'units',
    errors: 'errors', warnings: 'warnings', infos: 'notes', mismatches: 'report mismatches', rules: 'Rule set', generated: 'Generated',
    totals: 'Totals across units', stated: 'stated total', computed: 'computed total', grades: 'Grades (computed totals)',
    byCode: 'Findings by code and severity', ranked: 'Units to look at again (by errors)', table: 'Units', unit: 'Unit / project', file: 'File',
    grade: 'Grade', total: 'Total', notCheckedList: 'Files not checked', why: 'Why', perUnit: 'Findings per unit', cell: 'Cell', severity: 'Severity',
    message: 'Message', code: 'Code', report: 'Report', reportCheck: 'Report cross-check', noReport: 'no report found beside it', noFindings: 'no findings',
    sev: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    bins: ['<60', '60–69', '70–79', '80–89', '≥90'], none: 'none',
  },
};

const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const num = (x: number | null | undefined): string => (x === null || x === undefined ? '—' : String(x));

/** A unit: one checked file, named by its whole-unit form. */
interface Unit {
  entry: InventoryEntry;
  name: string;
  main: FormReview | null;
  findings: Finding[];
  e: number;
  w: number;
  i: number;
  mismatches: number;
}

function unitsOf(entries: readonly InventoryEntry[]): Unit[] {
  return entries
    .filter((e) => e.status === 'checked' && e.review && !e.review.error)
    .map((entry) => {
      const review = entry.review!;
      const main = review.forms.find((f) => f.kind === 'self-evaluation') ?? null;
      const [e, w, i] = counts(review.findings);
      return {
        entry, main, findings: review.findings, e, w, i,
        name: main?.unit ?? main?.project ?? review.forms.find((f) => f.unit)?.unit ?? entry.display,
        mismatches: review.findings.filter((f) => f.code === 'report-mismatch').length,
      };
    });
}

function chart(echarts: ECharts, option: object, width: number, height: number): string {
  const c = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  c.setOption({ animation: false, textStyle: { fontFamily: FONT }, ...option });
  const svg = c.renderToSVGString();
  c.dispose();
  return svg;
}

function binOf(x: number): number {
  return x < 60 ? 0 : x < 70 ? 1 : x < 80 ? 2 : x < 90 ? 3 : 4;
}

function charts(echarts: ECharts, units: Unit[], lang: Lang): { totals: string; grades: string; byCode: string; ranked: string } {
  const w = WORDS[lang];
  const forms = units.flatMap((u) => u.entry.review!.forms.filter((f) => f.kind === 'self-evaluation' && f.total));
  const bins = (pick: (f: FormReview) => number | null | undefined) => {
    const n = [0, 0, 0, 0, 0];
    for (const f of forms) {
      const x = pick(f);
      if (typeof x === 'number') n[binOf(x)]++;
    }
    return n;
  };
  const totals = chart(echarts, {
    title: { text: w.totals, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 40, right: 16, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: w.bins },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: w.stated, type: 'bar', data: bins((f) => f.total?.stated), itemStyle: { color: '#8a8886' }, label: { show: true, position: 'top' } },
      { name: w.computed, type: 'bar', data: bins((f) => f.total?.computed), itemStyle: { color: '#0f6cbd' }, label: { show: true, position: 'top' } },
    ],
  }, 420, 280);
  const gradeCount = new Map<string, number>();
  for (const f of forms) if (f.grade) gradeCount.set(f.grade, (gradeCount.get(f.grade) ?? 0) + 1);
  const grades = chart(echarts, {
    title: { text: w.grades, left: 'center', textStyle: { fontSize: 14 } },
    series: [{
      type: 'pie', radius: ['35%', '62%'], center: ['50%', '55%'],
      label: { formatter: '{b}：{c}' },
      data: ['优', '良', '中', '差'].filter((g) => gradeCount.get(g)).map((g) => ({ name: ui(lang, `grade.${g}` as MessageKey), value: gradeCount.get(g), itemStyle: { color: GRADE_COLOURS[g] } })),
    }],
  }, 290, 280);
  const codes = [...new Set(units.flatMap((u) => u.findings.map((f) => f.code)))];
  const perCode = (sev: Severity) => codes.map((c) => units.reduce((n, u) => n + u.findings.filter((f) => f.code === c && f.severity === sev).length, 0));
  codes.sort((a, b) => perCode('error')[codes.indexOf(b)] - perCode('error')[codes.indexOf(a)]);
  const byCode = chart(echarts, {
    title: { text: w.byCode, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 130, right: 24, top: 36, bottom: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: codes.map((c) => ui(lang, `code.${c}` as MessageKey)) },
    series: (['error', 'warning', 'info'] as Severity[]).map((s) => ({ name: w.sev[s], type: 'bar', stack: 'n', data: perCode(s), itemStyle: { color: COLOURS[s] } })),
  }, 760, Math.max(200, 90 + codes.length * 26));
  const top = [...units].sort((a, b) => b.e - a.e || b.w - a.w).slice(0, 15);
  // Two files of one unit (a resubmission, another format) are told apart by their file names.
  const label = (u: Unit) => {
    const twin = units.filter((x) => x.name === u.name).length > 1;
    const max = twin ? 10 : 16;
    const short = u.name.length > max ? u.name.slice(0, max - 1) + '…' : u.name;
    return twin ? `${short}（${u.entry.display.length > 14 ? '…' + u.entry.display.slice(-13) : u.entry.display}）` : short;
  };
  const ranked = chart(echarts, {
    title: { text: w.ranked, left: 'center', textStyle: { fontSize: 14 } },
    legend: { bottom: 0 },
    grid: { left: 300, right: 24, top: 36, bottom: 40 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: top.map(label) },
    series: [
      { name: w.sev.error, type: 'bar', stack: 'n', data: top.map((u) => u.e), itemStyle: { color: COLOURS.error } },
      { name: w.sev.warning, type: 'bar', stack: 'n', data: top.map((u) => u.w), itemStyle: { color: COLOURS.warning } },
    ],
  }, 760, Math.max(200, 90 + top.length * 24));
  return { totals, grades, byCode, ranked };
}

const CSS = `
@page { size: A4; margin: 14mm 12mm; }
* { box-sizing: border-box; }
body { font-family: ${FONT}; color: #242424; margin: 0 auto; max-width: 190mm; font-size: 10.5pt; line-height: 1.45; }
h1 { font-size: 18pt; margin: 0 0 4pt; } h2 { font-size: 13pt; border-bottom: 2px solid #0f6cbd; padding-bottom: 2pt; margin: 14pt 0 6pt; }
h3 { font-size: 11.5pt; margin: 10pt 0 4pt; }
.meta { color: #616161; font-size: 9pt; }
.kpis { display: flex; flex-wrap: wrap; gap: 6pt; margin: 8pt 0; }
.kpi { border: 1px solid #d1d1d1; border-radius: 4pt; padding: 4pt 8pt; min-width: 26mm; }
.kpi b { display: block; font-size: 15pt; }
.kpi.error b { color: ${COLOURS.error}; } .kpi.warning b { color: ${COLOURS.warning}; }
.charts { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 6pt; }
.chart svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; font-size: 9pt; }
th, td { border: 1px solid #d1d1d1; padding: 2pt 4pt; text-align: left; vertical-align: top; }
th { background: #ebf3fc; white-space: nowrap; } thead { display: table-header-group; } tr { break-inside: avoid; }
td.n { text-align: right; white-space: nowrap; }
.sev-error { color: ${COLOURS.error}; font-weight: bold; } .sev-warning { color: ${COLOURS.warning}; } .sev-info { color: ${COLOURS.info}; }
tr.report td { background: #fff4ce; }
section.unit { break-before: page; }
.muted { color: #616161; }
@media print { body { max-width: none; } .chart { break-inside: avoid; } h2, h3 { break-after: avoid; } }
`;

export function renderHtmlReport(entries: readonly InventoryEntry[], o: { lang: Lang; rules: string; title: string; now?: Date }, echarts: ECharts): string {
  const w = WORDS[o.lang];
  const units = unitsOf(entries);
  const c = charts(echarts, units, o.lang);
  const total = (u: Unit, k: 'stated' | 'computed') => num(u.main?.total?.[k]);
  const sum = (k: 'e' | 'w' | 'i' | 'mismatches') => units.reduce((n, u) => n + u[k], 0);
  const notChecked = entries.filter((e) => e.status !== 'checked');
  const when = (o.now ?? new Date()).toISOString().slice(0, 16).replace('T', ' ');
  const kpi = (n: number | string, label: string, cls = '') => `<div class="kpi ${cls}"><b>${esc(n)}</b>${esc(label)}</div>`;
  const out: string[] = [];
  out.push(`<!DOCTYPE html><html lang="${o.lang}"><head><meta charset="utf-8">${HTML_MARKER}<meta name="viewport" content="width=device-width, initial-scale=1">`);
  // No request may leave the page: nothing is fetched, whatever a cell or a file name holds.
  out.push(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
  out.push(`<title>${esc(w.title)} — ${esc(o.title)}</title><style>${CSS}</style></head><body>`);
  out.push(`<h1>${esc(w.title)}</h1><div class="meta">${esc(o.title)} · ${esc(w.rules)}：${esc(o.rules)} · ${esc(w.generated)}：${esc(when)} UTC</div>`);
  out.push(`<h2>${esc(w.overview)}</h2><div class="kpis">`);
  out.push(kpi(entries.length, w.files), kpi(units.length, w.checked), kpi(notChecked.length, w.notChecked, notChecked.length ? 'warning' : ''));
  out.push(kpi(sum('e'), w.errors, 'error'), kpi(sum('w'), w.warnings, 'warning'), kpi(sum('mismatches'), w.mismatches, sum('mismatches') ? 'warning' : ''), '</div>');
  out.push(`<div class="charts"><div class="chart" data-chart="totals">${c.totals}</div><div class="chart" data-chart="grades">${c.grades}</div></div>`);
  out.push(`<div class="chart" data-chart="codes">${c.byCode}</div><div class="chart" data-chart="ranked">${c.ranked}</div>`);
  out.push(`<h2>${esc(w.table)}</h2><table><thead><tr><th>${esc(w.unit)}</th><th>${esc(w.file)}</th><th>${esc(w.stated)}</th><th>${esc(w.computed)}</th><th>${esc(w.grade)}</th><th>${esc(w.errors)}</th><th>${esc(w.warnings)}</th><th>${esc(w.mismatches)}</th></tr></thead><tbody>`);
  for (const u of [...units].sort((a, b) => b.e - a.e || b.w - a.w)) {
    out.push(`<tr><td>${esc(u.name)}</td><td>${esc(u.entry.display)}</td><td class="n">${total(u, 'stated')}</td><td class="n">${total(u, 'computed')}</td><td>${esc(u.main?.grade ?? '—')}</td><td class="n">${u.e}</td><td class="n">${u.w}</td><td class="n">${u.mismatches}</td></tr>`);
  }
  out.push('</tbody></table>');
  if (notChecked.length) {
    out.push(`<h2>${esc(w.notCheckedList)}</h2><table><thead><tr><th>${esc(w.file)}</th><th>${esc(w.why)}</th></tr></thead><tbody>`);
    for (const e of notChecked) out.push(`<tr><td>${esc(e.display)}</td><td>${esc(e.reason ?? '')}</td></tr>`);
    out.push('</tbody></table>');
  }
  for (const u of units) {
    out.push(`<section class="unit"><h2>${esc(u.name)}</h2><div class="meta">${esc(u.entry.display)} · ${esc(w.report)}：${esc(u.entry.report ?? w.noReport)}</div>`);
    out.push(`<div class="kpis">${kpi(total(u, 'stated'), w.stated)}${kpi(total(u, 'computed'), w.computed)}${kpi(u.main?.grade ?? '—', w.grade)}${kpi(u.e, w.errors, 'error')}${kpi(u.w, w.warnings, 'warning')}</div>`);
    const table = (rows: Finding[]) =>
      `<table><thead><tr><th>${esc(w.severity)}</th><th>${esc(w.cell)}</th><th>${esc(w.message)}</th><th>${esc(w.code)}</th></tr></thead><tbody>` +
      rows.map((f) => `<tr class="${f.code === 'report-mismatch' ? 'report' : ''}"><td class="sev-${f.severity}">${esc(w.sev[f.severity])}</td><td>${esc([f.sheet, f.cell].filter(Boolean).join('!'))}</td><td>${esc(f.message)}</td><td>${esc(ui(o.lang, `code.${f.code}` as MessageKey))}</td></tr>`).join('') +
      '</tbody></table>';
    const own = u.findings.filter((f) => f.code !== 'report-mismatch');
    out.push(own.length ? table(own) : `<p class="muted">${esc(w.noFindings)}</p>`);
    const mismatches = u.findings.filter((f) => f.code === 'report-mismatch');
    if (u.entry.report) out.push(`<h3>${esc(w.reportCheck)}</h3>`, mismatches.length ? table(mismatches) : `<p class="muted">${esc(w.noFindings)}</p>`);
    out.push('</section>');
  }
  out.push('</body></html>');
  return out.join('\n');
}

/** Writes the report through a temporary file and a rename, like the summary workbook. */
export async function writeHtmlReport(path: string, entries: readonly InventoryEntry[], o: { lang: Lang; rules: string; title: string }): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const echarts = require('echarts') as ECharts;
  const html = renderHtmlReport(entries, o, echarts);
  await writeWorkbookFile(path, new TextEncoder().encode(html));
}

/** Marks the report as ours: a later audit may replace it, never another file. */
export const HTML_MARKER = '<meta name="generator" content="selfeval-audit-report">';
