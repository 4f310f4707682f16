/**
 * SpreadsheetHost over .xlsx bytes held in memory (no Node APIs: the CLI, the tests and the browser
 * playground all use it). read() parses once per call; apply() patches the bytes surgically.
 */
import type { SpreadsheetHost } from '../host';
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { CellChange, NameChange } from '../../core/edits';
import { inspectWorkbook } from './inspect';
import { applyChanges } from './patch';
import { snapshotFromBuffer } from './read';

export class FileHost implements SpreadsheetHost {
  readonly kind = 'file' as const;
  private data: Uint8Array;

  /** Checks the bytes against the documented limits right away (throws HostError). */
  constructor(bytes: Uint8Array, readonly name?: string) {
    inspectWorkbook(bytes, true); // keeps the inflated parts for the first read()
    this.data = bytes;
  }

  async read(): Promise<WorkbookSnapshot> {
    return snapshotFromBuffer(this.data, this.name);
  }

  /** All or nothing: on any error the held bytes stay as they were. */
  async apply(changes: CellChange[], names: NameChange[] = []): Promise<void> {
    this.data = applyChanges(this.data, changes, names);
  }

  async select(_sheet: string, _cell: string): Promise<void> {
    // A file has no selection.
  }

  /** The workbook's current bytes (the original ones until apply() changed something). */
  bytes(): Uint8Array {
    return this.data;
  }
}
