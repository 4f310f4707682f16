/**
 * Every fixture workbook, not only the seed: the WPS host reads what the file host reads, and a
 * recompute through it leaves the cells and journal that `selfeval fill` leaves (less the defined
 * names the WPS host does not keep).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import type { SheetSnapshot } from '../../../src/core/snapshot';
import { decodeState } from '../../../src/core/state';
import { FileHost } from '../../../src/hosts/file/host';
import { WpsHost } from '../../../src/hosts/wps';
import { createAssistant } from '../../../src/app/assistant';
import { createFakeWpsApplication } from '../../fakes/wps';

const DIR = join(__dirname, '../../fixtures');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.xlsx'));
const NOW = () => new Date('2026-12-06T08:00:00.000Z');
const visibleData = (s: SheetSnapshot) => (s.visibility === 'visible' ? { ...s, merges: [...s.merges].sort() } : { name: s.name, visibility: s.visibility });

test.each(FILES)('%s', async (file) => {
  const bytes = new Uint8Array(readFileSync(join(DIR, file)));
  const original = await new FileHost(bytes, file).read();
  const app = createFakeWpsApplication(original, { shape: 'item' });
  const host = new WpsHost(app);
  expect((await host.read()).sheets.map(visibleData)).toEqual(original.sheets.map(visibleData));

  const fileHost = new FileHost(bytes, file);
  await createAssistant(fileHost, { now: NOW, file }).recompute();
  await createAssistant(host, { now: NOW, file }).recompute();
  const expected = await fileHost.read();
  const got = await host.read();
  expect(got.sheets.filter((s) => s.visibility === 'visible').map(visibleData)).toEqual(
    expected.sheets.filter((s) => s.visibility === 'visible').map(visibleData),
  );
  // The WPS host keeps no defined names (contract.test.ts, keepsNames): the same journal, by address.
  expect(got.names).toBeUndefined();
  const state = decodeState(expected);
  expect(decodeState(got)).toEqual(state && { ...state, journal: state.journal.map(({ name: _name, ...e }) => e) });
  expect(app.fake.calls).toBeLessThan(5000);
});
