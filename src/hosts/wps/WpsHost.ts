/**
 * SpreadsheetHost over the WPS 表格 (ET) JS object model (`window.Application`). Every property read,
 * write and method call is a synchronous cross-process call (≈ 0.1 ms): sheets are read in blocks
 * (read.ts, formats.ts) and written in blocks (write.ts), with ScreenUpdating and EnableEvents off
 * and always restored, inside one undo step (DebugTools.UndoTransBegin/End) where the build has it.
 *
 * The journal lives where the Excel host keeps it: the very hidden sheet STATE_SHEET, written by the
 * same app code (src/app, src/core/state.ts), so a workbook recomputed in Excel reverts in WPS and
 * the other way round. Writes are refused before anything changes when a target sheet is protected,
 * the workbook structure is protected (the state sheet must be added) or the user is editing a cell.
 * A write that fails part-way is rolled back from the last snapshot; should that fail too, the
 * journal, written first, still reverts what was written (the app then reports the write as stopped
 * part way with every cell recorded, src/app/recover.ts).
 *
 * Defined names are not kept: the ET object model's Names collection is not documented in our notes
 * (/work/shared/notes/wps-addin.md), so snapshots carry no `names` and apply() ignores the NameChange
 * list. The journal is then keyed by address alone (src/core/follow.ts): after rows are inserted above
 * a mark, the planner's "the cell still shows what we wrote" check leaves the moved cells alone rather
 * than clear the wrong ones.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { CellChange } from '../../core/edits';
import { STATE_SHEET } from '../../core/edits';
import { isStateSheetName } from '../../core/state';
import { applyToSnapshot } from '../../core/applySnapshot';
import { HostError, type HostErrorCode, type SpreadsheetHost } from '../host';
import { planWrites, type SheetWrites } from '../excel/write';
import { readBook } from './read';
import { writeCells } from './write';
import type { BridgeFacts } from './probes';
import { XL, type WpsApplication, type WpsWorkbook, type WpsWorksheet } from './types';

/** Shown in WPS's undo list for the whole batch. */
const UNDO_LABEL = '绩效自评助手';

type Cell = SheetWrites['cells'][number];

export class WpsHost implements SpreadsheetHost {
  readonly kind = 'wps' as const;
  /** The last snapshot read (and kept up to date by apply): protection, formulas, before-images. */
  private last: WorkbookSnapshot | undefined;
  /** FullName of the workbook `last` was read from: the pane outlives a switch of workbooks. */
  private lastBook: string | undefined;
  /** What this build does with multi-area ranges, once tested (probes.ts). */
  private readonly facts: BridgeFacts = {};

  constructor(private readonly app: WpsApplication) {}

  async read(): Promise<WorkbookSnapshot> {
    return this.readSync();
  }

  /**
   * The same read, returned at once: the object model is synchronous, and an event listener
   * (WorkbookBeforePrint) must answer before it returns. Throws HostError like read().
   */
  readSync(): WorkbookSnapshot {
    const wb = this.workbook();
    try {
      const book = identity(wb);
      const previous = book !== undefined && book === this.lastBook ? this.last : undefined;
      this.last = readBook(wb, this.facts, previous);
      this.lastBook = book;
      return this.last;
    } catch (e) {
      throw this.failure(e, 'unreadable', 'WPS read failed');
    }
  }

