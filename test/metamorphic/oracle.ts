/**
 * The metamorphic oracle: a perturbed form must give the same findings (code, severity, expected,
 * found, and the cell moved to its new address) and the same computed values (rates, scores,
 * totals, grades) as the form it came from. Messages are not compared: they may quote addresses.
 */
import { gunzipSync } from 'zlib';
import { readFileSync } from 'fs';
import { join } from 'path';
import { parseRange } from '../../src/core/address';
import { reviewWorkbook } from '../../src/core/review';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import type { FileReview, FormReview } from '../../src/core/types';
import type { ComputedCell } from '../../src/core/review';
import { Grid } from './grid';
import { layoutOf, type FormLayout } from './layout';
import { applyStep, familyOf, type Step } from './perturb';

export interface Base {
  id: string;
  book: WorkbookSnapshot;
  review: FileReview;
  computed: ComputedCell[];
  /** The self-evaluation forms with scored indicators, with where their parts are. */
  targets: { form: FormReview; layout: FormLayout }[];
}

/** One perturbed form: which workbook, which of its forms, and the steps, in order. */
export interface Variant {
  base: string;
  form: number;
  steps: Step[];
}

export function loadCorpus(): Base[] {
  const raw = JSON.parse(gunzipSync(readFileSync(join(__dirname, 'corpus.json.gz'))).toString('utf8')) as { id: string; book: WorkbookSnapshot }[];
  return raw.map(({ id, book }) => {
    const { fileReview, details } = reviewWorkbook(book);
    const targets = fileReview.forms
      .filter((f) => f.kind === 'self-evaluation' && (f.indicators ?? []).some((i) => i.score.cell))
      .map((form) => ({ form, layout: layoutOf(new Grid(book.sheets.find((s) => s.name === form.sheet)!), form)! }))
      .filter((t) => t.layout);
    for (const t of targets) {
      const r = t.layout.range;
      t.layout.besideAnother = fileReview.forms.some((f) => {
        const o = f !== t.form && f.sheet === t.form.sheet ? parseRange(f.range) : null;
        return !!o && o.top <= r.bottom && o.bottom >= r.top;
      });
    }
    return { id, book, review: fileReview, computed: details.computedCells, targets };
  });
}

export interface Outcome {
  /** Steps that applied to this form (the others did not fit it and changed nothing). */
  applied: string[];
  /** Differences from the unperturbed review; empty when the oracle holds. */
  diffs: string[];
}

const ONCE = new Set(['split-header', 'move-funds', 'drop-level2']);

const num = (v: number | null | undefined) => (v === null || v === undefined ? '-' : String(Math.round(v * 1e6) / 1e6));

export function runVariant(bases: Map<string, Base>, v: Variant): Outcome {
  const base = bases.get(v.base);
  if (!base || !base.targets.length) return { applied: [], diffs: [] };
  const { form, layout } = base.targets[v.form % base.targets.length];
  const sheet = base.book.sheets.find((s) => s.name === form.sheet)!;
  const grid = new Grid(sheet);
  const applied: string[] = [];
  const done = new Set<string>();
  for (const step of v.steps) {
    // A header is split once, a block moved once, a column dropped once: the layout is read before any step.
    if (ONCE.has(step.kind) && done.has(step.kind)) continue;
    if (applyStep(grid, layout, step, (form.indicators ?? []).filter((i) => i.score.cell))) {
      applied.push(familyOf(step));
      done.add(step.kind);
    }
  }
  if (!applied.length) return { applied, diffs: [] };
  const book: WorkbookSnapshot = { ...base.book, sheets: base.book.sheets.map((s) => (s === sheet ? grid.toSheet() : s)) };
  const moved = grid.origins();
  const after = reviewWorkbook(book);
  const at = (s: string | null, cell: string | null) => (s === form.sheet && cell ? moved.get(cell) ?? `?${cell}` : cell ?? '');
  return { applied, diffs: compare(base, after.fileReview, after.details.computedCells, at) };
}

type MapCell = (sheet: string | null, cell: string | null) => string;

function findingKeys(r: FileReview, at: MapCell | null): string[] {
  return r.findings.map((f) => `${f.sheet}!${at ? at(f.sheet, f.cell) : f.cell ?? ''} ${f.code} ${f.severity} ${num(f.expected)} ${num(f.found)}`);
}

function formKey(f: FormReview, at: MapCell | null): string {
  const c = (cell: string | null) => (at ? at(f.sheet, cell) : cell ?? '');
  const b = f.budget;
  const budget = b ? `budget ${num(b.budgeted)} ${num(b.executed)} ${num(b.weight)} rate ${c(b.rate.cell)}=${num(b.rate.computed)} score ${c(b.score.cell)}=${num(b.score.computed)}` : 'no budget';
  const rows = (f.indicators ?? []).map((i) => `${c(i.score.cell)}:${num(i.weight)}/${num(i.score.stated)}/${num(i.score.computed)}/${i.kind}${i.parent ? 'P' : ''}${i.notApplicable ? 'NA' : ''}`);
  return `${f.sheet} ${f.kind} ${budget} | ${rows.join(' ')} | total ${c(f.total?.cell ?? null)}=${num(f.total?.stated)}/${num(f.total?.computed)} ${f.grade ?? ''}`;
}

/** Multiset difference, both ways; an address that did not survive the edit ("?B7") matches any. */
function diff(before: string[], after: string[], what: string): string[] {
  const left = [...after];
  const missing: string[] = [];
  for (const k of before) {
    const i = left.indexOf(k);
    if (i >= 0) left.splice(i, 1);
    else missing.push(k);
  }
  const unmatched = missing.filter((k) => {
    if (!/!\?/.test(k)) return true;
    const rest = k.replace(/!\?\S*/, '!');
    const i = left.findIndex((x) => x.replace(/!\S*/, '!') === rest);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
  return [...unmatched.map((k) => `${what} lost: ${k}`), ...left.map((k) => `${what} new: ${k}`)];
}

function compare(base: Base, after: FileReview, computed: ComputedCell[], at: MapCell): string[] {
  const cells = (list: ComputedCell[], m: MapCell | null) => list.map((x) => `${x.sheet}!${m ? m(x.sheet, x.cell) : x.cell} ${x.kind} ${num(x.value)}`);
  return [
    ...diff(findingKeys(base.review, at), findingKeys(after, null), 'finding'),
    ...diff(cells(base.computed, at), cells(computed, null), 'computed'),
    ...diff(base.review.forms.map((f) => formKey(f, at)), after.forms.map((f) => formKey(f, null)), 'form'),
  ];
}
