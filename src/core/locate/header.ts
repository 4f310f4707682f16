/**
 * Finds the indicator table's header on a row: which column holds which field. A header takes
 * one row or two: a parent cell merged over sub-headers ("自评" over 分值 | 得分, "年度指标值" over
 * 年初 | 调整后 or 指标性质 | 指标值 | 度量单位, "绩效指标" over 一级指标 | 二级指标 | 三级指标); the
 * sub-header cell names the column.
 */
import type { ColumnEvidence, IndicatorColumn, LayoutDoubt } from '../form';
import type { Grid } from './grid';
import { CLOSE, CONTRADICTION, kindAgreement, sampleRows, weigh, type Candidate } from './evidence';
import { fundsRole, indicatorRole, isFooter, isTotalLabel, statedPoints, subHeaderRole, weightNote, type HeaderRole } from './vocab';

export interface IndicatorHeader {
  /** First header row. */
  row: number;
  /** First data row (after a sub-header row and vertically merged header cells). */
  dataStart: number;
  left: number;
  right: number;
  cols: Partial<Record<IndicatorColumn, number>>;
  /** Row of each column's header cell (the sub-header row for roles it names). */
  headRows: Partial<Record<IndicatorColumn, number>>;
  /**
   * Weight columns of the level-1 and level-2 headings when each level has its own 分值 column
   * (一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 …); `cols.weight` is then the row's own.
   */
  levelWeights?: { level1?: number; level2?: number };
  /**
   * One column holds every level ("绩效指标": "一、产出指标" / "（一）数量指标" / "1.…" lines); it is
   * `cols.level3`, and the section lines name the level-1 and level-2 groups.
   */
  hierarchy?: boolean;
  /** The evidence for each candidate header cell of the fields it weighs (evidence.ts). */
  evidence?: ColumnEvidence[];
  /** What the binding doubts: close candidates, a column contradicting its content, a missing score column. */
  doubts?: LayoutDoubt[];
  /** The block label beside the header ("绩效指标", "指标完成情况"): a label, not a column; its stated points. */
  label?: { row: number; col: number; text: string; points: number | null };
}

type RoleCols = Partial<Record<HeaderRole, number>>;

/** A header cell that names a column: the cell's role, where it sits, which row holds it. */
interface HeadCell {
  col: number;
  right: number;
  role: HeaderRole;
  row: number;
}

function isLevel(role: HeaderRole): boolean {
  return role === 'level1' || role === 'level2' || role === 'level3';
}

/** Whether a row holds a 一级/二级/三级指标 header cell. */
function hasLevelCell(g: Grid, row: number): boolean {
  if (row < g.top || row > g.bottom) return false;
  for (const cell of g.rowCells(row, g.left, g.right)) {
    const role = indicatorRole(cell.norm);
    if (role && isLevel(role)) return true;
  }
  return false;
}

/**
 * The role-bearing header cells of row `top` in [from, to], left to right; with a sub-header row,
 * each sub-header cell names its column (by its own words, or together with the parent cell over
 * it) and a parent cell whose sub-headers name columns gives up its own role.
 */
function bandCells(g: Grid, top: number, sub: number | null, from: number, to: number): HeadCell[] {
  const tops = g.rowCells(top, from, to);
  const out: HeadCell[] = [];
  const yielded = new Set<number>();
  if (sub !== null) {
    for (const s of g.rowCells(sub, from, to)) {
      // The parent: the top cell over it, else (unmerged parents) the nearest top cell to its left.
      let parent = null;
      let covering = false;
      for (let i = 0; i < tops.length; i++) {
        const t = tops[i];
        if (t.col > s.col) break;
        parent = t;
        covering = t.right >= s.col;
      }
      const role = subHeaderRole(s.norm, parent && (covering || g.norm(top, s.col) === '') ? parent.norm : '');
      if (!role) continue;
      out.push({ col: s.col, right: s.right, role, row: sub });
      if (parent && covering) yielded.add(parent.col);
    }
  }
  for (let i = 0; i < tops.length; i++) {
    const t = tops[i];
    if (yielded.has(t.col)) continue;
    const role = indicatorRole(t.norm);
    if (role) out.push({ col: t.col, right: t.right, role, row: top });
  }
  return out.sort((a, b) => a.col - b.col || a.row - b.row);
}

