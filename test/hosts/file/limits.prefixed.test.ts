/** The cell-count limit also counts cells written with a namespace prefix (<x:c>), which the reader now reads. */
import ExcelJS from 'exceljs';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

jest.mock('../../../src/hosts/file/limits', () => ({ ...jest.requireActual('../../../src/hosts/file/limits'), MAX_CELLS: 5_000 }));

import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import { prefixed } from './variants';

async function sheetOf(rows: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Big');
  for (let r = 1; r <= rows; r++) ws.addRow([r, r * 2, r * 3, 'x', 'y', 'z']);
  const parts = unzipSync(new Uint8Array(await wb.xlsx.writeBuffer()));
  parts['xl/worksheets/sheet1.xml'] = strToU8(prefixed(strFromU8(parts['xl/worksheets/sheet1.xml'])));
  return zipSync(parts);
}

it('a prefixed worksheet over MAX_CELLS is too-large; one under it reads', async () => {
  await expect(snapshotFromBuffer(await sheetOf(1_000))).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/more than 5,000 cells/) });
  const small = (await snapshotFromBuffer(await sheetOf(100))).sheets[0];
  expect(small.values.length).toBe(100);
  expect(small.values[99]).toEqual([100, 200, 300, 'x', 'y', 'z']);
});
