/** One pass over a sheet: the cells that can anchor a form (titles, table headers, section titles). */
import type { Grid } from './grid';
import { readIndicatorHeaders, type IndicatorHeader } from './header';
import { readFundsHeaders, type FundsHeader } from './funds';
import { norm } from './text';
import { BASIC_TITLE_RE, FUNDS_HINT_RE, LEVEL_RE, SECTION_RE, SELF_TITLE_RE } from './vocab';

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

/** Titles are short; a paragraph that mentions 自评表 is not one. */
const MAX_TITLE_LENGTH = 60;

export function scanSheet(g: Grid): Anchors {
  const a: Anchors = { selfTitles: [], basicTitles: [], sectionCells: [], indicatorHeaders: [], fundsHeaders: [] };
  const levelRows: number[] = [];
  const fundsRows: number[] = [];
  for (let r = g.top; r <= g.bottom; r++) {
    let level = false;
    let funds = false;
    for (let c = g.left; c <= g.right; c++) {
      const v = g.value(r, c);
      if (v === null || typeof v !== 'string') continue;
      const n = norm(v);
      if (n === '') continue;
      if (n.length <= MAX_TITLE_LENGTH) {
        const isSelf = SELF_TITLE_RE.test(n);
        const isBasic = !isSelf && BASIC_TITLE_RE.test(n);
        if ((isSelf || isBasic) && g.isMaster(r, c)) {
          const title = { row: r, col: c, right: g.spanRight(r, c), merged: !!g.merge(r, c) };
          (isSelf ? a.selfTitles : a.basicTitles).push(title);
        }
        if (SECTION_RE.test(n)) a.sectionCells.push({ row: r, col: c });
      }
      if (!level && LEVEL_RE.test(n)) level = true;
      if (!funds && FUNDS_HINT_RE.test(n)) funds = true;
    }
    if (level) levelRows.push(r);
    if (funds) fundsRows.push(r);
  }
  for (const r of levelRows) a.indicatorHeaders.push(...readIndicatorHeaders(g, r));
  for (const r of fundsRows) a.fundsHeaders.push(...readFundsHeaders(g, r));
  return a;
}
