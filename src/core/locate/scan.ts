/** One pass over a sheet: the cells that can anchor a form (titles, table headers, section titles). */
import type { Grid } from './grid';
import { readIndicatorHeaders, type IndicatorHeader } from './header';
import { readFundsHeaders, type FundsHeader } from './funds';
import { anchorFlags, mayAnchor, ANCHOR_BASIC_TITLE, ANCHOR_FUNDS, ANCHOR_LEVEL, ANCHOR_SECTION, ANCHOR_SELF_TITLE } from './vocab';

export interface TitleCell {
  row: number;
  col: number;
  right: number;
  merged: boolean;
}

export interface Anchors {
  selfTitles: TitleCell[];
  basicTitles: TitleCell[];
  sectionCells: { row: number; col: number }[];
  indicatorHeaders: IndicatorHeader[];
  fundsHeaders: FundsHeader[];
}

/** A title repeated after a page break ("项目支出绩效自评表（续）", "…自评表续表") continues its form: it starts none. */
const CONTINUED_TITLE_RE = /\(续(表|上页|前页)?\)|续表|接上页|接上表/;

export function scanSheet(g: Grid): Anchors {
  const a: Anchors = { selfTitles: [], basicTitles: [], sectionCells: [], indicatorHeaders: [], fundsHeaders: [] };
  const levelRows: number[] = [];
  const fundsRows: number[] = [];
  for (let r = g.top; r <= g.bottom; r++) {
    let level = false;
    let funds = false;
    const values = g.rowValues(r);
    const last = Math.min(values.length - 1, g.right - g.left);
    for (let j = 0; j <= last; j++) {
      if (typeof values[j] !== 'string') continue; // numbers and blanks are never header text
      const c = g.left + j;
      const n = g.stringNorm(r, c);
      if (n === '' || !mayAnchor(n)) continue;
      const flags = anchorFlags(n);
      if (flags === 0) continue;
      if (flags & (ANCHOR_SELF_TITLE | ANCHOR_BASIC_TITLE) && g.isMaster(r, c) && !CONTINUED_TITLE_RE.test(n)) {
        const title = { row: r, col: c, right: g.spanRight(r, c), merged: !!g.merge(r, c) };
        (flags & ANCHOR_SELF_TITLE ? a.selfTitles : a.basicTitles).push(title);
      }
      if (flags & ANCHOR_SECTION) a.sectionCells.push({ row: r, col: c });
      if (flags & ANCHOR_LEVEL) level = true;
      if (flags & ANCHOR_FUNDS) funds = true;
    }
    if (level) levelRows.push(r);
    if (funds) fundsRows.push(r);
  }
  for (let i = 0; i < levelRows.length; i++) {
    const r = levelRows[i];
    a.indicatorHeaders.push(...readIndicatorHeaders(g, r));
  }
  for (let i = 0; i < fundsRows.length; i++) {
    const r = fundsRows[i];
    a.fundsHeaders.push(...readFundsHeaders(g, r));
  }
  // A sub-header row that reads as a header by itself ("年初预算数 | 全年预算数 | 全年执行数" under
  // "预算 | 执行") belongs to the two-row header above it.
  const twoRow = a.fundsHeaders.filter((h) => h.subRow !== null);
  if (twoRow.length > 0) {
    a.fundsHeaders = a.fundsHeaders.filter((h) => !twoRow.some((t) => t.subRow === h.row && t.left <= h.right && t.right >= h.left));
  }
  return a;
}
