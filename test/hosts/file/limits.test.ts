/** The cell-count limit, exercised with a lowered limit so the test stays fast. */
import ExcelJS from 'exceljs';
import { HostError } from '../../../src/hosts/host';

jest.mock('../../../src/hosts/file/limits', () => ({ ...jest.requireActual('../../../src/hosts/file/limits'), MAX_CELLS: 5_000 }));

import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import { inspectWorkbook } from '../../../src/hosts/file/inspect';
import { SEED, fixture } from './helpers';

it('a workbook over MAX_CELLS is too-large; one under it is counted', async () => {
  expect(inspectWorkbook(fixture(SEED)).cells).toBeGreaterThan(300);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Big');
  for (let r = 1; r <= 1_000; r++) ws.addRow([r, r * 2, r * 3, 'x', 'y', 'z']);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  await expect(snapshotFromBuffer(bytes)).rejects.toThrow(HostError);
  await expect(snapshotFromBuffer(bytes)).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/more than 5,000 cells/) });
});
