/**
 * The edit plan of a one-click recompute: which cells get a computed value, which get a mark,
 * and the journal that makes it revertible. Pure: snapshot + review in, changes + journal out.
 */
import type { WorkbookSnapshot, CellValue } from './snapshot';
import { isScalingPercentFormat } from './numfmt';
import type { CellChange } from './edits';
import { CORRECTED_FILL, MARK_FILLS } from './edits';
import type { Finding, Severity } from './types';
import type { CellImage, JournalEntry } from './state';
import { cellByAddress } from './grid';
import { styledValue, visibleFormat } from './visible';
import { mergeMaster } from './merges';

/** A value the review computed for a cell the recompute owns (rate, score, total). */
export interface ComputedCell {
  sheet: string;
  cell: string;
  value: number;
  kind: 'rate' | 'score' | 'total';
  /** For the pane's list of changes. */
  label?: string;
}

export interface RecomputePlan {
  changes: CellChange[];
  journal: JournalEntry[];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };
/** Info findings are not painted: they are not mistakes, and marks must stay meaningful on paper. */
const MARKED: Severity[] = ['error', 'warning'];

const key = (sheet: string, cell: string) => `${sheet}!${cell}`;

function sameValue(a: CellValue, b: CellValue): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9;
  return a === b;
}

/** A fill we can write back: "#RRGGBB" or null (no fill). Anything else (snapshot.ts: 'other') is not. */
export function isRestorableFill(fill: unknown): fill is string | null {
  return fill === null || (typeof fill === 'string' && /^#[0-9A-Fa-f]{6}$/.test(fill));
}

function sameFill(a: string | null | undefined, b: string | null | undefined): boolean {
  return a === b || (typeof a === 'string' && typeof b === 'string' && a.toUpperCase() === b.toUpperCase());
}

/** The fill to write back for a before-image: a colour or null; never a fill we could not read ('other'). */
const restoreFill = (fill: string | null | undefined): string | null => (isRestorableFill(fill) ? fill : null);

/**
 * An earlier journal entry brought up to date with the cell as it is now. What the clerk changed
 * after our write is the clerk's: a value no longer ours (edited, or a formula now), a number format
 * no longer ours, a fill no longer our mark (repainted). We give up our claim on it, and the cell as
 * the clerk left it becomes the `before` image, so a later write journals — and revert restores — the
 * clerk's value or fill instead of the one from before our first write. Fields we do not own follow
 * the cell for the same reason. Null when nothing of the cell is ours any more.
 */
function reconcile(e: JournalEntry, book: WorkbookSnapshot): JournalEntry | null {
  const now = cellByAddress(book, e.sheet, e.cell);
  const before: CellImage = { ...e.before };
  const after = { ...e.after };
  if (after.value !== undefined && (now.formula || !sameValue(now.value, after.value))) delete after.value;
  if (after.numberFormat !== undefined && (after.value === undefined || now.numberFormat !== after.numberFormat)) delete after.numberFormat;
  if (after.fill !== undefined && !sameFill(now.fill, after.fill)) delete after.fill;
  if (after.value === undefined && !sameValue(before.value, now.value)) before.value = now.value;
  if (after.numberFormat === undefined && before.numberFormat !== now.numberFormat) before.numberFormat = now.numberFormat;
  if (after.fill === undefined && before.fill !== now.fill) before.fill = now.fill;
  if (after.value === undefined && after.fill === undefined) return null;
  return { ...e, before, after };
}

/** The strongest severity of the findings on each cell; a finding on a merged area marks its top-left (merges.ts). */
function marksOf(findings: Finding[], book: WorkbookSnapshot): Map<string, { sheet: string; cell: string; severity: Severity }> {
  const marks = new Map<string, { sheet: string; cell: string; severity: Severity }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell || !MARKED.includes(f.severity)) continue;
    const cell = mergeMaster(book, f.sheet, f.cell);
    const k = key(f.sheet, cell);
    const prev = marks.get(k);
    if (!prev || RANK[f.severity] > RANK[prev.severity]) marks.set(k, { sheet: f.sheet, cell, severity: f.severity });
  }
  return marks;
}

/**
 * Plans a recompute over the current snapshot. `previous` is the journal of an earlier recompute
 * still in the workbook: its `before` images are kept (they are the clerk's original cells) for
 * what the cells still show of our writes, what the clerk changed since is the clerk's (see
 * reconcile), and its marks that no longer apply are removed.
 *
 * Marks come in two kinds (edits.ts): a cell holding a value we wrote is marked 已更正 in one calm
 * colour for as long as the journal holds it; a cell with a finding that remains once the values are
 * written (`after`, default `before`) is marked 待处理 by severity, which wins on a cell that has both
 * — an explanation is no longer missing once the score it explained is corrected to full marks. A
 * cell whose fill is not a plain colour (snapshot.ts `fills`: 'other') is never marked.
 */
