/** Groups indicator rows by level-1 heading and marks scored parent rows. */
import type { Bound, IndicatorGroup, IndicatorRow } from '../form';
import { parseWeightHeading } from '../parse';
import type { IndicatorTable } from './indicators';
import { headingName, isBlank, norm } from './text';
import { weightNote } from './vocab';
import { isScalingPercentFormat } from '../numfmt';


function filled(r: IndicatorRow, key: 'weight' | 'score'): boolean {
  const b = r.cells[key];
  return !!b && !isBlank(b.text);
}

const SUB_ITEM = /^(其中|[(（]\d+[)）]|[①-⑳]|\d+\.\d+)/;

/** A first character SUB_ITEM can start with (其, a bracket, ①–⑳, a digit): most names skip the regex. */
function maySubItem(s: string): boolean {
  const c = s.charCodeAt(0);
  return c === 0x5176 || c === 0x28 || c === 0xff08 || (c >= 0x2460 && c <= 0x2473) || (c >= 0x30 && c <= 0x39);
}

function isSubItem(level3: string): boolean {
  const n = norm(level3);
  return maySubItem(n) && SUB_ITEM.test(n);
}

/** How deep a row sits: 1 heading only, 2 level-2 name only, 3 a level-3 name; indentation and sub-numbering go deeper. */
function depth(r: IndicatorRow, indent: number): number {
  if (r.level3 !== '') return 3 + (indent > 0 ? 1 : 0) + (isSubItem(r.level3) ? 1 : 0);
  return r.level2 !== '' ? 2 : 1;
}

/**
 * A row is a parent when it is scored and the next row of the same heading is scored and
 * sits deeper (a level-2 line over its level-3 lines, an indented or "其中" sub-item).
 * Conservative: only the immediate next row is looked at.
 */
function markParents(t: IndicatorTable): void {
  const rows = t.rows;
  // The depth of row i + 1, kept for the next step (each row's depth is computed once).
  let nextDepth = -1;
  for (let i = 0; i + 1 < rows.length; i++) {
    const known = nextDepth;
    nextDepth = -1;
    const a = rows[i];
    const b = rows[i + 1];
    if (!(filled(a.row, 'weight') || filled(a.row, 'score')) || !(filled(b.row, 'weight') || filled(b.row, 'score'))) continue;
    if (a.heading.text !== b.heading.text) continue;
    const da = known >= 0 ? known : depth(a.row, a.indent);
    nextDepth = depth(b.row, b.indent);
    if (nextDepth <= da) continue;
    if (da === 2 && b.row.level2 !== '' && b.row.level2 !== a.row.level2) continue;
    a.row.parent = true;
  }
}

/**
 * A heading's weight cell as points: a number (50; a %-formatted 0.5 shown "50%" is 50 points of
 * the 100), or a note ("50分", "（30分）", "权重10", "50%"); null for anything else.
 */
function weightOf(b: Bound | null | undefined): number | null {
  if (!b) return null;
  if (typeof b.value === 'number') {
    if (!Number.isFinite(b.value)) return null;
    return isScalingPercentFormat(b.numberFormat) && Math.abs(b.value) <= 1.5 ? Math.round(b.value * 100 * 1e9) / 1e9 : b.value;
  }
  return weightNote(norm(b.text));
}

/** Groups the table's rows (marking parents on them: the rows are the form's own objects). */
export function groupRows(t: IndicatorTable): { groups: IndicatorGroup[]; indicators: IndicatorRow[] } {
  markParents(t);
  const groups: IndicatorGroup[] = [];
  let cur: IndicatorGroup | null = null;
  let curKey = '';
  for (const { row: r, heading } of t.rows) {
    // Consecutive rows under the same heading text form one group, merged or not.
    const key = norm(heading.text);
    if (!cur || curKey !== key) {
      const cell = heading.cell ?? r.cells.level2 ?? r.cells.level3 ?? Object.values(r.cells).find((b) => b) ?? null;
      if (!cell) continue;
      cur = { name: headingName(heading.text), cell, statedWeight: parseWeightHeading(heading.text) ?? weightOf(heading.weight), rows: [] };
      curKey = key;
      groups.push(cur);
    }
    cur.rows.push(r);
    // A heading line that carries its own weight ("产出指标 | | | 50") states the group's weight.
    if (cur.statedWeight === null && r.parent && r.level2 === '' && r.level3 === '') {
      const w = Number(r.cells.weight?.value);
      if (typeof r.cells.weight?.value === 'number' && Number.isFinite(w)) cur.statedWeight = w;
    }
  }
  return { groups, indicators: t.rows.map((x) => x.row) };
}
