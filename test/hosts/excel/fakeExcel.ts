/**
 * An in-memory fake of the parts of Office.js (ExcelApi) that src/hosts/excel uses. It behaves like
 * Excel as documented, including where that is unkind to an add-in:
 * - methods return proxies at once; nothing is resolved until context.sync(); reading a property
 *   that was not loaded *and* synced throws PropertyNotLoaded;
 * - NO ROLLBACK: queued operations run in order against the live workbook; when one fails, the ones
 *   before it stay done and the sync rejects (Office.js documents no transaction; the undo docs only
 *   promise grouping, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities);
 *   loads of a failed sync are not delivered;
 * - PAYLOAD AND CELL LIMITS: "Excel on the web has a payload size limit for requests and responses
 *   of 5MB" and "A range is limited to 5,000,000 cells for read operations"
 *   (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 *   Requests are measured as the JSON of what was queued, responses as the JSON of what was loaded;
 *   a read over the cell limit returns null values (pitfall 4 of shared/notes/office-and-wps-addins.md);
 * - MERGES: getMergedAreasOrNullObject "will fail to return the result" above 512 merged areas
 *   (@types/office-js 1.0.612, Range.getMergedAreasOrNullObject) and only reports merges whose
 *   top-left cell lies in the range (office-js#3611);
 * - FILLS through getCellProperties: No Fill comes back as color "#FFFFFF" (office-js#6218) with
 *   pattern null or absent, the same as a solid white fill (office-js#4900); only tintAndShade tells
 *   them apart (null for No Fill, a number for a fill: Microsoft's answer in office-js#4900). A theme
 *   colour comes back as its RGB plus its tint in tintAndShade;
 * - UNDO: inside Excel.run({ mergeUndoGroup: true }) an operation without undo support throws
 *   UndoNotSupported (undo-capabilities page; Worksheet.visibility has no undo on Windows and Mac);
 * - PROTECTION: a protected sheet refuses values in locked cells (all cells are locked unless
 *   unlocked) and any formatting unless allowFormatCells (Excel.WorksheetProtectionOptions); a
 *   workbook with protected structure refuses adding sheets and changing their visibility
 *   (Excel.WorkbookProtection);
 * - errors carry Office's `code`; every sync and every operation is counted; a failure can be
 *   injected at the Nth operation (failAtOperation) or at the next sync (failNextSync).
 * `platform` picks the quirks: 'strict' (default) has all of them at once, the union of every
 * platform's limits, so that a host that passes here passes on each.
 */
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { parseRange, rangeToA1, toA1, type RangeRef } from '../../../src/core/address';

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  /** Solid fill colour "#RRGGBB" (or a theme colour's RGB), null for No Fill. */
  fill: string | null;
  text: string;
  /** Theme colour tint of the fill (-1..1); absent or 0 for a plain colour. */
  fillTint?: number;
  /** A fill pattern other than Solid ("Gray25", "LightDown", …). */
  fillPattern?: string;
  /** Cells are locked unless unlocked (Excel's default); matters only on a protected sheet. */
  locked?: boolean;
}
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';
export interface FakeSheet {
  name: string;
  visibility: Visibility;
  protected: boolean;
  /** Keyed "row,col", 0-based. */
  cells: Record<string, FakeCell>;
  merges: string[];
  /** WorksheetProtectionOptions.allowFormatCells of a protected sheet. */
  allowFormatCells?: boolean;
}
export interface FakeBook {
  name: string;
  sheets: FakeSheet[];
  active: string;
  selection: string | null;
  /** The workbook counts dates from 1904-01-01. */
  date1904?: boolean;
  /** WorkbookProtection.protected: the structure (adding, hiding sheets) is locked. */
  structureProtected?: boolean;
  /** Workbook-level defined names on one cell; sheet/cell null once the cell was deleted (#REF!). */
  names?: { name: string; sheet: string | null; row: number; col: number; hidden?: boolean }[];
}

export type Platform = 'strict' | 'web' | 'windows' | 'mac';

export class OfficeError extends Error {
  readonly debugInfo: { code: string; errorLocation?: string };
  constructor(readonly code: string, message?: string, errorLocation?: string) {
    super(message ?? code);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, errorLocation };
  }
}

