/**
 * Column binding by evidence: a header's words name candidate columns for a field, and each
 * candidate is weighed against what the column holds and the table's arithmetic (scores are
 * numbers no larger than their row's weight, a coefficient column holds percentages, a method
 * column holds prose). The binding with the best total evidence wins; the evidence is kept so a
 * finding (layout-uncertain) and the task pane can show it.
 */
import type { Bound, ColumnEvidence, EvidenceNote, IndicatorColumn } from '../form';
import { isScalingPercentFormat } from '../numfmt';
import type { Grid } from './grid';
import { headerClaim, isFooter, isTotalLabel } from './vocab';
import { isBlank, withoutSpaces } from './text';

/** Rows read down a column to weigh its content (a table rarely has more indicator rows). */
const SAMPLE_ROWS = 80;

/** What a column holds down the table's data rows. */
export interface ColumnContent {
  /** Non-empty own cells. */
  filled: number;
  /** Plain numbers ("10", 10, "10分"). */
  numbers: number;
  /** Percentages: a number in a %-format, or text ending in %. */
  percents: number;
  /** Words of 6 or more Chinese characters without a number at their start: a method, a note. */
  prose: number;
  /** Rows where both this column and the weight column hold numbers. */
  paired: number;
  /** …of which this column's number is above the row's weight. */
  overWeight: number;
  /** …of which it equals the row's weight (full marks). */
  atWeight: number;
  /** …of which every number is at most 1 while weights are larger (fractions, a coefficient). */
  fractions: number;
  /** …of which this column's number is 0. */
  atZero: number;
  /** Sum of the plain numbers (points: %-formatted weights read as points). */
  sum: number;
}

const STRICT_NUMBER = /^[-+]?\d+(?:\.\d+)?(?:分)?$/;
const PROSE = /[\u4e00-\u9fff]{6}/;

/** A cell's number when it holds a plain one (weights in a %-format read as points: 0.3 → 30). */
function plainNumber(b: Bound | null, asPoints: boolean): number | null {
  if (!b || b.value === null) return null;
  if (typeof b.value === 'number') {
    if (!Number.isFinite(b.value)) return null;
    return asPoints && isScalingPercentFormat(b.numberFormat) && Math.abs(b.value) <= 1.5 ? b.value * 100 : b.value;
  }
  const t = withoutSpaces(b.text);
  if (asPoints && /^\d+(?:\.\d+)?%$/.test(t)) return Number(t.slice(0, -1));
  return STRICT_NUMBER.test(t) ? Number(t.replace('分', '')) : null;
}

function isPercent(b: Bound): boolean {
  if (typeof b.value === 'number') return isScalingPercentFormat(b.numberFormat);
  return /%[\s\u3000]*$/.test(b.text) && /\d/.test(b.text);
}

/** The data rows of a table to sample: from its first data row to a 总分 row or footer, at most SAMPLE_ROWS. */
export function sampleRows(g: Grid, dataStart: number, left: number, right: number): number[] {
  const out: number[] = [];
  const last = Math.min(g.bottom, dataStart + SAMPLE_ROWS);
  for (let r = dataStart; r <= last; r++) {
    const first = g.firstRowCell(r, left, right);
    if (first && (isTotalLabel(first.norm) || isFooter(first.norm))) break;
    out.push(r);
  }
  return out;
}

/** What column `col` holds on `rows`, its numbers set against the weight column's when there is one. */
export function columnContent(g: Grid, rows: number[], col: number, weightCol: number | undefined): ColumnContent {
  const c: ColumnContent = { filled: 0, numbers: 0, percents: 0, prose: 0, paired: 0, overWeight: 0, atWeight: 0, fractions: 0, atZero: 0, sum: 0 };
  const weighed = weightCol !== undefined && weightCol !== col;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const b = g.ownBound(r, col);
    if (!b || isBlank(b.text)) continue;
    c.filled++;
    const pct = isPercent(b);
    if (pct) c.percents++;
    const v = plainNumber(b, false);
    const points = plainNumber(b, true);
    if (points !== null) c.sum += points;
    if (v !== null && !pct) c.numbers++;
    else if (v === null && !pct && PROSE.test(b.text) && !/^[\s\u3000]*[≥≤<>=＞＜≧≦\d]/.test(b.text)) c.prose++;
    if (!weighed || v === null || pct) continue;
    const w = plainNumber(g.ownBound(r, weightCol), true);
    if (w === null || w <= 0) continue;
    c.paired++;
    if (v > w + 1e-6) c.overWeight++;
    else if (Math.abs(v - w) <= 1e-6) c.atWeight++;
    if (v <= 1 && w > 1) c.fractions++;
    if (v === 0) c.atZero++;
  }
  return c;
}

/** What the leaf weights of a table add up to: the whole, or the whole less a budget block of 10 or 20. */
const WHOLES = [100, 90, 80];

