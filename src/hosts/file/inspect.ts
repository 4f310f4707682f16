/**
 * Safety gate run on a file's bytes before ExcelJS (or the patcher) touches them: checks the size,
 * the zip signature, the zip directory's declared sizes, entry count and compression ratios, the
 * required parts, then inflates every entry with a hard cap (a lying header cannot outgrow what was
 * checked) while counting worksheet cells. Every failure is a HostError with a short message.
 *
 * For a read (keepParts) only the parts a reader reads are inflated: the snapshot's parts (the fast
 * reader and ExcelJS are given only those) and every worksheet (the cell count). The others (theme,
 * document properties, [Content_Types].xml, …) have passed the declared-size and ratio checks, and
 * are inflated, capped, before anything writes a package from the bytes (the patcher calls
 * inspectWorkbook without keepParts), so a lying part is still refused before a write.
 */
import { HostError } from '../host';
import {
  MAX_CELLS, MAX_COMPRESSION_RATIO, MAX_ENTRIES, MAX_ENTRY_UNCOMPRESSED_BYTES, MAX_FILE_BYTES,
  MAX_TOTAL_UNCOMPRESSED_BYTES, RATIO_CHECK_MIN_BYTES,
} from './limits';
import { inflateEntry, readZipOnce, type ZipArchive, type ZipEntry } from './zip';

export interface Inspection {
  zip: ZipArchive;
  /** Number of <c> elements over all worksheets. */
  cells: number;
}

/** The parts a snapshot is read from (read.ts hands the fast reader and ExcelJS only these). */
export const SNAPSHOT_PART = /^\/?xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml)$/;
/** Worksheets, whose cells count against MAX_CELLS. */
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/i;
/** Parts a read inflates: those it reads and those whose cells are counted. */
const isReadPart = (name: string): boolean => SNAPSHOT_PART.test(name) || SHEET_PART.test(name);

const MB = 1024 * 1024;
const mb = (n: number): string => `${Math.round((n / MB) * 10) / 10} MB`;

