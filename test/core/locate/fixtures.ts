/** Loads a fixture workbook into a snapshot. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';
import type { Bound } from '../../../src/core/form';

export function loadFixture(name: string): Promise<WorkbookSnapshot> {
  return snapshotFromBuffer(readFileSync(join(__dirname, '../../fixtures', name)), name);
}

/** A1 address of a bound cell, or null. */
export function at(b: Bound | null | undefined): string | null {
  return b ? b.a1 : null;
}