/**
 * Splits a header's cells into tables (two forms side by side repeat 一级指标). Cells of a single
 * hierarchy column ("绩效指标") count as the level-3 column when `hierarchy`, else are left out.
 */
function segmentsOf(cells: HeadCell[], hierarchy: boolean): HeadCell[][] {
  const out: HeadCell[][] = [];
  let cur: HeadCell[] | null = null;
  let seen = new Set<HeaderRole>();
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    let c = cell;
    if (c.role === 'hierarchy') {
      if (!hierarchy) continue;
      c = { ...c, role: 'level3' };
    }
    if (!cur || (isLevel(c.role) && seen.has(c.role))) {
      const prev: HeadCell[] | null = cur;
      cur = [];
      seen = new Set();
      out.push(cur);
      // A field its table has already, last before this table's levels: this table's block label ("指标完成情况" beside 一级指标).
      const last = prev?.[prev.length - 1];
      if (prev && last && prev.slice(0, -1).some((x) => x.role === last.role)) cur.push(prev.pop() as HeadCell);
    }
    cur.push(c);
    seen.add(c.role);
  }
  return out;
}

/**
 * The row weight among several 分值 columns: a 分值 column right after the 一级 (二级) column is that
 * level's weight; the row's is the first other one (after 三级指标, or before the target), else the last.
 */
function weightColumns(seg: HeadCell[]): { row: number; levels: { level1?: number; level2?: number } } | null {
  const weights = seg.filter((c) => c.role === 'weight');
  if (weights.length === 0) return null;
  if (weights.length === 1) return { row: weights[0].col, levels: {} };
  const levels: { level1?: number; level2?: number } = {};
  let row: number | undefined;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    const before = seg[seg.indexOf(w) - 1]?.role;
    if ((before === 'level1' || before === 'level2') && levels[before] === undefined) levels[before] = w.col;
    else row ??= w.col;
  }
  if (row === undefined) {
    // Only level weights: the finest level's is the row's.
    row = weights[weights.length - 1].col;
    if (levels.level2 === row) delete levels.level2;
    else delete levels.level1;
  }
  return { row, levels };
}

function isTableHeader(cols: RoleCols): boolean {
  const hasLevel = cols.level1 !== undefined || cols.level2 !== undefined || cols.level3 !== undefined;
  const hasScoring = cols.weight !== undefined || cols.score !== undefined;
  return hasLevel && hasScoring && Object.keys(cols).length >= 3;
}

/** 年初指标值 + 调整指标值: the adjusted one is the target, the initial one initialTarget. */
function resolveTargets(rc: RoleCols): Partial<Record<IndicatorColumn, number>> {
  const { targetInitial, targetAdjusted, target } = rc;
  // The other roles in rc's order (a loop: object rest is a slow runtime call).
  const cols: Partial<Record<IndicatorColumn, number>> = {};
  for (const role in rc) {
    if (role !== 'targetInitial' && role !== 'targetAdjusted' && role !== 'target') cols[role as IndicatorColumn] = rc[role as HeaderRole];
  }
  if (targetAdjusted !== undefined) {
    cols.target = targetAdjusted;
    const initial = targetInitial ?? target;
    if (initial !== undefined) cols.initialTarget = initial;
  } else if (target !== undefined) {
    cols.target = target;
    if (targetInitial !== undefined) cols.initialTarget = targetInitial;
  } else if (targetInitial !== undefined) {
    cols.target = targetInitial;
  }
  return cols;
}

/** One table's header from its cells (rows `top` and, when given, `sub`), or null when it is not one. */
/**
 * A cell left of the level columns that names a field ("指标完成情况", "绩效目标完成情况" beside 一级指标):
 * the block's label, whatever its words, never a column of the table.
 */
