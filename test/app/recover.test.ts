/**
 * A write that stops part way and whose journal repair cannot be written either (src/app/recover.ts):
 * the clerk is told the undo record is complete ('interrupted') only when the journal left on the
 * state sheet already covers every cell written; otherwise 'interrupted-unrecorded'.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type { WorkbookSnapshot } from '../../src/core/snapshot';
import type { CellChange } from '../../src/core/edits';
import { applyToSnapshot } from '../../src/core/applySnapshot';
import { isStateSheetName } from '../../src/core/state';
import { cellByAddress } from '../../src/core/grid';
import { FileHost } from '../../src/hosts/file/host';
import type { SpreadsheetHost } from '../../src/hosts/host';
import { createAssistant } from '../../src/app/assistant';

const SEED = new Uint8Array(readFileSync(join(__dirname, '../fixtures/seed-longquan-2023.xlsx')));
const SHEET = '附件3 自评表';
let seed: WorkbookSnapshot;

beforeAll(async () => {
  seed = await new FileHost(SEED, 'seed.xlsx').read();
});

/**
 * A host whose next write stops after half the clerk's cells, writing the journal before them
 * (`journalFirst`, as the WPS host does) or not at all; every later write fails until `heal`.
 */
class StoppingHost implements SpreadsheetHost {
  readonly kind = 'memory' as const;
  private stopped = false;
  private healed = false;
  constructor(
    public book: WorkbookSnapshot,
    private readonly journalFirst: boolean,
  ) {}
  async read() {
    return this.book;
  }
  async apply(changes: CellChange[]) {
    if (this.healed) {
      this.book = applyToSnapshot(this.book, changes);
      return;
    }
    if (!this.stopped) {
      // The first write: the journal (if first), then half the clerk's cells, then the failure.
      this.stopped = true;
      const cells = changes.filter((c) => !isStateSheetName(c.sheet));
      const journal = changes.filter((c) => isStateSheetName(c.sheet));
      this.book = applyToSnapshot(this.book, [...(this.journalFirst ? journal : []), ...cells.slice(0, Math.ceil(cells.length / 2))]);
    }
    throw new Error('injected write failure'); // every later write too, the journal repair included
  }
  heal() {
    this.healed = true;
  }
  async select() {}
}

const cellsOf = (book: WorkbookSnapshot) => book.sheets.find((s) => s.name === SHEET)!.values;

test('the journal written first covers the cells written: interrupted, and 撤销重算 restores them', async () => {
  const host = new StoppingHost(seed, true);
  await expect(createAssistant(host).recompute()).rejects.toMatchObject({ code: 'interrupted' });
  expect(cellsOf(host.book)).not.toEqual(cellsOf(seed)); // something was written and stayed
  host.heal();
  await createAssistant(host).revert();
  expect(cellsOf(host.book)).toEqual(cellsOf(seed));
  expect(cellByAddress(host.book, SHEET, 'H14').fill).toBe(cellByAddress(seed, SHEET, 'H14').fill);
});

test('no journal left for the cells written: interrupted-unrecorded (the clerk is told to undo or not save)', async () => {
  const host = new StoppingHost(seed, false);
  await expect(createAssistant(host).recompute()).rejects.toMatchObject({ code: 'interrupted-unrecorded' });
  expect(cellsOf(host.book)).not.toEqual(cellsOf(seed));
});
