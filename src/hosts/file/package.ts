/**
 * The OPC package seen by the patcher: parts read on demand (inflated with a cap), parts written or
 * added, and the workbook's sheet list resolved through workbook.xml and its relationships.
 */
import { HostError } from '../host';
import { MAX_ENTRY_UNCOMPRESSED_BYTES } from './limits';
import { inflateEntry, readZip, rewriteZip, type ZipArchive, type ZipEntry } from './zip';
import { escapeAttr, getAttr, toBytes, toText } from './xml';

const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const WORKSHEET_REL = `${REL_NS}/worksheet`;
const WORKSHEET_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export interface SheetRef {
  name: string;
  /** Part name inside the zip, without a leading slash ("xl/worksheets/sheet2.xml"). */
  part: string;
  sheetId: number;
}

/** The sheets <sheets> lists, with the worksheet part each one's relationship targets (external targets skipped). */
export function sheetRefs(workbookXml: string, relsXml: string, workbookPart = 'xl/workbook.xml'): SheetRef[] {
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const id = getAttr(m[0], 'Id');
    const target = getAttr(m[0], 'Target');
    if (id && target && getAttr(m[0], 'TargetMode') !== 'External') targets.set(id, resolveTarget(workbookPart, target));
  }
  const out: SheetRef[] = [];
  for (const m of workbookXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const rid = /\s[\w.-]+:id\s*=\s*("([^"]*)"|'([^']*)')/.exec(m[0]);
    const part = rid ? targets.get(rid[2] ?? rid[3]) : undefined;
    const name = getAttr(m[0], 'name');
    if (name !== undefined && part) out.push({ name, part, sheetId: Number(getAttr(m[0], 'sheetId') ?? 0) });
  }
  return out;
}

export function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

