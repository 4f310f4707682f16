/** A host over a plain snapshot, counting round trips: for tests of the controller and planner. */
import type { SpreadsheetHost } from '../../src/hosts/host';
import { HostError } from '../../src/hosts/host';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import type { CellChange, NameChange } from '../../src/core/edits';
import { applyToSnapshot } from '../../src/core/applySnapshot';

export class SnapshotHost implements SpreadsheetHost {
  readonly kind = 'memory' as const;
  reads = 0;
  applies = 0;
  selected: { sheet: string; cell: string } | null = null;
  failNextApply = false;

  constructor(public book: WorkbookSnapshot) {}

  async read(): Promise<WorkbookSnapshot> {
    this.reads++;
    return this.book;
  }

  async apply(changes: CellChange[], names: NameChange[] = []): Promise<void> {
    this.applies++;
    if (this.failNextApply) {
      this.failNextApply = false;
      throw new HostError('write-failed', 'simulated failure');
    }
    this.book = applyToSnapshot(this.book, changes);
    // Defined names (core/follow.ts), kept like a file keeps them when the snapshot reports any.
    if (this.book.names && names.length) {
      const kept = this.book.names.filter((n) => !names.some((c) => c.name.toLowerCase() === n.name.toLowerCase()));
      this.book = { ...this.book, names: [...kept, ...names.filter((c) => c.cell !== null)] };
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    this.selected = { sheet, cell };
  }
}
