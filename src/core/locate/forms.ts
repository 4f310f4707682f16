/** Assembles the forms of one sheet from its anchors: which title owns which table, and where each ends. */
import type { BasicDataForm, Bound, FormLayout, FundsColumn, FundsLine, IndicatorColumn, LayoutDoubt, LocatedForm, SelfEvaluationForm, TotalRow } from '../form';
import { rangeToA1 } from '../address';
import type { Grid } from './grid';
import type { IndicatorHeader } from './header';
import type { FundsHeader } from './funds';
import { readFunds, type LocatedFunds } from './funds';
import { readIndicatorTable, type IndicatorTable } from './indicators';
import { groupRows } from './groups';
import { readFields, readStatedTotal } from './fields';
import { readBasicData } from './basic-data';
import { scanSheet, type TitleCell } from './scan';
import { cleanLabel, isBlank, norm } from './text';
import { applyOverrides } from './overrides';
import type { FormProfile } from '../profile';

type Component = { kind: 'funds'; h: FundsHeader } | { kind: 'ind'; h: IndicatorHeader };

interface Draft {
  title: TitleCell | null;
  funds: FundsHeader | null;
  /** More funds-like headers before the form's table (a 年度主要任务 list: 任务名称 | 预算数 | 执行数): one of them all is the funds block. */
  moreFunds: FundsHeader[];
  ind: IndicatorHeader | null;
  /** Indicator headers repeated below the first (after a page break, 续表): the table goes on under them unless a 总分 row closed it. */
  moreInd: IndicatorHeader[];
}

const draft = (title: TitleCell | null): Draft => ({ title, funds: null, moreFunds: [], ind: null, moreInd: [] });

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
  for (let i = 0; i < titles.length; i++) {
    const x = titles[i];
    if (x.t.row > s.row || !overlaps(x.t, s)) continue;
    if (!best || x.t.row > best.t.row || (x.t.row === best.t.row && shared(x.t, s) > shared(best.t, s))) best = x;
  }
  return best;
}

/** b lies under a, sharing columns with it. */
function below(a: { row: number; left: number; right: number }, b: { row: number; left: number; right: number }): boolean {
  return b.row > a.row && b.left <= a.right && b.right >= a.left;
}

/**
 * Groups the sheet's tables into forms: a funds block comes before the indicator table of its
 * form. What lies between a form's title and its table is one form's: a second funds-like header
 * there (a task list) does not start a form, and a second indicator header under the table (a
 * page break) continues it unless a 总分 row closed the table first (decided when it is read).
 */
function drafts(g: Grid, selfTitles: TitleCell[], basicTitles: TitleCell[], comps: Component[]): Draft[] {
  const titles = [...selfTitles.map((t) => ({ t, kind: 'self' as const })), ...basicTitles.map((t) => ({ t, kind: 'basic' as const }))];
  const out: Draft[] = [];
  const byTitle = new Map<TitleCell, Draft>();
  let loose: Draft | null = null;
  const sorted = [...comps].sort((a, b) => a.h.row - b.h.row || a.h.left - b.h.left);
  for (let i = 0; i < sorted.length; i++) {
    const c = sorted[i];
    const owner = ownerOf(titles, c);
    const titled = !!owner && owner.kind === 'self';
    let d: Draft | null | undefined = owner && titled ? byTitle.get(owner.t) : loose;
    if (owner && titled && !d) {
      d = draft(owner.t);
      byTitle.set(owner.t, d);
      out.push(d);
    }
    if (d && c.kind === 'funds' && d.ind === null && d.funds !== null && below(d.funds, c.h)) {
      d.moreFunds.push(c.h);
      continue;
    }
    if (d && c.kind === 'ind' && d.ind !== null && below(d.moreInd[d.moreInd.length - 1] ?? d.ind, c.h)) {
      d.moreInd.push(c.h);
      continue;
    }
    const fits = d && d.ind === null && (c.kind === 'ind' || d.funds === null);
    if (!d || !fits) {
      d = draft(null);
      out.push(d);
      if (owner && titled) byTitle.set(owner.t, d);
    }
    if (c.kind === 'funds') d.funds = c.h;
    else d.ind = c.h;
    if (!titled) loose = d;
  }
  return joinMovedFunds(g, out, [...selfTitles, ...basicTitles]);
}

/** Rows a funds block beside a table may stand above its header (the table's title and top lines). */
const BESIDE_ROWS_ABOVE = 8;

