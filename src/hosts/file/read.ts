/** Reads an .xlsx package into a WorkbookSnapshot with ExcelJS (values, cached formula results, formats, merges, fills). */
import ExcelJS from 'exceljs';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import { formatNumber } from '../../core/numfmt';
import { parseRange } from '../../core/address';

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function dateToSerial(d: Date): number {
  return (d.getTime() - EXCEL_EPOCH_MS) / 86400000;
}

/** The plain value and formula of an ExcelJS cell value. */
function unwrap(v: ExcelJS.CellValue): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v, formula: null };
  if (v instanceof Date) return { value: dateToSerial(v), formula: null };
  const o = v as unknown as Record<string, unknown>;
  if ('error' in o) return { value: String(o.error), formula: null };
  if ('richText' in o && Array.isArray(o.richText)) {
    return { value: (o.richText as { text: string }[]).map((r) => r.text).join(''), formula: null };
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const res = unwrap((o.result ?? null) as ExcelJS.CellValue).value;
    const f = String(o.formula ?? o.sharedFormula ?? '');
    return { value: res, formula: '=' + f };
  }
  if ('text' in o) return { value: String(o.text), formula: null };
  return { value: null, formula: null };
}

function fillOf(cell: ExcelJS.Cell): string | null {
  const f = cell.fill as ExcelJS.FillPattern | undefined;
  if (!f || f.type !== 'pattern' || f.pattern !== 'solid') return null;
  const argb = f.fgColor?.argb;
  return argb && argb.length >= 6 ? '#' + argb.slice(-6).toUpperCase() : null;
}

export function sheetFromExcelJS(ws: ExcelJS.Worksheet): SheetSnapshot {
  const merges: string[] = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice();
  let bottom = -1;
  let right = -1;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (_c, c) => {
      bottom = Math.max(bottom, r - 1);
      right = Math.max(right, c - 1);
    });
  });
  for (const m of merges) {
    const rr = parseRange(m);
    if (rr) {
      bottom = Math.max(bottom, rr.bottom);
      right = Math.max(right, rr.right);
    }
  }
  const rows = bottom + 1;
  const cols = right + 1;
  const values: CellValue[][] = [];
  const texts: string[][] = [];
  const formulas: (string | null)[][] = [];
  const numberFormats: string[][] = [];
  const fills: (string | null)[][] = [];
  for (let r = 0; r < rows; r++) {
    values.push(new Array(cols).fill(null));
    texts.push(new Array(cols).fill(''));
    formulas.push(new Array(cols).fill(null));
    numberFormats.push(new Array(cols).fill('General'));
    fills.push(new Array(cols).fill(null));
  }
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const i = r - 1;
      const j = c - 1;
      if (i >= rows || j >= cols) return;
      numberFormats[i][j] = cell.numFmt || 'General';
      fills[i][j] = fillOf(cell);
      // Like Excel, only a merged area's top-left cell holds the value.
      if (cell.isMerged && cell.master !== cell) return;
      const { value, formula } = unwrap(cell.value);
      values[i][j] = value;
      formulas[i][j] = formula;
      texts[i][j] = typeof value === 'number' ? formatNumber(value, cell.numFmt) : value === null ? '' : String(value);
    });
  });
  const protection = (ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection;
  return {
    name: ws.name,
    top: 0,
    left: 0,
    values,
    texts,
    formulas,
    numberFormats,
    merges,
    fills,
    protected: !!protection?.sheet,
    visibility: (ws.state as SheetSnapshot['visibility']) ?? 'visible',
  };
}

export async function snapshotFromBuffer(data: ArrayBuffer | Uint8Array, name?: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  const sheets: SheetSnapshot[] = [];
  wb.eachSheet((ws) => sheets.push(sheetFromExcelJS(ws)));
  return { name, sheets };
}