function blockLabel(seg: HeadCell[]): HeadCell | null {
  let firstLevel = Infinity;
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    if (isLevel(c.role) && c.col < firstLevel) firstLevel = c.col;
  }
  const first = seg[0];
  return first && first.col < firstLevel && firstLevel !== Infinity && !isLevel(first.role) ? first : null;
}

function headerOf(g: Grid, seg: HeadCell[], top: number, sub: number | null, hierarchy: boolean): IndicatorHeader | null {
  const label = blockLabel(seg);
  if (label) seg = seg.filter((c) => c !== label);
  const weights = weightColumns(seg);
  const roles: RoleCols = {};
  const rowOf = new Map<number, number>();
  const more: HeadCell[] = [];
  let left = Infinity;
  let right = -Infinity;
  let dataStart = (sub ?? top) + 1;
  for (let i = 0; i < seg.length; i++) {
    const c = seg[i];
    left = Math.min(left, c.col);
    right = Math.max(right, c.right);
    if (c.role === 'weight' && c.col !== weights?.row) continue;
    const m = g.merge(c.row, c.col);
    if (m && m.bottom + 1 > dataStart) dataStart = m.bottom + 1;
    if (roles[c.role] !== undefined) {
      more.push(c);
      continue;
    }
    roles[c.role] = c.col;
    rowOf.set(c.col, c.row);
  }
  if (!isTableHeader(roles)) return null;
  const bound = bindByEvidence(g, roles, more, rowOf, { dataStart, left, right });
  const cols = resolveTargets(roles);
  const headRows: Partial<Record<IndicatorColumn, number>> = {};
  for (const [k, c] of Object.entries(cols) as [IndicatorColumn, number][]) headRows[k] = rowOf.get(c) ?? top;
  const h: IndicatorHeader = { row: top, dataStart, left, right, cols, headRows, evidence: bound.evidence };
  if (bound.doubts.length > 0) h.doubts = bound.doubts;
  if (label) h.label = { row: label.row, col: label.col, text: g.text(label.row, label.col).trim(), points: statedPoints(g.norm(label.row, label.col)) };
  if (weights && (weights.levels.level1 !== undefined || weights.levels.level2 !== undefined)) h.levelWeights = weights.levels;
  if (h.levelWeights?.level1 === undefined) {
    const note = noteColumn(g, h, top, sub);
    if (note !== null) h.levelWeights = { ...h.levelWeights, level1: note };
  }
  // One level column, or none but the hierarchy column: section lines name the groups.
  if (hierarchy || (cols.level1 === undefined && cols.level2 === undefined)) h.hierarchy = true;
  return h;
}

/**
 * Binds `field` to sheet column `col` (or unbinds it with undefined) by a decision from outside the
 * evidence, such as the clerk's column map: the header's doubts about that field are settled with it.
 */
export function settleColumn(h: IndicatorHeader, field: IndicatorColumn, col: number | undefined): void {
  if (col === undefined) delete h.cols[field];
  else h.cols[field] = col;
  if (h.doubts) h.doubts = h.doubts.filter((d) => d.field !== field);
  for (const e of h.evidence ?? []) if (e.field === field) e.chosen = e.col === col;
}

/** The fields weighed by their content: the number columns a wrong binding turns into false errors. */
const WEIGHED: HeaderRole[] = ['score', 'weight'];
/** The fields weighed by agreeing in kind with each other. */
const PAIRED: HeaderRole[] = ['target', 'actual'];

/**
 * Rebinds `roles` by evidence: each field named by several header cells takes the one with the best
 * header-and-content evidence (ties: the leftmost); a weighed field whose only column contradicts
 * its content is left unbound. Returns the evidence and the doubts (close calls, contradictions, no
 * score column).
 */