  async apply(changes: CellChange[]): Promise<void> {
    if (changes.length === 0) return;
    const snapshot = this.last ?? (await this.read());
    const plans = planWrites(changes, snapshot); // pure: throws before any call
    const wb = this.workbook();
    if (identity(wb) !== this.lastBook) {
      // Planned on another workbook's cells (the clerk switched since the read): never write them here.
      throw new HostError('busy', 'The active workbook changed since it was read; nothing was written');
    }
    this.assertNotEditing();
    let targets: Map<string, WpsWorksheet>;
    try {
      targets = this.targets(wb, plans);
    } catch (e) {
      throw this.failure(e, 'write-failed', 'WPS could not check the sheets to write; nothing was written');
    }

    const app = this.app;
    const screen = attempt(() => app.ScreenUpdating) ?? true;
    const events = attempt(() => app.EnableEvents) ?? true;
    const touched = new Map<string, Cell[]>();
    let created: string | null = null;
    const undo = this.beginUndo(wb);
    try {
      app.ScreenUpdating = false;
      app.EnableEvents = false;
      for (const plan of plans) {
        const ws = targets.get(plan.sheet) ?? this.addStateSheet(wb, (name) => (created = name));
        const list = touched.get(plan.sheet) ?? [];
        touched.set(plan.sheet, list);
        writeCells(ws, plan.cells, (cells) => list.push(...cells), this.facts);
      }
    } catch (e) {
      const restored = this.rollback(wb, snapshot, touched, created);
      const code = this.editing() ? 'cell-edit' : 'write-failed';
      const detail = restored
        ? 'the cells written so far were restored'
        : 'restoring the cells failed too; the journal on the state sheet, written first, reverts them';
      throw new HostError(code, `WPS write failed part-way (${messageOf(e)}); ${detail}`, undefined, e);
    } finally {
      this.endUndo(wb, undo);
      safely(() => (app.EnableEvents = events));
      safely(() => (app.ScreenUpdating = screen));
    }
    this.last = applyToSnapshot(snapshot, changes); // adds a created state sheet as very hidden
  }

  async select(sheet: string, cell: string): Promise<void> {
    const wb = this.workbook();
    try {
      const ws = wb.Worksheets.Item(sheet);
      ws.Activate();
      ws.Range(cell).Select();
    } catch (e) {
      throw this.failure(e, 'busy', `WPS could not select ${sheet}!${cell}`, sheet);
    }
  }

  private workbook(): WpsWorkbook {
    let wb: WpsWorkbook | null = null;
    try {
      wb = this.app.ActiveWorkbook;
    } catch (e) {
      throw new HostError('busy', `WPS did not give the active workbook: ${messageOf(e)}`, undefined, e);
    }
    if (!wb) throw new HostError('busy', 'No workbook is open in WPS');
    return wb;
  }

  /**
   * The user typing in a cell makes ET refuse writes while Application.Ready stays true; setting
   * EditDirectlyInCell to its own value is the write seen refused then (notes fact 17). True when refused.
   */
  private editing(): boolean {
    let v: unknown;
    try {
      v = this.app.EditDirectlyInCell;
    } catch {
      return false;
    }
    if (typeof v !== 'boolean') return false;
    try {
      this.app.EditDirectlyInCell = v;
      return false;
    } catch {
      return true;
    }
  }

  private assertNotEditing(): void {
    if (this.editing()) throw new HostError('cell-edit', 'WPS is in cell-edit mode; finish editing the cell (Enter or Esc) and try again');
  }

  /** The sheets to write, checked live: a sheet protected since the last read is refused too. */
  private targets(wb: WpsWorkbook, plans: SheetWrites[]): Map<string, WpsWorksheet> {
    const out = new Map<string, WpsWorksheet>();
    const sheets = wb.Worksheets;
    for (const plan of plans) {
      if (plan.create) {
        if (wb.ProtectStructure === true) {
          throw new HostError('protected', 'The workbook structure is protected: the state sheet cannot be added; nothing was written');
        }
        continue;
      }
      let ws: WpsWorksheet;
      try {
        ws = sheets.Item(plan.sheet);
      } catch (e) {
        throw new HostError('write-failed', `No sheet named "${plan.sheet}" in the workbook`, plan.sheet, e);
      }
      if (ws.ProtectContents === true) throw new HostError('protected', `Sheet "${plan.sheet}" is protected; nothing was written`, plan.sheet);
      out.set(plan.sheet, ws);
    }
    return out;
  }

  /** Adds the very hidden state sheet after the last one, keeping the user's active sheet active. */
  private addStateSheet(wb: WpsWorkbook, added: (name: string) => void): WpsWorksheet {
    const activeName = attempt(() => this.app.ActiveSheet?.Name);
    const sheets = wb.Worksheets;
    const ws = sheets.Add(undefined, sheets.Item(sheets.Count));
    added(String(ws.Name));
    ws.Name = STATE_SHEET;
    added(STATE_SHEET);
    ws.Visible = XL.sheetVeryHidden;
    // Only comfort: the clerk's sheet in front again. Failing here must not undo the write.
    if (activeName) safely(() => wb.Worksheets.Item(activeName).Activate());
    return ws;
  }

