/**
 * What a file is, told from its first bytes and (for a zip) its directory, never from its name:
 * reviewers receive forms renamed, mislabelled or saved by WPS under other extensions.
 * Cheap: no inflating, no parsing beyond the zip directory and the compound file's stream names.
 */
import { readZipOnce } from './zip';

export type SpreadsheetFormat =
  | 'xlsx' // Office Open XML workbook (.xlsx, .xlsm, and WPS's .et when saved as such)
  | 'xls' // Excel 97-2003 (BIFF8) in a compound file (also WPS .et files, which are BIFF8 inside)
  | 'ods' // OpenDocument spreadsheet
  | 'xlsb' // Excel binary workbook (read like .xls)
  | 'encrypted' // a password-protected Office file (an .xlsx encrypted inside a compound file)
  | 'word' // a Word document (.docx or .doc): a report, not a form
  | 'other-zip' // a zip that holds neither
  | 'damaged-zip' // a zip whose directory cannot be read (truncated, corrupt)
  | 'other-cfb' // a compound file that holds no workbook (PowerPoint, Outlook, …)
  | 'not-spreadsheet';

export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.ods', '.et', '.ett', '.xlt', '.xltx', '.xltm', '.xlsb'];

export function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5) && (b[3] === 4 || b[3] === 6);
}

export function isCompoundFile(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
}

/**
 * The stream and storage names in a compound file's directory (MS-CFB 2.2, 2.6): the directory's
 * sectors are followed through the FAT, which the header's first 109 DIFAT entries locate. Bounded:
 * a damaged or hostile chain gives the names found so far.
 */
export function compoundFileNames(b: Uint8Array): string[] {
  const u16 = (o: number) => (o + 2 <= b.length ? b[o] | (b[o + 1] << 8) : -1);
  const u32 = (o: number) => (o + 4 <= b.length ? (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0 : 0xffffffff);
  const shift = u16(0x1e);
  if (shift !== 9 && shift !== 12) return [];
  const size = 1 << shift;
  const sector = (n: number) => (n + 1) * size;
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) {
    const s = u32(0x4c + 4 * i);
    if (s >= 0xfffffffa) break;
    fatSectors.push(s);
  }
  const next = (n: number): number => {
    const perSector = size / 4;
    const fs = fatSectors[Math.floor(n / perSector)];
    return fs === undefined ? 0xfffffffe : u32(sector(fs) + 4 * (n % perSector));
  };
  const names: string[] = [];
  for (let s = u32(0x30), hops = 0; s < 0xfffffffa && hops < 4096; s = next(s), hops++) {
    const base = sector(s);
    if (base + size > b.length) break;
    for (let e = base; e < base + size; e += 128) {
      const len = u16(e + 0x40);
      if (len < 2 || len > 64) continue;
      let name = '';
      for (let k = 0; k < len / 2 - 1; k++) name += String.fromCharCode(u16(e + 2 * k));
      names.push(name);
    }
  }
  return names;
}

/** The format of a file from its bytes (the whole file, or at least its zip directory). */
export function sniffFormat(b: Uint8Array): SpreadsheetFormat {
  if (isCompoundFile(b)) {
    const names = compoundFileNames(b);
    if (names.includes('EncryptedPackage')) return 'encrypted';
    if (names.includes('Workbook') || names.includes('Book')) return 'xls';
    if (names.includes('WordDocument')) return 'word';
    return 'other-cfb';
  }
  if (isZip(b)) {
    let names: string[];
    try {
      names = readZipOnce(b).entries.map((e) => e.name.toLowerCase());
    } catch {
      return 'damaged-zip';
    }
    if (names.includes('xl/workbook.xml')) return 'xlsx';
    if (names.includes('xl/workbook.bin')) return 'xlsb';
    if (names.includes('word/document.xml')) return 'word';
    // The OpenDocument package names its type in a first, stored entry "mimetype".
    const head = new TextDecoder('latin1').decode(b.subarray(0, 200));
    if (head.includes('application/vnd.oasis.opendocument.spreadsheet') || (names.includes('content.xml') && names.includes('meta-inf/manifest.xml') && !head.includes('opendocument.text'))) {
      return 'ods';
    }
    return 'other-zip';
  }
  return 'not-spreadsheet';
}

/** Whether a format is read with SheetJS (read only) rather than the .xlsx reader. */
export function readsWithSheetJS(format: SpreadsheetFormat): format is 'xls' | 'ods' | 'xlsb' {
  return format === 'xls' || format === 'ods' || format === 'xlsb';
}
