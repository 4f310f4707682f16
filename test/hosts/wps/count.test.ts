/** countCalls counts what the fake counts, and the host works through it unchanged. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { FileHost } from '../../../src/hosts/file/host';
import { WpsHost, countCalls } from '../../../src/hosts/wps';
import type { WpsApplication } from '../../../src/hosts/wps';
import { createAssistant } from '../../../src/app/assistant';
import { createFakeWpsApplication } from '../../fakes/wps';

const SEED = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/seed-longquan-2023.xlsx')));

test('a recompute and a revert through countCalls: same calls as the fake counted, same workbook', async () => {
  const file = await new FileHost(SEED, 'seed.xlsx').read();
  const app = createFakeWpsApplication(file);
  const counted = countCalls<WpsApplication>(app);
  const assistant = createAssistant(new WpsHost(counted.app));
  await assistant.recompute();
  expect(counted.calls).toBe(app.fake.calls);
  expect(app.fake.value('附件3 自评表', 'H14')).toBe(14.55);
  counted.reset();
  app.fake.resetCounts();
  await assistant.revert();
  expect(counted.calls).toBe(app.fake.calls);
  expect(app.fake.value('附件3 自评表', 'H14')).not.toBe(14.55);
});

test('objects handed back to a method are the originals (the bridge sees only its own objects)', () => {
  const seen: unknown[] = [];
  const wb = { Name: 'b' };
  const app = { ActiveWorkbook: wb, Take: (x: unknown) => seen.push(x) };
  const counted = countCalls(app);
  counted.app.Take(counted.app.ActiveWorkbook);
  expect(seen[0]).toBe(wb);
  expect(counted.calls).toBe(2);
  const arr = [[1, 2]];
  const withArray = countCalls({ Value2: arr });
  expect(withArray.app.Value2).toBe(arr); // arrays are values, not wrapped
});
