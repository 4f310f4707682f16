/**
 * The parts the inspection keeps for the reader (or, when none were kept, the reader inflates itself),
 * and the two ways ExcelJS gets them: a STORED zip of the parts (the browser), and its own parsers fed
 * the parts directly (Node, ./parts). All must give the same snapshot.
 */
import ExcelJS from 'exceljs';
import { inspectWorkbook, takeInflatedParts } from '../../../src/hosts/file/inspect';
import { inflateEntry, readZip, storedZip } from '../../../src/hosts/file/zip';
import { snapshotFromBuffer, useFastReader, usePartsLoader } from '../../../src/hosts/file/read';
import { FileHost } from '../../../src/hosts/file/host';
import { workbookFromParts } from '../../../src/hosts/file/parts';
import { generateWorkbook } from '../../helpers/generate';
import { CHART, SEED, fixture } from './helpers';

const ALL = [SEED, 'hunan-hengshan-2023-whole-unit.xlsx', 'yunnan-yongde-2022-project.xlsx', CHART];

afterEach(() => usePartsLoader(null));
// These are about the ExcelJS route: the direct reader (fast.test.ts) stays out of the way.
beforeAll(() => useFastReader(false));
afterAll(() => useFastReader(true));

it.each(ALL)('%s: the kept parts are the package\'s parts, inflated, and a stored zip of them round-trips', (name) => {
  const b = fixture(name);
  const before = b.slice();
  inspectWorkbook(b, true);
  const kept = takeInflatedParts(b, () => true);
  expect(kept).toBeDefined();
  expect(takeInflatedParts(b, () => true)).toBeUndefined(); // handed out once
  expect(b).toEqual(before);
  const orig = readZip(b);
  expect(kept!.entries.map((e) => e.name)).toEqual(orig.entries.map((e) => e.name));
  const copy = storedZip(kept!.entries, kept!.parts);
  const stored = readZip(copy);
  expect(stored.entries.map((e) => [e.name, e.crc, e.size])).toEqual(orig.entries.map((e) => [e.name, e.crc, e.size]));
  for (let i = 0; i < orig.entries.length; i++) {
    expect(stored.entries[i].method).toBe(0);
    expect(inflateEntry(copy, stored.entries[i], Infinity)).toEqual(inflateEntry(b, orig.entries[i], Infinity));
  }
});

it('hands out only the parts asked for, and nothing unless the inspection was asked to keep them', () => {
  const b = fixture(CHART);
  inspectWorkbook(b, true);
  const kept = takeInflatedParts(b, (n) => n.startsWith('xl/worksheets/'));
  expect(kept!.entries.map((e) => e.name)).toEqual(['xl/worksheets/_rels/sheet1.xml.rels', 'xl/worksheets/sheet1.xml']);
  const plain = fixture(SEED);
  inspectWorkbook(plain);
  expect(takeInflatedParts(plain, () => true)).toBeUndefined();
  inspectWorkbook(plain, true); // already inspected: nothing inflated again
  expect(takeInflatedParts(plain, () => true)).toBeUndefined();
});

/** A workbook with every kind of value, merges, row and column styles, a hidden and a protected sheet, a note and a link. */
async function diverse(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  ws.getColumn(3).numFmt = '0.00%';
  ws.getColumn(4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
  ws.getRow(5).numFmt = '#,##0.00';
  ws.getCell('A1').value = '标题';
  ws.mergeCells('A1:E1');
  ws.getCell('A2').value = 1.5;
  ws.getCell('B2').value = new Date(Date.UTC(2023, 11, 31));
  ws.getCell('C2').value = 0.925;
  ws.getCell('E2').value = true;
  ws.getCell('F2').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
  ws.getCell('A3').value = { formula: 'A2*2', result: 3 } as ExcelJS.CellFormulaValue;
  ws.getCell('B3').value = { richText: [{ text: 'ab' }, { text: 'c' }] };
  ws.getCell('C3').value = { text: 'link', hyperlink: 'https://example.org' };
  ws.getCell('C3').note = '批注';
  ws.getCell('E5').value = 1234.5;
  ws.getCell('A6').value = 'x';
  ws.getCell('A6').fill = { type: 'pattern', pattern: 'solid', fgColor: { indexed: 13 } } as ExcelJS.Fill;
  ws.getCell('B6').value = 'm';
  ws.mergeCells('B6:C7');
  ws.addConditionalFormatting({ ref: 'A2:A9', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [1], priority: 1, style: {} }] });
  ws.getCell('A9').dataValidation = { type: 'list', allowBlank: true, formulae: ['"优,良"'] };
  wb.addWorksheet('hidden', { state: 'hidden' }).getCell('A1').value = 1;
  const p = wb.addWorksheet('prot');
  p.getCell('B2').value = 'x';
  await p.protect('pw', {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the same snapshot whichever way ExcelJS gets the parts', () => {
  const cases: [string, () => Promise<Uint8Array>][] = [
    ...ALL.map((name): [string, () => Promise<Uint8Array>] => [name, async () => fixture(name)]),
    ['every kind of value', diverse],
    ['5 generated forms', () => generateWorkbook({ forms: 5, indicators: 12 })],
  ];
  it.each(cases)('%s', async (name, make) => {
    const bytes = await make();
    const original = bytes.slice();
    inspectWorkbook(original); // nothing kept: the reader inflates the snapshot's parts itself
    const expected = await snapshotFromBuffer(original, name);
    expect(await snapshotFromBuffer(bytes.slice(), name)).toEqual(expected); // stored zip
    usePartsLoader(workbookFromParts);
    expect(await snapshotFromBuffer(bytes.slice(), name)).toEqual(expected); // parts, no zip
    const b = bytes.slice();
    const host = new FileHost(b, name);
    expect(await host.read()).toEqual(expected);
    expect(await host.read()).toEqual(expected); // second read: parts inflated again from the original bytes
    expect(host.bytes()).toBe(b);
  });
});

it('a part ExcelJS cannot parse is a clean HostError on the parts path too', async () => {
  const bytes = fixture(SEED);
  const z = readZip(bytes);
  const sheet = z.entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
  usePartsLoader(async (parts, options) => workbookFromParts(parts.map((p) => (p.name === sheet.name ? { ...p, data: new TextEncoder().encode('<worksheet><sheetData><row') } : p)), options));
  await expect(snapshotFromBuffer(bytes)).rejects.toMatchObject({ name: 'HostError', code: 'unreadable' });
});
