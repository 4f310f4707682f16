/**
 * The controller behind the task pane, the ribbon commands and `selfeval fill`: every operation
 * reads the workbook once, plans in the pure core, and writes at most once.
 */
import type { SpreadsheetHost } from '../hosts/host';
import { HostError } from '../hosts/host';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { CellChange } from '../core/edits';
import type { Finding, Lang } from '../core/types';
import { decodeState, encodeState, emptyState, isStateSheetName } from '../core/state';
import type { JournalEntry, StoredState } from '../core/state';
import { planClearMarks, planRecompute, planRevert } from '../core/plan';
import { applyAndRecalculate } from '../core/recalc';
import { formatNumber } from '../core/numfmt';
import { findSheet } from '../core/grid';
import { runReview, storedSettings, type ReviewOutcome } from './review';
import { validateProfile, ProfileError, type TemplateProfile } from '../core/profile';
import { assertStateSheetOurs } from './stateSheet';
import { recoverFailedWrite } from './recover';
import { nameJournal, relocate } from '../core/follow';
import type { AssistantApi, AssistantState, ChangedCell, Settings } from './types';
import type { ComputedCell } from '../core/plan';

export interface AssistantOptions {
  lang?: Lang;
  /** File name for reports. */
  file?: string;
  /** A rule-set id or parsed rule-set JSON used instead of the workbook's stored choice (CLI --rules). */
  rules?: string | Record<string, unknown>;
  /** A template profile used instead of the workbook's stored column map (CLI --template). */
  template?: TemplateProfile;
  /** Clock for the journal's time stamp (tests). */
  now?: () => Date;
}

/** What one recompute wrote (the counts of `selfeval fill`'s message), as opposed to the journal's totals. */
export interface RecomputeCounts {
  /** Cells given a computed value. */
  values: number;
  /** Cells painted with a mark. */
  marks: number;
  /** Marks of an earlier recompute taken off (their finding is gone). */
  unmarked: number;
}

export interface RecomputeState extends AssistantState {
  written: RecomputeCounts;
}

function countWritten(changes: CellChange[], journal: JournalEntry[]): RecomputeCounts {
  const marked = new Map(journal.map((e) => [`${e.sheet}!${e.cell}`, e.after.fill]));
  const n: RecomputeCounts = { values: 0, marks: 0, unmarked: 0 };
  for (const c of changes) {
    if (c.value !== undefined) n.values++;
    if (c.fill === undefined) continue;
    if (c.fill !== null && marked.get(`${c.sheet}!${c.cell}`) === c.fill) n.marks++;
    else n.unmarked++;
  }
  return n;
}

/** A value as a cell with that number format shows it (the changed list says "100.00% → 97.00%", not "1 → 0.97"). */
const shownAs = (v: ChangedCell['before'], format: string | undefined): string => (typeof v === 'number' ? formatNumber(v, format ?? 'General') : v === null ? '' : String(v));

function changedCells(journal: JournalEntry[]): ChangedCell[] {
  return journal
    .filter((e) => e.after.value !== undefined)
    .map((e) => {
      const after = e.after.value ?? null;
      return {
        sheet: e.sheet,
        cell: e.cell,
        label: e.label ?? e.cell,
        before: e.before.value,
        after,
        beforeText: shownAs(e.before.value, e.before.numberFormat),
        afterText: shownAs(after, e.after.numberFormat ?? e.before.numberFormat),
      };
    });
}

/** Refuses before anything is written when a sheet to change is protected. */
function assertWritable(book: WorkbookSnapshot, changes: CellChange[]): void {
  for (const name of new Set(changes.map((c) => c.sheet))) {
    if (isStateSheetName(name)) continue;
    if (findSheet(book, name)?.protected) {
      throw new HostError('protected', `Sheet "${name}" is protected; nothing was written.`, name);
    }
  }
}

export class Assistant implements AssistantApi {
  private readonly lang: Lang;

  constructor(
    private readonly host: SpreadsheetHost,
    private readonly options: AssistantOptions = {},
  ) {
    this.lang = options.lang ?? 'zh-CN';
  }

  /** The stored state, its entries moved to where their defined names now point (rows inserted above them). */
  private stateOf(book: WorkbookSnapshot): StoredState {
    const state = decodeState(book) ?? emptyState();
    return book.names ? { ...state, journal: relocate(state.journal, book) } : state;
  }

  private settingsOf(state: StoredState): Settings {
    return storedSettings(state.settings as Partial<Settings> | undefined);
  }

  /**
   * Read and review, no write, with what the command line needs beyond the pane's state: the located
   * forms (the report cross-check) and the rule set used (its id in --json), so that `check`, `audit`
   * and the pane resolve settings and rule sets in one place.
   */
  async inspect(): Promise<ReviewOutcome & { settings: Settings }> {
    const book = await this.host.read();
    const settings = this.settingsOf(this.stateOf(book));
    return { ...runReview(book, settings, this.lang, this.options.file, this.options.rules, this.options.template), settings };
  }

  private view(book: WorkbookSnapshot, state: StoredState): AssistantState {
    const settings = this.settingsOf(state);
    const { review } = runReview(book, settings, this.lang, this.options.file, this.options.rules, this.options.template);
    return {
      review,
      changed: changedCells(state.journal),
      marked: state.journal.filter((e) => e.after.fill !== undefined).length,
      settings,
      lang: this.lang,
    };
  }

