/**
 * The hosts the contract suite runs against, each over the seed workbook: the memory host (the
 * playground's; bytes written by the file host's writer), ExcelHost over the Office.js fake and
 * WpsHost over the ET fake. Each subject says which faults it can stage; a case a subject cannot
 * stage is skipped by name in the suite, so it shows as a todo instead of passing silently.
 */
import ExcelJS from 'exceljs';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import type { SpreadsheetHost } from '../../../src/hosts/host';
import { MemoryHost } from '../../../src/hosts/memory';
import { applyChanges } from '../../../src/hosts/file/patch';
import { ExcelHost } from '../../../src/hosts/excel/ExcelHost';
import { WpsHost } from '../../../src/hosts/wps';
import { FakeExcel } from '../excel/fakeExcel';
import { createFakeWpsApplication, type FakeWpsOptions } from '../../fakes/wps';

export interface SubjectOptions {
  /** A sheet protected before the first read. */
  protectedSheet?: string;
}

export interface Subject {
  host: SpreadsheetHost;
  /** The workbook's whole state, read around the host under test (for "unchanged" checks). */
  dump(): Promise<unknown>;
  /** Protects a sheet now (after the host has read). */
  protectNow?(sheet: string): void;
  /** The user starts editing a cell: writes must be refused with cell-edit. */
  editMode?(on: boolean): void;
  /** The next write fails as a whole (hosts whose batches are atomic). */
  failNextWriteAtomically?(): void;
  /** Writes fail from the middle of the next batch on, until clearFailures (partial writes). */
  failFromMiddle?(writesInBatch: number): void;
  /** Range writes one recompute makes (to place a failure in its middle). */
  writes?(): number;
  clearFailures?(): void;
}

export interface SubjectKind {
  name: string;
  make(seed: Uint8Array, snapshot: WorkbookSnapshot, options?: SubjectOptions): Promise<Subject>;
}

async function protectedBytes(bytes: Uint8Array, sheet: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice() as unknown as ArrayBuffer);
  await wb.getWorksheet(sheet)!.protect('', {});
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const memory: SubjectKind = {
  name: 'memory host',
  async make(seed, _snapshot, options = {}) {
    const bytes = options.protectedSheet ? await protectedBytes(seed, options.protectedSheet) : seed;
    let fail = false;
    const host = await MemoryHost.open(bytes, 'seed-longquan-2023.xlsx', (b, changes) => {
      if (fail) {
        fail = false;
        throw new Error('injected write failure');
      }
      return applyChanges(b, changes);
    });
    return {
      host,
      dump: async () => host.bytes.slice(),
      failNextWriteAtomically: () => (fail = true),
    };
  },
};

export const excel: SubjectKind = {
  name: 'Excel host (Office.js fake)',
  async make(_seed, snapshot, options = {}) {
    const fake = FakeExcel.fromSnapshot(snapshot);
    if (options.protectedSheet) fake.sheet(options.protectedSheet).protected = true;
    const host = new ExcelHost({ run: fake.run as never, supports: fake.isSetSupported });
    return {
      host,
      dump: async () => fake.dump(),
      protectNow: (sheet) => (fake.sheet(sheet).protected = true),
      failNextWriteAtomically: () => fake.failNextSync('GeneralException', true),
      // editMode: Excel.run({ delayForCellEdit: true }) waits for the edit to end instead of failing.
      // A sync stops at the failing operation and keeps the ones before it (no rollback, fakeExcel.ts).
      failFromMiddle: (n) => fake.failAtWriteOperation(Math.floor(n / 2) + 1),
      writes: () => fake.writeOperations,
      clearFailures: () => undefined, // the failure fires once
    };
  },
};

export const wps = (fakeOptions: FakeWpsOptions = {}): SubjectKind => ({
  name: `WPS host (ET fake${Object.keys(fakeOptions).length ? ` ${JSON.stringify(fakeOptions)}` : ''})`,
  async make(_seed, snapshot, options = {}) {
    const app = createFakeWpsApplication(snapshot, fakeOptions);
    const fake = app.fake;
    if (options.protectedSheet) fake.sheet(options.protectedSheet).protectContents = true;
    const host = new WpsHost(app);
    return {
      host,
      dump: async () => fake.snapshot(),
      protectNow: (sheet) => (fake.sheet(sheet).protectContents = true),
      editMode: (on) => (fake.editMode = on),
      failNextWriteAtomically: undefined, // ET has no batches: see failFromMiddle
      failFromMiddle: (n) => fake.failAt(Math.floor(n / 2) + 1, { writesOnly: true, only: 'Range.', times: Infinity }),
      writes: () => fake.writeLog.filter((m) => m.startsWith('Range.')).length,
      clearFailures: () => fake.clearFailures(),
    };
  },
});

export const SUBJECTS: SubjectKind[] = [
  memory,
  excel,
  wps(),
  wps({ shape: 'item', text: 'array2d', errors: 'text', debugTools: false }),
  wps({ multiArea: 'first', shape: 'vbarray' }),
  wps({ mixedReads: 'first', shape: 'array1d' }),
];