function bindByEvidence(
  g: Grid,
  roles: RoleCols,
  more: HeadCell[],
  rowOf: Map<number, number>,
  span: { dataStart: number; left: number; right: number },
): { evidence: ColumnEvidence[]; doubts: LayoutDoubt[] } {
  const evidence: ColumnEvidence[] = [];
  const doubts: LayoutDoubt[] = [];
  let rows: number[] | null = null;
  const sample = () => (rows ??= sampleRows(g, span.dataStart, Math.max(g.left, span.left - 3), span.right));
  for (const role of WEIGHED) {
    const col = roles[role];
    if (col === undefined) continue;
    const cands: Candidate[] = [{ col, row: rowOf.get(col) ?? 0, norm: '' }];
    for (let i = 0; i < more.length; i++) {
      const c = more[i];
      if (c.role === role) cands.push({ col: c.col, row: c.row, norm: '' });
    }
    for (let i = 0; i < cands.length; i++) {
      const c = cands[i];
      c.norm = g.norm(c.row, c.col);
    }
    const field = role as IndicatorColumn;
    const ranked = weigh(g, field, cands, sample(), role === 'score' ? roles.weight : undefined);
    const best = ranked[0];
    evidence.push(...ranked);
    if (best.contentPoints <= CONTRADICTION) {
      // Even the best column holds what the field never does: bind none, say why.
      delete roles[role];
      doubts.push({ kind: 'contradicts', field, cell: best.cell, header: best.header, col: best.col, notes: best.notes });
      continue;
    }
    best.chosen = true;
    if (best.col !== col) {
      roles[role] = best.col;
      rowOf.set(best.col, cands.find((c) => c.col === best.col)?.row ?? 0);
    }
    const second = ranked[1];
    if (second && second.contentPoints > CONTRADICTION && best.points - second.points < CLOSE && best.contentPoints !== 0 && second.contentPoints !== 0) {
      doubts.push({ kind: 'close', field, cell: best.cell, header: best.header, col: best.col, other: { cell: second.cell, header: second.header, col: second.col }, notes: best.notes });
    }
  }
  // A target or actual named twice: the one whose values agree in kind with the other side's.
  for (const role of PAIRED) {
    const col = roles[role];
    if (col === undefined || !more.some((c) => c.role === role)) continue;
    const other = roles[role === 'target' ? 'actual' : 'target'];
    const cands = [{ col, row: rowOf.get(col) ?? 0 }, ...more.filter((c) => c.role === role)];
    const ranked = cands
      .map((c) => {
        const k = kindAgreement(g, sample(), c.col, other);
        const b = g.bound(c.row, c.col);
        return { field: role as IndicatorColumn, col: c.col, cell: b?.a1 ?? '', header: b?.text.trim() ?? '', points: 3 + k.points, contentPoints: k.points, notes: [{ code: 'words' as const }, ...k.notes], chosen: false };
      })
      .sort((a, b) => b.points - a.points || a.col - b.col);
    ranked[0].chosen = true;
    evidence.push(...ranked);
    if (ranked[0].col !== col) {
      roles[role] = ranked[0].col;
      rowOf.set(ranked[0].col, cands.find((c) => c.col === ranked[0].col)?.row ?? 0);
    }
  }
  // Other fields named twice: the first (leftmost) as before, its runner-up kept as evidence.
  for (let i = 0; i < more.length; i++) {
    const c = more[i];
    if (WEIGHED.includes(c.role) || PAIRED.includes(c.role)) continue;
    const b = g.bound(c.row, c.col);
    evidence.push({ field: c.role as IndicatorColumn, col: c.col, cell: b?.a1 ?? '', header: b?.text.trim() ?? '', points: 3, contentPoints: 0, notes: [{ code: 'words' }], chosen: false });
  }
  // A field the table has no column for: said once for the form, not once per row.
  for (const field of WEIGHED) {
    if (roles[field] !== undefined || doubts.some((d) => d.field === field)) continue;
    const first = Math.min(...[...rowOf.keys()]);
    const b = g.bound(rowOf.get(first) ?? 0, first);
    doubts.push({ kind: 'missing', field: field as IndicatorColumn, cell: b?.a1 ?? null, header: b?.text.trim() ?? '', notes: [] });
  }
  return { evidence, doubts };
}

/** Rows read down a candidate note column before deciding (a table rarely has more indicator rows). */
const NOTE_SCAN_ROWS = 200;

