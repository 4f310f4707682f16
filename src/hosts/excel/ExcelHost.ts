/**
 * SpreadsheetHost over Office.js. One Excel.run per operation; the data of every sheet is read in one
 * context.sync() and all changes are written in one more. Sheet names are only known after a sync,
 * so the first read costs one extra sync to list them; later reads queue the known names and the
 * list check together and only fall back when the workbook's sheets changed.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { CellChange } from '../../core/edits';
import { STATE_SHEET } from '../../core/edits';
import { HostError, type SpreadsheetHost } from '../host';
import { queueSheetRead, type ReadFeatures } from './read';
import { planWrites, queueSheetWrites } from './write';
import { officeErrorCode, toHostError, type Phase } from './errors';

type Run = <T>(options: Excel.RunOptions, batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

export interface ExcelHostDeps {
  /** Excel.run; defaults to the global. */
  run?: Run;
  /** isSetSupported('ExcelApi', version); defaults to Office.context.requirements. */
  supports?: (version: string) => boolean;
}

export class ExcelHost implements SpreadsheetHost {
  readonly kind = 'excel' as const;
  private readonly run: Run;
  private readonly supports: (version: string) => boolean;
  /** Sheet names in workbook order, as of the last read or write. */
  private names: string[] | undefined;
  /** The last snapshot read: protection and formulas for checking writes. */
  private last: WorkbookSnapshot | undefined;

  constructor(deps: ExcelHostDeps = {}) {
    this.run = deps.run ?? ((options, batch) => Excel.run(options, batch));
    this.supports = deps.supports ?? ((v) => Office.context.requirements.isSetSupported('ExcelApi', v));
  }

  /** Capabilities the UI may show or use (checked at run time, the manifest only demands 1.9). */
  capabilities(): { merges: boolean; notes: boolean; undoGroup: boolean } {
    return { merges: this.supports('1.13'), notes: this.supports('1.18'), undoGroup: this.supports('1.20') };
  }

  async read(): Promise<WorkbookSnapshot> {
    if (!this.supports('1.9')) throw new HostError('not-supported', 'ExcelApi 1.9 (getCellProperties) is required');
    const features: ReadFeatures = { merges: this.supports('1.13') };
    const snapshot = await this.batch('read', async (ctx) => {
      const book = ctx.workbook;
      book.load('name');
      const list = book.worksheets;
      list.load('items/name');
      let finish: (() => SheetSnapshot)[] = [];
      let guessed = this.names;
      try {
        finish = (guessed ?? []).map((n) => queueSheetRead(list.getItem(n), features));
        await ctx.sync();
      } catch (e) {
        if (!guessed || officeErrorCode(e) !== 'ItemNotFound') throw e;
        guessed = undefined; // a known sheet was renamed or deleted: list again
        book.load('name');
        list.load('items/name');
        await ctx.sync();
      }
      const names = list.items.map((w) => w.name);
      if (!guessed || !sameList(guessed, names)) {
        finish = names.map((n) => queueSheetRead(list.getItem(n), features));
        await ctx.sync();
      }
      return { name: book.name, sheets: finish.map((f) => f()) };
    });
    this.names = snapshot.sheets.map((s) => s.name);
    this.last = snapshot;
    return snapshot;
  }

  async apply(changes: CellChange[]): Promise<void> {
    if (changes.length === 0) return;
    const snapshot = this.last ?? (await this.read());
    const plans = planWrites(changes, snapshot); // throws before anything is queued
    await this.batch('write', async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      for (const plan of plans) {
        queueSheetWrites(plan.create ? sheets.add(plan.sheet) : sheets.getItem(plan.sheet), plan);
      }
      await ctx.sync();
    });
    const created = plans.filter((p) => p.create).map((p) => emptySheet(p.sheet));
    if (created.length) {
      this.last = { ...snapshot, sheets: [...snapshot.sheets, ...created] };
      this.names = this.last.sheets.map((s) => s.name);
    }
  }

  async select(sheet: string, cell: string): Promise<void> {
    await this.batch(
      'select',
      async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        ws.activate();
        ws.getRange(cell).select();
        await ctx.sync();
      },
      sheet,
    );
  }

  private async batch<T>(phase: Phase, body: (ctx: Excel.RequestContext) => Promise<T>, sheet?: string): Promise<T> {
    const options: Excel.RunOptions = { delayForCellEdit: true };
    if (phase === 'write' && this.supports('1.20')) options.mergeUndoGroup = true;
    try {
      return await this.run(options, body);
    } catch (e) {
      throw toHostError(e, phase, sheet);
    }
  }
}

function sameList(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function emptySheet(name: string): SheetSnapshot {
  const visibility = name === STATE_SHEET ? 'veryHidden' : 'visible';
  return { name, top: 0, left: 0, values: [], texts: [], formulas: [], numberFormats: [], merges: [], fills: [], visibility };
}
