/**
 * The WPS host for the ribbon page and the pane (src/hosts/wps), and a synchronous read for the
 * print listener: WPS wants the event's answer before the listener returns, and WpsHost.read()
 * hands its (synchronously read) snapshot over through a promise. readNow reads the same way as
 * WpsHost.read, from the same per-sheet reader.
 */
import type { SheetSnapshot, WorkbookSnapshot } from '../core/snapshot';
import { isStateSheetName } from '../core/state';
import type { SpreadsheetHost } from '../hosts/host';
import { WpsHost } from '../hosts/wps/WpsHost';
import { emptySheet, readSheet, visibilityOf } from '../hosts/wps/read';
import type { WpsApplication as HostApplication } from '../hosts/wps/types';
import type { WpsApplication } from './application';

export function hostFor(app: WpsApplication): SpreadsheetHost {
  return new WpsHost(app as unknown as HostApplication);
}

/**
 * The active workbook as WpsHost.read() sees it, read now. Throws when there is none. `prior`, an
 * earlier read of the same workbook, lets formats, fills and merges be verified instead of probed
 * (fewer calls), as WpsHost does on a re-read.
 */
export function readNow(app: WpsApplication, prior?: WorkbookSnapshot): WorkbookSnapshot {
  const wb = (app as unknown as HostApplication).ActiveWorkbook;
  if (!wb) throw new Error('No workbook is open in WPS');
  const date1904 = wb.Date1904 === true;
  const sheets = wb.Worksheets;
  const count = sheets.Count;
  const out: SheetSnapshot[] = [];
  const bookName = String(wb.Name);
  const earlier = prior && prior.name === bookName ? prior : undefined;
  for (let i = 1; i <= count; i++) {
    const ws = sheets.Item(i);
    const name = String(ws.Name);
    const visibility = visibilityOf(ws.Visible);
    // Hidden sheets are not reviewed; the state sheet (very hidden) is read for the journal.
    if (visibility !== 'visible' && !isStateSheetName(name)) out.push(emptySheet(name, visibility));
    else {
      const before = earlier?.sheets.find((s) => s.name === name);
      out.push(readSheet(ws, { name, visibility, protected: ws.ProtectContents === true }, date1904, before));
    }
  }
  return { name: bookName, sheets: out };
}
