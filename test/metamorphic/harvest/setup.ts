/**
 * Harvest setup (see build.ts): wraps the locator so every workbook a test hands to the engine is
 * written to HARVEST_DIR, one JSON file per test file. Never loaded by the normal test run.
 */
import { mkdirSync, writeFileSync } from 'fs';
import { basename, join } from 'path';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';

const seen = new Map<string, WorkbookSnapshot>();

jest.mock('../../../src/core/locate', () => {
  const actual = jest.requireActual('../../../src/core/locate');
  return {
    ...actual,
    locateForms(snapshot: WorkbookSnapshot) {
      try {
        const json = JSON.stringify(snapshot);
        if (json && json.length < 400_000) seen.set(json, JSON.parse(json));
      } catch {
        // Malformed input from the robustness tests: not a form to perturb.
      }
      return actual.locateForms(snapshot);
    },
  };
});

afterAll(() => {
  const dir = process.env.HARVEST_DIR;
  if (!dir || !seen.size) return;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${basename(expect.getState().testPath ?? 'unknown')}.json`), JSON.stringify([...seen.values()]));
});
