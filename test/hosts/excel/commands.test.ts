/** Ribbon commands end in event.completed() whatever happens, and report the outcome in the user's language. */
import { runCommand, type CommandDeps } from '../../../src/commands/runCommand';
import { HostError } from '../../../src/hosts/host';
import type { AssistantApi, AssistantState } from '../../../src/app/types';

const state = { changed: [{}, {}, {}], marked: 2 } as unknown as AssistantState;

function deps(over: Partial<AssistantApi> = {}, more: Partial<CommandDeps> = {}) {
  const notified: string[] = [];
  const api = { recompute: async () => state, clearMarks: async () => state, ...over } as AssistantApi;
  const d: CommandDeps = { lang: 'zh-CN', assistant: () => api, notify: async (o) => void notified.push(o.text), ...more };
  const event = { completed: jest.fn() };
  return { d, event, notified };
}

test('success: completed once, summary notified', async () => {
  const { d, event, notified } = deps();
  const out = await runCommand('recompute', event, d);
  expect(out.ok).toBe(true);
  expect(notified).toEqual(['已写入 3 个单元格，标记 2 处']);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test('HostError: completed, localised message, code kept', async () => {
  const { d, event, notified } = deps({ clearMarks: async () => { throw new HostError('protected', 'x', '表1'); } }, { lang: 'en-US' });
  const out = await runCommand('clearMarks', event, d);
  expect(out).toMatchObject({ ok: false, code: 'protected' });
  expect(notified[0]).toMatch(/表1/);
  expect(event.completed).toHaveBeenCalledTimes(1);
});

test('a failing factory, a throwing or hanging notice never leave the command hanging', async () => {
  const a = deps({}, { assistant: () => { throw new Error('no Excel'); }, notify: async () => { throw new Error('no dialog'); } });
  expect((await runCommand('recompute', a.event, a.d)).ok).toBe(false);
  expect(a.event.completed).toHaveBeenCalledTimes(1);
  const b = deps({}, { notify: () => new Promise<void>(() => undefined), notifyTimeout: 20 });
  await runCommand('recompute', b.event, b.d);
  expect(b.event.completed).toHaveBeenCalledTimes(1);
});
