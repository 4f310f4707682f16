/**
 * A template profile's column map applied to the headers the locator bound (src/core/profile.ts):
 * after binding, before the tables are read, so every row is read through the corrected columns.
 * A field set to a letter moves there (a field the locator had in that column gives it up); a
 * field set to null is dropped; a table the locator missed is added where the profile says.
 */
import type { FundsColumn, IndicatorColumn } from '../form';
import { columnIndex, type ColumnMap, type FormProfile, type TableProfile } from '../profile';
import type { Grid } from './grid';
import { settleColumn, type IndicatorHeader } from './header';
import type { FundsHeader } from './funds';

/** What the header binders share: a header band [row, dataStart - 1] and its columns by field. */
interface Header<F extends string> {
  row: number;
  dataStart: number;
  left: number;
  right: number;
  cols: Partial<Record<F, number>>;
  headRows: Partial<Record<F, number>>;
}

/** Whether the profile's 1-based header row names this header (any of its header rows). */
function names(h: { row: number; dataStart: number }, headerRow: number | undefined): boolean {
  if (headerRow === undefined) return true;
  const r = headerRow - 1;
  return r >= h.row && r <= Math.max(h.row, h.dataStart - 1);
}

/** The lowest header row of the band with text in `col` (a sub-header names its column), else the first. */
function headRowOf(g: Grid, h: { row: number; dataStart: number }, col: number): number {
  for (let r = h.dataStart - 1; r > h.row; r--) if (g.isMaster(r, col) && g.norm(r, col) !== '') return r;
  return h.row;
}

function remap<F extends string>(g: Grid, h: Header<F>, columns: ColumnMap<F>): void {
  const set = Object.entries(columns) as [F, string | null][];
  for (const [field, letter] of set) {
    if (letter === null || letter === undefined) {
      delete h.cols[field];
      delete h.headRows[field];
      continue;
    }
    const col = columnIndex(letter);
    // A field the locator had in this column, and the profile does not place itself, gives it up.
    for (const [other, c] of Object.entries(h.cols) as [F, number][]) {
      if (c === col && other !== field && !(other in columns)) {
        delete h.cols[other];
        delete h.headRows[other];
      }
    }
    h.cols[field] = col;
    h.headRows[field] = headRowOf(g, h, col);
    h.left = Math.min(h.left, col);
    h.right = Math.max(h.right, col);
  }
}

/** Data start under a header band: under its cells merged down. */
function dataStartOf(g: Grid, row: number, cols: number[]): number {
  let start = row + 1;
  for (const c of cols) {
    const m = g.merge(row, c);
    if (m && m.bottom + 1 > start) start = m.bottom + 1;
  }
  return start;
}

function newHeader<F extends string>(g: Grid, t: TableProfile<F>): Header<F> | null {
  if (t.headerRow === undefined) return null;
  const row = t.headerRow - 1;
  const cols: Partial<Record<F, number>> = {};
  const headRows: Partial<Record<F, number>> = {};
  for (const [field, letter] of Object.entries(t.columns) as [F, string | null][]) {
    if (typeof letter !== 'string') continue;
    cols[field] = columnIndex(letter);
    headRows[field] = row;
  }
  const at = Object.values(cols) as number[];
  if (at.length === 0) return null;
  return { row, dataStart: dataStartOf(g, row, at), left: Math.min(...at), right: Math.max(...at), cols, headRows };
}

const layout = (h: IndicatorHeader) => JSON.stringify(Object.entries(h.cols).sort());

/**
 * The named headers and the ones that repeat them below (the same columns, bound the same way: the
 * header again after a page break, 续表, or the next form of the same template on the sheet), so a
 * table is never read through two column maps.
 */
function withRepeats(all: IndicatorHeader[], named: IndicatorHeader[]): IndicatorHeader[] {
  if (named.length === 0) return named;
  const out = new Set(named);
  for (const n of named) {
    const key = layout(n);
    for (const h of all) if (h.row > n.row && !out.has(h) && layout(h) === key) out.add(h);
  }
  return [...out];
}

function settle(h: IndicatorHeader): void {
  // One column for every level, or none but 三级: section lines name the groups (as header.ts decides).
  if (h.cols.level1 === undefined && h.cols.level2 === undefined) h.hierarchy = true;
  else delete h.hierarchy;
}

/**
 * Applies the sheet's profile entries to the located headers, in place; adds the tables the
 * locator missed. Only the entries for this sheet are given (profile.formsForSheet).
 */
export function applyOverrides(g: Grid, anchors: { indicatorHeaders: IndicatorHeader[]; fundsHeaders: FundsHeader[] }, forms: FormProfile[]): void {
  for (const f of forms) {
    const ind = f.indicators;
    if (ind) {
      const hits = withRepeats(anchors.indicatorHeaders, anchors.indicatorHeaders.filter((h) => names(h, ind.headerRow)));
      for (const h of hits) {
        remap<IndicatorColumn>(g, h, ind.columns);
        // The clerk's word settles each field it names: no doubt about it is raised any more.
        for (const field of Object.keys(ind.columns) as IndicatorColumn[]) settleColumn(h, field, h.cols[field]);
        settle(h);
      }
      if (hits.length === 0 && ind.add) {
        const h = newHeader<IndicatorColumn>(g, ind);
        if (h) {
          const header: IndicatorHeader = { ...h };
          settle(header);
          anchors.indicatorHeaders.push(header);
        }
      }
    }
    const funds = f.funds;
    if (funds) {
      const hits = anchors.fundsHeaders.filter((h) => names(h, funds.headerRow));
      for (const h of hits) {
        remap<FundsColumn>(g, h, funds.columns);
        // The block's labels lie left of its first value column.
        const at = Object.values(h.cols) as number[];
        if (at.length > 0) h.left = Math.min(...at);
      }
      if (hits.length === 0 && funds.add) {
        const h = newHeader<FundsColumn>(g, funds);
        if (h) anchors.fundsHeaders.push({ ...h, subRow: null });
      }
    }
  }
}
