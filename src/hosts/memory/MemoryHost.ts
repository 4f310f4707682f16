/**
 * In-memory host for the playground and end-to-end tests: holds the .xlsx bytes, reads them with
 * the file host's reader and writes them with the surgical writer, so a download is exactly what
 * the file host would produce. Listeners (the workbook view) hear about selections and changes.
 */
import type { WorkbookSnapshot } from '../../core/snapshot';
import type { CellChange, NameChange } from '../../core/edits';
import { HostError, type SpreadsheetHost } from '../host';
import { snapshotFromBuffer } from '../file/read';
import { applyChanges } from '../file/patch';

export type Writer = (original: Uint8Array, changes: CellChange[], names?: NameChange[]) => Uint8Array;

export type MemoryHostEvent =
  | { type: 'select'; sheet: string; cell: string }
  | { type: 'change'; snapshot: WorkbookSnapshot };

export type MemoryHostListener = (event: MemoryHostEvent) => void;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Reads bytes into a snapshot, turning any failure into HostError "unreadable". */
async function readBytes(bytes: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  try {
    const snap = await snapshotFromBuffer(bytes, name);
    if (snap.sheets.length === 0) throw new Error('no worksheet');
    return snap;
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('unreadable', `"${name}" is not a readable .xlsx workbook`, undefined, e);
  }
}

export class MemoryHost implements SpreadsheetHost {
  readonly kind = 'memory' as const;
  private current: Uint8Array;
  private snapshot: WorkbookSnapshot;
  private selection: { sheet: string; cell: string } | null = null;
  private readonly listeners = new Set<MemoryHostListener>();

  private constructor(
    bytes: Uint8Array,
    snapshot: WorkbookSnapshot,
    readonly name: string,
    private readonly writer: Writer,
  ) {
    this.current = bytes;
    this.snapshot = snapshot;
  }

  /** Opens a workbook; rejects with HostError "unreadable" when the bytes are not an .xlsx. */
  static async open(bytes: Uint8Array | ArrayBuffer, name: string, writer: Writer = applyChanges): Promise<MemoryHost> {
    const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    return new MemoryHost(data, await readBytes(data, name), name, writer);
  }

  /**
   * A workbook read from another format (.xls, .ods): checked like any other, never written (a
   * write is refused before anything changes, HostError 'not-supported'); `bytes` is empty.
   */
  static readOnly(snapshot: WorkbookSnapshot, name: string): MemoryHost {
    const refuse: Writer = () => {
      throw new HostError('not-supported', `"${name}" is not an .xlsx workbook: save it as .xlsx to recompute it`);
    };
    const host = new MemoryHost(new Uint8Array(0), snapshot, name, refuse);
    host.writable = false;
    return host;
  }

  private writable = true;

  /** True for a workbook this host only reads (see readOnly()). */
  get readOnly(): boolean {
    return !this.writable;
  }

  /** The current .xlsx package. */
  get bytes(): Uint8Array {
    return this.current;
  }

  /** The snapshot of the current bytes, read once per change (the bytes only change through apply). Do not mutate. */
  get lastSnapshot(): WorkbookSnapshot {
    return this.snapshot;
  }

  get selected(): { sheet: string; cell: string } | null {
    return this.selection;
  }

  /** A fresh copy each time, like a real host: callers may keep or change it freely. */
  async read(): Promise<WorkbookSnapshot> {
    return typeof structuredClone === 'function' ? structuredClone(this.snapshot) : JSON.parse(JSON.stringify(this.snapshot));
  }

  async apply(changes: CellChange[], names: NameChange[] = []): Promise<void> {
    if (changes.length === 0 && names.length === 0) return;
    const targets = new Set(changes.map((c) => c.sheet));
    for (const s of this.snapshot.sheets) {
      if (s.protected && targets.has(s.name)) {
        throw new HostError('protected', `Sheet "${s.name}" is protected`, s.name);
      }
    }
    let next: Uint8Array;
    try {
      next = this.writer(this.current, changes, names);
    } catch (e) {
      throw e instanceof HostError ? e : new HostError('write-failed', `Writing the workbook failed: ${messageOf(e)}`, undefined, e);
    }
    let snap: WorkbookSnapshot;
    try {
      snap = await snapshotFromBuffer(next, this.name);
    } catch (e) {
      // Our own output does not read back: a write failure, whatever the reader called it.
      throw new HostError('write-failed', `The written workbook does not read back: ${messageOf(e)}`, undefined, e);
    }
    // Commit only once the new package reads back.
    this.current = next;
    this.snapshot = snap;
    this.emit({ type: 'change', snapshot: snap });
  }

  async select(sheet: string, cell: string): Promise<void> {
    if (!this.snapshot.sheets.some((s) => s.name === sheet)) {
      throw new HostError('not-supported', `No sheet named "${sheet}"`, sheet);
    }
    this.selection = { sheet, cell: cell.replace(/\$/g, '').toUpperCase() };
    this.emit({ type: 'select', ...this.selection });
  }

  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: MemoryHostListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  private emit(event: MemoryHostEvent): void {
    for (const l of [...this.listeners]) {
      try {
        l(event);
      } catch {
        // A broken listener must not break the host.
      }
    }
  }
}
