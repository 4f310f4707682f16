/**
 * A shared formula written out for one of its cells, exactly as ExcelJS 4.4.0's `cell.formula` does
 * (lib/utils/shared-formula.js slideFormula): every relative reference moves by the offset from the
 * master cell; absolute parts, function names and references past column XFD stay as they are.
 */
import { columnName } from '../../../core/address';
import { bail } from './scan';

const CANDIDATE = /(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi;
const CELL = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i;

function letterNumber(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) n = n * 26 + (s.charCodeAt(i) - 64);
  return n;
}


/** `formula` of the master at (row, col) as ExcelJS gives it at (toRow, toCol); 1-based numbers. */
export function slideFormula(formula: string, row: number, col: number, toRow: number, toCol: number): string {
  return formula.replace(CANDIDATE, (whole: string, sheet: string | undefined, _s: string, addr: string, paren: string | undefined) => {
    if (paren) return whole;
    const m = CELL.exec(addr);
    if (!m) return whole;
    const colName = m[2].toUpperCase();
    if (colName.length > 3 || (colName.length === 3 && colName > 'XFD')) return whole;
    let c = letterNumber(colName);
    let r = parseInt(m[4], 10);
    if (!m[1]) c += toCol - col;
    if (!m[3]) r += toRow - row;
    // ExcelJS throws there and falls back to the master's address: the full parser gives that.
    if (c < 1 || c > 16384) bail('shared formula slides off the sheet');
    return (sheet || '') + (m[1] || '') + columnName(c - 1) + (m[3] || '') + r;
  });
}