/**
 * A funds block with no indicator table of its own, under or to the right of an indicator table
 * with no funds block: the same form's block, moved (templates put it last, or beside the table).
 * Only when it is the one such table, and no title or other table stands between them: then they
 * are two forms.
 */
function joinMovedFunds(g: Grid, out: Draft[], titles: TitleCell[]): Draft[] {
  const parts = out.flatMap((d) => [d.funds, d.ind, ...d.moreFunds, ...d.moreInd].filter((h): h is FundsHeader | IndicatorHeader => h !== null).map((h) => ({ d, h })));
  const joined = new Set<Draft>();
  for (let i = 0; i < out.length; i++) {
    const f = out[i];
    if (f.ind !== null || f.funds === null || f.moreFunds.length > 0) continue;
    const fh = f.funds;
    const owners = out.filter((d) => d.ind !== null && (d.funds === null || isTaskList(g, d.funds)) && !joined.has(d) && (f.title === null || d.title === null || f.title === d.title) && movedFrom(d, fh, f.title) && nothingBetween(d, f, parts, titles));
    if (owners.length !== 1) continue;
    const d = owners[0];
    // Beside a task list (任务名称 | 预算数 | 执行数) the block is one candidate more: the better ranked is the funds block.
    if (d.funds) d.moreFunds.push(fh);
    else d.funds = fh;
    d.title ??= f.title;
    joined.add(d);
    joined.add(f);
  }
  return joined.size === 0 ? out : out.filter((d) => !joined.has(d) || d.ind !== null);
}

/** No other table's header and no other title in the rows and columns between the indicator header and the funds header. */
function nothingBetween(d: Draft, f: Draft, parts: { d: Draft; h: FundsHeader | IndicatorHeader }[], titles: TitleCell[]): boolean {
  const ind = d.ind as IndicatorHeader;
  const fh = f.funds as FundsHeader;
  const top = Math.min(fh.row, d.title ? d.title.row : ind.row);
  const bottom = Math.max(fh.row, ind.row);
  const left = Math.min(fh.left, ind.left);
  const right = Math.max(fh.right, ind.right);
  const inBand = (row: number, l: number, r: number) => row >= top && row <= bottom && l <= right && r >= left;
  return !parts.some((p) => p.d !== d && p.d !== f && inBand(p.h.row, p.h.left, p.h.right)) && !titles.some((t) => t !== d.title && t !== f.title && inBand(t.row, t.col, t.right));
}

/** A funds header under an indicator table (sharing its columns) or right of it (from a few rows above its header). */
function movedFrom(d: Draft, fh: FundsHeader, fundsTitle: TitleCell | null): boolean {
  const ind = d.ind as IndicatorHeader;
  const last = d.moreInd[d.moreInd.length - 1] ?? ind;
  if (fh.row > last.row && !besideTable(ind, fh) && fh.right >= ind.left) return true;
  const title = d.title ?? fundsTitle;
  const top = title ? title.row : ind.row - BESIDE_ROWS_ABOVE;
  return besideTable(ind, fh) && fh.row >= top;
}

/** Right of the columns the indicator header binds (its span may run on over a funds block's sub-header cells beside it). */
function besideTable(ind: IndicatorHeader, fh: FundsHeader): boolean {
  return fh.left > Math.max(...Object.values(ind.cols));
}

/** How surely a funds-like block is the form's funds block: its total line labelled (年度资金总额), not a task list. */
function fundsRank(g: Grid, f: LocatedFunds | null, h: FundsHeader): number {
  if (!f) return -Infinity;
  return (f.labelled ? 1 : 0) - (isTaskList(g, h) ? 2 : 0);
}

/** A funds-like header of a task list (年度主要任务 | 任务名称 | 预算数 | 执行数), not the funds block. */
function isTaskList(g: Grid, h: FundsHeader): boolean {
  return g.rowCells(h.row, Math.max(g.left, h.left - 6), h.right).some((c) => c.norm.includes('任务'));
}

/** Header words of a list's own columns: a numbered list of projects (or units), not the funds block's label column. */
const LIST_COLUMN_RE = /^(序号|编号|项目名称|项目名|项目编号|项目全称|单位名称|部门名称|预算单位名称)$/;
/** A bare "项目" may head a funds block's label column too ("项目 | 年初预算数 | …"): a list only when its lines are no funds lines. */
const BARE_ITEM_RE = /^项目$/;
/** Labels of a funds block's lines: its total and the sources or uses of the money. */
const FUNDS_LINE_RE = /资金总额|总额|财政|拨款|结转|结余|自筹|其他资金|基本支出|项目支出|一般公共|基金|专户|非税|上级|本级|资金来源|收入/;
/** Total lines of a list ("合计"): they say nothing about what the lines are. */
const LIST_TOTAL_RE = /^(合计|总计|小计|总额)/;
/** A title that names a summary of many forms ("…自评结果汇总表", "…自评表汇总", "…一览表"). */
const SUMMARY_TITLE_RE = /汇总|一览|清单|统计表/;