/**
 * A column of the level-1 weight notes ("45分" merged down the rows of 产出指标) between the 一级
 * column and the next named column, under no header of its own (blank, or the 一级指标 header merged
 * over it): every text it holds down the table is a weight note, and it holds one at least. Null when
 * there is none.
 */
function noteColumn(g: Grid, h: IndicatorHeader, top: number, sub: number | null): number | null {
  const l1 = h.cols.level1;
  if (l1 === undefined) return null;
  const used = new Set(Object.values(h.cols));
  let next = Infinity;
  for (const c of used) if (c > l1 && c < next) next = c;
  if (next === Infinity) return null;
  const l1Head = g.merge(h.headRows.level1 ?? top, l1);
  for (let c = l1 + 1; c < next; c++) {
    if (used.has(c)) continue;
    // The header over it: blank, or the 一级指标 cell merged across it.
    const headed = [top, sub ?? top].some((r) => {
      const m = g.merge(r, c);
      return m ? m !== l1Head && g.norm(m.top, m.left) !== '' : g.norm(r, c) !== '';
    });
    if (headed) continue;
    if (holdsNotes(g, h, c)) return c;
  }
  return null;
}

/** Whether the column's own cells down the table are weight notes only (one at least), up to the 总分 row or a footer. */
function holdsNotes(g: Grid, h: IndicatorHeader, col: number): boolean {
  let notes = 0;
  const last = Math.min(g.bottom, h.dataStart + NOTE_SCAN_ROWS);
  for (let r = h.dataStart; r <= last; r++) {
    const first = g.firstRowCell(r, h.left, h.right);
    if (first && (isTotalLabel(first.norm) || isFooter(first.norm))) break;
    if (!g.isMaster(r, col)) continue;
    const n = g.norm(r, col);
    if (n === '') continue;
    if (weightNote(n) === null) return false;
    notes++;
  }
  return notes > 0;
}

/**
 * Whether `sub` is a sub-header row for the header cells `seg` of row `top` over [from, to]: no
 * numbers, nothing under the level columns (merged down or blank: a data row names its
 * indicator there), no level header of its own, and some cell that names a column.
 */
function isSubRow(g: Grid, top: number, sub: number, seg: HeadCell[], from: number, to: number): boolean {
  if (sub > g.bottom) return false;
  for (let c = from; c <= to; c++) if (g.isNumber(sub, c)) return false;
  for (let j = 0; j < seg.length; j++) {
    const c = seg[j];
    if (isLevel(c.role) && g.isMaster(sub, c.col) && g.norm(sub, c.col) !== '') return false;
  }
  const band = bandCells(g, top, sub, from, to);
  return band.some((c) => c.row === sub) && !band.some((c) => c.row === sub && (isLevel(c.role) || c.role === 'hierarchy'));
}

/**
 * The last column of the header running on from a segment's last cell: header cells, or a blank
 * one over something (a sub-header word: "自评" | blank over 分值 | 得分; a weight note column), up
 * to an empty column: a block beside the table is no part of it.
 */
function headerEnd(g: Grid, row: number, seg: HeadCell[]): number {
  let to = Math.max(...seg.map((c) => c.right));
  while (to < g.right) {
    const next = to + 1;
    if (g.norm(row, next) !== '') to = g.spanRight(row, next);
    else if (row < g.bottom && g.norm(row + 1, next) !== '') to = next;
    else break;
  }
  return to;
}

/** Columns of a row naming a funds block's money (年初预算数, 全年预算数, 全年执行数), left to right. */
function moneyColumns(g: Grid, row: number): number[] {
  const out: number[] = [];
  for (const c of g.rowCells(row, g.left, g.right)) {
    const role = fundsRole(c.norm);
    if (role === 'planned' || role === 'budgeted' || role === 'executed') out.push(c.col);
  }
  return out;
}

