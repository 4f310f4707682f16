/**
 * An in-memory fake of the parts of Office.js (ExcelApi) that src/hosts/excel uses, with the
 * load/sync contract of the real thing:
 * - methods return proxies at once; nothing is resolved until context.sync();
 * - reading a property that was not loaded *and* synced throws PropertyNotLoaded;
 * - queued operations run in order at sync against a draft of the workbook, which is committed only
 *   when the whole batch succeeds (the guarantee the host relies on; see the README of docs/excel.md);
 * - errors carry Office's `code` (ItemNotFound, AccessDenied, InvalidArgument…);
 * - every sync() is counted, and Excel.run's options are recorded.
 */
import type { CellValue, WorkbookSnapshot } from '../../../src/core/snapshot';
import { parseRange, rangeToA1, toA1, type RangeRef } from '../../../src/core/address';

export interface FakeCell {
  value: CellValue;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  text: string;
}
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';
export interface FakeSheet {
  name: string;
  visibility: Visibility;
  protected: boolean;
  /** Keyed "row,col", 0-based. */
  cells: Record<string, FakeCell>;
  merges: string[];
}
export interface FakeBook {
  name: string;
  sheets: FakeSheet[];
  active: string;
  selection: string | null;
}

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
  run(book: FakeBook): void;
  commit?(): void;
}

