/**
 * The ExcelJS adapter (src/hosts/file/exceljs.ts) pinned to the installed ExcelJS: its version, the
 * value type numbers, the Workbook class loaded alone, and every private field the reader reads.
 * A failure here means ExcelJS changed: update the adapter, nothing else.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import ExcelJS from 'exceljs';
import Workbook from 'exceljs/lib/doc/workbook';
import { VALUE_TYPE, cellModel, cellStyle, columnsOf, isProtected, mergesOf, newWorkbook, rowsOf, xlsxOf } from '../../../src/hosts/file/exceljs';

const SEED = join(__dirname, '../../fixtures/seed-longquan-2023.xlsx');

describe('the ExcelJS adapter', () => {
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(SEED) as unknown as ArrayBuffer);
  });

  it('is pinned to ExcelJS 4.4.0', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../../../package.json'), 'utf8'));
    expect(pkg.dependencies.exceljs).toBe('4.4.0');
    expect(JSON.parse(readFileSync(require.resolve('exceljs/package.json'), 'utf8')).version).toBe('4.4.0');
  });

  it('knows the value type numbers and loads the Workbook class alone', async () => {
    for (const [k, v] of Object.entries(VALUE_TYPE)) expect(ExcelJS.ValueType[k as keyof typeof ExcelJS.ValueType]).toBe(v);
    expect(Workbook).toBe(ExcelJS.Workbook);
    expect(await newWorkbook()).toBeInstanceOf(ExcelJS.Workbook);
  });

  it('reads rows, cells, value models, styles, columns, merges and protection from their private fields', () => {
    const ws = wb.getWorksheet('附件3 自评表')!;
    const rows = rowsOf(ws);
    const row4 = rows[3]!;
    expect(row4.number).toBe(4);
    const c4 = row4._cells[2]!;
    expect(c4.address).toBe('C4');
    expect(cellModel(c4)).toMatchObject({ type: VALUE_TYPE.Number, value: 573.38 });
    expect(cellStyle(row4._cells[6]!)?.numFmt).toBe('0%');
    expect(mergesOf(ws)).toEqual(ws.model.merges);
    expect(Array.isArray(columnsOf(ws))).toBe(true);
    expect(isProtected(ws)).toBe(false);
    const protectedSheet = new ExcelJS.Workbook().addWorksheet('p');
    void protectedSheet.protect('', {});
    expect(isProtected(protectedSheet)).toBe(true);
  });

  it('finds the XLSX members the parts loader calls', () => {
    const x = xlsxOf(new ExcelJS.Workbook());
    for (const m of ['parseRels', 'parseWorkbook', '_processWorksheetEntry', 'reconcile'] as const) expect(typeof x[m]).toBe('function');
  });
});