interface Op {
  write: boolean;
  /** What the operation is, for failure messages and the operation log. */
  name: string;
  /** False for an API on the undo page's list of unsupported APIs (for this platform). */
  undo?: boolean;
  /** Bytes of the request this operation adds (JSON of its arguments). */
  bytes: number;
  run(book: FakeBook): void;
  /** Bytes of the response (JSON of what was loaded), known after run. */
  response?(): number;
  commit?(): void;
}

const VIS: Record<string, Visibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };
const MB5 = 5 * 1024 * 1024;

export class FakeExcel {
  book: FakeBook;
  syncCount = 0;
  readonly runOptions: Excel.RunOptions[] = [];
  /** Highest ExcelApi version this fake "supports". */
  apiVersion = '1.20';
  /** Which platform's quirks apply ('strict': all of them). */
  platform: Platform = 'strict';
  /** The user is typing in a cell: syncs fail unless Excel.run was asked to wait (delayForCellEdit). */
  cellEditMode = false;
  /** Methods called, for asserting what was (not) used. */
  readonly calls: string[] = [];
  /** Operations executed so far (reads and writes), across syncs. */
  operations = 0;
  /** Of those, the writes. */
  writeOperations = 0;
  /** Request and response bytes of every sync, in order. */
  readonly requests: { request: number; response: number }[] = [];
  /** Set when an injected failure fired. */
  injectedFired = false;
  private failures: { code: string; onlyWrites: boolean }[] = [];
  private failAt: { n: number; code: string } | undefined;
  private failAtWrite: { n: number; code: string } | undefined;

  constructor(book: FakeBook) {
    this.book = book;
  }

