/** Assembles the forms of one sheet from its anchors: which title owns which table, and where each ends. */
import type { BasicDataForm, Bound, FundsColumn, FundsLine, IndicatorColumn, LocatedForm, SelfEvaluationForm } from '../form';
import { rangeToA1 } from '../address';
import type { Grid } from './grid';
import type { IndicatorHeader } from './header';
import type { FundsHeader } from './funds';
import { readFunds } from './funds';
import { readIndicatorTable } from './indicators';
import { groupRows } from './groups';
import { readFields } from './fields';
import { readBasicData } from './basic-data';
import { scanSheet, type TitleCell } from './scan';
import { cleanLabel } from './text';

type Component = { kind: 'funds'; h: FundsHeader } | { kind: 'ind'; h: IndicatorHeader };

interface Draft {
  title: TitleCell | null;
  funds: FundsHeader | null;
  ind: IndicatorHeader | null;
}

/** Rows searched above an untitled form for its unit and project fields. */
const FIELD_ROWS_ABOVE = 6;

function span(c: Component): { row: number; left: number; right: number } {
  return { row: c.h.row, left: c.h.left, right: c.h.right };
}

function overlaps(t: TitleCell, s: { left: number; right: number }): boolean {
  // An unmerged title may sit anywhere over its table, or a little left of it.
  const right = t.merged ? t.right : Math.max(t.right, t.col + 3);
  return t.col <= s.right && right >= s.left - 3;
}

/** Columns a title shares with a span (negative when it only lies within the slack of overlaps). */
function shared(t: TitleCell, s: { left: number; right: number }): number {
  return Math.min(t.right, s.right) - Math.max(t.col, s.left);
}

/** The nearest title at or above a component, in its columns; on one row, the one over most of it (forms side by side). */
function ownerOf(titles: { t: TitleCell; kind: 'self' | 'basic' }[], c: Component) {
  const s = span(c);
  let best: { t: TitleCell; kind: 'self' | 'basic' } | null = null;
  for (const x of titles) {
    if (x.t.row > s.row || !overlaps(x.t, s)) continue;
    if (!best || x.t.row > best.t.row || (x.t.row === best.t.row && shared(x.t, s) > shared(best.t, s))) best = x;
  }
  return best;
}

/** Groups the sheet's tables into forms: a funds block comes before the indicator table of its form. */
function drafts(selfTitles: TitleCell[], basicTitles: TitleCell[], comps: Component[]): Draft[] {
  const titles = [...selfTitles.map((t) => ({ t, kind: 'self' as const })), ...basicTitles.map((t) => ({ t, kind: 'basic' as const }))];
  const out: Draft[] = [];
  const byTitle = new Map<TitleCell, Draft>();
  let loose: Draft | null = null;
  const sorted = [...comps].sort((a, b) => a.h.row - b.h.row || a.h.left - b.h.left);
  for (const c of sorted) {
    const owner = ownerOf(titles, c);
    let d: Draft | null | undefined = owner && owner.kind === 'self' ? byTitle.get(owner.t) : loose;
    if (owner && owner.kind === 'self' && !d) {
      d = { title: owner.t, funds: null, ind: null };
      byTitle.set(owner.t, d);
      out.push(d);
    }
    const fits = d && d.ind === null && (c.kind === 'ind' || d.funds === null);
    if (!d || !fits) {
      d = { title: null, funds: null, ind: null };
      out.push(d);
      if (owner && owner.kind === 'self') byTitle.set(owner.t, d);
    }
    if (c.kind === 'funds') d.funds = c.h;
    else d.ind = c.h;
    if (!owner || owner.kind !== 'self') loose = d;
  }
  return out;
}