export function planRecompute(
  book: WorkbookSnapshot,
  computed: ComputedCell[],
  before: Finding[],
  previous: JournalEntry[] = [],
  after: Finding[] = before,
): RecomputePlan {
  const journal = new Map<string, JournalEntry>();
  for (const e of previous) {
    const current = reconcile(e, book);
    if (current) journal.set(key(e.sheet, e.cell), current);
  }
  const changes = new Map<string, CellChange>();
  const entryFor = (sheet: string, cell: string, label?: string): JournalEntry => {
    const k = key(sheet, cell);
    let e = journal.get(k);
    if (!e) {
      const now = cellByAddress(book, sheet, cell);
      e = { sheet, cell, before: { value: now.value, fill: now.fill, numberFormat: now.numberFormat }, after: {} };
      journal.set(k, e);
    }
    if (label && !e.label) e.label = label;
    return e;
  };
  const changeFor = (sheet: string, cell: string): CellChange => {
    const k = key(sheet, cell);
    let c = changes.get(k);
    if (!c) changes.set(k, (c = { sheet, cell }));
    return c;
  };

  for (const c of computed) {
    const now = cellByAddress(book, c.sheet, c.cell);
    // Never overwrite a formula: a formula whose result differs is reported by the checks instead.
    if (now.formula) continue;
    // In the column's own style ("15分" → "14.55分"); never rewriting a cell that already says it.
    const value = c.kind === 'rate' ? (sameValue(now.value, c.value) ? undefined : c.value) : styledValue(now.value, c.value);
    if (value === undefined) continue;
    const e = entryFor(c.sheet, c.cell, c.label);
    const change = changeFor(c.sheet, c.cell);
    change.value = value;
    e.after.value = value;
    // A rate written into a cell without a percent format would read 0.97 instead of 97%; a score of
    // 14.55 in a cell formatted `0` would print 15. Journalled: revert gives the clerk's format back.
    const format = c.kind === 'rate' ? (isScalingPercentFormat(now.numberFormat) ? undefined : '0.00%') : typeof value === 'number' ? visibleFormat(now.numberFormat, value) : undefined;
    if (format !== undefined) {
      change.numberFormat = format;
      e.after.numberFormat = format;
    }
  }

  // 待处理: the findings that remain once the values are written. 已更正: a value we wrote (now or
  // in an earlier recompute, still ours) that no finding remains on: only the calm colour.
  const marks = new Map<string, { sheet: string; cell: string; fill: string }>();
  for (const [k, m] of marksOf(after, book)) marks.set(k, { sheet: m.sheet, cell: m.cell, fill: MARK_FILLS[m.severity] });
  for (const [k, e] of journal) {
    if (e.after.value !== undefined && !marks.has(k)) marks.set(k, { sheet: e.sheet, cell: e.cell, fill: CORRECTED_FILL });
  }
  for (const [k, m] of marks) {
    const fill = m.fill;
    const now = cellByAddress(book, m.sheet, m.cell);
    const ours = journal.get(k)?.after.fill !== undefined;
    // A fill we cannot read exactly (a theme colour, a pattern, a gradient: 'other') could not be put
    // back by revert or clear-marks: such a cell is left unmarked (its finding is still listed).
    if (!ours && !isRestorableFill(now.fill)) continue;
    const e = entryFor(m.sheet, m.cell);
    e.after.fill = fill;
    if (!sameFill(now.fill, fill)) changeFor(m.sheet, m.cell).fill = fill;
  }
  // Marks of an earlier recompute that no longer apply go back to the clerk's fill (reconcile kept
  // only marks the cell still shows).
  for (const [k, e] of journal) {
    if (e.after.fill === undefined || marks.has(k) || e.after.value !== undefined) continue;
    changeFor(e.sheet, e.cell).fill = restoreFill(e.before.fill);
    delete e.after.fill;
    journal.delete(k);
  }
  return { changes: [...changes.values()], journal: [...journal.values()] };
}

export interface RestorePlan {
  changes: CellChange[];
  /** Journal entries kept (for clear-marks: the value writes). */
  journal: JournalEntry[];
  /** Cells the clerk changed since our write: left alone, not overwritten. */
  skipped: JournalEntry[];
}

/**
 * Revert: every journalled cell back to its `before` image — but only where the cell still holds
 * what we wrote, so an edit the clerk made after the recompute is never lost. A value is put back only
 * when the cell also still shows our fill (where we set one): a value alone can match by chance, e.g.
 * a row moved to the recorded address by rows inserted above it, in a host that keeps no defined
 * names (WPS, core/follow.ts), and the clerk's number there must not be overwritten.
 */
export function planRevert(book: WorkbookSnapshot, journal: JournalEntry[]): RestorePlan {
  const changes: CellChange[] = [];
  const skipped: JournalEntry[] = [];
  for (const e of journal) {
    const now = cellByAddress(book, e.sheet, e.cell);
    const change: CellChange = { sheet: e.sheet, cell: e.cell };
    let clerkEdited = false;
    const fillOurs = e.after.fill === undefined || sameFill(now.fill, e.after.fill);
    if (e.after.value !== undefined) {
      if (now.formula || !sameValue(now.value, e.after.value) || !fillOurs) clerkEdited = true;
      else {
        change.value = e.before.value;
        if (e.after.numberFormat !== undefined && e.before.numberFormat !== undefined) change.numberFormat = e.before.numberFormat;
      }
    }
    if (e.after.fill !== undefined) {
      if (sameFill(now.fill, e.after.fill)) change.fill = restoreFill(e.before.fill);
      else clerkEdited = true;
    }
    if (clerkEdited) skipped.push(e);
    if (change.value !== undefined || change.fill !== undefined) changes.push(change);
  }
  return { changes, journal: [], skipped };
}

/** Clear marks: our fills back to the clerk's, computed values kept (and still revertible). */
export function planClearMarks(book: WorkbookSnapshot, journal: JournalEntry[]): RestorePlan {
  const changes: CellChange[] = [];
  const kept: JournalEntry[] = [];
  const skipped: JournalEntry[] = [];
  for (const e of journal) {
    if (e.after.fill !== undefined) {
      const now = cellByAddress(book, e.sheet, e.cell);
      if (sameFill(now.fill, e.after.fill)) changes.push({ sheet: e.sheet, cell: e.cell, fill: restoreFill(e.before.fill) });
      else skipped.push(e);
    }
    if (e.after.value !== undefined) {
      const rest = { ...e, after: { ...e.after } };
      delete rest.after.fill;
      kept.push(rest);
    }
  }
  return { changes, journal: kept, skipped };
}