  static fromSnapshot(snap: WorkbookSnapshot): FakeExcel {
    const sheets = snap.sheets.map((s): FakeSheet => {
      const cells: Record<string, FakeCell> = {};
      s.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const fill = s.fills?.[r]?.[c] ?? null;
          const cell: FakeCell = {
            value,
            formula: s.formulas[r]?.[c] ?? null,
            numberFormat: s.numberFormats[r]?.[c] ?? 'General',
            // 'other' (a fill the snapshot could not name) becomes a patterned fill here.
            fill: fill === 'other' ? '#D9D9D9' : fill,
            text: s.texts[r]?.[c] ?? '',
          };
          if (fill === 'other') cell.fillPattern = 'Gray25';
          if (!isBlank(cell)) cells[`${s.top + r},${s.left + c}`] = cell;
        }),
      );
      return { name: s.name, visibility: VIS[s.visibility ?? 'visible'], protected: Boolean(s.protected), cells, merges: [...s.merges] };
    });
    const date1904 = snap.sheets.some((s) => s.date1904);
    return new FakeExcel({ name: snap.name ?? 'Book1.xlsx', sheets, active: sheets[0]?.name ?? '', selection: null, ...(date1904 ? { date1904 } : {}) });
  }

  isSetSupported = (version: string): boolean => compareVersions(version, this.apiVersion) <= 0;

  /** Makes the next sync (or the next one that writes, with onlyWrites) fail with this Office code, before any operation runs. */
  failNextSync(code: string, onlyWrites = false): void {
    this.failures.push({ code, onlyWrites });
  }

  /** Makes the nth operation from now (1 = the next one) fail with `code`; the operations before it stay done. */
  failAtOperation(n: number, code = 'GeneralException'): void {
    this.failAt = { n: this.operations + n, code };
    this.injectedFired = false;
  }

  /** Makes the nth write operation from now fail with `code` (reads in between do not count); the operations before it stay done. */
  failAtWriteOperation(n: number, code = 'GeneralException'): void {
    this.failAtWrite = { n: this.writeOperations + n, code };
    this.injectedFired = false;
  }

  /** Largest request and response of any sync so far, in bytes. */
  largest(): { request: number; response: number } {
    return {
      request: Math.max(0, ...this.requests.map((r) => r.request)),
      response: Math.max(0, ...this.requests.map((r) => r.response)),
    };
  }

  /**
   * What the clerk does in Excel: inserts `count` rows before 0-based row `at`. Cells, merges and
   * defined names below move down, as Excel moves them (names keep referring to the same cells).
   */
  insertRows(sheet: string, at: number, count: number): void {
    this.shiftRows(sheet, at, count);
  }

  /** Deletes `count` rows from 0-based row `at`: names on them become #REF!, those below move up. */
  deleteRows(sheet: string, at: number, count: number): void {
    this.shiftRows(sheet, at, -count);
  }

  private shiftRows(sheet: string, at: number, delta: number): void {
    const s = this.sheet(sheet);
    const gone = (row: number) => delta < 0 && row >= at && row < at - delta;
    const move = (row: number) => (row >= at ? row + delta : row);
    const cells: Record<string, FakeCell> = {};
    for (const [k, c] of Object.entries(s.cells)) {
      const [row, col] = k.split(',').map(Number);
      if (!gone(row)) cells[`${move(row)},${col}`] = c;
    }
    s.cells = cells;
    s.merges = s.merges.flatMap((m) => {
      const r = parseRange(m) as RangeRef;
      if (gone(r.top) || gone(r.bottom)) return [];
      return [rangeToA1({ top: move(r.top), bottom: move(r.bottom), left: r.left, right: r.right })];
    });
    for (const n of this.book.names ?? []) {
      if (n.sheet !== s.name) continue;
      if (gone(n.row)) Object.assign(n, { sheet: null });
      else n.row = move(n.row);
    }
  }

  /** A deep copy of the workbook, for before/after comparisons. */
  dump(): FakeBook {
    return JSON.parse(JSON.stringify(this.book)) as FakeBook;
  }

  sheet(name: string): FakeSheet {
    const s = this.book.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  }

  cell(sheet: string, a1: string): FakeCell | undefined {
    const r = parseRange(a1) as RangeRef;
    return this.sheet(sheet).cells[`${r.top},${r.left}`];
  }

  get webLimits(): boolean {
    return this.platform === 'strict' || this.platform === 'web';
  }
  /** Worksheet.visibility supports undo on the web only (undo-capabilities page). */
  get desktopUndo(): boolean {
    return this.platform !== 'web';
  }

  /** Excel.run(batch) or Excel.run(options, batch); like Excel, syncs what is still queued at the end. */
  run = async <T>(a: Excel.RunOptions | ((ctx: Excel.RequestContext) => Promise<T>), b?: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const [options, batch] = typeof a === 'function' ? [{}, a] : [a, b as (ctx: Excel.RequestContext) => Promise<T>];
    this.runOptions.push(options);
    const ctx = new FakeContext(this, options);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending()) await ctx.sync();
    return result;
  };

  /** Called by FakeContext.sync: runs a batch in order, with no rollback. */
  execute(ops: Op[], options: Excel.RunOptions): void {
    this.syncCount++;
    const writes = ops.some((o) => o.write);
    const i = this.failures.findIndex((f) => !f.onlyWrites || writes);
    if (i >= 0) {
      const [f] = this.failures.splice(i, 1);
      throw new OfficeError(f.code, `injected ${f.code}`);
    }
    if (this.cellEditMode && !options.delayForCellEdit) throw new OfficeError('InvalidOperationInCellEditMode');
    const request = ops.reduce((n, o) => n + o.bytes, 2);
    const log = { request, response: 0 };
    this.requests.push(log);
    if (this.webLimits && request > MB5) throw new OfficeError('RequestPayloadSizeLimitExceeded', `request of ${request} bytes`);
    for (const op of ops) {
      this.operations++;
      if (op.write) this.writeOperations++;
      const at = this.failAt && this.operations === this.failAt.n ? this.failAt : op.write && this.failAtWrite?.n === this.writeOperations ? this.failAtWrite : undefined;
      if (at) {
        const code = at.code;
        if (at === this.failAt) this.failAt = undefined;
        else this.failAtWrite = undefined;
        this.injectedFired = true;
        throw new OfficeError(code, `injected ${code} at operation ${this.operations} (${op.name})`, op.name);
      }
      if (options.mergeUndoGroup && op.undo === false) throw new OfficeError('UndoNotSupported', `${op.name} cannot be undone`, op.name);
      op.run(this.book);
    }
    log.response = ops.reduce((n, o) => n + (o.response?.() ?? 0), 2);
    if (this.webLimits && log.response > MB5) throw new OfficeError('ResponsePayloadSizeLimitExceeded', `response of ${log.response} bytes`);
    for (const op of ops) op.commit?.();
  }
}

class FakeContext {
  private ops: Op[] = [];
  readonly workbook: WorkbookProxy;
  constructor(readonly excel: FakeExcel, private readonly options: Excel.RunOptions) {
    this.workbook = new WorkbookProxy(this);
  }
  queue(op: Op): void {
    this.ops.push(op);
  }
  pending(): boolean {
    return this.ops.length > 0;
  }
  async sync(): Promise<void> {
    const ops = this.ops;
    this.ops = [];
    await Promise.resolve();
    this.excel.execute(ops, this.options);
  }
}

