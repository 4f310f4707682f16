/**
 * The test's handle on the fake ET Application (`app.fake`): call counter, failure injection, edit
 * mode, switches log, undo recorder, events, PluginStorage and task panes. Reading `app.fake` is not
 * an object-model call and is not counted.
 */
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { parseA1 } from '../../../src/core/address';
import type { WpsListener } from '../../../src/hosts/wps/types';
import { blankCell, key, sheetSnapshot, type FakeBookState, type FakeCell, type FakeSheetState } from './model';

/** 'first': a hypothetical bridge that gives the first cell's value for a whole range. */
export type ShapeMode = 'array2d' | 'array1d' | 'item' | 'vbarray' | 'first';

export interface FakeWpsOptions {
  /** Shape of multi-cell Value2/Formula reads (7.4 5; notes §2.3). Default 'array2d'. */
  shape?: ShapeMode;
  /** false: assigning an array to Value2 throws (WPS for Mac, per a field report: notes §2.3). */
  arrayWrites?: boolean;
  /**
   * Formats, fills and merges of a multi-area range ("A1,C3"): read over and written to every area
   * (VBA's Format Cells semantics, default) or, on a hypothetical build, the first area only. Not
   * documented for WPS: the host tests the bridge before relying on it.
   */
  multiArea?: 'all' | 'first';
  /**
   * Mixed NumberFormat / Interior / MergeCells / HasFormula / Text over several cells: null (VBA,
   * default) or, on a hypothetical build, the first cell's value. Not documented for WPS (notes §2.4).
   */
  mixedReads?: 'null' | 'first';
  /** Multi-cell Text: one text when uniform else null (VBA, default) or a 2-D array. */
  text?: 'uniformOrNull' | 'array2d';
  /** Error cells in Value2: COM CVErr integers (default) or their text (7.4 5). */
  errors?: 'cverr' | 'text';
  /** false: no Application.DebugTools (builds without it, notes §4; 7.4 17). */
  debugTools?: boolean;
  /** false: Application.ActiveWorkbook is null (no workbook open). */
  workbook?: boolean;
  /** Busy-wait this long per call, to make chatty code visible (7.4 18). */
  latencyMs?: number;
  /** Backing store of PluginStorage, e.g. window.localStorage to share it between pages (7.4 14). */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'clear' | 'key' | 'length'>;
  /** What PluginStorage.getItem gives for a missing key: null (default) or "" (typed `string`; 7.4 14). */
  storageMissing?: null | '';
}

export interface UndoStep {
  description: string;
  /** Cells as they were before the step, by sheet state and "row,col" (undefined: blank). */
  before: { sheet: FakeSheetState; key: string; cell: FakeCell | undefined }[];
}

export interface PaneRecord {
  ID: number;
  url: string;
  title?: string;
  visible: boolean;
  dock: number;
  width: number;
  deleted: boolean;
}

interface Failure {
  /** Matching calls still to pass before this one fails. */
  before: number;
  /** Only calls whose member name starts with this ("Range.", "Interior.Color") count and fail. */
  only?: string;
  times: number;
  writesOnly: boolean;
  message: string;
}

export class FakeWpsControl {
  /** Every property read, property write and method call (7.4 18). */
  calls = 0;
  /** Calls that change the workbook or the application's state. */
  writes = 0;
  readonly byMember = new Map<string, number>();
  /** The member of every write, in order. */
  readonly writeLog: string[] = [];
  /** The user is typing in a cell: writes throw, Ready stays true (notes fact 17; 7.4 10). */
  editMode = false;
  readonly switches = { ScreenUpdating: true, EnableEvents: true, DisplayAlerts: true, Calculation: -4105, EditDirectlyInCell: true };
  /** Every switch assignment, in order (7.4 13). */
  readonly switchLog: { name: string; value: unknown }[] = [];
  /** UndoTransBegin/End calls in order (7.4 17). */
  readonly undoLog: { op: 'begin' | 'end'; description?: string; cancel?: boolean }[] = [];
  /** Undo steps: one per write outside a transaction, one per transaction. */
  readonly undoSteps: UndoStep[] = [];
  undoDepth = 0;
  readonly listeners = new Map<string, WpsListener[]>();
  /** Application.ApiEvent.Cancel (notes §3). */
  apiCancel = false;
  /** Events fired by the fake itself (SheetChange…), with the name only. */
  readonly fired: string[] = [];
  /** Sheet deletions made while DisplayAlerts was on: WPS would have shown a modal dialog. */
  modalPrompts = 0;
  printed = 0;
  readonly panes: PaneRecord[] = [];
  readonly storage: Map<string, string | number | boolean>;
  private failures: Failure[] = [];

  constructor(
    public book: FakeBookState,
    readonly options: FakeWpsOptions,
  ) {
    this.storage = new Map();
  }

  /** Counts one call; throws an injected failure, or an edit-mode refusal for a write. */
  tick(member: string, write = false): void {
    this.calls++;
    if (write) this.writes++;
    this.byMember.set(member, (this.byMember.get(member) ?? 0) + 1);
    const latency = this.options.latencyMs ?? 0;
    if (latency > 0) {
      const end = Date.now() + latency;
      while (Date.now() < end) {
        // busy-wait: the real bridge blocks the thread too
      }
    }
    if (write) this.writeLog.push(member);
    let f: Failure | undefined;
    for (const x of this.failures) {
      if (x.times <= 0 || (x.writesOnly && !write) || (x.only && !member.startsWith(x.only))) continue;
      if (--x.before <= 0) f ??= x;
    }
    if (f) {
      f.times--;
      throw new Error(`${f.message} (${member})`);
    }
    if (write && this.editMode) throw new Error(`ET is in cell edit mode: ${member} refused`);
  }