  /**
   * Writes changes plus the new state in one batch, then shows the workbook as it now is. `book` is the
   * workbook as read: the formulas the changes make stale (and those without a cached result) get their
   * new results in the same batch, for hosts that do not recalculate (file, memory).
   */
  private async commit(book: WorkbookSnapshot, before: StoredState, planned: StoredState, changes: CellChange[]): Promise<AssistantState> {
    // Every entry keyed to a defined name on its cell as well (core/follow.ts), where the host keeps names.
    const { journal, names } = nameJournal(planned.journal, book);
    const after: StoredState = { ...planned, journal };
    const hadState = !!decodeState(book);
    const stateNeeded = hadState || after.journal.length > 0 || after.settings !== undefined;
    const all = stateNeeded ? [...changes, ...encodeState(after, book)] : changes;
    if (changes.length === 0 && names.length === 0 && JSON.stringify(before) === JSON.stringify(after)) return this.view(calculated(book), after);
    assertStateSheetOurs(book, all, this.lang);
    assertWritable(book, all);
    const next = applyAndRecalculate(book, all);
    // A protected sheet is never written, not even a formula's cached result (Excel recalculates it on open).
    const results = next.results.filter((r) => !findSheet(book, r.sheet)?.protected);
    if (all.length) {
      try {
        await this.host.apply([...all, ...results], names);
      } catch (e) {
        await recoverFailedWrite(this.host, e, book, all, before, after); // re-reads, repairs the journal, throws
      }
    }
    return this.view(next.book, after);
  }

  async check(): Promise<AssistantState> {
    const book = await this.host.read();
    return this.view(calculated(book), this.stateOf(book));
  }

  async recompute(): Promise<RecomputeState> {
    const read = await this.host.read();
    const book = calculated(read);
    const state = this.stateOf(book);
    const settings = this.settingsOf(state);
    const { review, computed } = runReview(book, settings, this.lang, this.options.file, this.options.rules, this.options.template);
    const { remaining, trusted } = this.trustedWrites(book, computed, state.journal, settings);
    const plan = planRecompute(book, trusted, review.findings, state.journal, remaining);
    // The time stamp moves only when something is written, so an idle recompute writes nothing.
    const at = plan.changes.length ? (this.options.now?.() ?? new Date()).toISOString() : state.at;
    const next: StoredState = { ...state, journal: plan.journal, ...(at ? { at } : {}) };
    const view = await this.commit(read, state, next, plan.changes);
    return { ...view, written: countWritten(plan.changes, plan.journal) };
  }

  /**
   * Never write what the review doubts: the computed values are written in thought, formulas
   * recalculated, the workbook reviewed again, and a value whose own cell would then carry a finding
   * is not written (nor, next round, one that only stood with it). Ends when no written cell is
   * flagged: each round drops at least one cell. Returns the findings that remain once the trusted
   * values are in (the marks follow them).
   */
  private trustedWrites(book: WorkbookSnapshot, computed: ComputedCell[], journal: JournalEntry[], settings: Settings): { trusted: ComputedCell[]; remaining: Finding[] } {
    let trusted = computed;
    for (;;) {
      const values = planRecompute(book, trusted, [], journal).changes.filter((c) => c.value !== undefined);
      const written = applyAndRecalculate(book, values.map(({ fill: _fill, ...c }) => c)).book;
      const remaining = runReview(written, settings, this.lang, this.options.file, this.options.rules, this.options.template).review.findings;
      const flagged = new Set(remaining.filter((f) => f.sheet && f.cell).map((f) => `${f.sheet}!${f.cell}`));
      const doubted = new Set(values.filter((c) => flagged.has(`${c.sheet}!${c.cell}`)).map((c) => `${c.sheet}!${c.cell}`));
      if (!doubted.size) return { trusted, remaining };
      trusted = trusted.filter((c) => !doubted.has(`${c.sheet}!${c.cell}`));
    }
  }

  async revert(): Promise<AssistantState> {
    const book = await this.host.read();
    const state = this.stateOf(book);
    const plan = planRevert(book, state.journal);
    return this.commit(book, state, { ...state, journal: plan.journal }, plan.changes);
  }

  async clearMarks(): Promise<AssistantState> {
    const book = await this.host.read();
    const state = this.stateOf(book);
    const plan = planClearMarks(book, state.journal);
    return this.commit(book, state, { ...state, journal: plan.journal }, plan.changes);
  }

  async reveal(finding: Pick<Finding, 'sheet' | 'cell'>): Promise<void> {
    if (finding.sheet && finding.cell) await this.host.select(finding.sheet, finding.cell);
  }

  async saveSettings(settings: Settings): Promise<AssistantState> {
    const book = await this.host.read();
    const state = this.stateOf(book);
    // Validate before storing: a bad override or column map must not be saved into the workbook.
    const next = { ...settings };
    if (next.template !== undefined) {
      const checked = validateProfile(next.template, this.lang);
      if (!checked.ok) throw new ProfileError(checked.problems);
      // An empty map is no map: the state keeps no trace of a reset.
      if (checked.profile.forms.length === 0 && checked.profile.name === undefined) delete next.template;
      else next.template = checked.profile;
    }
    runReview(book, next, this.lang, this.options.file);
    return this.commit(book, state, { ...state, settings: next }, []);
  }
}

/** The workbook as a spreadsheet shows it: formulas without a cached result calculated. */
function calculated(book: WorkbookSnapshot): WorkbookSnapshot {
  return applyAndRecalculate(book, []).book;
}

export function createAssistant(host: SpreadsheetHost, options?: AssistantOptions): AssistantApi {
  return new Assistant(host, options);
}