const size = (v: unknown): number => JSON.stringify(v ?? null).length;

/** Base proxy: lazy resolution, staged loads committed on a successful sync. */
abstract class BaseProxy<T> {
  protected loaded: Record<string, unknown> = {};
  constructor(
    protected readonly ctx: FakeContext,
    protected readonly resolve: (book: FakeBook) => T | null,
  ) {}
  protected abstract prop(target: T, name: string, book: FakeBook): unknown;

  load(props: string | string[]): this {
    const names = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim()).filter(Boolean);
    let staged: Record<string, unknown> = {};
    this.ctx.queue({
      write: false,
      name: `load ${names.join(',')}`,
      bytes: size(names) + 40,
      run: (book) => {
        const t = this.resolve(book);
        staged = t === null ? { isNullObject: true } : { isNullObject: false };
        if (t !== null) for (const n of names) staged[n] = this.prop(t, n, book);
      },
      response: () => size(staged),
      commit: () => Object.assign(this.loaded, staged),
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.get('isNullObject') as boolean;
  }
  protected get(name: string): unknown {
    if (!(name in this.loaded)) {
      throw new OfficeError('PropertyNotLoaded', `The property '${name}' is not available. Call load and context.sync() first.`);
    }
    return this.loaded[name];
  }
  protected write(name: string, bytes: number, fn: (t: T, book: FakeBook) => void, undo = true): void {
    this.ctx.queue({
      write: true,
      name,
      undo,
      bytes: bytes + 40,
      run: (book) => {
        const t = this.resolve(book);
        if (t === null) throw new OfficeError('ItemNotFound');
        fn(t, book);
      },
    });
  }
}

class WorkbookProxy extends BaseProxy<FakeBook> {
  readonly worksheets: WorksheetsProxy;
  readonly protection: WorkbookProtectionProxy;
  readonly functions: { date(y: number, m: number, d: number): FunctionResultProxy };
  readonly names: NamesProxy;
  constructor(ctx: FakeContext) {
    super(ctx, (b) => b);
    this.worksheets = new WorksheetsProxy(ctx);
    this.names = new NamesProxy(ctx);
    this.protection = new WorkbookProtectionProxy(ctx, (b) => b);
    // Excel's DATE: the serial of a date counts from 1900-01-00 (with 1900-02-29) or from 1904-01-01.
    this.functions = {
      date: (y, m, d) => {
        ctx.excel.calls.push('functions.date');
        return new FunctionResultProxy(ctx, (b) => excelDate(y, m, d, Boolean(b.date1904)));
      },
    };
  }
  protected prop(book: FakeBook, name: string): unknown {
    if (name === 'name') return book.name;
    throw new OfficeError('InvalidArgument', `fake: Workbook.${name}`);
  }
  get name(): string {
    return this.get('name') as string;
  }
}

/** Workbook.names (ExcelApi 1.1; NamedItem.formula 1.7, NamedItemCollection.add 1.4, NamedItem.delete 1.4). */
class NamesProxy extends BaseProxy<NonNullable<FakeBook['names']>> {
  constructor(ctx: FakeContext) {
    super(ctx, (b) => b.names ?? []);
  }
  protected prop(names: NonNullable<FakeBook['names']>, name: string): unknown {
    if (name === 'items/name') return names.map((n) => n.name);
    // A reference to a deleted cell reads "=#REF!", as in Excel.
    if (name === 'items/formula') return names.map((n) => (n.sheet === null ? '=#REF!' : `=${quoteSheet(n.sheet)}!$${toA1(n.row, n.col).replace(/(\d+)$/, '$$$1')}`));
    throw new OfficeError('InvalidArgument', `fake: NamedItemCollection.${name}`);
  }
  get items(): { name: string; formula: string }[] {
    const names = this.get('items/name') as string[];
    const formulas = this.get('items/formula') as string[];
    return names.map((name, i) => ({ name, formula: formulas[i] }));
  }
  add(name: string, reference: RangeProxy): { visible: boolean } {
    this.ctx.excel.calls.push('names.add');
    this.ctx.queue({
      write: true,
      name: 'names.add',
      bytes: size(name) + 60,
      run: (b) => {
        b.names ??= [];
        if (b.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new OfficeError('ItemAlreadyExists', `name ${name}`);
        const r = reference.target(b);
        b.names.push({ name, sheet: r.sheet.name, row: r.top, col: r.left });
      },
    });
    const ctx = this.ctx;
    return {
      get visible(): boolean {
        throw new OfficeError('PropertyNotLoaded', 'NamedItem.visible');
      },
      set visible(v: boolean) {
        ctx.queue({
          write: true,
          name: 'NamedItem.visible',
          bytes: 40,
          run: (b) => {
            const n = (b.names ?? []).find((x) => x.name.toLowerCase() === name.toLowerCase());
            if (!n) throw new OfficeError('ItemNotFound', `name ${name}`);
            n.hidden = !v;
          },
        });
      },
    };
  }
  getItem(name: string): { delete(): void } {
    return {
      delete: () =>
        this.ctx.queue({
          write: true,
          name: 'NamedItem.delete',
          bytes: size(name) + 40,
          run: (b) => {
            const i = (b.names ?? []).findIndex((n) => n.name.toLowerCase() === name.toLowerCase());
            if (i < 0) throw new OfficeError('ItemNotFound', `name ${name}`);
            b.names!.splice(i, 1);
          },
        }),
    };
  }
}

class FunctionResultProxy extends BaseProxy<number> {
  protected prop(v: number, name: string): unknown {
    if (name === 'value') return v;
    if (name === 'error') return null;
    throw new OfficeError('InvalidArgument', `fake: FunctionResult.${name}`);
  }
  get value(): number {
    return this.get('value') as number;
  }
}

class WorkbookProtectionProxy extends BaseProxy<FakeBook> {
  protected prop(b: FakeBook, name: string): unknown {
    if (name === 'protected') return Boolean(b.structureProtected);
    throw new OfficeError('InvalidArgument', `fake: WorkbookProtection.${name}`);
  }
  get protected(): boolean {
    return this.get('protected') as boolean;
  }
}

class WorksheetsProxy extends BaseProxy<FakeSheet[]> {
  constructor(ctx: FakeContext) {
    super(ctx, (b) => b.sheets);
  }
  protected prop(sheets: FakeSheet[], name: string): unknown {
    if (name === 'items/name' || name === 'items') return sheets.map((s) => s.name);
    if (name === 'items/visibility') return sheets.map((s) => s.visibility);
    throw new OfficeError('InvalidArgument', `fake: Worksheets.${name}`);
  }
  get items(): WorksheetProxy[] {
    const names = (this.loaded['items/name'] ?? this.get('items')) as string[];
    const vis = this.loaded['items/visibility'] as Visibility[] | undefined;
    return names.map((n, i) => {
      const ws = this.getItem(n);
      const loaded = (ws as unknown as { loaded: Record<string, unknown> }).loaded;
      loaded.name = n;
      if (vis) loaded.visibility = vis[i];
      return ws;
    });
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, (b) => {
      const s = b.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!s) throw new OfficeError('ItemNotFound', `no sheet ${name}`, 'WorksheetCollection.getItem');
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, (b) => b.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase()) ?? null);
  }
  add(name: string): WorksheetProxy {
    this.ctx.excel.calls.push('worksheets.add');
    this.ctx.queue({
      write: true,
      name: 'worksheets.add',
      bytes: size(name) + 40,
      run: (b) => {
        if (b.structureProtected) throw new OfficeError('AccessDenied', 'the workbook structure is protected', 'WorksheetCollection.add');
        if (b.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new OfficeError('ItemAlreadyExists');
        b.sheets.push({ name, visibility: 'Visible', protected: false, cells: {}, merges: [] });
      },
    });
    return this.getItem(name);
  }
}

class WorksheetProxy extends BaseProxy<FakeSheet> {
  readonly protection: ProtectionProxy;
  constructor(ctx: FakeContext, resolve: (b: FakeBook) => FakeSheet | null) {
    super(ctx, resolve);
    this.protection = new ProtectionProxy(ctx, resolve);
  }
  protected prop(s: FakeSheet, name: string): unknown {
    if (name === 'name') return s.name;
    if (name === 'visibility') return s.visibility;
    throw new OfficeError('InvalidArgument', `fake: Worksheet.${name}`);
  }
  get name(): string {
    return this.get('name') as string;
  }
  get visibility(): Visibility {
    return this.get('visibility') as Visibility;
  }
  set visibility(v: Visibility) {
    this.ctx.excel.calls.push('visibility');
    this.write(
      'Worksheet.visibility',
      size(v),
      (s, b) => {
        if (b.structureProtected) throw new OfficeError('AccessDenied', 'the workbook structure is protected', 'Worksheet.visibility');
        s.visibility = v;
      },
      !this.ctx.excel.desktopUndo,
    );
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, (b) => usedRange(this.resolveOrThrow(b), valuesOnly) ?? { sheet: this.resolveOrThrow(b), top: 0, left: 0, bottom: 0, right: 0 });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, (b) => usedRange(this.resolveOrThrow(b), valuesOnly));
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, (b) => ({ sheet: this.resolveOrThrow(b), ...refOrThrow(address) }));
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): RangeProxy {
    return new RangeProxy(this.ctx, (b) => ({ sheet: this.resolveOrThrow(b), top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }));
  }
  getRanges(address: string): AreasProxy {
    this.ctx.excel.calls.push('getRanges');
    return new AreasProxy(this.ctx, (b) => ({ sheet: this.resolveOrThrow(b), areas: address.split(',').map(refOrThrow) }), address.length);
  }
  activate(): void {
    this.ctx.queue({ write: false, name: 'activate', bytes: 40, run: (b) => void (b.active = this.resolveOrThrow(b).name) });
  }
  private resolveOrThrow(b: FakeBook): FakeSheet {
    const s = this.resolve(b);
    if (!s) throw new OfficeError('ItemNotFound');
    return s;
  }
}

