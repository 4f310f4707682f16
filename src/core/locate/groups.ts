/** Groups indicator rows by level-1 heading and marks scored parent rows. */
import type { IndicatorGroup, IndicatorRow } from '../form';
import { parseWeightHeading } from '../parse';
import type { RawIndicator } from './indicators';
import { cleanLabel, norm } from './text';

/** "产出指标\n\n(40分)" → "产出指标". */
export function headingName(text: string): string {
  return cleanLabel(text.replace(/[（(]?\s*\d+(?:\.\d+)?\s*分\s*[)）]?/g, ''));
}

function filled(r: RawIndicator, key: 'weight' | 'score'): boolean {
  const b = r.cells[key];
  return !!b && b.text.trim() !== '';
}

const SUB_ITEM = /^(其中|[(（]\d+[)）]|[①-⑳]|\d+\.\d+)/;

/** How deep a row sits: 1 heading only, 2 level-2 name only, 3 a level-3 name; indentation and sub-numbering go deeper. */
function depth(r: RawIndicator): number {
  if (r.level3 !== '') return 3 + (r.indent > 0 ? 1 : 0) + (SUB_ITEM.test(norm(r.level3)) ? 1 : 0);
  return r.level2 !== '' ? 2 : 1;
}

/**
 * A row is a parent when it is scored and the next row of the same heading is scored and
 * sits deeper (a level-2 line over its level-3 lines, an indented or "其中" sub-item).
 * Conservative: only the immediate next row is looked at.
 */
function markParents(rows: RawIndicator[]): void {
  for (let i = 0; i + 1 < rows.length; i++) {
    const a = rows[i];
    const b = rows[i + 1];
    if (!(filled(a, 'weight') || filled(a, 'score')) || !(filled(b, 'weight') || filled(b, 'score'))) continue;
    if (a.headingText !== b.headingText) continue;
    const da = depth(a);
    if (depth(b) <= da) continue;
    if (da === 2 && b.level2 !== '' && b.level2 !== a.level2) continue;
    a.parent = true;
  }
}

function publicRow(r: RawIndicator): IndicatorRow {
  const out: IndicatorRow = { row: r.row, level1: r.level1, level2: r.level2, level3: r.level3, cells: r.cells };
  if (r.core) out.core = true;
  if (r.parent) out.parent = true;
  return out;
}

export function groupRows(raw: RawIndicator[]): { groups: IndicatorGroup[]; indicators: IndicatorRow[] } {
  markParents(raw);
  const indicators: IndicatorRow[] = [];
  const groups: IndicatorGroup[] = [];
  let cur: (IndicatorGroup & { key: string }) | null = null;
  for (const r of raw) {
    const row = publicRow(r);
    indicators.push(row);
    // Consecutive rows under the same heading text form one group, merged or not.
    const key = norm(r.headingText);
    if (!cur || cur.key !== key) {
      const cell = r.headingCell ?? r.cells.level2 ?? r.cells.level3 ?? Object.values(r.cells).find((b) => b) ?? null;
      if (!cell) continue;
      cur = { key, name: headingName(r.headingText), cell, statedWeight: parseWeightHeading(r.headingText), rows: [] };
      groups.push(cur);
    }
    cur.rows.push(row);
    // A heading line that carries its own weight ("产出指标 | | | 50") states the group's weight.
    if (cur.statedWeight === null && r.parent && r.level2 === '' && r.level3 === '') {
      const w = Number(r.cells.weight?.value);
      if (typeof r.cells.weight?.value === 'number' && Number.isFinite(w)) cur.statedWeight = w;
    }
  }
  return { groups: groups.map(({ name, cell, statedWeight, rows }) => ({ name, cell, statedWeight, rows })), indicators };
}
