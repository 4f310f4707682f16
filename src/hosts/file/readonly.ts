/**
 * The host of a workbook selfeval reads but does not write: an .xls, .xlsb or .ods file. It is
 * checked like an .xlsx; a write is refused before anything happens (HostError 'not-supported'),
 * and the command line and the playground say how to proceed (the add-in in Excel or WPS, or save
 * it as .xlsx).
 */
import type { SpreadsheetHost } from '../host';
import { HostError } from '../host';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { CellChange } from '../../core/edits';
import type { SpreadsheetFormat } from './format';

export class ReadOnlyHost implements SpreadsheetHost {
  readonly kind = 'file' as const;

  constructor(
    private readonly snapshot: WorkbookSnapshot,
    readonly format: SpreadsheetFormat,
    readonly name?: string,
  ) {}

  /** A fresh copy each time, like a real host. */
  async read(): Promise<WorkbookSnapshot> {
    return structuredClone(this.snapshot);
  }

  async apply(changes: CellChange[]): Promise<void> {
    if (!changes.length) return;
    throw new HostError('not-supported', `selfeval writes only .xlsx workbooks; this one is .${this.format}: open it in Excel or WPS and use the add-in, or save it as .xlsx`);
  }

  async select(_sheet: string, _cell: string): Promise<void> {
    // A file has no selection.
  }
}
