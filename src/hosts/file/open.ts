/**
 * Opens workbook bytes of any format selfeval reads: .xlsx through the file host (read and write),
 * .xls/.xlsb/.ods through SheetJS (read only, loaded on first use). Anything else is refused with a
 * sentence naming what the file is. Browser-safe (no Node APIs).
 */
import { HostError } from '../host';
import { FileHost } from './host';
import { ReadOnlyHost } from './readonly';
import { readsWithSheetJS, sniffFormat, type SpreadsheetFormat } from './format';

type SheetJSReader = typeof import('./sheetjs').snapshotFromSheetJS;
let installed: SheetJSReader | null = null;

/** Node installs the reader up front (./node); the browser fetches it, in a chunk of its own, on first use. */
export function useSheetJSReader(f: SheetJSReader | null): void {
  installed = f;
}

export type OpenedBytes =
  | { format: 'xlsx'; host: FileHost }
  | { format: Exclude<SpreadsheetFormat, 'xlsx'>; host: ReadOnlyHost };

/** Why a file of this format is not read, or null when it is. */
export function refusalOf(format: SpreadsheetFormat): string | null {
  switch (format) {
    case 'encrypted':
      return 'the workbook is protected by a password; save it without one first';
    case 'word':
      return 'not a workbook: it is a Word document';
    case 'other-zip':
      return 'not a workbook: a zip package that holds no spreadsheet';
    case 'damaged-zip':
      return 'the file is damaged or truncated (its zip directory cannot be read)';
    case 'other-cfb':
      return 'not a workbook: an Office file that holds no spreadsheet';
    case 'not-spreadsheet':
      return null; // the .xlsx gate names CSV, HTML, PDF and text files
    default:
      return null;
  }
}

/**
 * A host over the bytes. `make` builds the .xlsx host (the CLI passes its Node subclass, which can save).
 */
export async function openBytes<H extends FileHost = FileHost>(
  bytes: Uint8Array,
  name: string,
  make: (bytes: Uint8Array, name: string) => H = (b, n) => new FileHost(b, n) as H,
): Promise<{ format: 'xlsx'; host: H } | { format: Exclude<SpreadsheetFormat, 'xlsx'>; host: ReadOnlyHost }> {
  const format = sniffFormat(bytes);
  if (readsWithSheetJS(format)) {
    const snapshotFromSheetJS = installed ?? (await import(/* webpackChunkName: "sheetjs" */ './sheetjs')).snapshotFromSheetJS;
    return { format, host: new ReadOnlyHost(await snapshotFromSheetJS(bytes, name, format), format, name) };
  }
  const refusal = refusalOf(format);
  if (refusal) throw new HostError('unreadable', refusal);
  // An .xlsx, or bytes the .xlsx gate describes (CSV, HTML, PDF, text).
  return { format: 'xlsx', host: make(bytes, name) };
}