  /**
   * Makes the n-th call from now (or the n-th write, with writesOnly) throw, and the `times - 1`
   * matching calls after it (Infinity: every one until clearFailures()); `only` restricts both the
   * count and the failures to members whose name starts with it.
   */
  failAt(n: number, opts: { times?: number; writesOnly?: boolean; only?: string; message?: string } = {}): void {
    this.failures.push({ before: n, only: opts.only, times: opts.times ?? 1, writesOnly: opts.writesOnly ?? false, message: opts.message ?? 'injected failure' });
  }

  clearFailures(): void {
    this.failures = [];
  }

  resetCounts(): void {
    this.calls = 0;
    this.writes = 0;
    this.byMember.clear();
    this.writeLog.length = 0;
  }

  setSwitch(name: keyof FakeWpsControl['switches'], value: never): void {
    this.switchLog.push({ name, value });
    (this.switches as Record<string, unknown>)[name] = value;
  }

  /**
   * Records the images of cells about to be written: into the open transaction's step, or a step of
   * their own (one per write outside a transaction, as WPS keeps JS writes on its undo stack: notes §4).
   */
  record(sheet: FakeSheetState, keys: Iterable<string>, member: string): void {
    if (this.undoDepth === 0 || this.undoSteps.length === 0) this.undoSteps.push({ description: member, before: [] });
    const step = this.undoSteps[this.undoSteps.length - 1];
    const seen = new Set(step.before.filter((b) => b.sheet === sheet).map((b) => b.key));
    for (const k of keys) {
      if (seen.has(k)) continue;
      seen.add(k);
      const cell = sheet.cells.get(k);
      step.before.push({ sheet, key: k, cell: cell ? { ...cell } : undefined });
    }
  }

  /** Application.Undo(): restores the last step's cells. */
  undo(): void {
    let step = this.undoSteps.pop();
    while (step && step.before.length === 0) step = this.undoSteps.pop();
    if (!step) return;
    for (const b of [...step.before].reverse()) {
      if (b.cell) b.sheet.cells.set(b.key, { ...b.cell });
      else b.sheet.cells.delete(b.key);
    }
  }

  /** Undo steps that hold at least one cell. */
  get undoCount(): number {
    return this.undoSteps.filter((s) => s.before.length > 0).length;
  }

  /**
   * Fires an ET event (notes §3; 7.4 16): listeners get `args` plus a `{ Value: false }` cancel object;
   * a string listener is the dotted name of a global function. Returns true when a listener cancelled,
   * through the cancel object or Application.ApiEvent.Cancel.
   */
  fire(event: string, ...args: unknown[]): boolean {
    const cancel = { Value: false };
    this.apiCancel = false;
    for (const l of [...(this.listeners.get(event) ?? [])]) {
      const fn = typeof l === 'function' ? l : resolveGlobal(l);
      if (typeof fn !== 'function') throw new Error(`ApiEvent listener "${String(l)}" is not a function`);
      fn(...args, cancel);
    }
    return cancel.Value || this.apiCancel;
  }

  /** The user prints (Ctrl+P): WorkbookBeforePrint may cancel; else DocumentAfterPrint. Returns whether it printed. */
  print(workbook: unknown): boolean {
    if (this.fire('WorkbookBeforePrint', workbook)) return false;
    this.printed++;
    this.fire('DocumentAfterPrint', workbook, 1);
    return true;
  }

  sheet(name: string): FakeSheetState {
    const s = this.book.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  /** The cell's state (a blank one when empty); not counted. */
  cell(sheet: string, a1: string): FakeCell {
    const ref = parseA1(a1);
    if (!ref) throw new Error(`bad address ${a1}`);
    return this.sheet(sheet).cells.get(key(ref.row, ref.col)) ?? blankCell();
  }

  value(sheet: string, a1: string): CellValue {
    return this.cell(sheet, a1).value;
  }

  /**
   * What the clerk does in WPS: inserts `count` rows before 0-based row `at`; cells and merges below
   * move down (formulas are not rewritten: the tests' forms have none below the insertion that matter).
   */
  insertRows(sheet: string, at: number, count: number): void {
    const s = this.sheet(sheet);
    const move = (row: number) => (row >= at ? row + count : row);
    s.cells = new Map(
      [...s.cells].map(([k, c]) => {
        const [row, col] = k.split(',').map(Number);
        return [key(move(row), col), c];
      }),
    );
    s.merges = s.merges.map((m) => ({ ...m, top: move(m.top), bottom: move(m.bottom) }));
  }

  /** The whole workbook as a snapshot, straight from the state (no calls counted). */
  snapshot(): WorkbookSnapshot {
    return { name: this.book.name, sheets: this.book.sheets.map((s) => sheetSnapshot(s, this.book.date1904)) };
  }
}

function resolveGlobal(path: string): unknown {
  let o: unknown = globalThis;
  for (const part of path.split('.')) o = o == null ? undefined : (o as Record<string, unknown>)[part];
  return o;
}