class ProtectionProxy extends BaseProxy<FakeSheet> {
  protected prop(s: FakeSheet, name: string): unknown {
    if (name === 'protected') return s.protected;
    throw new OfficeError('InvalidArgument', `fake: WorksheetProtection.${name}`);
  }
  get protected(): boolean {
    return this.get('protected') as boolean;
  }
}

interface RangeT extends RangeRef {
  sheet: FakeSheet;
}
interface AreasT {
  sheet: FakeSheet;
  areas: RangeRef[];
}

/** Range.format.fill (and RangeAreas'): a colour set is solid, untinted; clear() is No Fill. */
class FillProxy {
  constructor(private readonly target: { write(name: string, bytes: number, fn: (cells: FakeCell[]) => void): void }) {}
  set color(c: string) {
    this.target.write('fill.color', size(c), (cells) =>
      cells.forEach((x) => {
        x.fill = c.toUpperCase();
        delete x.fillTint;
        delete x.fillPattern;
      }),
    );
  }
  clear(): void {
    this.target.write('fill.clear', 0, (cells) =>
      cells.forEach((x) => {
        x.fill = null;
        delete x.fillTint;
        delete x.fillPattern;
      }),
    );
  }
}

class RangeProxy extends BaseProxy<RangeT> {
  readonly format = { fill: new FillProxy({ write: (name, bytes, fn) => this.writeCells(name, bytes, fn) }) };
  /** The range this proxy resolves to (for names.add). */
  target(b: FakeBook): RangeT {
    const r = this.resolve(b);
    if (!r) throw new OfficeError('ItemNotFound');
    return r;
  }
  protected prop(r: RangeT, name: string): unknown {
    const grid = <V>(f: (c: FakeCell | undefined) => V): V[][] | null =>
      cellCount(r) > 5_000_000 ? null : matrix(r, (row, col) => f(r.sheet.cells[`${row},${col}`]));
    switch (name) {
      case 'address': return `${quoteSheet(r.sheet.name)}!${rangeToA1(r)}`;
      case 'rowIndex': return r.top;
      case 'columnIndex': return r.left;
      case 'rowCount': return r.bottom - r.top + 1;
      case 'columnCount': return r.right - r.left + 1;
      case 'values': return grid((c) => c?.value ?? '');
      case 'text': return grid((c) => c?.text ?? '');
      case 'formulas': return grid((c) => c?.formula ?? c?.value ?? '');
      case 'numberFormat': return grid((c) => c?.numberFormat ?? 'General');
      case 'valueTypes': return grid((c) => valueType(c?.value ?? null));
      default: throw new OfficeError('InvalidArgument', `fake: Range.${name}`);
    }
  }
  get address(): string { return this.get('address') as string; }
  get rowIndex(): number { return this.get('rowIndex') as number; }
  get columnIndex(): number { return this.get('columnIndex') as number; }
  get rowCount(): number { return this.get('rowCount') as number; }
  get columnCount(): number { return this.get('columnCount') as number; }
  get values(): unknown[][] { return this.get('values') as unknown[][]; }
  get text(): string[][] { return this.get('text') as string[][]; }
  get formulas(): unknown[][] { return this.get('formulas') as unknown[][]; }
  get numberFormat(): unknown[][] { return this.get('numberFormat') as unknown[][]; }
  get valueTypes(): string[][] { return this.get('valueTypes') as string[][]; }