/**
 * A funds-like block that is a list of projects, one line each: its header names a 序号 or 项目名称
 * column (or a bare 项目 over lines none of which reads as a funds line), and most of its lines
 * are not the total or the sources of one form's money.
 */
function isProjectList(g: Grid, h: FundsHeader, f: LocatedFunds): boolean {
  const head = g.rowCells(h.row, Math.max(g.left, h.left - 6), h.right).filter((c) => c.col < h.left || !Object.values(h.cols).includes(c.col));
  const named = head.some((c) => LIST_COLUMN_RE.test(cleanHead(c.norm)));
  const bare = !named && head.some((c) => BARE_ITEM_RE.test(cleanHead(c.norm)));
  if (!named && !bare) return false;
  const labels = [f.block.total, ...f.block.splits.flatMap((s) => s.lines)].map((l) => norm(l.label)).filter((n) => n !== '' && !LIST_TOTAL_RE.test(n));
  if (labels.length === 0) return false;
  const funds = labels.filter((n) => FUNDS_LINE_RE.test(n)).length;
  return bare ? funds === 0 : funds * 2 < labels.length;
}

/** A header word without its unit note ("项目名称（万元）" → "项目名称"). */
function cleanHead(n: string): string {
  return n.replace(/\([^()]*\)$/, '');
}

/**
 * The table read under its first header and on under repeated ones, until a segment ends with
 * a 总分 row; the headers after that are returned as `rest` (they start forms of their own).
 */
function readTable(g: Grid, d: Draft, stopRows: Set<number>): { table: IndicatorTable | null; rest: IndicatorHeader[] } {
  if (!d.ind) return { table: null, rest: [] };
  let table = readIndicatorTable(g, d.ind, stopRows);
  for (let k = 0; k < d.moreInd.length; k++) {
    if (table.total) return { table, rest: d.moreInd.slice(k) };
    table = stitch(table, readIndicatorTable(g, d.moreInd[k], stopRows));
  }
  return { table, rest: [] };
}

/**
 * Two segments of one table, split by a repeated header: rows after the break that leave their
 * 一级 (and 二级) cell blank carry the heading and names from the last row before it, as they
 * would within one segment.
 */
function stitch(a: IndicatorTable, b: IndicatorTable): IndicatorTable {
  const last = a.rows[a.rows.length - 1];
  if (last) {
    let prev = last.row;
    for (let m = 0; m < b.rows.length; m++) {
      const t = b.rows[m];
      if (!isBlank(t.heading.text)) break;
      const r = t.row;
      t.heading = { ...last.heading };
      r.level1 = prev.level1;
      if ('level1' in r.cells) r.cells.level1 = prev.cells.level1 ?? null;
      if (r.level2 === '' && r.level3 !== '') {
        r.level2 = prev.level2;
        if ('level2' in r.cells) r.cells.level2 = prev.cells.level2 ?? null;
      }
      prev = r;
    }
  }
  return { rows: [...a.rows, ...b.rows], total: b.total, lastRow: b.rows.length > 0 || b.total ? b.lastRow : a.lastRow };
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
      // Indexed loops: in cold code each for-of step allocates an iterator result, and this visits every cell.
      for (let n = 0; n < form.sections.length; n++) {
        const s = form.sections[n];
        this.addBound(s.titleCell);
        for (let k = 0; k < s.columns.length; k++) this.addBound(s.columns[k].cell);
        for (let k = 0; k < s.rows.length; k++) {
          const r = s.rows[k];
          this.addBound(r.labelCell);
          for (let j = 0; j < r.cells.length; j++) this.addBound(r.cells[j]);
        }
      }
      return;
    }
    this.addBound(form.project?.cell);
    if (form.funds) {
      for (const k in form.funds.headers) this.addBound(form.funds.headers[k as FundsColumn]);
      this.addLine(form.funds.total);
      for (let n = 0; n < form.funds.splits.length; n++) {
        const split = form.funds.splits[n];
        this.addBound(split.header);
        for (let j = 0; j < split.lines.length; j++) {
          const l = split.lines[j];
          this.addLine(l);
        }
      }
    }
    for (const k in form.columns) this.addBound(form.columns[k as IndicatorColumn]);
    // Group rows are the same objects as the indicators below.
    for (let k = 0; k < form.groups.length; k++) this.addBound(form.groups[k].cell);
    for (let i = 0; i < form.indicators.length; i++) {
      const cells = form.indicators[i].cells;
      for (const k in cells) this.addBound(cells[k as IndicatorColumn]);
    }
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

