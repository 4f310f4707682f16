/**
 * Rebuilds test/metamorphic/corpus.json.gz: every workbook the core tests hand to the engine that
 * holds a self-evaluation form the engine reads (at least two scored indicators), deduplicated,
 * and the fixtures in test/fixtures and test/fixtures/templates. The random workbooks of the property tests are left out:
 * they are not forms (negative weights, scores as text), so a change of layout on them says nothing.
 *
 *   HARVEST_DIR=/tmp/harvest npx jest -c test/metamorphic/harvest/jest.config.js --maxWorkers=1
 *   HARVEST_DIR=/tmp/harvest npx tsx test/metamorphic/harvest/build.ts
 */
import { readdirSync, readFileSync, writeFileSync } from 'fs';
import { snapshotFromBuffer } from '../../../src/hosts/file/read';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { reviewWorkbook } from '../../../src/core/review';
import type { WorkbookSnapshot } from '../../../src/core/snapshot';

const FUZZ = /property/;
/** A template read without weights (no 分值 column) gives no stable baseline to compare with. */
const UNSTABLE = new Set(['hubei-student-aid-project.xlsx']);

function readable(book: WorkbookSnapshot): boolean {
  try {
    const { fileReview, details } = reviewWorkbook(book);
    return !details.failures.length && fileReview.forms.some((f) => (f.indicators ?? []).filter((i) => i.score.cell).length >= 2);
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const dir = process.env.HARVEST_DIR ?? '/tmp/harvest';
  const out: { id: string; book: WorkbookSnapshot }[] = [];
  const seen = new Set<string>();
  for (const folder of ['../../fixtures', '../../fixtures/templates']) {
    const fixtures = join(__dirname, folder);
    for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.xlsx') && !UNSTABLE.has(f)).sort()) {
      const book = await snapshotFromBuffer(readFileSync(join(fixtures, file)), file);
      seen.add(JSON.stringify(book));
      if (readable(book)) out.push({ id: `fixture:${file}`, book });
    }
  }
  for (const file of readdirSync(dir).filter((f) => !FUZZ.test(f)).sort()) {
  const books = JSON.parse(readFileSync(join(dir, file), 'utf8')) as WorkbookSnapshot[];
  books.forEach((book, k) => {
    const json = JSON.stringify(book);
    if (seen.has(json) || !Array.isArray(book?.sheets) || !book.sheets.every((s) => Array.isArray(s?.values) && Array.isArray(s.texts) && Array.isArray(s.merges))) return;
    seen.add(json);
    const cells = book.sheets.reduce((n, s) => n + s.values.length * (s.values[0]?.length ?? 0), 0);
    if (cells > 3000) return;
    if (readable(book)) out.push({ id: `${file.replace(/\.test\.ts\.json$/, '')}#${k}`, book });
  });
}
  writeFileSync(join(__dirname, '../corpus.json.gz'), gzipSync(JSON.stringify(out), { level: 9 }));
  console.log(`${out.length} workbooks`);
}

void main();