  set values(m: unknown[][]) {
    this.writeMatrix('values', m, false, (cell, v) => {
      const parsed = excelParse(v);
      cell.value = parsed.value;
      cell.formula = parsed.formula;
      cell.text = parsed.value === null ? '' : String(parsed.value);
    });
  }
  set numberFormat(m: unknown[][]) {
    this.writeMatrix('numberFormat', m, true, (cell, v) => void (cell.numberFormat = String(v)));
  }

  getCellProperties(opts: Excel.CellPropertiesLoadOptions): { value: unknown[][] } {
    this.ctx.excel.calls.push('getCellProperties');
    let staged: unknown[][] | undefined;
    let done = false;
    const want = opts.format?.fill ?? {};
    const protection = opts.format?.protection as { locked?: boolean } | boolean | undefined;
    const locked = protection === true || (typeof protection === 'object' && protection.locked === true);
    this.ctx.queue({
      write: false,
      name: 'getCellProperties',
      bytes: size(opts) + 40,
      run: (b) => {
        const r = this.resolve(b) as RangeT;
        staged = matrix(r, (row, col) => {
          const c = r.sheet.cells[`${row},${col}`];
          const fill: Record<string, unknown> = {};
          // No Fill and a solid fill both report pattern null here (office-js#4900), No Fill as white (#6218).
          if (want.color) fill.color = c?.fill ?? '#FFFFFF';
          if (want.pattern) fill.pattern = c?.fill && c.fillPattern ? c.fillPattern : null;
          if (want.tintAndShade) fill.tintAndShade = c?.fill ? (c.fillTint ?? 0) : null;
          const format: Record<string, unknown> = { fill };
          if (locked) format.protection = { locked: c?.locked ?? true };
          return { format };
        });
      },
      response: () => size(staged),
      commit: () => void (done = true),
    });
    return {
      get value(): unknown[][] {
        if (!done || !staged) throw new OfficeError('PropertyNotLoaded', 'ClientResult.value read before sync');
        return staged;
      },
    };
  }