  /**
   * Puts back every touched cell from the snapshot taken before the write: the clerk's sheets first and
   * the journal last, so that a rollback failing in its turn leaves the new journal, which covers every
   * cell written. A state sheet added by this write is deleted. True when everything was restored.
   */
  private rollback(wb: WpsWorkbook, before: WorkbookSnapshot, touched: Map<string, Cell[]>, created: string | null): boolean {
    const order = [...touched.keys()].sort((a, b) => Number(isStateSheetName(a)) - Number(isStateSheetName(b)));
    try {
      for (const name of order) {
        if (created && isStateSheetName(name)) continue; // deleted below
        const snap = before.sheets.find((s) => s.name === name);
        const cells = touched.get(name) ?? [];
        if (!snap || cells.length === 0) continue;
        const images = cells.map((c) => imageOf(snap, c));
        const ws = wb.Worksheets.Item(name);
        // Values before fills, the reverse of writeCells: a value of ours never stays without our fill.
        writeCells(ws, images.map(({ fill: _fill, ...c }) => c), () => undefined, this.facts);
        writeCells(ws, images.filter((c) => c.fill !== undefined).map(({ row, col, fill }) => ({ row, col, fill })), () => undefined, this.facts);
      }
      if (created) this.deleteSheet(wb, created);
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Deletes a sheet this write added, with DisplayAlerts off (else WPS asks). A very hidden sheet may
   * have to be shown to be deleted; if it still cannot be, it is hidden again, so that a visible empty
   * "_selfeval" (which the app would take for the clerk's) is never left behind.
   */
  private deleteSheet(wb: WpsWorkbook, name: string): void {
    const alerts = this.app.DisplayAlerts;
    this.app.DisplayAlerts = false;
    try {
      const ws = wb.Worksheets.Item(name);
      try {
        ws.Delete();
      } catch {
        ws.Visible = XL.sheetVisible;
        try {
          ws.Delete();
        } catch (e) {
          ws.Visible = XL.sheetVeryHidden;
          throw e;
        }
      }
    } finally {
      this.app.DisplayAlerts = alerts;
    }
  }

  private beginUndo(wb: WpsWorkbook): boolean {
    try {
      const tools = this.app.DebugTools;
      if (!tools || typeof tools.UndoTransBegin !== 'function') return false;
      tools.UndoTransBegin(wb, UNDO_LABEL);
      return true;
    } catch {
      return false; // builds without it keep one undo step per write; our own revert still works
    }
  }

  private endUndo(wb: WpsWorkbook, begun: boolean): void {
    if (begun) safely(() => this.app.DebugTools?.UndoTransEnd(wb, false, UNDO_LABEL));
  }

  private failure(e: unknown, fallback: HostErrorCode, what: string, sheet?: string): HostError {
    if (e instanceof HostError) return e;
    return new HostError(this.editing() ? 'cell-edit' : fallback, `${what}: ${messageOf(e)}`, sheet, e);
  }
}

/** A cell as it was in the snapshot: value, number format and fill for the fields the write touched. */
function imageOf(snap: SheetSnapshot, c: Cell): Cell {
  const r = c.row - snap.top;
  const k = c.col - snap.left;
  const inside = r >= 0 && k >= 0 && r < snap.values.length && k < (snap.values[r]?.length ?? 0);
  const out: Cell = { row: c.row, col: c.col };
  if (c.value !== undefined) out.value = inside ? snap.values[r][k] : null;
  if (c.numberFormat !== undefined) out.numberFormat = inside ? snap.numberFormats[r][k] : 'General';
  if (c.fill !== undefined) {
    const fill = inside ? (snap.fills?.[r]?.[k] ?? null) : null;
    if (fill === null || fill.startsWith('#')) out.fill = fill; // 'other' is never written over (planner)
  }
  return out;
}

/** A workbook's identity across wrappers (`===` never matches: notes fact 4). */
function identity(wb: WpsWorkbook): string | undefined {
  return attempt(() => String(wb.FullName));
}

function attempt<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined;
  }
}

function safely(f: () => unknown): void {
  try {
    f();
  } catch {
    // restoring a switch must not hide the real error
  }
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
