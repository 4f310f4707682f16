/** The parser on the real cells of the fixture forms. */
import { join } from 'path';
import ExcelJS from 'exceljs';
import {
  parseNumberLoose, parseSplitTarget, parseValue, parseWeightHeading, qualitativeOutcome, type CellInput,
} from '../../../src/core/parse';

const FIXTURES = join(__dirname, '../../fixtures');

async function sheet(file: string, name: string): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(FIXTURES, file));
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name} in ${file}`);
  return ws;
}

function input(ws: ExcelJS.Worksheet, a1: string): CellInput {
  const c = ws.getCell(a1);
  const v = c.value;
  const value = typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean' ? v : null;
  return { value, text: c.text, numberFormat: c.numFmt };
}

describe('seed-longquan-2023 附件3', () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await sheet('seed-longquan-2023.xlsx', '附件3 自评表');
  });

  it('reads targets and actuals', () => {
    const p = (a1: string) => parseValue(input(ws, a1));
    expect(p('E13')).toMatchObject({ kind: 'number', value: 400, unit: { name: '个' }, comparator: null });
    expect(p('F13')).toMatchObject({ kind: 'number', value: 400 });
    expect(p('E14')).toMatchObject({ kind: 'number', comparator: '=', direction: 'equal', value: 1 });
    expect(p('F14')).toMatchObject({ kind: 'number', comparator: '=', value: 0.97, written: 97 });
    expect(p('E15')).toMatchObject({ kind: 'qualitative', placeholder: true });
    expect(p('F15')).toMatchObject({ kind: 'qualitative', tier: 'met' });
    expect(p('E18')).toMatchObject({ comparator: '>=', value: 0.98 });
    expect(p('F19')).toMatchObject({ comparator: '>=', value: 0.96 });
    expect(p('E20')).toMatchObject({ kind: 'qualitative', placeholder: true });
    expect(p('F20')).toMatchObject({ kind: 'qualitative', tier: 'met' });
    expect(p('G4')).toMatchObject({ kind: 'number', value: 1, unit: { dimension: 'percent' } });
  });

  it('reads qualitative rows as the target word met', () => {
    for (const row of [15, 16, 17]) {
      expect(qualitativeOutcome(String(ws.getCell(`E${row}`).value), String(ws.getCell(`F${row}`).value))).toBe('met');
    }
  });

  it('reads level-1 weights and the funds text', () => {
    expect(['B13', 'B16', 'B18', 'B19'].map((a) => parseWeightHeading(ws.getCell(a).text))).toEqual([40, 20, 10, 20]);
    expect(parseNumberLoose(ws.getCell('E7').text)).toBe(1165.56);
    expect(parseNumberLoose(ws.getCell('B6').text)).toBe(2673.41);
  });
});

describe('yunnan-yongde-2022-project 公开14表', () => {
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ws = await sheet('yunnan-yongde-2022-project.xlsx', '公开14表');
  });

  const target = (row: number) => parseSplitTarget(input(ws, `D${row}`), input(ws, `E${row}`), input(ws, `F${row}`));

  it('combines 指标性质 / 指标值 / 度量单位', () => {
    expect(target(10)).toMatchObject({ kind: 'number', comparator: '>=', value: 735, unit: { name: '人次' } });
    expect(target(11)).toMatchObject({ kind: 'number', comparator: '>=', value: 1, written: 100, unit: { name: '%' } });
    expect(target(13)).toMatchObject({ kind: 'number', comparator: '=', direction: 'equal', value: 1 });
    expect(target(14)).toMatchObject({ kind: 'qualitative', text: '有效', tier: 'met', placeholder: false });
    expect(target(17)).toMatchObject({ comparator: '>=', value: 0.95 });
  });

  it('reads the actuals in the same base', () => {
    expect(parseValue(input(ws, 'G10'))).toMatchObject({ value: 735 });
    expect(parseValue(input(ws, 'G15'))).toMatchObject({ value: 0.98, unit: { name: '%' } });
    expect(parseValue(input(ws, 'G14'))).toMatchObject({ kind: 'qualitative', tier: 'met' });
    expect(parseValue(input(ws, 'D6'))).toMatchObject({ kind: 'number', value: 387664.62 });
  });
});