/** The form's funds block: the draft's funds header, or the best ranked of several funds-like headers before the table (a task list is not it). */
function chooseFunds(g: Grid, d: Draft, own: Set<number>): { funds: LocatedFunds | null; head: FundsHeader | null } {
  let funds = d.funds ? readFunds(g, d.funds, own) : null;
  let head = d.funds;
  if (d.funds && d.moreFunds.length > 0) {
    let rank = fundsRank(g, funds, d.funds);
    for (let n = 0; n < d.moreFunds.length; n++) {
      const h = d.moreFunds[n];
      const other = readFunds(g, h, own);
      const k = fundsRank(g, other, h);
      if (k > rank) {
        funds = other;
        head = h;
        rank = k;
      }
    }
  }
  return { funds, head };
}

/** The indicator header's cells by field (the sub-header cell for a field it names). */
function headerCells(g: Grid, h: IndicatorHeader | null): Partial<Record<IndicatorColumn, Bound>> {
  const columns: Partial<Record<IndicatorColumn, Bound>> = {};
  if (!h) return columns;
  for (const [k, col] of Object.entries(h.cols) as [IndicatorColumn, number][]) {
    const b = g.bound(h.headRows[k] ?? h.row, col);
    if (b) columns[k] = b;
  }
  return columns;
}

/** The unit and project fields above the form's tables: under its title, else a few rows above its first table (not above `floor`). */
function fieldsAbove(g: Grid, d: Draft, funds: LocatedFunds | null, floor: number): ReturnType<typeof readFields> {
  const firstRow = Math.min(funds ? funds.top : Infinity, d.ind ? d.ind.row : Infinity);
  const left = Math.min(funds ? funds.left : Infinity, d.ind ? d.ind.left - 3 : Infinity, d.title ? d.title.col : Infinity);
  const right = Math.max(funds ? funds.right : -Infinity, d.ind ? d.ind.right : -Infinity, d.title ? d.title.right : -Infinity);
  const fieldTop = d.title ? d.title.row + 1 : Math.max(floor, firstRow - FIELD_ROWS_ABOVE);
  return readFields(g, fieldTop, firstRow - 1, Math.max(g.left, left - 1), right + 1);
}

/** A total stated among the fields above the tables, where fieldsAbove reads ("总分：99.3"). */
function statedTotalAbove(g: Grid, d: Draft, funds: LocatedFunds | null, floor: number): TotalRow | null {
  if (!d.ind) return null;
  // Down to the table's header: a funds block above or beside it has no 总分 label.
  const firstRow = d.ind.row;
  const left = Math.min(funds ? funds.left : Infinity, d.ind.left, d.title ? d.title.col : Infinity);
  const right = Math.max(funds ? funds.right : -Infinity, d.ind.right, d.title ? d.title.right : -Infinity);
  const top = d.title ? d.title.row + 1 : Math.max(floor, firstRow - FIELD_ROWS_ABOVE);
  return readStatedTotal(g, top, firstRow - 1, Math.max(g.left, left - 1), right + 1);
}

/** The form's box: its title, funds block, indicator table and every bound cell. */
function boxOf(form: SelfEvaluationForm, d: Draft, funds: LocatedFunds | null, table: IndicatorTable | null): Box {
  const box = new Box();
  if (d.title) box.add(d.title.row, d.title.col, d.title.row, d.title.right);
  if (funds) box.add(funds.top, funds.left, funds.bottom, funds.right);
  if (d.ind) box.add(d.ind.row, d.ind.left, table ? table.lastRow : d.ind.row, d.ind.right);
  box.addForm(form);
  return box;
}

