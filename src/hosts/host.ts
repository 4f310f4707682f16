/**
 * The port every host implements (Excel, WPS, file, memory). Hosts only read a snapshot and apply
 * a list of changes, each in one batch; everything else lives in src/core and src/app.
 */
import type { WorkbookSnapshot } from '../core/snapshot';
import type { CellChange, NameChange } from '../core/edits';

export type HostKind = 'excel' | 'wps' | 'file' | 'memory';

export interface SpreadsheetHost {
  readonly kind: HostKind;
  /**
   * Reads every sheet's used range (values, texts, formulas, number formats, merges, fills,
   * protection, visibility), the very hidden state sheet included, in one round trip.
   */
  read(): Promise<WorkbookSnapshot>;
  /**
   * Applies all changes, in as few round trips as the host allows. Changes addressed to STATE_SHEET
   * create it (very hidden) when missing. Must refuse (HostError "protected") before writing anything
   * when a target sheet is protected. A write that fails part way may leave some changes done (Excel
   * has no rollback): the app then re-reads and repairs the journal (src/app/recover.ts). `names` (optional) define or
   * delete our defined names in the same batch; a host that reports no `names` in its snapshots ignores them.
   */
  apply(changes: CellChange[], names?: NameChange[]): Promise<void>;
  /** Activates the sheet and selects (and scrolls to) the cell. */
  select(sheet: string, cell: string): Promise<void>;
}

export type HostErrorCode =
  | 'protected' // a sheet to write is protected
  | 'cell-edit' // the user is editing a cell
  | 'too-large' // over the documented size limits
  | 'unreadable' // not a workbook, corrupt, truncated
  | 'busy' // another workbook has focus, or the host is busy
  | 'not-supported' // the host lacks an API we need
  | 'name-taken' // a sheet of the clerk's own has the name of our journal sheet
  | 'write-failed' // anything else during a write
  // Excel host (issue 10):
  | 'structure-protected' // the workbook's structure is protected: the journal sheet cannot be added
  | 'undo-not-supported' // Excel refused an operation inside a merged undo group (UndoNotSupported)
  | 'interrupted' // a write stopped part way: what was written is journalled, 撤销重算 restores it
  | 'interrupted-unrecorded'; // a write stopped part way and the journal could not be repaired

export class HostError extends Error {
  constructor(
    readonly code: HostErrorCode,
    message: string,
    readonly sheet?: string,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = 'HostError';
  }
}
