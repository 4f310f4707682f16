/**
 * Pure conversions between what the ET bridge hands out and the snapshot: one normaliser for every
 * shape a multi-cell read may take, CVErr error codes, BGR colours and fills.
 */
import type { CellValue } from '../../core/snapshot';
import { formatNumber } from '../../core/numfmt';
import { XL } from './types';

/**
 * Any Value2 / Formula / Text read as a rows × cols matrix. The shape of a multi-cell read is not
 * documented (../shared/notes/wps-addin.md §2.3, real-WPS check 7.3.2), so every reported one is accepted:
 * a 2-D array (VBA's SAFEARRAY as JS), a 1-D array (one row, or one column), an object with
 * Item(r, c) (1-based), a VBArray-like with toArray() (column-major), a scalar (a single cell, or
 * one value shared by all cells, as VBA gives for uniform Text) and null/undefined (empty, or mixed).
 * `uniform` is returned when a multi-cell read gave a single value: the caller decides whether a
 * scalar means "all cells" (Text uniform) or "unknown" (null).
 */
export function toMatrix(v: unknown, rows: number, cols: number): { matrix: unknown[][]; uniform: boolean } {
  const grid = (at: (r: number, c: number) => unknown) => ({
    matrix: Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => at(r, c))),
    uniform: false,
  });
  if (Array.isArray(v)) {
    if (v.length > 0 && Array.isArray(v[0])) return grid((r, c) => (v as unknown[][])[r]?.[c]);
    // 1-D: a single row, or a single column (one entry per row).
    return rows === 1 ? grid((_, c) => v[c]) : grid((r, c) => (cols === 1 ? v[r] : (v[r * cols + c] as unknown)));
  }
  if (v !== null && typeof v === 'object') {
    const o = v as { Item?: unknown; toArray?: unknown };
    if (typeof o.toArray === 'function') {
      const flat = (o.toArray as () => unknown[]).call(v);
      return grid((r, c) => flat[c * rows + r]);
    }
    if (typeof o.Item === 'function') {
      const item = o.Item as (r: number, c: number) => unknown;
      return grid((r, c) => item.call(v, r + 1, c + 1));
    }
  }
  const single = rows === 1 && cols === 1;
  return { matrix: grid(() => v).matrix, uniform: !single };
}

/**
 * COM error values arrive as VT_ERROR integers 0x800A0000 + xlErr code (notes §2.3); read as signed
 * 32-bit: -2146826281 is #DIV/0!. Only taken as errors when the cell's text agrees or is unknown.
 */
const CVERR_BASE = -2146828288;
const CVERR: Record<number, string> = {
  2000: '#NULL!',
  2007: '#DIV/0!',
  2015: '#VALUE!',
  2023: '#REF!',
  2029: '#NAME?',
  2036: '#NUM!',
  2042: '#N/A',
  2043: '#GETTING_DATA',
  2045: '#SPILL!',
  2047: '#BLOCKED!',
  2050: '#CALC!',
};

export function errorOfCode(v: number): string | undefined {
  return Number.isInteger(v) ? CVERR[v - CVERR_BASE] : undefined;
}

export function codeOfError(text: string): number | undefined {
  for (const [code, name] of Object.entries(CVERR)) if (name === text) return CVERR_BASE + Number(code);
  return undefined;
}

/** A raw Value2 entry as a snapshot value; `text` (when known) confirms error codes. */
export function toCellValue(v: unknown, text?: string): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'number') {
    const err = errorOfCode(v);
    if (err && (text === undefined || text.startsWith('#'))) return err;
    return Number.isFinite(v) ? v : String(v);
  }
  if (typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof Date) return String(v); // Value2 never gives dates; Value() would
  return String(v);
}

/** Formula text, or null for a constant (constants come back from Formula as their text). */
export function toFormula(f: unknown, value: CellValue): string | null {
  return typeof f === 'string' && f.startsWith('=') && f !== value ? f : null;
}

/** "#RRGGBB" → BGR integer (VBA RGB(): R + G·256 + B·65536). */
export function hexToBgr(hex: string): number {
  const n = parseInt(hex.replace('#', ''), 16);
  return ((n >> 16) & 255) + (((n >> 8) & 255) << 8) + ((n & 255) << 16);
}

/** BGR integer → "#RRGGBB". */
export function bgrToHex(bgr: number): string {
  return '#' + [bgr & 255, (bgr >> 8) & 255, (bgr >> 16) & 255].map((v) => v.toString(16).padStart(2, '0')).join('').toUpperCase();
}

/**
 * A fill as the snapshot has it, from Interior.Pattern and Interior.Color: no pattern → null; solid →
 * its colour; any other pattern → 'other' (never painted over: snapshot.ts `fills`).
 */
export function fillOf(pattern: number, color: number): string | null {
  if (pattern === XL.none) return null;
  if (pattern !== XL.patternSolid || !Number.isInteger(color) || color < 0 || color > XL.white) return 'other';
  return bgrToHex(color);
}

/** The displayed text of a value, formatted exactly as the file host does (src/hosts/file/read.ts). */
export function textOf(value: CellValue, numberFormat: string, date1904: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') return formatNumber(value, numberFormat, date1904 ? { date1904 } : undefined);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return value;
}

/**
 * A number format as the core knows it. Chinese builds show General as "G/通用格式" (NumberFormatLocal);
 * should a WPS build hand that out through NumberFormat too, it is still General.
 */
export function toNumberFormat(nf: string): string {
  return /^(G\/通用格式|通用格式|常规)$/.test(nf.trim()) ? 'General' : nf;
}