function selfEvaluation(g: Grid, d: Draft, stopRows: Set<number>, floor: number): { form: SelfEvaluationForm; bottom: number; rest: IndicatorHeader[] } | null {
  // The draft's own anchors do not stop its reading.
  const own = new Set(stopRows);
  if (d.funds) own.delete(d.funds.row);
  if (d.ind) own.delete(d.ind.row);
  if (d.title) own.delete(d.title.row);
  const chosen = chooseFunds(g, d, own);
  const head = chosen.head;
  let funds = chosen.funds;
  // A summary list of projects (序号 | 项目名称 | 全年预算数 | 全年执行数 …) is no funds block, and alone no form.
  if (funds && head && isProjectList(g, head, funds)) {
    if (!d.ind && (!d.title || SUMMARY_TITLE_RE.test(g.norm(d.title.row, d.title.col)))) return null;
    if (d.ind) funds = null;
  }
  // A funds block moved under the table still closes it.
  const ind = d.ind;
  const under = ind ? [d.funds, ...d.moreFunds].filter((h): h is FundsHeader => h !== null && h.row > ind.row && !besideTable(ind, h)) : [];
  const tableStops = under.length > 0 ? new Set([...own, ...under.map((h) => h.row)]) : own;
  const { table, rest } = readTable(g, d, tableStops);
  if (!funds && !d.ind) return null;
  const { groups, indicators } = table ? groupRows(table) : { groups: [], indicators: [] };
  const { unit, project } = fieldsAbove(g, d, funds, floor);
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
    columns: headerCells(g, d.ind),
    groups,
    indicators,
    total: table ? table.total ?? statedTotalAbove(g, d, funds, floor) : null,
  };
  form.layout = layoutOf(g, d, table, funds);
  const box = boxOf(form, d, funds, table);
  form.range = box.a1();
  return { form, bottom: box.bottom, rest };
}

/**
 * The form's layout record: the indicator header's evidence and doubts, and what is missing — an
 * indicator table under a funds block, rows under a header. A doubt about a column the header no
 * longer binds there (a clerk's column map replaced it) is dropped.
 */
function layoutOf(g: Grid, d: Draft, table: IndicatorTable | null, funds: LocatedFunds | null): FormLayout {
  const h = d.ind;
  const doubts: LayoutDoubt[] = [];
  const cellOf = (row: number, col: number) => {
    const b = g.bound(row, col);
    return { cell: b?.a1 ?? null, header: b ? cleanLabel(b.text) : '' };
  };
  if (!h) {
    const at = funds ? cellOf(funds.top, funds.left) : d.title ? cellOf(d.title.row, d.title.col) : { cell: null, header: '' };
    doubts.push({ kind: 'missing', field: 'indicators', ...at, notes: [] });
    return { columns: [], doubts };
  }
  for (const x of h.doubts ?? []) {
    if (x.kind !== 'missing' && typeof x.field === 'string' && x.col !== undefined && x.field in h.cols && h.cols[x.field as IndicatorColumn] !== x.col) continue;
    if (x.kind === 'missing' && x.field in h.cols) continue;
    doubts.push(x);
  }
  if (table && table.rows.length === 0) {
    const col = h.cols.level3 ?? h.cols.level1 ?? h.left;
    doubts.push({ kind: 'missing', field: 'rows', ...cellOf(h.headRows.level3 ?? h.headRows.level1 ?? h.row, col), notes: [] });
  }
  const layout: FormLayout = { columns: h.evidence ?? [], doubts };
  if (h.label) layout.label = h.label.text;
  return layout;
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

/** `overrides`: the template profile's entries for this sheet (the clerk's column map), applied to the bound headers. */
export function locateSheet(g: Grid, overrides: FormProfile[] = []): LocatedForm[] {
  if (g.bottom < g.top || g.right < g.left) return [];
  const a = scanSheet(g);
  if (overrides.length > 0) applyOverrides(g, a, overrides);
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
  const queue = drafts(g, a.selfTitles, a.basicTitles, comps);
  for (let i = 0; i < queue.length; i++) {
    const d = queue[i];
    const located = selfEvaluation(g, d, stopRows, floor);
    if (!located) continue;
    // Tables under a closed table's repeated header: the next untitled form.
    if (located.rest.length > 0) queue.splice(i + 1, 0, { ...draft(null), ind: located.rest[0], moreInd: located.rest.slice(1) });
    floor = Math.max(floor, located.bottom + 1);
    const top = d.title ? d.title.row : Math.min(d.funds?.row ?? Infinity, d.ind?.row ?? Infinity);
    out.push({ row: top, col: d.title?.col ?? d.ind?.left ?? d.funds?.left ?? 0, form: located.form });
  }
  // A 基础数据表 runs from its title to the next anchor below it.
  const anchorRows = [...stopRows].sort((x, y) => x - y);
  const nextAnchor = (row: number) => anchorRows.find((r) => r > row) ?? g.bottom + 1;
  for (let j = 0; j < a.basicTitles.length; j++) {
    const t = a.basicTitles[j];
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
