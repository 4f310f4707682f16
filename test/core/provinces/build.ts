/**
 * Builds province-layout forms as real .xlsx bytes with ExcelJS (merges, number formats) and
 * runs the whole review on them, through the same reader the CLI uses.
 */
import ExcelJS from 'exceljs';
import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import { reviewWorkbook, type ReviewDetails } from '../../../src/core/review';
import type { FileReview, Finding, FormReview, IndicatorReview } from '../../../src/core/types';
import type { RuleSet } from '../../../src/core/rules/types';

export type Cell = string | number | boolean | null;

export interface SheetSpec {
  name: string;
  /** Rows from row 1 (or from `origin`), columns from A (or from `origin`). */
  rows: Cell[][];
  /** A1 ranges in sheet coordinates. */
  merges?: string[];
  /** Number formats by A1 address ("G6" → "0.00%"). */
  formats?: Record<string, string>;
  /** Top-left cell of `rows` ("A1" by default), for forms placed side by side or stacked. */
  origin?: { row: number; col: number };
  /** More blocks on the same sheet. */
  blocks?: { rows: Cell[][]; origin: { row: number; col: number } }[];
}

function put(ws: ExcelJS.Worksheet, rows: Cell[][], origin = { row: 1, col: 1 }): void {
  rows.forEach((r, i) => r.forEach((v, j) => {
    if (v !== null) ws.getCell(origin.row + i, origin.col + j).value = v;
  }));
}

export async function workbook(sheets: SheetSpec[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    put(ws, s.rows, s.origin);
    for (const b of s.blocks ?? []) put(ws, b.rows, b.origin);
    for (const [a1, fmt] of Object.entries(s.formats ?? {})) ws.getCell(a1).numFmt = fmt;
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export interface Reviewed {
  review: FileReview;
  details: ReviewDetails;
  /** The n-th self-evaluation form (0 by default). */
  form(n?: number): FormReview;
  /** The indicator on 1-based sheet row `row` of form `n`. */
  row(row: number, n?: number): IndicatorReview;
  /** Findings at a cell (of `sheet`, when given). */
  at(cell: string, sheet?: string): Finding[];
  codes(cell: string, sheet?: string): string[];
  errors(): Finding[];
}

export async function reviewSheets(sheets: SheetSpec[], rules?: string | RuleSet, file = 'province.xlsx'): Promise<Reviewed> {
  const snap = await snapshotFromBuffer(await workbook(sheets), file);
  const { fileReview: review, details } = reviewWorkbook(snap, { rules, file });
  const forms = () => review.forms.filter((f) => f.kind === 'self-evaluation');
  const at = (cell: string, sheet?: string) => review.findings.filter((f) => f.cell === cell && (sheet === undefined || f.sheet === sheet));
  return {
    review,
    details,
    form: (n = 0) => forms()[n],
    row(row, n = 0) {
      const found = forms()[n]?.indicators?.find((i) => i.row === row);
      if (!found) throw new Error(`no indicator on row ${row} of form ${n}`);
      return found;
    },
    at,
    codes: (cell, sheet) => at(cell, sheet).map((f) => f.code),
    errors: () => review.findings.filter((f) => f.severity === 'error'),
  };
}

/** A small 项目支出绩效自评表 (9 rows × 8 columns) whose 完成户数 actual and stated total vary. */
export const projectForm = (project: string, actual: string, total = 99): Cell[][] => [
  ['项目支出绩效自评表'],
  ['项目名称', project, null, null, '实施单位', '某镇人民政府'],
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 50, 50, 45, 10, 0.9, 9],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', '完成户数', '≥100户', actual, 50, 50, null],
  ['效益指标', '社会效益指标', '群众受益', '明显', '明显', 30, 30, null],
  ['满意度指标', '服务对象满意度', '满意度', '≥90%', '95%', 10, 10, null],
  ['总分', null, null, null, null, 100, total, null],
];
