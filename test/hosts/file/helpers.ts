/** Shared helpers for the file-host tests: fixtures, zip entry maps, and full ExcelJS cell dumps. */
import { readFileSync } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { HostError } from '../../../src/hosts/host';

export const FIXTURES = path.join(__dirname, '../../fixtures');
export const SEED = 'seed-longquan-2023.xlsx';
export const CHART = 'yunnan-yongde-2022-with-chart.xlsx';
export const FORM_SHEET = '附件3 自评表';

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(FIXTURES, name)));
}

/** Uncompressed entries, read with fflate (an unzipper independent of ours). */
export function entries(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(Object.entries(unzipSync(bytes)));
}

export function entryNames(bytes: Uint8Array): string[] {
  return Object.keys(unzipSync(bytes));
}

export function text(bytes: Uint8Array, name: string): string {
  const e = entries(bytes).get(name);
  if (!e) throw new Error(`no entry ${name}`);
  return strFromU8(e);
}

export async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

export interface CellDump {
  value: string;
  style: string;
}

/** Every cell ExcelJS knows of (empty styled cells included): value and full style, by "Sheet!A1". */
export function dump(wb: ExcelJS.Workbook): Map<string, CellDump> {
  const out = new Map<string, CellDump>();
  wb.eachSheet((ws) => {
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        out.set(`${ws.name}!${cell.address}`, { value: JSON.stringify(cell.value), style: JSON.stringify(cell.style) });
      });
    });
    out.set(`${ws.name}!merges`, { value: JSON.stringify([...((ws.model as { merges?: string[] }).merges ?? [])].sort()), style: '' });
  });
  return out;
}

/** Awaits or runs `f` and returns the HostError it throws (fails the test when it does not throw one). */
export async function hostError(f: () => unknown): Promise<HostError> {
  try {
    await f();
  } catch (e) {
    if (e instanceof HostError) return e;
    throw new Error(`expected a HostError, got ${e instanceof Error ? e.stack : String(e)}`);
  }
  throw new Error('expected a HostError, nothing was thrown');
}