/** Headers whose cells start on `row`, each with the sub-header row under it when there is one. */
function rowHeaders(g: Grid, row: number, hierarchy: boolean): IndicatorHeader[] {
  const out: IndicatorHeader[] = [];
  const segs = segmentsOf(bandCells(g, row, null, g.left, g.right), hierarchy);
  const money = moneyColumns(g, row);
  for (let i = 0; i < segs.length; i++) {
    // A funds header on the same row, right of the table (年初预算数 | … | 权重 | 执行率 | 得分): its 权重 and 得分 are not the table's.
    const cut = money.find((c) => c > segs[i][0].col) ?? Infinity;
    const seg = segs[i].filter((c) => c.col < cut);
    if (seg.length === 0) continue;
    const from = seg[0].col;
    // A parent without a role of its own ("自评") may sit right of the last named column.
    const to = Math.min(cut - 1, i + 1 < segs.length ? segs[i + 1][0].col - 1 : headerEnd(g, row, seg));
    let h: IndicatorHeader | null = null;
    if (isSubRow(g, row, row + 1, seg, from, to)) {
      for (const s of segmentsOf(bandCells(g, row, row + 1, from, to), hierarchy)) {
        const two = headerOf(g, s, row, row + 1, hierarchy);
        if (two) {
          out.push(two);
          h = two;
        }
      }
    }
    if (!h) {
      h = headerOf(g, seg, row, null, hierarchy);
      if (h) out.push(h);
    }
  }
  return out;
}

/**
 * A header whose level cells sit on the second row under a parent ("绩效指标" merged over 一级指标 |
 * 二级指标 | 三级指标, the other headers merged down both rows): the headers of rows row - 1 and
 * row, or null when the row above is no part of it.
 */
function upwardHeaders(g: Grid, row: number, alone: () => IndicatorHeader[]): IndicatorHeader[] | null {
  const top = row - 1;
  if (top < g.top) return null;
  // Only over the row's own header cells: a block beside the table (a funds header) is no parent row of it.
  let from = Infinity;
  let to = -Infinity;
  for (const cell of g.rowCells(row, g.left, g.right)) {
    if (indicatorRole(cell.norm) === null) continue;
    from = Math.min(from, cell.col);
    to = Math.max(to, cell.right);
  }
  if (from > to) return null;
  // The row above must name some column, and no level of its own (its own read covers that).
  let named = false;
  for (const cell of g.rowCells(top, g.left, g.right)) {
    const role = indicatorRole(cell.norm);
    if (role && isLevel(role)) return null;
    if (role && cell.col <= to + 1 && cell.right >= from) named = true;
  }
  if (!named) return null;
  let mergedDown = false;
  if (g.hasMerges(row)) {
    for (let c = from; c <= to && !mergedDown; c++) mergedDown = g.merge(row, c)?.top === top;
  }
  // Unmerged, the row above counts only when the row alone is no table header.
  if (!mergedDown && alone().length > 0) return null;
  const band = bandCells(g, top, row, g.left, g.right);
  if (!band.some((c) => c.row === top)) return null;
  const out: IndicatorHeader[] = [];
  for (const seg of segmentsOf(band, false)) {
    const from = seg[0].col;
    const to = seg[seg.length - 1].right;
    let numbers = false;
    for (let c = from; c <= to && !numbers; c++) numbers = g.isNumber(top, c);
    if (numbers || !seg.some((c) => c.row === row && isLevel(c.role))) continue;
    const h = headerOf(g, seg, top, row, false);
    if (h) out.push(h);
  }
  return out.length > 0 ? out : null;
}

export function readIndicatorHeaders(g: Grid, row: number): IndicatorHeader[] {
  const levels = hasLevelCell(g, row);
  // A parent row over level sub-headers: the row below reads the two rows.
  if (!levels && hasLevelCell(g, row + 1)) return [];
  let single: IndicatorHeader[] | null = null;
  const alone = () => (single ??= rowHeaders(g, row, false));
  const up = levels ? upwardHeaders(g, row, alone) : null;
  if (up) return up;
  // No level columns: one column for all levels ("绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分").
  return levels ? alone() : rowHeaders(g, row, true);
}
