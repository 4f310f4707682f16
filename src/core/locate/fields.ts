/** Header fields above a form's tables: 单位名称 / 实施单位 / 填报单位 and 项目名称. */
import type { Bound, TotalRow } from '../form';
import type { Grid } from './grid';
import { cleanLabel, withoutSpaces } from './text';
import { fieldOf, isTotalLabel } from './vocab';

export interface TextField {
  text: string;
  cell: Bound;
}

/** Which label wins when several name the unit: the implementing unit over the reporting one. */
function unitRank(n: string): number {
  if (/实施单位|项目(承担)?单位|承担单位/.test(n)) return 0;
  if (/单位名称|部门\(单位\)|部门名称|预算单位|预算部门|单位\((盖章|公章|签章)\)/.test(n)) return 1;
  // The parent department names the unit only when nothing else does.
  return /主管部门/.test(n) ? 3 : 2;
}

/** The value of a label cell: written after its colon, else the next text cell to the right. */
function valueOf(g: Grid, row: number, col: number, right: number): TextField | null {
  const b = g.bound(row, col);
  if (!b) return null;
  const m = /[:：]([\s\S]*)$/.exec(b.text);
  // "填报单位：某某乡   填报日期：…": the value ends at a wide gap or the next "标签：".
  const written = m ? cleanLabel(m[1].split(/[ \t\u3000]{2,}|\n/).filter((x) => x.trim() !== '')[0] ?? '').replace(/[\u4e00-\u9fff]{2,6}[:：].*$/, '') : '';
  if (written !== '') return { text: written, cell: b };
  for (const c of g.rowCells(row, g.spanRight(row, col) + 1, right)) {
    if (fieldOf(c.norm)) return null;
    const v = g.bound(row, c.col);
    if (v) return { text: cleanLabel(v.text), cell: v };
  }
  return null;
}

/** Units of measure a "单位：" line may state (money, counts, sizes): never a unit's name. */
const MEASURE = '(?:人民币)?[十百千万亿]*元|人|人次|个|户|次|项|件|台|套|辆|吨|千克|公斤|公里|千米|米|平方米|立方米|亩|公顷|天|日|月|年|家|所|名|座|处|份|册|张|%';
const MEASURE_ONLY_RE = new RegExp(`^[(（]?(?:${MEASURE})(?:[、,，/／;；和及](?:${MEASURE}))*[)）]?$`);

/** A field value that only names a unit of measure ("单位：万元", "单位：元、人"): no unit's name. */
export function isMeasureUnit(text: string): boolean {
  return MEASURE_ONLY_RE.test(withoutSpaces(text));
}

export function readFields(g: Grid, top: number, bottom: number, left: number, right: number): { unit: TextField | null; project: TextField | null } {
  let unit: TextField | null = null;
  let rank = Infinity;
  let project: TextField | null = null;
  for (let r = Math.max(top, g.top); r <= Math.min(bottom, g.bottom); r++) {
    for (const c of g.rowCells(r, left, right)) {
      const kind = fieldOf(c.norm);
      if (!kind) continue;
      if (kind === 'project') {
        project ??= valueOf(g, r, c.col, right);
      } else if (unitRank(c.norm) < rank) {
        const v = valueOf(g, r, c.col, right);
        if (v && !isMeasureUnit(v.text)) {
          unit = v;
          rank = unitRank(c.norm);
        }
      }
    }
  }
  return { unit, project };
}

/**
 * A total stated above the form's tables ("总分：| 99.3" on the date line, "自评总分（分）| 98.45"
 * among the header fields), for a table with no 总分 row: the label and the number right of it.
 */
export function readStatedTotal(g: Grid, top: number, bottom: number, left: number, right: number): TotalRow | null {
  for (let r = Math.max(top, g.top); r <= Math.min(bottom, g.bottom); r++) {
    const cells = g.rowCells(r, left, right);
    for (let k = 0; k < cells.length - 1; k++) {
      if (!isTotalLabel(cells[k].norm) || !/^(总分|自评总分|总得分)/.test(cells[k].norm)) continue;
      const next = cells[k + 1];
      if (next.col !== g.spanRight(r, cells[k].col) + 1 || !g.isNumber(r, next.col)) continue;
      const label = g.bound(r, cells[k].col);
      if (label) return { labelCell: label, weight: null, score: g.bound(r, next.col), grade: null };
    }
  }
  return null;
}
