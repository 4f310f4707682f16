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
import { applyToSnapshot } from '../core/applySnapshot';
import { findSheet } from '../core/grid';
import { DEFAULT_SETTINGS, runReview, type ReviewOutcome } from './review';
import { assertStateSheetOurs } from './stateSheet';
import type { AssistantApi, AssistantState, ChangedCell, Settings } from './types';

export interface AssistantOptions {
  lang?: Lang;
  /** File name for reports. */
  file?: string;
  /** A rule-set id or parsed rule-set JSON used instead of the workbook's stored choice (CLI --rules). */
  rules?: string | Record<string, unknown>;
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

function changedCells(journal: JournalEntry[]): ChangedCell[] {
  return journal
    .filter((e) => e.after.value !== undefined)
    .map((e) => ({ sheet: e.sheet, cell: e.cell, label: e.label ?? e.cell, before: e.before.value, after: e.after.value ?? null }));
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

  private stateOf(book: WorkbookSnapshot): StoredState {
    return decodeState(book) ?? emptyState();
  }

  private settingsOf(state: StoredState): Settings {
    return { ...DEFAULT_SETTINGS, ...(state.settings ?? {}) };
  }

  /**
   * Read and review, no write, with what the command line needs beyond the pane's state: the located
   * forms (the report cross-check) and the rule set used (its id in --json), so that `check`, `audit`
   * and the pane resolve settings and rule sets in one place.
   */
  async inspect(): Promise<ReviewOutcome & { settings: Settings }> {
    const book = await this.host.read();
    const settings = this.settingsOf(this.stateOf(book));
    return { ...runReview(book, settings, this.lang, this.options.file, this.options.rules), settings };
  }

  private view(book: WorkbookSnapshot, state: StoredState): AssistantState {
    const settings = this.settingsOf(state);
    const { review } = runReview(book, settings, this.lang, this.options.file, this.options.rules);
    return {
      review,
      changed: changedCells(state.journal),
      marked: state.journal.filter((e) => e.after.fill !== undefined).length,
      settings,
      lang: this.lang,
    };
  }

  /** Writes changes plus the new state in one batch, then shows the workbook as it now is. */
  private async commit(book: WorkbookSnapshot, before: StoredState, after: StoredState, changes: CellChange[]): Promise<AssistantState> {
    const hadState = !!decodeState(book);
    const stateNeeded = hadState || after.journal.length > 0 || after.settings !== undefined;
    const all = stateNeeded ? [...changes, ...encodeState(after, book)] : changes;
    if (changes.length === 0 && JSON.stringify(before) === JSON.stringify(after)) return this.view(book, after);
    assertStateSheetOurs(book, all, this.lang);
    assertWritable(book, all);
    if (all.length) await this.host.apply(all);
    return this.view(applyToSnapshot(book, all), after);
  }

  async check(): Promise<AssistantState> {
    const book = await this.host.read();
    return this.view(book, this.stateOf(book));
  }

  async recompute(): Promise<RecomputeState> {
    const book = await this.host.read();
    const state = this.stateOf(book);
    const settings = this.settingsOf(state);
    const { review, computed } = runReview(book, settings, this.lang, this.options.file, this.options.rules);
    // Marks follow the findings that remain once the computed values are in.
    const values = planRecompute(book, computed, [], state.journal).changes.filter((c) => c.value !== undefined);
    const written = applyToSnapshot(book, values.map(({ fill: _fill, ...c }) => c));
    const remaining = runReview(written, settings, this.lang, this.options.file, this.options.rules).review.findings;
    const plan = planRecompute(book, computed, review.findings, state.journal, remaining);
    // The time stamp moves only when something is written, so an idle recompute writes nothing.
    const at = plan.changes.length ? (this.options.now?.() ?? new Date()).toISOString() : state.at;
    const next: StoredState = { ...state, journal: plan.journal, ...(at ? { at } : {}) };
    const view = await this.commit(book, state, next, plan.changes);
    return { ...view, written: countWritten(plan.changes, plan.journal) };
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
    // Validate before storing: a bad override must not be saved into the workbook.
    runReview(book, settings, this.lang, this.options.file);
    return this.commit(book, state, { ...state, settings }, []);
  }
}

export function createAssistant(host: SpreadsheetHost, options?: AssistantOptions): AssistantApi {
  return new Assistant(host, options);
}