const VIS: Record<string, Visibility> = { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' };

export class FakeExcel {
  book: FakeBook;
  syncCount = 0;
  readonly runOptions: Excel.RunOptions[] = [];
  /** Highest ExcelApi version this fake "supports". */
  apiVersion = '1.20';
  /** The user is typing in a cell: syncs fail unless Excel.run was asked to wait (delayForCellEdit). */
  cellEditMode = false;
  /** Methods called, for asserting what was (not) used. */
  readonly calls: string[] = [];
  private failures: { code: string; onlyWrites: boolean }[] = [];

  constructor(book: FakeBook) {
    this.book = book;
  }

  static fromSnapshot(snap: WorkbookSnapshot): FakeExcel {
    const sheets = snap.sheets.map((s): FakeSheet => {
      const cells: Record<string, FakeCell> = {};
      s.values.forEach((row, r) =>
        row.forEach((value, c) => {
          const cell: FakeCell = {
            value,
            formula: s.formulas[r]?.[c] ?? null,
            numberFormat: s.numberFormats[r]?.[c] ?? 'General',
            fill: s.fills?.[r]?.[c] ?? null,
            text: s.texts[r]?.[c] ?? '',
          };
          if (!isBlank(cell)) cells[`${s.top + r},${s.left + c}`] = cell;
        }),
      );
      return { name: s.name, visibility: VIS[s.visibility ?? 'visible'], protected: Boolean(s.protected), cells, merges: [...s.merges] };
    });
    return new FakeExcel({ name: snap.name ?? 'Book1.xlsx', sheets, active: sheets[0]?.name ?? '', selection: null });
  }

  isSetSupported = (version: string): boolean => compareVersions(version, this.apiVersion) <= 0;

  /** Makes the next sync (or the next one that writes, with onlyWrites) fail with this Office code. */
  failNextSync(code: string, onlyWrites = false): void {
    this.failures.push({ code, onlyWrites });
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

  /** Excel.run(batch) or Excel.run(options, batch); like Excel, syncs what is still queued at the end. */
  run = async <T>(a: Excel.RunOptions | ((ctx: Excel.RequestContext) => Promise<T>), b?: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const [options, batch] = typeof a === 'function' ? [{}, a] : [a, b as (ctx: Excel.RequestContext) => Promise<T>];
    this.runOptions.push(options);
    const ctx = new FakeContext(this, options);
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending()) await ctx.sync();
    return result;
  };

  /** Called by FakeContext.sync: runs a batch atomically. */
  execute(ops: Op[], options: Excel.RunOptions): void {
    this.syncCount++;
    const writes = ops.some((o) => o.write);
    const i = this.failures.findIndex((f) => !f.onlyWrites || writes);
    if (i >= 0) {
      const [f] = this.failures.splice(i, 1);
      throw new OfficeError(f.code, `injected ${f.code}`);
    }
    if (this.cellEditMode && !options.delayForCellEdit) throw new OfficeError('InvalidOperationInCellEditMode');
    const draft = JSON.parse(JSON.stringify(this.book)) as FakeBook;
    for (const op of ops) op.run(draft); // throws -> draft dropped, book unchanged
    this.book = draft;
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
      run: (book) => {
        const t = this.resolve(book);
        staged = t === null ? { isNullObject: true } : { isNullObject: false };
        if (t !== null) for (const n of names) staged[n] = this.prop(t, n, book);
      },
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
  protected write(fn: (t: T, book: FakeBook) => void): void {
    this.ctx.queue({
      write: true,
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
  constructor(ctx: FakeContext) {
    super(ctx, (b) => b);
    this.worksheets = new WorksheetsProxy(ctx);
  }
  protected prop(book: FakeBook, name: string): unknown {
    if (name === 'name') return book.name;
    throw new OfficeError('InvalidArgument', `fake: Workbook.${name}`);
  }
  get name(): string {
    return this.get('name') as string;
  }
}

class WorksheetsProxy extends BaseProxy<FakeSheet[]> {
  constructor(ctx: FakeContext) {
    super(ctx, (b) => b.sheets);
  }
  protected prop(sheets: FakeSheet[], name: string): unknown {
    if (name !== 'items/name' && name !== 'items') throw new OfficeError('InvalidArgument', `fake: Worksheets.${name}`);
    return sheets.map((s) => s.name);
  }
  get items(): WorksheetProxy[] {
    const names = (this.loaded['items/name'] ?? this.get('items')) as string[];
    return names.map((n) => {
      const ws = this.getItem(n);
      (ws as unknown as { loaded: Record<string, unknown> }).loaded.name = n;
      return ws;
    });
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, (b) => {
      const s = b.sheets.find((x) => x.name === name);
      if (!s) throw new OfficeError('ItemNotFound', `no sheet ${name}`, 'WorksheetCollection.getItem');
      return s;
    });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.ctx, (b) => b.sheets.find((x) => x.name === name) ?? null);
  }
  add(name: string): WorksheetProxy {
    this.ctx.excel.calls.push('worksheets.add');
    this.ctx.queue({
      write: true,
      run: (b) => {
        if (b.sheets.some((s) => s.name === name)) throw new OfficeError('ItemAlreadyExists');
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
    this.write((s) => {
      s.visibility = v;
    });
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.ctx, (b) => usedRange(this.resolveOrThrow(b), valuesOnly));
  }
  getRange(address: string): RangeProxy {
    return new RangeProxy(this.ctx, (b) => ({ sheet: this.resolveOrThrow(b), ...refOrThrow(address) }));
  }
  getRanges(address: string): AreasProxy {
    this.ctx.excel.calls.push('getRanges');
    return new AreasProxy(this.ctx, (b) => ({ sheet: this.resolveOrThrow(b), areas: address.split(',').map(refOrThrow) }));
  }
  activate(): void {
    this.ctx.queue({ write: false, run: (b) => void (b.active = this.resolveOrThrow(b).name) });
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

class FillProxy {
  constructor(private readonly target: { write(fn: (cells: FakeCell[], s: FakeSheet) => void): void }) {}
  set color(c: string) {
    this.target.write((cells) => cells.forEach((x) => (x.fill = c.toUpperCase())));
  }
  clear(): void {
    this.target.write((cells) => cells.forEach((x) => (x.fill = null)));
  }
}

class RangeProxy extends BaseProxy<RangeT> {
  readonly format = { fill: new FillProxy({ write: (fn) => this.writeCells(fn) }) };
  protected prop(r: RangeT, name: string): unknown {
    const grid = <V>(f: (c: FakeCell | undefined) => V): V[][] => matrix(r, (row, col) => f(r.sheet.cells[`${row},${col}`]));
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
    this.writeMatrix(m, (cell, v) => {
      const parsed = excelParse(v);
      cell.value = parsed.value;
      cell.formula = parsed.formula;
      cell.text = parsed.value === null ? '' : String(parsed.value);
    });
  }
  set numberFormat(m: unknown[][]) {
    this.writeMatrix(m, (cell, v) => void (cell.numberFormat = String(v)));
  }

  getCellProperties(opts: { format?: { fill?: { color?: boolean; pattern?: boolean } } }): { value: unknown[][] } {
    this.ctx.excel.calls.push('getCellProperties');
    let staged: unknown[][] | undefined;
    let done = false;
    this.ctx.queue({
      write: false,
      run: (b) => {
        const r = this.resolve(b) as RangeT;
        staged = matrix(r, (row, col) => {
          const fill = r.sheet.cells[`${row},${col}`]?.fill ?? null;
          const f: Record<string, unknown> = {};
          if (opts.format?.fill?.color) f.color = fill ?? '#FFFFFF';
          if (opts.format?.fill?.pattern) f.pattern = fill ? 'Solid' : 'None';
          return { format: { fill: f } };
        });
      },
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
      return areas.length ? { sheet: r.sheet, areas } : null;
    });
  }

  select(): void {
    this.ctx.queue({
      write: false,
      run: (b) => {
        const r = this.resolve(b) as RangeT;
        if (b.active !== r.sheet.name) throw new OfficeError('InvalidSelection', 'select on an inactive sheet');
        b.selection = `${r.sheet.name}!${rangeToA1(r)}`;
      },
    });
  }

  private writeMatrix(m: unknown[][], set: (cell: FakeCell, v: unknown) => void): void {
    this.write((r) => {
      if (m.length !== r.bottom - r.top + 1 || m.some((row) => row.length !== r.right - r.left + 1)) {
        throw new OfficeError('InvalidArgument', 'matrix size does not match the range');
      }
      guard(r.sheet);
      m.forEach((row, i) => row.forEach((v, j) => set(cellAt(r.sheet, r.top + i, r.left + j), v)));
    });
  }
  private writeCells(fn: (cells: FakeCell[], s: FakeSheet) => void): void {
    this.write((r) => {
      guard(r.sheet);
      fn(matrix(r, (row, col) => cellAt(r.sheet, row, col)).flat(), r.sheet);
    });
  }
}

class AreasProxy extends BaseProxy<AreasT> {
  readonly format = {
    fill: new FillProxy({
      write: (fn) =>
        this.write((t) => {
          guard(t.sheet);
          fn(t.areas.flatMap((a) => matrix(a, (r, c): FakeCell => cellAt(t.sheet, r, c)).flat()), t.sheet);
        }),
    }),
  };
  protected prop(t: AreasT, name: string): unknown {
    if (name === 'address') return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rangeToA1(a)}`).join(',');
    throw new OfficeError('InvalidArgument', `fake: RangeAreas.${name}`);
  }
  get address(): string {
    return this.get('address') as string;
  }
}

function guard(s: FakeSheet): void {
  if (s.protected) throw new OfficeError('AccessDenied', `sheet ${s.name} is protected`);
}

function cellAt(s: FakeSheet, row: number, col: number): FakeCell {
  return (s.cells[`${row},${col}`] ??= { value: null, formula: null, numberFormat: 'General', fill: null, text: '' });
}

function isBlank(c: FakeCell): boolean {
  return c.value === null && !c.formula && !c.fill && c.numberFormat === 'General';
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

function usedRange(s: FakeSheet, valuesOnly: boolean): RangeT {
  let box: RangeRef | null = null;
  for (const [key, c] of Object.entries(s.cells)) {
    if (valuesOnly ? c.value === null && !c.formula : isBlank(c)) continue;
    const [row, col] = key.split(',').map(Number);
    box = box
      ? { top: Math.min(box.top, row), left: Math.min(box.left, col), bottom: Math.max(box.bottom, row), right: Math.max(box.right, col) }
      : { top: row, left: col, bottom: row, right: col };
  }
  return { sheet: s, ...(box ?? { top: 0, left: 0, bottom: 0, right: 0 }) };
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
