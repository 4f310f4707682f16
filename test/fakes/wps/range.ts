/**
 * Range, Interior and Comment wrappers of the fake. A new wrapper on every property read (7.4 3);
 * every member access goes through `tick` (counted, failure injection, edit mode).
 */
import type { CellValue } from '../../../src/core/snapshot';
import { isErrorValue } from '../../../src/core/snapshot';
import { parseRange, toA1, columnName, type RangeRef } from '../../../src/core/address';
import { XL } from '../../../src/hosts/wps/types';
import { codeOfError } from '../../../src/hosts/wps/values';
import type { FakeWpsControl } from './control';
import { blankCell, isBlank, key, textOf, usedBox, type FakeCell, type FakeSheetState } from './model';

export interface SheetFactory {
  sheet(state: FakeSheetState): unknown;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;

/** "A1:B2,D4" (optionally "Sheet!"-prefixed, with $) → areas; throws on a bad address (7.4 2). */
export function parseAreas(address: string): RangeRef[] {
  const areas = address.split(',').map((a) => {
    const body = a.replace(/\$/g, '').trim();
    const whole = /^([A-Z]+):([A-Z]+)$/i.exec(body) ?? /^(\d+):(\d+)$/.exec(body);
    if (whole) {
      const r = parseRange(/\d/.test(body) ? `A${whole[1]}:XFD${whole[2]}` : `${whole[1]}1:${whole[2]}${MAX_ROWS}`);
      if (r) return r;
    }
    const r = parseRange(body);
    if (!r) throw new Error(`Range("${address}"): bad address`);
    return r;
  });
  if (areas.length === 0) throw new Error('Range(""): bad address');
  return areas;
}

function cellsOf(r: RangeRef): [number, number][] {
  const out: [number, number][] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push([row, col]);
  return out;
}

const size = (r: RangeRef) => (r.bottom - r.top + 1) * (r.right - r.left + 1);

function addressOf(r: RangeRef, rowAbs: boolean, colAbs: boolean): string {
  const one = (row: number, col: number) => `${colAbs ? '$' : ''}${columnName(col)}${rowAbs ? '$' : ''}${row + 1}`;
  const a = one(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${one(r.bottom, r.right)}`;
}

/** One value when every cell agrees, else null (notes §2.4; 7.4 6). */
function uniform<T>(values: T[]): T | null {
  return values.every((v) => v === values[0]) ? values[0] : null;
}

/** What ET makes of an assigned constant (VBA rules): "'x" is text x, "12" a number, "95%" 0.95… */
function parseInput(v: unknown): { value: CellValue; formula: string | null; percent: boolean } {
  if (v === null || v === undefined || v === '') return { value: null, formula: null, percent: false };
  if (typeof v === 'number' || typeof v === 'boolean') return { value: v, formula: null, percent: false };
  const s = String(v);
  if (s.startsWith("'")) return { value: s.slice(1), formula: null, percent: false };
  if (s.startsWith('=')) return { value: null, formula: s, percent: false };
  if (/^\s*-?\d+(\.\d+)?\s*$/.test(s)) return { value: Number(s), formula: null, percent: false };
  if (/^\s*-?\d+(\.\d+)?%\s*$/.test(s)) return { value: Number(s.trim().slice(0, -1)) / 100, formula: null, percent: true };
  if (/^(true|false)$/i.test(s.trim())) return { value: /^true$/i.test(s.trim()), formula: null, percent: false };
  return { value: s, formula: null, percent: false };
}

export class FakeRange {
  constructor(
    private readonly fake: FakeWpsControl,
    private readonly sheets: SheetFactory,
    readonly state: FakeSheetState,
    readonly areas: RangeRef[],
  ) {}

  private get first(): RangeRef {
    return this.areas[0];
  }
  private t(member: string, write = false): void {
    if (!this.fake.book.sheets.includes(this.state)) throw new Error(`Range.${member}: the sheet was deleted`);
    this.fake.tick(`Range.${member}`, write);
  }
  private cell(row: number, col: number): FakeCell {
    return this.state.cells.get(key(row, col)) ?? blankCell();
  }
  /** The cells formats are read from and written to: every area, or the first only (option multiArea). */
  private allCells(): [number, number][] {
    if (this.fake.options.multiArea === 'first') return cellsOf(this.first);
    return ([] as [number, number][]).concat(...this.areas.map(cellsOf));
  }
  private rangeOf(r: RangeRef): FakeRange {
    return new FakeRange(this.fake, this.sheets, this.state, [r]);
  }

  /** Applies `change` to every cell of every area as one undoable write; refused on a protected sheet. */
  private write(member: string, change: (cell: FakeCell, row: number, col: number) => void): void {
    if (this.state.protectContents) throw new Error(`Range.${member}: the sheet "${this.state.name}" is protected`);
    const cells = this.allCells();
    this.fake.record(this.state, cells.map(([r, c]) => key(r, c)), `Range.${member}`);
    for (const [row, col] of cells) {
      const cell = { ...this.cell(row, col) };
      change(cell, row, col);
      if (isBlank(cell)) this.state.cells.delete(key(row, col));
      else this.state.cells.set(key(row, col), cell);
    }
    this.fake.book.saved = false;
    if (this.fake.switches.EnableEvents) this.fake.fired.push('SheetChange');
  }

  get Row(): number {
    this.t('Row');
    return this.first.top + 1;
  }
  get Column(): number {
    this.t('Column');
    return this.first.left + 1;
  }
  get Rows() {
    this.t('Rows');
    const n = this.first.bottom - this.first.top + 1;
    const fake = this.fake;
    return {
      get Count() {
        fake.tick('Rows.Count');
        return n;
      },
    };
  }
  get Columns() {
    this.t('Columns');
    const n = this.first.right - this.first.left + 1;
    const fake = this.fake;
    return {
      get Count() {
        fake.tick('Columns.Count');
        return n;
      },
    };
  }
  get Count(): number {
    this.t('Count');
    return this.areas.reduce((n, r) => n + size(r), 0);
  }
  /** A method (notes fact 5; 7.4 4). */
  Address(rowAbsolute = true, columnAbsolute = true): string {
    this.t('Address');
    return this.areas.map((r) => addressOf(r, rowAbsolute, columnAbsolute)).join(',');
  }

  /** rows × cols of `at` in the configured shape (7.4 5); a single cell gives a scalar. */
  private shaped(at: (cell: FakeCell) => unknown): unknown {
    const r = this.first;
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const grid = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => at(this.cell(r.top + i, r.left + j))));
    if (rows === 1 && cols === 1) return grid[0][0];
    switch (this.fake.options.shape ?? 'array2d') {
      case 'array1d':
        return rows === 1 ? grid[0] : cols === 1 ? grid.map((row) => row[0]) : grid;
      case 'first':
        return grid[0][0];
      case 'item':
        return { Item: (i: number, j: number) => grid[i - 1]?.[j - 1], Count: rows * cols };
      case 'vbarray': {
        const flat: unknown[] = [];
        for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) flat.push(grid[i][j]);
        return { toArray: () => flat, dimensions: () => 2, ubound: (d: number) => (d === 1 ? rows : cols), lbound: () => 1 };
      }
      default:
        return grid;
    }
  }

  private raw(c: FakeCell): unknown {
    if (isErrorValue(c.value) && (this.fake.options.errors ?? 'cverr') === 'cverr') return codeOfError(c.value.trim().toUpperCase()) ?? c.value;
    return c.value;
  }

  get Value2(): unknown {
    this.t('Value2');
    return this.shaped((c) => this.raw(c));
  }
  set Value2(v: unknown) {
    this.t('Value2', true);
    this.assign('Value2', v);
  }
  get Formula(): unknown {
    this.t('Formula');
    return this.shaped((c) => c.formula ?? (c.value === null ? '' : typeof c.value === 'boolean' ? (c.value ? 'TRUE' : 'FALSE') : String(c.value)));
  }
  set Formula(v: unknown) {
    this.t('Formula', true);
    this.assign('Formula', v);
  }
  Value(_type?: number, rhs?: unknown): unknown {
    this.t('Value', rhs !== undefined);
    if (rhs !== undefined) {
      this.assign('Value', rhs);
      return undefined;
    }
    return this.shaped((c) => this.raw(c));
  }

  /** A scalar fills every cell; an array must have the area's shape (a 1-D array is one row). */
  private assign(member: string, v: unknown): void {
    const r = this.first;
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    let at: (i: number, j: number) => unknown = () => v;
    if (Array.isArray(v)) {
      if (this.fake.options.arrayWrites === false) throw new Error(`Range.${member}: arrays cannot be assigned on this build`);
      const m = (Array.isArray(v[0]) ? v : [v]) as unknown[][];
      if (m.length !== rows || m.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new Error(`Range.${member}: a ${m.length}×${m[0]?.length ?? 0} array for ${rows}×${cols} cells`);
      }
      at = (i, j) => m[i][j];
    }
    const date1904 = this.fake.book.date1904;
    this.write(member, (cell, row, col) => {
      const parsed = parseInput(at(row - r.top, col - r.left));
      cell.value = parsed.value;
      cell.formula = parsed.formula;
      if (parsed.percent && cell.numberFormat === 'General') cell.numberFormat = '0%';
      cell.text = parsed.formula ? '' : textOf(parsed.value, cell.numberFormat, date1904);
    });
  }

  get Text(): unknown {
    this.t('Text');
    if (size(this.first) > 1 && (this.fake.options.text ?? 'uniformOrNull') === 'uniformOrNull') {
      return uniform(cellsOf(this.first).map(([r, c]) => this.cell(r, c).text));
    }
    return this.shaped((c) => c.text);
  }
  get NumberFormat(): string | null {
    this.t('NumberFormat');
    return uniform(this.allCells().map(([r, c]) => this.cell(r, c).numberFormat));
  }
  set NumberFormat(v: string | null) {
    this.t('NumberFormat', true);
    const date1904 = this.fake.book.date1904;
    this.write('NumberFormat', (cell) => {
      cell.numberFormat = String(v);
      if (!cell.formula) cell.text = textOf(cell.value, cell.numberFormat, date1904);
    });
  }
  get HasFormula(): boolean | null {
    this.t('HasFormula');
    return uniform(this.allCells().map(([r, c]) => Boolean(this.cell(r, c).formula)));
  }

  private mergeAt(row: number, col: number): RangeRef | undefined {
    return this.state.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }
  /** True when every cell is in a merged area, false when none is, else null (7.4 6, 7). */
  get MergeCells(): boolean | null {
    this.t('MergeCells');
    return uniform(this.allCells().map(([r, c]) => this.mergeAt(r, c) !== undefined));
  }
  /** The merged area of the top-left cell, or that cell itself (7.4 7). */
  get MergeArea(): FakeRange {
    this.t('MergeArea');
    const r = this.first;
    return this.rangeOf(this.mergeAt(r.top, r.left) ?? { top: r.top, left: r.left, bottom: r.top, right: r.left });
  }

  get Interior(): FakeInterior {
    this.t('Interior');
    return new FakeInterior(this.fake, () => this.allCells().map(([r, c]) => this.cell(r, c)), (member, change) => this.write(member, change));
  }

  get Comment(): FakeComment | null {
    this.t('Comment');
    const r = this.first;
    return this.cell(r.top, r.left).comment === null ? null : new FakeComment(this.fake, this.state, r.top, r.left);
  }
  AddComment(text = ''): FakeComment {
    this.t('AddComment', true);
    const r = this.first;
    if (this.cell(r.top, r.left).comment !== null) throw new Error('AddComment: the cell already has a comment');
    this.rangeOf({ top: r.top, left: r.left, bottom: r.top, right: r.left }).write('AddComment', (cell) => (cell.comment = text));
    return new FakeComment(this.fake, this.state, r.top, r.left);
  }
  ClearComments(): void {
    this.t('ClearComments', true);
    this.write('ClearComments', (cell) => (cell.comment = null));
  }

  get Areas() {
    this.t('Areas');
    const areas = this.areas;
    const fake = this.fake;
    const make = (r: RangeRef) => this.rangeOf(r);
    return {
      get Count() {
        fake.tick('Areas.Count');
        return areas.length;
      },
      Item(i: number) {
        fake.tick('Areas.Item');
        if (!Number.isInteger(i) || i < 1 || i > areas.length) throw new Error(`Areas.Item(${i}): out of range`);
        return make(areas[i - 1]);
      },
    };
  }
  get Worksheet(): unknown {
    this.t('Worksheet');
    return this.sheets.sheet(this.state);
  }

  /** 1-based, relative to the range (7.4 2); Item(i) counts row by row. Out of the range → throws. */
  Item(row: number, column?: number): FakeRange {
    this.t('Item');
    const r = this.first;
    const cols = r.right - r.left + 1;
    let i = row - 1;
    let j = (column ?? 1) - 1;
    if (column === undefined) {
      j = (row - 1) % cols;
      i = Math.floor((row - 1) / cols);
    }
    if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j < 0 || r.top + i > r.bottom || r.left + j > r.right) {
      throw new Error(`Item(${row}, ${column}): out of range`);
    }
    return this.rangeOf({ top: r.top + i, left: r.left + j, bottom: r.top + i, right: r.left + j });
  }

  /** Selecting needs the sheet to be the active one, as in VBA. */
  Select(): void {
    this.t('Select', true);
    if (this.fake.book.active !== this.state) throw new Error('Range.Select: the sheet is not active');
    this.fake.book.selection = this.areas.map((a) => addressOf(a, false, false)).join(',');
  }
  Activate(): void {
    this.Select();
  }

  SpecialCells(type: number, _value?: number): FakeRange {
    this.t('SpecialCells');
    const box = usedBox(this.state);
    const found = this.allCells().filter(([r, c]) => {
      if (box && (r > box.bottom || c > box.right)) return false;
      const cell = this.cell(r, c);
      if (type === XL.cellTypeFormulas) return Boolean(cell.formula);
      if (type === XL.cellTypeConstants) return !cell.formula && cell.value !== null;
      return false;
    });
    if (found.length === 0) throw new Error('SpecialCells: No cells were found.');
    return new FakeRange(this.fake, this.sheets, this.state, found.map(([r, c]) => ({ top: r, left: c, bottom: r, right: c })));
  }
}

export class FakeInterior {
  constructor(
    private readonly fake: FakeWpsControl,
    private readonly cells: () => FakeCell[],
    private readonly write: (member: string, change: (cell: FakeCell) => void) => void,
  ) {}
  private get(member: string, at: (c: FakeCell) => number): number | null {
    this.fake.tick(`Interior.${member}`);
    return uniform(this.cells().map(at));
  }
  /** BGR; an unfilled cell reads white (7.4 8). */
  get Color(): number | null {
    return this.get('Color', (c) => (c.pattern === XL.none ? XL.white : c.color));
  }
  set Color(v: number | null) {
    this.fake.tick('Interior.Color', true);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > XL.white) throw new Error(`Interior.Color = ${String(v)}: not a BGR colour`);
    this.write('Interior.Color', (c) => {
      c.color = v;
      if (c.pattern === XL.none) c.pattern = XL.patternSolid;
    });
  }
  get ColorIndex(): number | null {
    return this.get('ColorIndex', (c) => (c.pattern === XL.none ? XL.none : c.color === XL.white ? 2 : 0));
  }
  /** XL.none clears the fill (7.4 8). */
  set ColorIndex(v: number | null) {
    this.fake.tick('Interior.ColorIndex', true);
    if (v !== XL.none) throw new Error('Interior.ColorIndex: the fake only supports xlColorIndexNone (-4142)');
    this.write('Interior.ColorIndex', (c) => {
      c.pattern = XL.none;
      c.color = XL.white;
    });
  }
  private extra(name: 'ThemeColor' | 'TintAndShade' | 'PatternColor', fallback: number): number | null {
    return this.get(name, (c) => c.theme?.[name] ?? fallback);
  }
  private setExtra(name: 'ThemeColor' | 'TintAndShade' | 'PatternColor', v: number | null): void {
    this.fake.tick(`Interior.${name}`, true);
    this.write(`Interior.${name}`, (c) => (c.theme = { ...c.theme, [name]: v ?? undefined }));
  }
  /** Kept as set, so that a saved image can be written back (7.4 8); defaults as an unthemed cell's. */
  get ThemeColor(): number | null {
    return this.extra('ThemeColor', XL.none);
  }
  set ThemeColor(v: number | null) {
    this.setExtra('ThemeColor', v);
  }
  get TintAndShade(): number | null {
    return this.extra('TintAndShade', 0);
  }
  set TintAndShade(v: number | null) {
    this.setExtra('TintAndShade', v);
  }
  get PatternColor(): number | null {
    return this.extra('PatternColor', 0);
  }
  set PatternColor(v: number | null) {
    this.setExtra('PatternColor', v);
  }
  get Pattern(): number | null {
    return this.get('Pattern', (c) => c.pattern);
  }
  set Pattern(v: number | null) {
    this.fake.tick('Interior.Pattern', true);
    if (typeof v !== 'number') throw new Error('Interior.Pattern: not a number');
    this.write('Interior.Pattern', (c) => {
      c.pattern = v;
      if (v === XL.none) c.color = XL.white;
    });
  }
}

export class FakeComment {
  constructor(
    private readonly fake: FakeWpsControl,
    private readonly state: FakeSheetState,
    private readonly row: number,
    private readonly col: number,
  ) {}
  /** A method (7.4 9). */
  Text(text?: string): string {
    this.fake.tick('Comment.Text', text !== undefined);
    const cell = this.state.cells.get(key(this.row, this.col));
    if (text !== undefined && cell) cell.comment = text;
    return cell?.comment ?? '';
  }
  Delete(): void {
    this.fake.tick('Comment.Delete', true);
    const cell = this.state.cells.get(key(this.row, this.col));
    if (cell) cell.comment = null;
  }
}

/** The whole sheet as a range (Worksheet.Cells). */
export const WHOLE_SHEET: RangeRef = { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLS - 1 };
export { toA1 };
