/**
 * Queues the reads of whole worksheets on a RequestContext and turns the loaded proxies into
 * SheetSnapshots. Queue everything first, sync once, then call finish(): no property is read before
 * the caller's sync.
 */
import type { CellValue, SheetSnapshot } from '../../core/snapshot';
import { rangeToA1, parseRange } from '../../core/address';
import { HostError } from '../host';

export interface ReadFeatures {
  /** ExcelApi 1.13: Range.getMergedAreasOrNullObject. */
  merges: boolean;
}

const RANGE_PROPS = 'address,rowIndex,columnIndex,rowCount,columnCount,values,text,formulas,numberFormat,valueTypes';

/** Excel's visibility enum values -> the snapshot's. */
const VISIBILITY: Record<string, SheetSnapshot['visibility']> = {
  Visible: 'visible',
  Hidden: 'hidden',
  VeryHidden: 'veryHidden',
};

/** Queues the load of one sheet; call the returned function after the sync. */
export function queueSheetRead(ws: Excel.Worksheet, features: ReadFeatures): () => SheetSnapshot {
  ws.load('name,visibility');
  ws.protection.load('protected');
  const used = ws.getUsedRange(false); // never a null object: a blank sheet gives A1
  used.load(RANGE_PROPS);
  const props = used.getCellProperties({ format: { fill: { color: true, pattern: true } } });
  const merged = features.merges ? used.getMergedAreasOrNullObject() : undefined;
  merged?.load('address');
  return () => toSnapshot(ws, used, props.value, merged);
}

function toSnapshot(
  ws: Excel.Worksheet,
  used: Excel.Range,
  props: Excel.CellProperties[][],
  merged: Excel.RangeAreas | undefined,
): SheetSnapshot {
  const base = {
    name: ws.name,
    protected: ws.protection.protected,
    visibility: VISIBILITY[ws.visibility] ?? 'visible',
  };
  const types = used.valueTypes;
  if (used.values == null || types == null) {
    // Excel may return null instead of throwing for reads over its cell limit.
    throw new HostError('too-large', `Excel returned no values for ${used.address} (${used.rowCount}x${used.columnCount} cells)`, ws.name);
  }
  const values = used.values;
  // A text constant such as "=100%" comes back in `formulas` as itself: a formula only when it differs from the value.
  const formulaAt = (r: number, c: number): string | null => {
    const f = used.formulas[r][c];
    return isFormula(f) && f !== values[r][c] ? f : null;
  };
  const blank = used.rowCount === 1 && used.columnCount === 1 && types[0][0] === 'Empty' && !formulaAt(0, 0);
  if (blank) {
    return { ...base, top: 0, left: 0, values: [], texts: [], formulas: [], numberFormats: [], merges: [], fills: [] };
  }
  return {
    ...base,
    top: used.rowIndex,
    left: used.columnIndex,
    values: values.map((row, r) => row.map((v, c) => toCellValue(v, types[r][c]))),
    texts: used.text.map((row) => row.map((t) => t ?? '')),
    formulas: used.formulas.map((row, r) => row.map((_, c) => formulaAt(r, c))),
    numberFormats: used.numberFormat.map((row) => row.map((f) => (typeof f === 'string' ? f : 'General'))),
    merges: merged && !merged.isNullObject ? splitAreas(merged.address) : [],
    fills: props.map((row) => row.map(fillOf)),
  };
}

function isFormula(f: unknown): f is string {
  return typeof f === 'string' && f.startsWith('=');
}

function toCellValue(v: unknown, type: string): CellValue {
  if (type === 'Empty' || v === '' || v === undefined || v === null) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  return String(v);
}

/** Solid fill colour or null. Unfilled cells report pattern "None" (and colour #FFFFFF). */
function fillOf(p: Excel.CellProperties): string | null {
  const fill = p?.format?.fill;
  if (!fill || !fill.color) return null;
  if (fill.pattern === 'None') return null;
  if (fill.pattern === undefined && fill.color.toUpperCase() === '#FFFFFF') return null;
  // A pattern or gradient could not be written back as a colour: never painted over (snapshot.ts 'other').
  if (fill.pattern !== undefined && fill.pattern !== 'Solid') return 'other';
  if (!/^#[0-9A-F]{6}$/i.test(fill.color)) return 'other';
  return fill.color.toUpperCase();
}

/**
 * "Sheet1!A1:B2, 'a,b'!D4:E4" -> ["A1:B2", "D4:E4"]. Commas inside quoted sheet names are kept;
 * each area is normalised (no $, no sheet).
 */
export function splitAreas(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      const r = parseRange(a.replace(/\$/g, ''));
      return r ? rangeToA1(r) : a.slice(a.lastIndexOf('!') + 1);
    });
}