class Box {
  top = Infinity;
  left = Infinity;
  bottom = -Infinity;
  right = -Infinity;
  add(row: number, col: number, bottom = row, right = col): void {
    this.top = Math.min(this.top, row);
    this.left = Math.min(this.left, col);
    this.bottom = Math.max(this.bottom, bottom);
    this.right = Math.max(this.right, right);
  }
  /** Plain comparisons (bound coordinates are integers): this runs on every bound cell of a form. */
  addBound(b: Bound | null | undefined): void {
    if (!b) return;
    if (b.row < this.top) this.top = b.row;
    if (b.row > this.bottom) this.bottom = b.row;
    if (b.col < this.left) this.left = b.col;
    if (b.col > this.right) this.right = b.col;
  }
  addLine(l: FundsLine): void {
    this.addBound(l.labelCell);
    for (const k in l.cells) this.addBound(l.cells[k as FundsColumn]);
  }
  /**
   * Every Bound of a located form (walked field by field: a generic walk over the objects was a
   * hot spot). A new Bound-holding field in form.ts must be added here.
   */
  addForm(form: LocatedForm): void {
    this.addBound(form.unit?.cell);
    if (form.kind === 'basic-data') {
      for (const s of form.sections) {
        this.addBound(s.titleCell);
        for (const c of s.columns) this.addBound(c.cell);
        for (const r of s.rows) {
          this.addBound(r.labelCell);
          for (const b of r.cells) this.addBound(b);
        }
      }
      return;
    }
    this.addBound(form.project?.cell);
    if (form.funds) {
      for (const k in form.funds.headers) this.addBound(form.funds.headers[k as FundsColumn]);
      this.addLine(form.funds.total);
      for (const split of form.funds.splits) {
        this.addBound(split.header);
        for (const l of split.lines) this.addLine(l);
      }
    }
    for (const k in form.columns) this.addBound(form.columns[k as IndicatorColumn]);
    // Group rows are the same objects as the indicators below.
    for (const g of form.groups) this.addBound(g.cell);
    for (const r of form.indicators) for (const k in r.cells) this.addBound(r.cells[k as IndicatorColumn]);
    if (form.total) {
      this.addBound(form.total.labelCell);
      this.addBound(form.total.weight);
      this.addBound(form.total.score);
      this.addBound(form.total.grade);
    }
  }
  a1(): string {
    return rangeToA1({ top: this.top, left: this.left, bottom: this.bottom, right: this.right });
  }
}

function scopeOf(title: string | null): SelfEvaluationForm['scope'] {
  if (!title) return null;
  if (/整体支出|部门整体|单位整体/.test(title)) return 'whole-unit';
  if (/项目/.test(title)) return 'project';
  return null;
}

function selfEvaluation(g: Grid, d: Draft, stopRows: Set<number>, floor: number): { form: SelfEvaluationForm; bottom: number } | null {
  const own = new Set(stopRows);
  if (d.funds) own.delete(d.funds.row);
  if (d.ind) own.delete(d.ind.row);
  if (d.title) own.delete(d.title.row);
  const funds = d.funds ? readFunds(g, d.funds, own) : null;
  const table = d.ind ? readIndicatorTable(g, d.ind, own) : null;
  if (!funds && !d.ind) return null;
  const { groups, indicators } = table ? groupRows(table) : { groups: [], indicators: [] };
  const columns: Partial<Record<IndicatorColumn, Bound>> = {};
  if (d.ind) {
    for (const [k, col] of Object.entries(d.ind.cols) as [IndicatorColumn, number][]) {
      const b = g.bound(d.ind.headRows[k] ?? d.ind.row, col);
      if (b) columns[k] = b;
    }
  }
  const firstRow = Math.min(funds ? funds.top : Infinity, d.ind ? d.ind.row : Infinity);
  const left = Math.min(funds ? funds.left : Infinity, d.ind ? d.ind.left - 3 : Infinity, d.title ? d.title.col : Infinity);
  const right = Math.max(funds ? funds.right : -Infinity, d.ind ? d.ind.right : -Infinity, d.title ? d.title.right : -Infinity);
  const fieldTop = d.title ? d.title.row + 1 : Math.max(floor, firstRow - FIELD_ROWS_ABOVE);
  const { unit, project } = readFields(g, fieldTop, firstRow - 1, Math.max(g.left, left - 1), right + 1);
  const titleText = d.title ? cleanLabel(g.text(d.title.row, d.title.col)) : null;
  const form: SelfEvaluationForm = {
    kind: 'self-evaluation',
    sheet: g.name,
    range: '',
    title: titleText,
    scope: scopeOf(titleText),
    unit,
    project,
    funds: funds ? funds.block : null,
    columns,
    groups,
    indicators,
    total: table ? table.total : null,
  };
  const box = new Box();
  if (d.title) box.add(d.title.row, d.title.col, d.title.row, d.title.right);
  if (funds) box.add(funds.top, funds.left, funds.bottom, funds.right);
  if (d.ind) box.add(d.ind.row, d.ind.left, table ? table.lastRow : d.ind.row, d.ind.right);
  box.addForm(form);
  form.range = box.a1();
  return { form, bottom: box.bottom };
}

