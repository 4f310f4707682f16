/**
 * Cell-level surgery on one worksheet part. Only the <row> elements that receive a write are
 * re-emitted (and, inside them, only the written <c> elements); every other byte of the part,
 * <dimension ref> aside, is kept as it was.
 */
import { HostError } from '../host';
import { columnName, parseA1, parseRange, rangeToA1, type RangeRef } from '../../core/address';
import { isErrorValue, type CellValue } from '../../core/snapshot';
import { MAX_CELL_TEXT } from './limits';
import { escapeText, findElement, getAttr, prefixOf, removeAttr, setAttr } from './xml';

interface CellSeg {
  col: number;
  text: string;
}
type Seg = CellSeg | string;

interface Row {
  idx: number;
  start: number;
  end: number;
  /** Parsed when the row is edited. */
  open?: string;
  segs?: Seg[];
  tail?: string;
  isNew?: boolean;
  /** Set once a write lands in the row; only dirty rows are re-emitted. */
  dirty?: boolean;
}

export interface CellEdit {
  /** undefined: keep the value. */
  value?: CellValue;
  /** New style index; undefined: keep. */
  s?: number;
  /** New cached result of the cell's formula (kept); ignored on a cell without one. */
  cached?: CellValue;
}

function colOf(ref: string | undefined): number | null {
  if (!ref) return null;
  const p = parseA1(ref);
  return p ? p.col : null;
}

/** A column range's style from <cols>: <col min max style>, 0-based columns. */
interface ColStyle {
  left: number;
  right: number;
  s: number;
}

/** A range computed by one formula: an array formula (legacy or dynamic) or a what-if data table. */
interface FormulaRange {
  range: RangeRef;
  ref: string;
  kind: string;
}

export class SheetEditor {
  private readonly p: string;
  private readonly body: { start: number; end: number; openEnd: number; empty: boolean };
  private rows: Row[] | null = null;
  private extent: RangeRef | null = null;
  private colStyles: ColStyle[] | null = null;
  private formulaRanges: FormulaRange[] | null = null;

  constructor(private readonly xml: string, readonly sheetName: string) {
    this.p = prefixOf(xml, 'worksheet');
    const body = findElement(xml, this.p + 'sheetData');
    if (!body) throw new HostError('write-failed', `sheet ${sheetName} has no cell table`, sheetName);
    this.body = body;
  }

  isProtected(): boolean {
    const tag = new RegExp(`<${this.p}sheetProtection\\b[^>]*>`).exec(this.xml)?.[0];
    const v = tag ? getAttr(tag, 'sheet') : undefined;
    return v === '1' || v === 'true';
  }

  hasFormulas(): boolean {
    return new RegExp(`<${this.p}f[\\s/>]`).test(this.xml);
  }

  private closeRow(): string {
    return `</${this.p}row>`;
  }

  private index(): Row[] {
    if (this.rows) return this.rows;
    const rows: Row[] = [];
    if (!this.body.empty) {
      const re = new RegExp(`<${this.p}row(?=[\\s/>])[^>]*?(/>|>)`, 'g');
      re.lastIndex = this.body.openEnd;
      let prev = -1;
      let m: RegExpExecArray | null;
      while ((m = re.exec(this.xml)) && m.index < this.body.end) {
        const r = getAttr(m[0], 'r');
        const idx = r ? Number(r) - 1 : prev + 1;
        let end = re.lastIndex;
        if (m[1] === '>') {
          const close = this.xml.indexOf(this.closeRow(), end);
          if (close < 0) throw new HostError('write-failed', `sheet ${this.sheetName} is malformed`, this.sheetName);
          end = close + this.closeRow().length;
        }
        rows.push({ idx, start: m.index, end });
        re.lastIndex = end;
        prev = idx;
      }
    }
    this.rows = rows;
    return rows;
  }