  getMergedAreasOrNullObject(): AreasProxy {
    this.ctx.excel.calls.push('getMergedAreasOrNullObject');
    return new AreasProxy(this.ctx, (b) => {
      const r = this.resolve(b) as RangeT;
      const areas = r.sheet.merges.map((m) => parseRange(m) as RangeRef)
        .filter((m) => m.top >= r.top && m.top <= r.bottom && m.left >= r.left && m.left <= r.right); // top-left inside only
      if (areas.length > 512) throw new OfficeError('GeneralException', `${areas.length} merged areas (more than 512)`, 'Range.getMergedAreasOrNullObject');
      return areas.length ? { sheet: r.sheet, areas } : null;
    });
  }

  select(): void {
    this.ctx.queue({
      write: false,
      name: 'select',
      bytes: 40,
      run: (b) => {
        const r = this.resolve(b) as RangeT;
        if (b.active !== r.sheet.name) throw new OfficeError('InvalidSelection', 'select on an inactive sheet');
        b.selection = `${r.sheet.name}!${rangeToA1(r)}`;
      },
    });
  }

  private writeMatrix(name: string, m: unknown[][], formatting: boolean, set: (cell: FakeCell, v: unknown) => void): void {
    this.write(name, size(m), (r) => {
      if (m.length !== r.bottom - r.top + 1 || m.some((row) => row.length !== r.right - r.left + 1)) {
        throw new OfficeError('InvalidArgument', 'matrix size does not match the range');
      }
      const cells = matrix(r, (row, col) => cellAt(r.sheet, row, col));
      guard(r.sheet, cells.flat(), formatting);
      m.forEach((row, i) => row.forEach((v, j) => set(cells[i][j], v)));
    });
  }
  private writeCells(name: string, bytes: number, fn: (cells: FakeCell[]) => void): void {
    this.write(name, bytes, (r) => {
      const cells = matrix(r, (row, col) => cellAt(r.sheet, row, col)).flat();
      guard(r.sheet, cells, true);
      fn(cells);
    });
  }
}

