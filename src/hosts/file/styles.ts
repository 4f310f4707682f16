/**
 * Edits xl/styles.xml for fills and number formats by APPENDING fills, numFmts and cellXfs clones;
 * existing entries are never changed or reordered, so every other cell keeps its look. Before cloning
 * we look for an existing xf that already has the wanted fill/format and is otherwise identical (lowest
 * index first): that is how removing a mark gets the cell's original `s` back.
 */
import { HostError } from '../host';
import { escapeAttr, findElement, getAttr, listChildren, prefixOf, removeAttr, setAttr, unescapeXml } from './xml';

const BUILTIN_NUMFMTS: Record<string, number> = {
  General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11,
  '# ?/?': 12, '# ??/??': 13, '@': 49,
};

interface List {
  name: string;
  items: string[];
  /** Number of items in the original part; items after it were appended by us. */
  original: number;
}

export class Styles {
  private readonly p: string;
  private readonly lists = new Map<string, List>();

  constructor(private readonly xml: string) {
    this.p = prefixOf(xml, 'styleSheet');
    for (const name of ['fills', 'cellXfs', 'numFmts']) {
      const el = findElement(xml, this.p + name);
      const child = this.p + (name === 'fills' ? 'fill' : name === 'cellXfs' ? 'xf' : 'numFmt');
      const items = el && !el.empty ? listChildren(xml.slice(el.openEnd, el.end - name.length - this.p.length - 3), child) : [];
      this.lists.set(name, { name, items, original: items.length });
    }
    if (!findElement(xml, this.p + 'fills') || !findElement(xml, this.p + 'cellXfs')) {
      throw new HostError('not-supported', 'the workbook has no usable style sheet');
    }
  }

  private list(name: string): List {
    return this.lists.get(name) as List;
  }

  private xf(s: number): string {
    const xfs = this.list('cellXfs').items;
    const xf = xfs[s] ?? xfs[0];
    if (!xf) throw new HostError('not-supported', 'the workbook has no cell formats');
    return xf;
  }

  private static openTag(el: string): string {
    return /^<[^>]*>/.exec(el)?.[0] ?? el;
  }

  private static num(el: string, attr: string): number {
    return Number(getAttr(Styles.openTag(el), attr) ?? 0);
  }

  /** The xf with two attributes removed: two xfs with equal keys differ only in those attributes. */
  private static key(xf: string, a: string, b: string): string {
    const open = Styles.openTag(xf);
    return removeAttr(removeAttr(open, a), b) + xf.slice(open.length);
  }

  /** Solid fill colour of a fill element as "#RRGGBB", null for no fill, "other" for anything else. */
  private fillColour(fillId: number): string | null {
    const f = this.list('fills').items[fillId];
    if (!f || /^<[^>]*\/>$/.test(f)) return null;
    const pattern = /<(?:[\w.-]+:)?patternFill\b[^>]*>/.exec(f)?.[0];
    if (!pattern) return /gradientFill/.test(f) ? 'other' : null;
    const type = getAttr(pattern, 'patternType') ?? 'none';
    if (type === 'none') return null;
    if (type !== 'solid') return 'other';
    const fg = /<(?:[\w.-]+:)?fgColor\b[^>]*>/.exec(f)?.[0];
    const rgb = fg ? getAttr(fg, 'rgb') : undefined;
    return rgb && /^[0-9A-Fa-f]{6,8}$/.test(rgb) ? '#' + rgb.slice(-6).toUpperCase() : 'other';
  }

  private ensureFill(colour: string | null): number {
    const fills = this.list('fills');
    for (let i = 0; i < fills.items.length; i++) if (this.fillColour(i) === colour) return i;
    const body = colour
      ? `<${this.p}patternFill patternType="solid"><${this.p}fgColor rgb="FF${colour.slice(1).toUpperCase()}"/><${this.p}bgColor indexed="64"/></${this.p}patternFill>`
      : `<${this.p}patternFill patternType="none"/>`;
    fills.items.push(`<${this.p}fill>${body}</${this.p}fill>`);
    return fills.items.length - 1;
  }

  private ensureNumFmt(code: string): number {
    if (code in BUILTIN_NUMFMTS) return BUILTIN_NUMFMTS[code];
    const list = this.list('numFmts');
    let max = 163;
    for (const el of list.items) {
      const id = Styles.num(el, 'numFmtId');
      if (unescapeXml(getAttr(el, 'formatCode') ?? '') === code || getAttr(el, 'formatCode') === code) return id;
      max = Math.max(max, id);
    }
    list.items.push(`<${this.p}numFmt numFmtId="${max + 1}" formatCode="${escapeAttr(code)}"/>`);
    return max + 1;
  }

  /** Index of an xf like `s` but whose (idAttr, applyAttr) pair gives `want`; appended when none exists. */
  private variant(s: number, idAttr: string, applyAttr: string, ok: (xf: string) => boolean, id: () => number): number {
    const base = this.xf(s);
    if (ok(base)) return s;
    const xfs = this.list('cellXfs').items;
    const k = Styles.key(base, idAttr, applyAttr);
    for (let i = 0; i < xfs.length; i++) if (ok(xfs[i]) && Styles.key(xfs[i], idAttr, applyAttr) === k) return i;
    const open = Styles.openTag(base);
    const newOpen = setAttr(setAttr(open, idAttr, String(id())), applyAttr, '1');
    xfs.push(newOpen + base.slice(open.length));
    return xfs.length - 1;
  }

  /** The style index for a cell styled `s` with its fill set to `colour` ("#RRGGBB") or removed (null). */
  withFill(s: number, colour: string | null): number {
    const want = colour ? colour.toUpperCase() : null;
    if (want !== null && !/^#[0-9A-F]{6}$/.test(want)) throw new HostError('write-failed', `not a fill colour: ${colour}`);
    return this.variant(s, 'fillId', 'applyFill', (xf) => this.fillColour(Styles.num(xf, 'fillId')) === want, () => this.ensureFill(want));
  }

  /** The style index for a cell styled `s` with number format `code`. */
  withNumFmt(s: number, code: string): number {
    const id = this.ensureNumFmt(code);
    return this.variant(s, 'numFmtId', 'applyNumberFormat', (xf) => Styles.num(xf, 'numFmtId') === id, () => id);
  }

  changed(): boolean {
    return [...this.lists.values()].some((l) => l.items.length !== l.original);
  }

  /** styles.xml with the appended entries; the original bytes when nothing was added. */
  toXml(): string {
    let xml = this.xml;
    for (const name of ['numFmts', 'fills', 'cellXfs']) {
      const l = this.list(name);
      if (l.items.length === l.original) continue;
      const added = l.items.slice(l.original).join('');
      const el = findElement(xml, this.p + name);
      if (!el) {
        // Only numFmts may be missing; it must be the style sheet's first child.
        const root = findElement(xml, this.p + 'styleSheet') as { openEnd: number };
        xml = `${xml.slice(0, root.openEnd)}<${this.p}numFmts count="${l.items.length}">${added}</${this.p}numFmts>${xml.slice(root.openEnd)}`;
        continue;
      }
      const open = setAttr(xml.slice(el.start, el.openEnd).replace(/\s*\/>$/, '>'), 'count', String(l.items.length));
      const inner = el.empty ? '' : xml.slice(el.openEnd, el.end - name.length - this.p.length - 3);
      xml = `${xml.slice(0, el.start)}${open}${inner}${added}</${this.p}${name}>${xml.slice(el.end)}`;
    }
    return xml;
  }
}