  private parseRow(row: Row): void {
    if (row.segs) return;
    const text = this.xml.slice(row.start, row.end);
    const open = /^<[^>]*>/.exec(text)?.[0] ?? text;
    row.segs = [];
    if (open.endsWith('/>')) {
      row.open = open.slice(0, -2).replace(/\s+$/, '') + '>';
      row.tail = '';
      return;
    }
    row.open = open;
    const inner = text.slice(open.length, text.length - this.closeRow().length);
    const re = new RegExp(`<${this.p}c(?=[\\s/>])[^>]*?(/>|>)`, 'g');
    let last = 0;
    let prev = -1;
    let m: RegExpExecArray | null;
    while ((m = re.exec(inner))) {
      let end = re.lastIndex;
      if (m[1] === '>') {
        const close = inner.indexOf(`</${this.p}c>`, end);
        end = close + this.p.length + 4;
      }
      if (m.index > last) row.segs.push(inner.slice(last, m.index));
      const col = colOf(getAttr(m[0], 'r')) ?? prev + 1;
      row.segs.push({ col, text: inner.slice(m.index, end) });
      prev = col;
      last = end;
      re.lastIndex = end;
    }
    row.tail = inner.slice(last);
  }

  private row(idx: number): Row {
    const rows = this.index();
    let i = rows.findIndex((r) => r.idx >= idx);
    if (i >= 0 && rows[i].idx === idx) return rows[i];
    if (i < 0) i = rows.length;
    const at = i < rows.length ? rows[i].start : this.body.empty ? this.body.end : this.body.end - `</${this.p}sheetData>`.length;
    const row: Row = { idx, start: at, end: at, isNew: true, open: `<${this.p}row r="${idx + 1}">`, segs: [], tail: '' };
    rows.splice(i, 0, row);
    return row;
  }

  /** Column styles from <cols> (before <sheetData>). */
  private columnStyles(): ColStyle[] {
    if (this.colStyles) return this.colStyles;
    const out: ColStyle[] = [];
    const head = this.xml.slice(0, this.body.start);
    for (const m of head.matchAll(new RegExp(`<${this.p}col(?=[\\s/>])[^>]*>`, 'g'))) {
      const min = Number(getAttr(m[0], 'min'));
      const max = Number(getAttr(m[0], 'max') ?? min);
      const s = Number(getAttr(m[0], 'style') ?? 0);
      if (Number.isInteger(min) && Number.isInteger(max) && min >= 1 && s > 0) out.push({ left: min - 1, right: max - 1, s });
    }
    this.colStyles = out;
    return out;
  }

  /**
   * The style an absent cell displays, which a new <c> must carry: its row's (`<row s customFormat="1">`),
   * else its column's (`<col min max style>`), else 0.
   */
  private inheritedStyle(row: Row | undefined, col: number): number {
    const open = row ? (row.open ?? /^<[^>]*>/.exec(this.xml.slice(row.start, row.end))?.[0]) : undefined;
    if (open) {
      const custom = getAttr(open, 'customFormat');
      const s = getAttr(open, 's');
      if ((custom === '1' || custom === 'true') && s !== undefined && /^\d+$/.test(s)) return Number(s);
    }
    return this.columnStyles().find((c) => c.left <= col && col <= c.right)?.s ?? 0;
  }

  /** The style index of a cell: its own `s` (0 when it has none), or the style it shows when it does not exist. */
  styleOf(a1: string): number {
    const ref = parseA1(a1);
    if (!ref) return 0;
    const rows = this.index();
    const row = rows.find((r) => r.idx === ref.row);
    if (!row) return this.inheritedStyle(undefined, ref.col);
    this.parseRow(row);
    const cell = row.segs?.find((s): s is CellSeg => typeof s !== 'string' && s.col === ref.col);
    if (!cell) return this.inheritedStyle(row, ref.col);
    const tag = /^<[^>]*>/.exec(cell.text)?.[0];
    return tag ? Number(getAttr(tag, 's') ?? 0) : 0;
  }

