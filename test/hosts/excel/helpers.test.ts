import { chunkAddresses, planWrites, runs, toExcelValue } from '../../../src/hosts/excel/write';
import { splitAreas } from '../../../src/hosts/excel/read';
import { toHostError } from '../../../src/hosts/excel/errors';
import { HostError } from '../../../src/hosts/host';
import { STATE_SHEET } from '../../../src/core/edits';
import { book, formSheet } from './book';

describe('toExcelValue', () => {
  test.each([
    [null, ''],
    [12.5, 12.5],
    [true, true],
    ['完成', '完成'],
    ['95%', "'95%"],
    ['2023年', "'2023年"],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['-', "'-"],
    ['TRUE', "'TRUE"],
    ['', ''],
  ])('%p -> %p', (v, out) => expect(toExcelValue(v)).toEqual(out));
});

test('runs groups horizontal neighbours, last change to a cell wins', () => {
  const r = runs([
    { row: 1, col: 3, value: 2 },
    { row: 1, col: 2, value: 1 },
    { row: 2, col: 2, value: 3 },
    { row: 1, col: 3, value: 9 },
    { row: 1, col: 5, value: 4 },
  ]);
  expect(r.map((run) => run.map((c) => c.value))).toEqual([[1, 9], [4], [3]]);
});

test('chunkAddresses stays under the getRanges address limit', () => {
  const cells = Array.from({ length: 3000 }, (_, i) => `AB${i + 1}`);
  const chunks = chunkAddresses(cells);
  expect(chunks.length).toBeGreaterThan(1);
  expect(chunks.every((c) => c.length <= 7000)).toBe(true);
  expect(chunks.join(',').split(',')).toEqual(cells);
});

test('splitAreas handles sheet prefixes, quotes and $', () => {
  expect(splitAreas("Sheet1!$A$1:$B$2, 'a,b ''x'''!D4:E4,表1!C3")).toEqual(['A1:B2', 'D4:E4', 'C3']);
});

test('planWrites: state sheet may be missing, other sheets may not', () => {
  const plans = planWrites([{ sheet: STATE_SHEET, cell: 'A1', value: '{}' }], book(formSheet()));
  expect(plans).toEqual([{ sheet: STATE_SHEET, create: true, cells: [{ row: 0, col: 0, value: '{}', numberFormat: undefined, fill: undefined }] }]);
  expect(() => planWrites([{ sheet: 'x', cell: 'A1', value: 1 }], book(formSheet()))).toThrow(HostError);
  expect(() => planWrites([{ sheet: formSheet().name, cell: 'A0', value: 1 }], book(formSheet()))).toThrow(HostError);
});

describe('toHostError', () => {
  const office = (code: string) => Object.assign(new Error(`localised ${code}`), { code, debugInfo: { code, errorLocation: 'Range.values' } });
  test.each([
    ['InvalidOperationInCellEditMode', 'write', 'cell-edit'],
    ['AccessDenied', 'write', 'protected'],
    ['InvalidOperation', 'write', 'write-failed'],
    ['InvalidOperation', 'read', 'unreadable'],
    ['ItemNotFound', 'write', 'write-failed'],
    ['ItemNotFound', 'select', 'busy'],
    ['InactiveWorkbook', 'read', 'busy'],
    ['RequestPayloadSizeLimitExceeded', 'write', 'too-large'],
    ['GeneralException', 'write', 'write-failed'],
    ['ApiNotFound', 'read', 'not-supported'],
  ] as const)('%s during %s -> %s', (code, phase, expected) => {
    const e = toHostError(office(code), phase, 'S');
    expect(e.code).toBe(expected);
    expect(e.sheet).toBe('S');
    expect(e.message).toContain(code);
    expect(e.message).toContain('Range.values');
  });
  test('plain errors and HostErrors', () => {
    expect(toHostError(new TypeError('x'), 'read').code).toBe('unreadable');
    const h = new HostError('protected', 'p');
    expect(toHostError(h, 'write')).toBe(h);
  });
});

test('planWrites queues the state sheet (journal) first', () => {
  const form = formSheet().name;
  const plans = planWrites([{ sheet: form, cell: 'C3', value: 1 }, { sheet: STATE_SHEET, cell: 'A1', value: '{}' }], book(formSheet()));
  expect(plans.map((p) => p.sheet)).toEqual([STATE_SHEET, form]);
});