const note = (code: EvidenceNote['code'], n?: number, of?: number): EvidenceNote => (n === undefined ? { code } : of === undefined ? { code, n } : { code, n, of });

/**
 * Points a column's content gives it as `field`, with the notes saying why. Only the number
 * columns (weight, score) are judged: targets, actuals and names may hold words as well as numbers.
 */
export function contentPoints(field: IndicatorColumn, c: ColumnContent): { points: number; notes: EvidenceNote[] } {
  const notes: EvidenceNote[] = [];
  let points = 0;
  if ((field !== 'score' && field !== 'weight') || c.filled === 0) return { points, notes };
  const most = (n: number) => n * 2 > c.filled;
  if (most(c.prose)) {
    points -= 5;
    notes.push(note('prose', c.prose, c.filled));
  } else if (field === 'score' && most(c.percents)) {
    points -= 5;
    notes.push(note('percent', c.percents, c.filled));
  } else if (most(c.numbers)) {
    points += 2;
    notes.push(note('numbers', c.numbers, c.filled));
  } else if (most(c.filled - c.numbers - c.percents)) {
    points -= 3;
    notes.push(note('text', c.filled - c.numbers - c.percents, c.filled));
  }
  // Weights add up to the whole less the budget's share (100, 90, 80 points).
  if (field === 'weight' && c.numbers + c.percents >= 2 && WHOLES.some((w) => Math.abs(c.sum - w) < 0.01)) {
    points += 1;
    notes.push(note('adds-up', Math.round(c.sum * 100) / 100));
  }
  if (field === 'score' && c.paired >= 2) {
    if (c.overWeight * 2 > c.paired) {
      // Decisive even for a column of numbers: scores above their weights in most rows are no scores.
      points -= 6;
      notes.push(note('over-weight', c.overWeight, c.paired));
    } else if (c.fractions === c.paired && c.atZero < c.paired) {
      // Decisive too: 1, 0.95, 1 … beside weights of 10 and 20 are a coefficient (zeros alone say nothing).
      points -= 6;
      notes.push(note('fractions', c.fractions, c.paired));
    } else if (c.overWeight === 0) {
      points += 1;
      notes.push(note('within-weight', c.paired, c.paired));
    }
  }
  return { points, notes };
}

/** Points a header's words give it as its field: the field's word, a unit note that fits or not. */
export function headerPoints(field: IndicatorColumn, n: string): { points: number; notes: EvidenceNote[] } {
  const claim = headerClaim(n);
  const notes: EvidenceNote[] = [note('words')];
  let points = 3;
  if (claim.unit === '分' && (field === 'score' || field === 'weight')) {
    points += 1;
    notes.push(note('unit-points'));
  } else if (claim.unit === '%' && field === 'score') {
    points -= 2;
    notes.push(note('unit-percent'));
  }
  return { points, notes };
}

/** A content verdict bad enough to drop a binding: the column holds what the field never does. */
export const CONTRADICTION = -4;
/** Candidates whose totals differ by less than this are too close to tell apart. */
export const CLOSE = 1;

export interface Candidate {
  col: number;
  row: number;
  norm: string;
}

/** The evidence for each candidate of `field`, best first (ties: leftmost, the first-match order). */
export function weigh(g: Grid, field: IndicatorColumn, cands: Candidate[], rows: number[], weightCol: number | undefined): ColumnEvidence[] {
  const out: ColumnEvidence[] = cands.map((c) => {
    const h = headerPoints(field, c.norm);
    const content = contentPoints(field, columnContent(g, rows, c.col, field === 'score' ? weightCol : undefined));
    const b = g.bound(c.row, c.col);
    return { field, col: c.col, cell: b?.a1 ?? '', header: b?.text.trim() ?? c.norm, points: h.points + content.points, contentPoints: content.points, notes: [...h.notes, ...content.notes], chosen: false };
  });
  return out.sort((a, b) => b.points - a.points || a.col - b.col);
}

const HAS_DIGIT = /[\d０-９]/;

/**
 * Points for a target or actual candidate from how its values agree in kind with the other side's
 * (numbers with numbers, words with words): targets and actuals state the same kind of value.
 */
export function kindAgreement(g: Grid, rows: number[], col: number, other: number | undefined): { points: number; notes: EvidenceNote[] } {
  if (other === undefined) return { points: 0, notes: [] };
  let paired = 0;
  let same = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const a = g.ownBound(r, col);
    const b = g.ownBound(r, other);
    if (!a || !b || isBlank(a.text) || isBlank(b.text)) continue;
    paired++;
    if (HAS_DIGIT.test(a.text) === HAS_DIGIT.test(b.text)) same++;
  }
  if (paired < 2) return { points: 0, notes: [] };
  if (same * 2 > paired) return { points: 2, notes: [note('same-kind', same, paired)] };
  return { points: -2, notes: [note('other-kind', paired - same, paired)] };
}