/** A human guess at what a non-zip file is, for the error message. */
function describe(b: Uint8Array): string {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(b.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (/^%PDF/.test(head)) return 'it looks like a PDF';
  if (/^<(!doctype html|html|head|body|table|meta)/i.test(head)) return 'it looks like an HTML page';
  if (/^<\?xml|^</.test(head)) return 'it looks like an XML or HTML text file';
  let printable = 0;
  const n = Math.min(b.length, 512);
  for (let i = 0; i < n; i++) if (b[i] >= 0x20 || b[i] === 9 || b[i] === 10 || b[i] === 13) printable++;
  if (n > 0 && printable / n > 0.95) return /[,;\t]/.test(head) ? 'it looks like CSV or other text' : 'it looks like a text file';
  return 'it is not a zip package';
}

function isZipSignature(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}

function isCfb(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
}

/** Whether a byte can follow the element name in `<c ...>`, `<c>` or `<c/>`. */
const endsName = (x: number): boolean => x === 0x20 || x === 0x3e || x === 0x2f || x === 0x09 || x === 0x0a || x === 0x0d;

/**
 * Counts `<c` start tags (cells) over a stream of chunks, on bytes (no text decoding). A tag split
 * across chunks is found from the previous chunk's last two bytes.
 */
export function cellCounter(): { feed(c: Uint8Array): void; count(): number } {
  let n = 0;
  let tail = 0; // last two bytes seen, (b[-2] << 8) | b[-1]
  return {
    feed(c) {
      const len = c.length;
      if (len === 0) return;
      if (tail === 0x3c63 && endsName(c[0])) n++;
      else if ((tail & 0xff) === 0x3c && c[0] === 0x63 && len > 1 && endsName(c[1])) n++;
      // Every "<c" has a byte at an odd index: reading only those halves the loads.
      for (let j = 1; j + 1 < len; j += 2) {
        const x = c[j];
        if (x === 0x3c) {
          if (c[j + 1] === 0x63 && j + 2 < len && endsName(c[j + 2])) n++;
        } else if (x === 0x63 && c[j - 1] === 0x3c && endsName(c[j + 1])) n++;
      }
      tail = len > 1 ? (c[len - 2] << 8) | c[len - 1] : ((tail << 8) | c[0]) & 0xffff;
    },
    count: () => n,
  };
}

/**
 * Byte arrays already inspected: the host checks on open and the reader and writer check again,
 * and inflating every part costs as much as the whole review. Hosts never mutate bytes in place.
 */
const inspected = new WeakMap<Uint8Array, Inspection>();
/** Entries a read's inspection left uninflated: inflated (capped) by the next inspection without keepParts. */
const unchecked = new WeakMap<Uint8Array, ZipEntry[]>();
/**
 * With `keepParts`, the inflated parts are kept until takeInflatedParts() hands them out once, so
 * that the reader does not inflate them a second time. parts[i] is entries[i]'s (undefined if skipped).
 */
const keptParts = new WeakMap<Uint8Array, { zip: ZipArchive; parts: (Uint8Array | undefined)[] }>();

/**
 * The gate. With keepParts (a read follows), inflates only the parts a read reads; without, every
 * part, including those an earlier read's inspection of the same bytes left.
 */
export function inspectWorkbook(b: Uint8Array, keepParts = false): Inspection {
  const known = inspected.get(b);
  if (known) {
    const rest = keepParts ? undefined : unchecked.get(b);
    if (rest) {
      for (const e of rest) inflateEntry(b, e, MAX_ENTRY_UNCOMPRESSED_BYTES, undefined, false);
      unchecked.delete(b);
    }
    return known;
  }
  const parts: (Uint8Array | undefined)[] | undefined = keepParts ? [] : undefined;
  const skipped: ZipEntry[] = [];
  const result = inspectUncached(b, parts, keepParts ? skipped : undefined);
  inspected.set(b, result);
  if (skipped.length) unchecked.set(b, skipped);
  if (parts) keptParts.set(b, { zip: result.zip, parts });
  return result;
}

/** Inflated parts: entries[i] holds parts[i]. */
export interface InflatedParts {
  entries: ZipEntry[];
  parts: Uint8Array[];
}

/** The parts of inspectWorkbook(b, true) whose names pass `wanted` (those it skipped inflated now); once (undefined if none are pending). */
export function takeInflatedParts(b: Uint8Array, wanted: (name: string) => boolean): InflatedParts | undefined {
  const kept = keptParts.get(b);
  if (!kept) return undefined;
  keptParts.delete(b);
  const out: InflatedParts = { entries: [], parts: [] };
  kept.zip.entries.forEach((e, i) => {
    if (!wanted(e.name)) return;
    out.entries.push(e);
    // A part the inspection skipped (none of read.ts's SNAPSHOT_PART) is inflated now, capped the same.
    out.parts.push(kept.parts[i] ?? inflateEntry(b, e, MAX_ENTRY_UNCOMPRESSED_BYTES));
  });
  return out;
}

/** With `skipped`, parts no read reads are not inflated but listed there (parts gets undefined for them). */
function inspectUncached(b: Uint8Array, parts?: (Uint8Array | undefined)[], skipped?: ZipEntry[]): Inspection {
  if (b.length === 0) throw new HostError('unreadable', 'the file is empty');
  if (b.length > MAX_FILE_BYTES) {
    throw new HostError('too-large', `the file is ${mb(b.length)}; the limit is ${mb(MAX_FILE_BYTES)}`);
  }
  if (isCfb(b)) {
    throw new HostError('unreadable', 'not an .xlsx workbook (a legacy .xls or a password-protected file); save it as .xlsx without a password');
  }
  if (!isZipSignature(b)) throw new HostError('unreadable', `not an .xlsx workbook (${describe(b)})`);
  let zip: ZipArchive;
  try {
    zip = readZipOnce(b);
  } catch (e) {
    if (e instanceof HostError) throw e;
    throw new HostError('unreadable', 'the workbook file is damaged or truncated', undefined, e);
  }
  const { entries } = zip;
  if (entries.length > MAX_ENTRIES) {
    throw new HostError('too-large', `the package has ${entries.length} parts; the limit is ${MAX_ENTRIES}`);
  }
  let total = 0;
  for (const e of entries) {
    if (e.size > MAX_ENTRY_UNCOMPRESSED_BYTES) {
      throw new HostError('too-large', `part ${e.name} declares ${mb(e.size)} uncompressed; the limit is ${mb(MAX_ENTRY_UNCOMPRESSED_BYTES)}`);
    }
    if (e.size > RATIO_CHECK_MIN_BYTES && e.size > MAX_COMPRESSION_RATIO * Math.max(1, e.compressedSize)) {
      throw new HostError('too-large', `part ${e.name} is compressed more than ${MAX_COMPRESSION_RATIO}:1 (possible zip bomb)`);
    }
    total += e.size;
  }
  if (total > MAX_TOTAL_UNCOMPRESSED_BYTES) {
    throw new HostError('too-large', `the workbook unpacks to ${mb(total)}; the limit is ${mb(MAX_TOTAL_UNCOMPRESSED_BYTES)}`);
  }
  const names = new Set(entries.map((e) => e.name.toLowerCase()));
  for (const required of ['[Content_Types].xml', 'xl/workbook.xml']) {
    if (!names.has(required.toLowerCase())) {
      throw new HostError('unreadable', `not an .xlsx workbook (the package has no ${required})`);
    }
  }
  // Inflate everything once (or, with `skipped`, what a read reads), bounded, so no reader meets a
  // part bigger than its declared size.
  const counter = cellCounter();
  for (const e of entries) {
    if (skipped && !isReadPart(e.name)) {
      skipped.push(e);
      parts?.push(undefined);
      continue;
    }
    const isSheet = SHEET_PART.test(e.name);
    const d = inflateEntry(b, e, MAX_ENTRY_UNCOMPRESSED_BYTES, isSheet ? (c) => {
      counter.feed(c);
      if (counter.count() > MAX_CELLS) {
        throw new HostError('too-large', `the workbook has more than ${MAX_CELLS.toLocaleString('en-US')} cells`);
      }
    } : undefined, !!parts);
    parts?.push(d);
  }
  return { zip, cells: counter.count() };
}