  /** Array formulas' and data tables' ranges (`<f t="array|dataTable" ref>`): Excel computes every cell of them. */
  private computedRanges(): FormulaRange[] {
    if (this.formulaRanges) return this.formulaRanges;
    const out: FormulaRange[] = [];
    if (/\bt\s*=\s*["'](?:array|dataTable)["']/.test(this.xml)) {
      const re = new RegExp(`<${this.p}f(?=[\\s/>])[^>]*>`, 'g');
      re.lastIndex = this.body.openEnd;
      let m: RegExpExecArray | null;
      while ((m = re.exec(this.xml)) && m.index < this.body.end) {
        const kind = getAttr(m[0], 't');
        const ref = getAttr(m[0], 'ref');
        const range = ref ? parseRange(ref) : null;
        if ((kind === 'array' || kind === 'dataTable') && range && ref) out.push({ range, ref, kind });
      }
    }
    this.formulaRanges = out;
    return out;
  }

  /** Applies a write to one cell. Refuses to overwrite a formula. */
  set(a1: string, edit: CellEdit): void {
    const ref = parseA1(a1);
    if (!ref) throw new HostError('write-failed', `not a cell address: ${a1}`, this.sheetName);
    const addr = columnName(ref.col) + (ref.row + 1);
    const row = this.row(ref.row);
    this.parseRow(row);
    const segs = row.segs as Seg[];
    let i = segs.findIndex((s) => typeof s !== 'string' && s.col >= ref.col);
    const existing = i >= 0 && (segs[i] as CellSeg).col === ref.col ? (segs[i] as CellSeg) : null;
    if (edit.cached !== undefined) {
      const inRange = this.computedRanges().some(({ range: r }) => r.top <= ref.row && ref.row <= r.bottom && r.left <= ref.col && ref.col <= r.right);
      // Only a plain or shared formula's result is ours to refresh; an array formula's is Excel's.
      const formula = existing && !inRange ? new RegExp(`<${this.p}f(?=[\\s/>])(?:[^>]*/>|[^>]*>[\\s\\S]*?</${this.p}f>)`).exec(existing.text)?.[0] : undefined;
      const cached = edit.cached;
      edit = { ...edit, cached: undefined };
      if (formula && existing) {
        existing.text = this.cachedXml(existing.text, formula, cached);
        row.dirty = true;
      }
      if (edit.value === undefined && edit.s === undefined) return;
    }
    if (existing && edit.value !== undefined && new RegExp(`<${this.p}f[\\s/>]`).test(existing.text)) {
      throw new HostError('write-failed', `${this.sheetName}!${addr} holds a formula; selfeval does not overwrite formulas`, this.sheetName);
    }
    if (edit.value !== undefined) {
      const inside = this.computedRanges().find(({ range: r }) => r.top <= ref.row && ref.row <= r.bottom && r.left <= ref.col && ref.col <= r.right);
      if (inside) {
        const what = inside.kind === 'array' ? 'array formula' : 'data table';
        throw new HostError('write-failed', `${this.sheetName}!${addr} is computed by the ${what} of ${inside.ref}; selfeval does not overwrite formulas`, this.sheetName);
      }
    }
    // A new cell starts from the style it showed while absent (its row's or column's).
    const s = edit.s ?? (existing ? undefined : this.inheritedStyle(row, ref.col) || undefined);
    const text = this.cellXml(existing?.text ?? null, addr, { ...edit, s });
    if (existing) existing.text = text;
    else {
      if (i < 0) i = segs.length;
      segs.splice(i, 0, { col: ref.col, text });
      this.widenSpans(row, ref.col);
    }
    const cell = { top: ref.row, left: ref.col, bottom: ref.row, right: ref.col };
    this.extent = this.extent ? union(this.extent, cell) : cell;
    row.dirty = true;
  }

  private widenSpans(row: Row, col: number): void {
    const spans = getAttr(row.open as string, 'spans');
    const m = spans ? /^(\d+):(\d+)$/.exec(spans) : null;
    if (!m) return;
    const lo = Math.min(Number(m[1]), col + 1);
    const hi = Math.max(Number(m[2]), col + 1);
    if (lo !== Number(m[1]) || hi !== Number(m[2])) row.open = setAttr(row.open as string, 'spans', `${lo}:${hi}`);
  }

  /** A formula cell with a new cached result: same attributes (but the type), same <f>, new <v>. */
  private cachedXml(old: string, formula: string, v: CellValue): string {
    const p = this.p;
    let open = removeAttr((/^<[^>]*>/.exec(old) as RegExpExecArray)[0].replace(/\s*\/>$/, '>'), 't');
    let value = '';
    if (typeof v === 'number' && Number.isFinite(v)) value = String(v);
    else if (typeof v === 'boolean') [open, value] = [setAttr(open, 't', 'b'), v ? '1' : '0'];
    else if (isErrorValue(v as unknown)) [open, value] = [setAttr(open, 't', 'e'), escapeText(String(v).trim().toUpperCase())];
    else if (typeof v === 'string') [open, value] = [setAttr(open, 't', 'str'), escapeText(v)];
    return `${open}${formula}${value === '' && typeof v !== 'string' ? '' : `<${p}v>${value}</${p}v>`}</${p}c>`;
  }

  private cellXml(old: string | null, addr: string, edit: CellEdit): string {
    const p = this.p;
    let open = old ? (/^<[^>]*>/.exec(old)?.[0] as string) : `<${p}c r="${addr}"/>`;
    const selfClosing = open.endsWith('/>');
    if (selfClosing) open = open.slice(0, -2).replace(/\s+$/, '') + '>';
    if (!getAttr(open, 'r')) open = setAttr(open, 'r', addr);
    if (edit.s !== undefined) open = edit.s === 0 && !getAttr(open, 's') ? open : setAttr(open, 's', String(edit.s));
    if (edit.value === undefined) {
      if (!old || selfClosing) return open.slice(0, -1) + '/>';
      return open + old.slice((/^<[^>]*>/.exec(old) as RegExpExecArray)[0].length);
    }
    for (const a of ['t', 'cm', 'vm']) open = removeAttr(open, a);
    const v = edit.value;
    if (v === null || v === '') return open.slice(0, -1) + '/>';
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) throw new HostError('write-failed', `${addr}: ${v} is not a number a workbook can hold`, this.sheetName);
      return `${open}<${p}v>${String(v)}</${p}v></${p}c>`;
    }
    if (typeof v === 'boolean') return `${setAttr(open, 't', 'b')}<${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
    if (isErrorValue(v as unknown)) return `${setAttr(open, 't', 'e')}<${p}v>${escapeText(v.trim().toUpperCase())}</${p}v></${p}c>`;
    if (v.length > MAX_CELL_TEXT) {
      throw new HostError('write-failed', `${addr}: text of ${v.length} characters is over Excel's ${MAX_CELL_TEXT} limit`, this.sheetName);
    }
    const space = /^\s|\s$/.test(v) ? ' xml:space="preserve"' : '';
    return `${setAttr(open, 't', 'inlineStr')}<${p}is><${p}t${space}>${escapeText(v)}</${p}t></${p}is></${p}c>`;
  }

  /** The worksheet XML with the edited rows re-emitted and the dimension widened. */
  toXml(): string {
    const rows = this.index();
    const edited = rows.filter((r) => r.dirty);
    if (!edited.length) return this.xml;
    let out = '';
    let pos = 0;
    const emit = (r: Row): string =>
      (r.open as string) + (r.segs as Seg[]).map((s) => (typeof s === 'string' ? s : s.text)).join('') + (r.tail as string) + this.closeRow();
    if (this.body.empty) {
      const open = this.xml.slice(this.body.start, this.body.end).replace(/\s*\/>$/, '>');
      out = this.xml.slice(0, this.body.start) + open + edited.map(emit).join('') + `</${this.p}sheetData>`;
      pos = this.body.end;
    } else {
      for (const r of edited) {
        out += this.xml.slice(pos, r.start) + emit(r);
        pos = r.end;
      }
    }
    out += this.xml.slice(pos);
    return this.widenDimension(out);
  }

  private widenDimension(xml: string): string {
    if (!this.extent) return xml;
    const re = new RegExp(`<${this.p}dimension\\b[^>]*>`);
    const tag = re.exec(xml)?.[0];
    const ref = tag ? getAttr(tag, 'ref') : undefined;
    const cur = ref ? parseRange(ref) : null;
    if (!tag || !cur) return xml;
    const next = rangeToA1(union(cur, this.extent));
    return next === ref ? xml : xml.replace(re, setAttr(tag, 'ref', next));
  }
}

function union(a: RangeRef, b: RangeRef): RangeRef {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}
