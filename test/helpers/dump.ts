/** Cell-by-cell dump of a workbook read with ExcelJS, for comparing files before and after a write. */
import ExcelJS from 'exceljs';

export interface CellDump {
  value: unknown;
  style: string;
  fill: string;
}

export async function dumpWorkbook(bytes: Uint8Array): Promise<{ sheets: string[]; merges: Record<string, string[]>; cells: Map<string, CellDump> }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const cells = new Map<string, CellDump>();
  const merges: Record<string, string[]> = {};
  const sheets: string[] = [];
  wb.eachSheet((ws) => {
    sheets.push(ws.name);
    merges[ws.name] = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort();
    ws.eachRow({ includeEmpty: true }, (row) =>
      row.eachCell({ includeEmpty: true }, (c) => {
        const { fill, ...rest } = c.style ?? {};
        cells.set(`${ws.name}!${c.address}`, { value: c.value, style: JSON.stringify(rest), fill: JSON.stringify(fill ?? null) });
      }),
    );
  });
  return { sheets, merges, cells };
}
