/** Finds the indicator table's header on a row: which column holds which field. */
import type { IndicatorColumn } from '../form';
import type { Grid } from './grid';
import { indicatorRole, type HeaderRole } from './vocab';

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
}

type RoleCols = Partial<Record<HeaderRole, number>>;

const LEVELS: HeaderRole[] = ['level1', 'level2', 'level3'];
const SUB_ROLES = new Set<HeaderRole>(['nature', 'target', 'targetInitial', 'targetAdjusted', 'targetUnit', 'actual', 'weight', 'score']);

/** Splits a header row into tables (two forms side by side repeat 一级指标). */
function segments(g: Grid, row: number): { cols: RoleCols; left: number; right: number }[] {
  const out: { cols: RoleCols; left: number; right: number }[] = [];
  let cur: { cols: RoleCols; left: number; right: number } | null = null;
  for (const cell of g.rowCells(row, g.left, g.right)) {
    const role = indicatorRole(cell.norm);
    if (!role) continue;
    if (!cur || (LEVELS.includes(role) && cur.cols[role] !== undefined)) {
      cur = { cols: {}, left: cell.col, right: cell.col };
      out.push(cur);
    }
    if (cur.cols[role] === undefined) cur.cols[role] = cell.col;
    cur.right = Math.max(cur.right, cell.right);
  }
  return out;
}

function isTableHeader(cols: RoleCols): boolean {
  const roles = Object.keys(cols) as HeaderRole[];
  const hasLevel = LEVELS.some((l) => cols[l] !== undefined);
  const hasScoring = cols.weight !== undefined || cols.score !== undefined;
  return hasLevel && hasScoring && roles.length >= 3;
}

/** A second header row ("指标性质 | 指标值 | 度量单位" under a merged "年度指标值"), if any. */
function subHeader(g: Grid, row: number, left: number, right: number): RoleCols | null {
  if (row > g.bottom) return null;
  const cols: RoleCols = {};
  let found = false;
  for (let c = left; c <= right; c++) {
    if (g.isNumber(row, c)) return null;
    if (!g.isMaster(row, c)) continue;
    const role = indicatorRole(g.norm(row, c));
    if (role && LEVELS.includes(role)) return null;
    if (role && SUB_ROLES.has(role) && cols[role] === undefined) {
      cols[role] = c;
      found = true;
    }
  }
  return found ? cols : null;
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

export function readIndicatorHeaders(g: Grid, row: number): IndicatorHeader[] {
  const out: IndicatorHeader[] = [];
  for (const seg of segments(g, row)) {
    if (!isTableHeader(seg.cols)) continue;
    let dataStart = row + 1;
    for (const c of Object.values(seg.cols)) {
      const m = g.merge(row, c as number);
      if (m && m.bottom + 1 > dataStart) dataStart = m.bottom + 1;
    }
    const sub = subHeader(g, row + 1, seg.left, seg.right);
    let roles: RoleCols = seg.cols;
    if (sub) {
      roles = { ...seg.cols };
      // A sub-header cell takes over its role; a top cell it subdivides gives up its role.
      for (const [role, c] of Object.entries(sub) as [HeaderRole, number][]) {
        for (const [r0, c0] of Object.entries(seg.cols) as [HeaderRole, number][]) {
          if (roles[r0] === c0 && c0 <= c && g.spanRight(row, c0) >= c && g.merge(row, c0)) delete roles[r0];
        }
        roles[role] = c;
      }
      dataStart = Math.max(dataStart, row + 2);
    }
    const cols = resolveTargets(roles);
    const headRows: Partial<Record<IndicatorColumn, number>> = {};
    const subCols = new Set(Object.values(sub ?? {}));
    for (const [k, c] of Object.entries(cols) as [IndicatorColumn, number][]) headRows[k] = subCols.has(c) ? row + 1 : row;
    out.push({ row, dataStart, left: seg.left, right: seg.right, cols, headRows });
  }
  return out;
}