export function relsOf(part: string): string {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Resolves a relationship target against the source part's folder. */
export function resolveTarget(source: string, target: string): string {
  const raw = target.startsWith('/') ? target.slice(1) : dirOf(source) + target;
  const out: string[] = [];
  for (const seg of decodeURI(raw).split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

export class Package {
  readonly zip: ZipArchive;
  private readonly byName = new Map<string, ZipEntry>();
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly added: { name: string; data: Uint8Array }[] = [];

  constructor(readonly bytes: Uint8Array) {
    this.zip = readZip(bytes);
    for (const e of this.zip.entries) this.byName.set(e.name.toLowerCase(), e);
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase()) || this.added.some((a) => a.name.toLowerCase() === name.toLowerCase());
  }

  read(name: string): string {
    const cached = this.texts.get(name);
    if (cached !== undefined) return cached;
    const e = this.byName.get(name.toLowerCase());
    if (!e) throw new HostError('unreadable', `the package has no part ${name}`);
    const t = toText(inflateEntry(this.bytes, e, MAX_ENTRY_UNCOMPRESSED_BYTES));
    this.texts.set(name, t);
    return t;
  }

  write(name: string, text: string): void {
    const e = this.byName.get(name.toLowerCase());
    const key = e ? e.name : name;
    if (!e && !this.added.some((a) => a.name === name)) this.added.push({ name, data: new Uint8Array(0) });
    if (this.texts.get(key) === text && !this.changed.has(key) && e) return;
    this.texts.set(key, text);
    this.changed.add(key);
  }

  /** The new package bytes; untouched parts are copied raw. */
  finish(): Uint8Array {
    const replace = new Map<string, Uint8Array>();
    for (const e of this.zip.entries) {
      if (!this.changed.has(e.name)) continue;
      const t = this.texts.get(e.name) as string;
      // An edit that round-trips to the same text keeps the original compressed bytes.
      if (t !== toText(inflateEntry(this.bytes, e, MAX_ENTRY_UNCOMPRESSED_BYTES))) replace.set(e.name, toBytes(t));
    }
    const add = this.added.map((a) => ({ name: a.name, data: toBytes(this.texts.get(a.name) ?? '') }));
    return rewriteZip(this.bytes, this.zip, replace, add);
  }

  /** The main workbook part, from the package relationships (xl/workbook.xml by default). */
  workbookPart(): string {
    if (this.has('_rels/.rels')) {
      const rels = this.read('_rels/.rels');
      for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
        if ((getAttr(m[0], 'Type') ?? '').endsWith('/officeDocument')) {
          const t = resolveTarget('', getAttr(m[0], 'Target') ?? '');
          if (this.has(t)) return t;
        }
      }
    }
    return 'xl/workbook.xml';
  }

  /** Target part of the workbook's first relationship whose type ends with `/${kind}` ("styles"…). */
  workbookRelated(kind: string): string | undefined {
    const wbPart = this.workbookPart();
    const relsPart = relsOf(wbPart);
    if (!this.has(relsPart)) return undefined;
    for (const m of this.read(relsPart).matchAll(/<Relationship\b[^>]*>/g)) {
      const target = getAttr(m[0], 'Target');
      if (target && (getAttr(m[0], 'Type') ?? '').endsWith('/' + kind)) return resolveTarget(wbPart, target);
    }
    return undefined;
  }

  sheets(): SheetRef[] {
    const wbPart = this.workbookPart();
    const relsPart = relsOf(wbPart);
    return sheetRefs(this.read(wbPart), this.has(relsPart) ? this.read(relsPart) : '', wbPart);
  }

  /** True when the workbook structure is locked (no sheet may be added). */
  structureLocked(): boolean {
    const tag = /<(?:[\w.-]+:)?workbookProtection\b[^>]*>/.exec(this.read(this.workbookPart()))?.[0];
    const v = tag ? getAttr(tag, 'lockStructure') : undefined;
    return v === '1' || v === 'true';
  }

  /**
   * Adds an empty very hidden worksheet named `name`, appended LAST to <sheets> (so localSheetId
   * indices of defined names stay valid), with its relationship and content-type override.
   */
  addHiddenSheet(name: string): SheetRef {
    const wbPart = this.workbookPart();
    const ct = this.read('[Content_Types].xml');
    // A part name neither in the zip nor declared in [Content_Types].xml (an orphan <Override> for a
    // part that is gone would otherwise be declared twice, which makes the package invalid).
    const declared = new Set(
      [...ct.matchAll(/<(?:[\w.-]+:)?Override\b[^>]*>/g)].map((m) => (getAttr(m[0], 'PartName') ?? '').replace(/^\//, '').toLowerCase()),
    );
    const relsPart = relsOf(wbPart);
    // Nor the target of a relationship whose part is missing: that would suddenly resolve to the new sheet.
    if (this.has(relsPart)) {
      for (const m of this.read(relsPart).matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
        const target = getAttr(m[0], 'Target');
        if (target && getAttr(m[0], 'TargetMode') !== 'External') declared.add(resolveTarget(wbPart, target).toLowerCase());
      }
    }
    let n = 1;
    while (this.has(`xl/worksheets/sheet${n}.xml`) || declared.has(`xl/worksheets/sheet${n}.xml`)) n++;
    const part = `xl/worksheets/sheet${n}.xml`;
    let rels = this.has(relsPart)
      ? this.read(relsPart)
      : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
    const ids = new Set([...rels.matchAll(/\sId\s*=\s*"([^"]*)"/g)].map((m) => m[1]));
    let k = ids.size + 1;
    while (ids.has(`rId${k}`)) k++;
    const rid = `rId${k}`;
    const target = dirOf(wbPart) === 'xl/' ? `worksheets/sheet${n}.xml` : `/${part}`;
    rels = insertBefore(rels, '</Relationships>', `<Relationship Id="${rid}" Type="${WORKSHEET_REL}" Target="${target}"/>`);
    this.write(relsPart, rels);

    let wb = this.read(wbPart);
    const sheets = this.sheets();
    const sheetId = Math.max(0, ...sheets.map((s) => s.sheetId)) + 1;
    const p = /<([\w.-]+:)?sheets\b/.exec(wb)?.[1] ?? '';
    const relPrefix = new RegExp(`xmlns:([\\w.-]+)="${REL_NS}"`).exec(wb)?.[1];
    const idAttr = relPrefix ? `${relPrefix}:id="${rid}"` : `xmlns:r="${REL_NS}" r:id="${rid}"`;
    const el = `<${p}sheet name="${escapeAttr(name)}" sheetId="${sheetId}" state="veryHidden" ${idAttr}/>`;
    if (wb.includes(`</${p}sheets>`)) wb = insertBefore(wb, `</${p}sheets>`, el);
    else throw new HostError('write-failed', 'the workbook has no sheet list');
    this.write(wbPart, wb);

    this.write('[Content_Types].xml', insertBefore(ct, '</Types>', `<Override PartName="/${part}" ContentType="${WORKSHEET_CT}"/>`));
    this.write(
      part,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL_NS}"><dimension ref="A1"/><sheetData/></worksheet>`,
    );
    return { name, part, sheetId };
  }
}

function insertBefore(xml: string, marker: string, text: string): string {
  const i = xml.lastIndexOf(marker);
  if (i < 0) throw new HostError('write-failed', `malformed package part (no ${marker})`);
  return xml.slice(0, i) + text + xml.slice(i);
}
