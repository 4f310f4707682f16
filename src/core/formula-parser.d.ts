/** The part of fast-formula-parser (MIT, https://github.com/LesterLyu/fast-formula-parser) that recalc.ts uses. */
declare module 'fast-formula-parser' {
  export interface CellRef {
    sheet?: string;
    row: number;
    col: number;
  }
  export interface RangeRef {
    sheet?: string;
    from: { row: number; col: number };
    to: { row: number; col: number };
  }
  export type FormulaValue = number | string | boolean | null | undefined | FormulaError | FormulaValue[][];
  export interface ParserConfig {
    onCell?: (ref: Required<Pick<CellRef, 'sheet'>> & CellRef) => FormulaValue;
    onRange?: (ref: Required<Pick<RangeRef, 'sheet'>> & RangeRef) => FormulaValue[][];
  }
  export class FormulaError extends Error {
    readonly error: string;
  }
  export class DepParser {
    constructor(config?: { onVariable?: (name: string, sheet: string) => CellRef | RangeRef | null });
    parse(formula: string, position: { sheet: string; row: number; col: number }): (CellRef | RangeRef)[];
  }
  export default class FormulaParser {
    constructor(config?: ParserConfig);
    parse(formula: string, position: { sheet: string; row: number; col: number }, allowReturnArray?: boolean): FormulaValue;
  }
}