function basicData(g: Grid, title: TitleCell | null, top: number, limit: number, left: number, right: number): BasicDataForm | null {
  const located = readBasicData(g, top, limit, left, right);
  if (!located) return null;
  const { unit } = readFields(g, top, located.top - 1, left, right);
  const form: BasicDataForm = {
    kind: 'basic-data',
    sheet: g.name,
    range: '',
    title: title ? cleanLabel(g.text(title.row, title.col)) : null,
    unit,
    sections: located.sections,
  };
  const box = new Box();
  if (title) box.add(title.row, title.col, title.row, title.right);
  box.add(located.top, located.left, located.bottom, located.right);
  box.addForm(form);
  form.range = box.a1();
  return form;
}

export function locateSheet(g: Grid): LocatedForm[] {
  if (g.bottom < g.top || g.right < g.left) return [];
  const a = scanSheet(g);
  const comps: Component[] = [
    ...a.fundsHeaders.map((h) => ({ kind: 'funds' as const, h })),
    ...a.indicatorHeaders.map((h) => ({ kind: 'ind' as const, h })),
  ];
  const stopRows = new Set<number>([
    ...comps.map((c) => c.h.row),
    ...a.selfTitles.map((t) => t.row),
    ...a.basicTitles.map((t) => t.row),
  ]);
  const out: { row: number; col: number; form: LocatedForm }[] = [];
  let floor = g.top;
  for (const d of drafts(a.selfTitles, a.basicTitles, comps)) {
    const located = selfEvaluation(g, d, stopRows, floor);
    if (!located) continue;
    floor = Math.max(floor, located.bottom + 1);
    const top = d.title ? d.title.row : Math.min(d.funds?.row ?? Infinity, d.ind?.row ?? Infinity);
    out.push({ row: top, col: d.title?.col ?? d.ind?.left ?? d.funds?.left ?? 0, form: located.form });
  }
  // A 基础数据表 runs from its title to the next anchor below it.
  const anchorRows = [...stopRows].sort((x, y) => x - y);
  const nextAnchor = (row: number) => anchorRows.find((r) => r > row) ?? g.bottom + 1;
  for (const t of a.basicTitles) {
    const left = t.merged ? t.col : Math.max(g.left, t.col - 6);
    const right = t.merged ? t.right + 2 : g.right;
    const form = basicData(g, t, t.row + 1, nextAnchor(t.row) - 1, left, right);
    if (form) out.push({ row: t.row, col: t.col, form });
  }
  // Untitled: two or more known section titles and no 基础数据表 title on the sheet.
  if (a.basicTitles.length === 0 && a.sectionCells.length >= 2) {
    const first = a.sectionCells[0];
    const form = basicData(g, null, first.row, nextAnchor(first.row) - 1, first.col, g.right);
    if (form && form.sections.length >= 2) out.push({ row: first.row, col: first.col, form });
  }
  out.sort((x, y) => x.row - y.row || x.col - y.col);
  return out.map((x) => x.form);
}
