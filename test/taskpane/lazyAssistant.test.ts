/** The pane's assistant loads the engine on demand and then behaves exactly like createAssistant's. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { lazyAssistant } from '../../src/taskpane/lazyAssistant';
import { createAssistant } from '../../src/app/assistant';
import { snapshotFromBuffer } from '../../src/hosts/file/read';
import { SnapshotHost } from '../helpers/snapshotHost';

it('answers every call through the engine it loads, like the assistant itself', async () => {
  const snap = await snapshotFromBuffer(readFileSync(join(__dirname, '../fixtures/seed-longquan-2023.xlsx')), 'seed.xlsx');
  const direct = await createAssistant(new SnapshotHost(snap)).check();
  const host = new SnapshotHost(snap);
  const lazy = lazyAssistant(host);
  expect(host.reads).toBe(0); // nothing read before the first call
  const checked = await lazy.check();
  expect(checked.review).toEqual(direct.review);
  const recomputed = await lazy.recompute();
  expect(recomputed.changed.length).toBeGreaterThan(0);
  expect(host.applies).toBe(1);
  await lazy.reveal({ sheet: '附件3 自评表', cell: 'H14' });
  expect(host.selected).toEqual({ sheet: '附件3 自评表', cell: 'H14' });
  await lazy.revert();
  await lazy.clearMarks();
  await lazy.saveSettings({ rules: 'mof-2020' });
  expect(host.applies).toBeGreaterThan(1);
});
