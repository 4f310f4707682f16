/**
 * SpreadsheetHost over Office.js. One Excel.run per operation. A read sizes the workbook first (sheet
 * list, visibility, used ranges, workbook structure protection, date system) and then reads the cells
 * of visible sheets and our state sheet in bands within Excel's payload limits (read.ts). Sheet names
 * are only known after a sync, so the first read costs one extra sync to list them; later reads queue
 * the known names with the list check and only fall back when the workbook's sheets changed.
 *
 * A write is not a transaction: Excel documents no rollback, and a batch that fails keeps what ran
 * before the failing operation. The state sheet is created and very hidden in an Excel.run of its
 * own, outside the merged undo group, because Worksheet.visibility has no undo support on Windows and
 * Mac and would throw UndoNotSupported inside one (learn.microsoft.com/office/dev/add-ins/excel/
 * excel-add-ins-undo-capabilities). What to do after a write stopped half way is the app's job
 * (src/app/recover.ts): it re-reads and repairs the journal.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../../core/snapshot';
import type { CellChange, NameChange } from '../../core/edits';
import { isOurName } from '../../core/follow';
import { parseRange, rangeToA1 } from '../../core/address';
import { isStateSheetName } from '../../core/state';
import { HostError, type SpreadsheetHost } from '../host';
import { emptySnapshot, isRead, queueSheetSize, readCells, readMerges, visibilityOf, type SheetSize } from './read';
import { planWrites, queueSheetWrites, WRITE_BYTES_PER_SYNC } from './write';
import { officeErrorCode, toHostError, type Phase } from './errors';

type Run = <T>(options: Excel.RunOptions, batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

interface Known {
  name: string;
  visibility: SheetSnapshot['visibility'];
}

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
  /** Sheets in workbook order with their visibility, as of the last read. */
  private known: Known[] | undefined;
  /** The last snapshot read: protection and formulas for checking writes. */
  private last: WorkbookSnapshot | undefined;
  /** WorkbookProtection.protected at the last read: no sheet can be added or hidden. */
  private structureProtected = false;

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
    const merges = this.supports('1.13');
    const result = await this.batch('read', async (ctx) => {
      const book = ctx.workbook;
      const list = book.worksheets;
      // Workbook.use1904DateSystem is preview only; DATE(1904,1,1) is 0 in the 1904 system, 1462 in 1900's (ExcelApi 1.2).
      const probe = () => {
        book.load('name');
        list.load('items/name,items/visibility');
        return {
          structure: this.supports('1.7') ? book.protection.load('protected') : undefined,
          date: this.supports('1.2') ? book.functions.date(1904, 1, 1).load('value') : undefined,
          // Our defined names follow their cells through inserted rows (core/follow.ts); NamedItem.formula is 1.7.
          names: this.supports('1.7') ? book.names.load('items/name,items/formula') : undefined,
        };
      };
      let probed = probe();
      let guessed = this.known;
      let sized: (() => SheetSize)[] = [];
      try {
        sized = (guessed ?? []).filter((k) => isRead(k.name, k.visibility)).map((k) => queueSheetSize(list.getItem(k.name), k.name, k.visibility));
        await ctx.sync();
      } catch (e) {
        if (!guessed || officeErrorCode(e) !== 'ItemNotFound') throw e;
        guessed = undefined; // a known sheet was renamed or deleted: list again
        probed = probe();
        await ctx.sync();
      }
      const now: Known[] = list.items.map((w) => ({ name: w.name, visibility: visibilityOf(w.visibility) }));
      if (!guessed || !sameSheets(guessed, now)) {
        sized = now.filter((k) => isRead(k.name, k.visibility)).map((k) => queueSheetSize(list.getItem(k.name), k.name, k.visibility));
        await ctx.sync();
      }
      const sizes = sized.map((f) => f());
      const cells = await readCells(ctx, sizes);
      const merged = merges ? await readMerges(ctx, sizes) : new Map<string, string[]>();
      const date1904 = probed.date?.value === 0;
      const sheets = now.map((k): SheetSnapshot => {
        const snap = cells.get(k.name) ?? emptySnapshot({ ...k, protected: false });
        return { ...snap, merges: merged.get(k.name) ?? [], ...(date1904 ? { date1904 } : {}) };
      });
      const names = probed.names ? ourNames(probed.names.items) : undefined;
      return { snapshot: { name: book.name, sheets, ...(names ? { names } : {}) }, known: now, structure: probed.structure?.protected ?? false };
    });
    this.known = result.known;
    this.last = result.snapshot;
    this.structureProtected = result.structure;
    return result.snapshot;
  }

  async apply(changes: CellChange[], names: NameChange[] = []): Promise<void> {
    if (changes.length === 0 && names.length === 0) return;
    const snapshot = this.last ?? (await this.read());
    const plans = planWrites(changes, snapshot); // throws before anything is queued
    this.last = undefined; // whatever happens below, the next write checks against a fresh read
    const state = plans.find((p) => isStateSheetName(p.sheet));
    const stateSnap = state && snapshot.sheets.find((s) => s.name === state.sheet);
    if (state && !stateSnap && this.structureProtected) {
      throw new HostError('structure-protected', 'The workbook structure is protected: the very hidden journal sheet cannot be added; nothing was written');
    }
    if (state && (!stateSnap || (stateSnap.visibility !== 'veryHidden' && !this.structureProtected))) {
      await this.prepareStateSheet(state.sheet, !stateSnap);
    }
    await this.batch('write', async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      let queued = 0;
      const spend = async (bytes: number): Promise<void> => {
        queued += bytes;
        if (queued < WRITE_BYTES_PER_SYNC) return;
        queued = 0;
        await ctx.sync();
      };
      for (const plan of plans) await queueSheetWrites(sheets.getItem(plan.sheet), plan, spend);
      // Names last: a batch stopped before them leaves entries keyed by address only, as before.
      if (snapshot.names) {
        const existing = new Set(snapshot.names.map((n) => n.name.toLowerCase()));
        for (const n of names) {
          if (existing.has(n.name.toLowerCase())) ctx.workbook.names.getItem(n.name).delete();
          // Hidden, like the file host's (hidden="1"): the clerk's Name Manager shows only the clerk's names.
          if (n.cell !== null) ctx.workbook.names.add(n.name, sheets.getItem(n.sheet).getRange(n.cell)).visible = false;
          await spend(n.name.length + n.sheet.length + 160);
        }
      }
      await ctx.sync();
    });
  }

  /**
   * Adds (when missing) and very-hides the state sheet in a batch of its own, outside the merged undo
   * group: Worksheet.visibility has no undo on Windows and Mac (UndoNotSupported inside a group). Should
   * it stop between the two, the empty visible sheet left behind is still recognised as ours
   * (core/state.ts) and hidden on the next write.
   */
  private async prepareStateSheet(name: string, create: boolean): Promise<void> {
    await this.batch(
      'write',
      async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        const ws = create ? sheets.add(name) : sheets.getItem(name);
        ws.visibility = 'VeryHidden';
        await ctx.sync();
      },
      name,
      false,
    );
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

  private async batch<T>(phase: Phase, body: (ctx: Excel.RequestContext) => Promise<T>, sheet?: string, undoGroup = true): Promise<T> {
    const options: Excel.RunOptions = { delayForCellEdit: true };
    if (phase === 'write' && undoGroup && this.supports('1.20')) options.mergeUndoGroup = true;
    try {
      return await this.run(options, body);
    } catch (e) {
      throw toHostError(e, phase, sheet);
    }
  }
}

function sameSheets(a: Known[], b: Known[]): boolean {
  return a.length === b.length && a.every((k, i) => k.name === b[i].name && k.visibility === b[i].visibility);
}

/** Our names and the cell each refers to ("='Sheet 1'!$H$14"), or null sheet and cell for "=#REF!". */
function ourNames(items: { name: string; formula: unknown }[]): NonNullable<WorkbookSnapshot['names']> {
  return items
    .filter((n) => isOurName(n.name))
    .map((n) => {
      const m = /^=(?:'((?:[^']|'')+)'|([^!'=]+))!\$?([A-Z]+)\$?(\d+)$/.exec(String(n.formula));
      if (!m) return { name: n.name, sheet: null, cell: null };
      const ref = parseRange(`${m[3]}${m[4]}`);
      return { name: n.name, sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], cell: ref ? rangeToA1(ref) : null };
    });
}