class AreasProxy extends BaseProxy<AreasT> {
  readonly format = {
    fill: new FillProxy({
      write: (name, bytes, fn) =>
        this.write(name, bytes + this.addressBytes, (t) => {
          const cells = t.areas.flatMap((a) => matrix(a, (r, c): FakeCell => cellAt(t.sheet, r, c)).flat());
          guard(t.sheet, cells, true);
          fn(cells);
        }),
    }),
  };
  constructor(ctx: FakeContext, resolve: (b: FakeBook) => AreasT | null, private readonly addressBytes = 0) {
    super(ctx, resolve);
  }
  protected prop(t: AreasT, name: string): unknown {
    if (name === 'address') return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rangeToA1(a)}`).join(',');
    if (name === 'areaCount') return t.areas.length;
    throw new OfficeError('InvalidArgument', `fake: RangeAreas.${name}`);
  }
  get address(): string {
    return this.get('address') as string;
  }
}

/** A protected sheet: values only in unlocked cells; formatting only with allowFormatCells. */
function guard(s: FakeSheet, cells: FakeCell[], formatting: boolean): void {
  if (!s.protected) return;
  if (formatting ? !s.allowFormatCells : cells.some((c) => c.locked !== false)) {
    throw new OfficeError('AccessDenied', `sheet ${s.name} is protected`);
  }
}

function cellAt(s: FakeSheet, row: number, col: number): FakeCell {
  return (s.cells[`${row},${col}`] ??= { value: null, formula: null, numberFormat: 'General', fill: null, text: '' });
}

function isBlank(c: FakeCell): boolean {
  return c.value === null && !c.formula && !c.fill && c.numberFormat === 'General' && c.locked !== false;
}

function cellCount(r: RangeRef): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function matrix<V>(r: RangeRef, f: (row: number, col: number) => V): V[][] {
  const out: V[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: V[] = [];
    for (let col = r.left; col <= r.right; col++) line.push(f(row, col));
    out.push(line);
  }
  return out;
}

/** The used range (formats count unless valuesOnly), or null on a blank sheet. */
function usedRange(s: FakeSheet, valuesOnly: boolean): RangeT | null {
  let box: RangeRef | null = null;
  for (const [key, c] of Object.entries(s.cells)) {
    if (valuesOnly ? c.value === null && !c.formula : isBlank(c)) continue;
    const [row, col] = key.split(',').map(Number);
    box = box
      ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
      : { top: row, left: col, bottom: row, right: col };
  }
  return box ? { sheet: s, ...box } : null;
}

function refOrThrow(address: string): RangeRef {
  const r = parseRange(address.trim());
  if (!r) throw new OfficeError('InvalidArgument', `bad address ${address}`);
  return r;
}

function valueType(v: CellValue): string {
  if (v === null) return 'Empty';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return /^#[A-Z/0!?]+/.test(v) ? 'Error' : 'String';
}

/** Excel's DATE(y, m, d) serial in the workbook's date system (1900 counts the phantom 1900-02-29). */
function excelDate(y: number, m: number, d: number, date1904: boolean): number {
  const days = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
  return date1904 ? days - 1462 : days;
}

/** What Excel makes of a value written through Range.values (quote prefix, formulas, coercion). */
function excelParse(v: unknown): { value: CellValue; formula: string | null } {
  if (v === null || v === undefined) return { value: null, formula: null }; // real Excel: null leaves the cell as is
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: null };
  const s = String(v);
  if (s === '') return { value: null, formula: null };
  if (s.startsWith("'")) return { value: s.slice(1), formula: null };
  if (s.startsWith('=')) return { value: '#CALC!', formula: s };
  if (/^\s*(true|false)\s*$/i.test(s)) return { value: /true/i.test(s), formula: null };
  const pct = /^\s*(-?\d+(?:\.\d+)?)\s*%\s*$/.exec(s);
  if (pct) return { value: Number(pct[1]) / 100, formula: null };
  if (/^\s*-?\d+(?:\.\d+)?\s*$/.test(s)) return { value: Number(s), formula: null };
  return { value: s, formula: null };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number));
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

export { toA1 };
