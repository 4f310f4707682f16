/** What the task pane, the ribbon commands and the CLI see of a workbook session. */
import type { CellValue } from '../core/snapshot';
import type { FileReview, Finding, Lang } from '../core/types';
import type { TemplateProfile } from '../core/profile';

/** Settings kept inside the workbook (state sheet) so a whole office scores alike. */
export interface Settings {
  /** Rule set id ("mof-2020") … */
  rules: string;
  /** … and overrides of its values (thresholds, reverse formula…), as in a rule-set JSON file. */
  overrides?: Record<string, unknown>;
  /** The clerk's column map for the forms the locator misread (a template profile, src/core/profile.ts). */
  template?: TemplateProfile;
}

/** One cell the last recompute changed, for the pane's list (old → new) and for revert. */
export interface ChangedCell {
  sheet: string;
  cell: string;
  /** What the cell is, for the list: "H14 解决问题到位率 得分". */
  label: string;
  before: CellValue;
  after: CellValue;
  /** The values as the cell shows them, through its number format ("100.00%", "14.55分"). */
  beforeText?: string;
  afterText?: string;
}

export interface AssistantState {
  review: FileReview;
  /** Cells changed by the recompute that the workbook's journal can revert (empty when none). */
  changed: ChangedCell[];
  /** Number of cells carrying our marks. */
  marked: number;
  settings: Settings;
  lang: Lang;
}

/** The operations the UI calls. Each reads the workbook once and writes at most once. */
export interface AssistantApi {
  /** Read and review, no write. */
  check(): Promise<AssistantState>;
  /** Write computed values and marks (one click), journal what changed. */
  recompute(): Promise<AssistantState>;
  /** Restore every cell the journal says we changed (values and fills), then forget the journal. */
  revert(): Promise<AssistantState>;
  /** Remove our fills (restoring the previous ones), keep computed values. */
  clearMarks(): Promise<AssistantState>;
  /** Select the cell a finding points at. */
  reveal(finding: Pick<Finding, 'sheet' | 'cell'>): Promise<void>;
  /** Store settings in the workbook and re-check with them. */
  saveSettings(settings: Settings): Promise<AssistantState>;
}
