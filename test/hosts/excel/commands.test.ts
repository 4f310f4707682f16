/** @jest-environment jsdom */
/** Ribbon commands end in event.completed() whatever happens, and report the outcome in the user's language. */
import { LAST_OUTCOME_KEY, NOTIFY_MS, WORK_MS, runCommand, type CommandDeps } from '../../../src/commands/runCommand';
import { takeLastOutcome } from '../../../src/app/outcome';
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

describe('issue 10: this run’s counts, Excel’s five-minute limit, top-level association', () => {
  test('a recompute that wrote nothing says so, whatever the journal still holds', async () => {
    const idle = { ...state, written: { values: 0, marks: 0, unmarked: 0 } } as unknown as AssistantState;
    const { d, event, notified } = deps({ recompute: async () => idle });
    await runCommand('recompute', event, d);
    expect(notified).toEqual(['无需写入：计算值和标记都已是最新']);
    const some = { ...state, written: { values: 1, marks: 1, unmarked: 0 } } as unknown as AssistantState;
    const b = deps({ recompute: async () => some });
    await runCommand('recompute', b.event, b.d);
    expect(b.notified).toEqual(['已写入 1 个单元格，标记 1 处']);
  });

  test('work that never ends (Excel waiting on a cell edit) still completes, with the cell-edit message', async () => {
    const { d, event, notified } = deps({ recompute: () => new Promise<AssistantState>(() => undefined) }, { workTimeout: 20, notifyTimeout: 20 });
    const out = await runCommand('recompute', event, d);
    expect(out).toMatchObject({ ok: false, code: 'cell-edit' });
    expect(notified[0]).toContain('正在编辑');
    expect(event.completed).toHaveBeenCalledTimes(1);
  });

  test('the default bounds end a command well inside the five minutes Excel gives it', () => {
    expect(WORK_MS + NOTIFY_MS).toBeLessThanOrEqual(5 * 60_000 - 30_000);
  });

  test('the outcome is stored for the task pane', async () => {
    const { d, event } = deps();
    localStorage.removeItem(LAST_OUTCOME_KEY);
    await runCommand('recompute', event, d);
    expect(takeLastOutcome()).toMatchObject({ command: 'recompute', ok: true, text: '已写入 3 个单元格，标记 2 处' });
    expect(takeLastOutcome()).toBeNull(); // shown once
  });

  test('commands.ts associates both commands at load, before Office.onReady resolves', async () => {
    const associate = jest.fn();
    const g = globalThis as Record<string, unknown>;
    g.Office = { actions: { associate }, onReady: () => new Promise(() => undefined), context: {} };
    try {
      await jest.isolateModulesAsync(async () => {
        await import('../../../src/commands/commands');
      });
      expect(associate.mock.calls.map((c) => c[0])).toEqual(['recompute', 'clearMarks']);
    } finally {
      delete g.Office;
    }
  });
});
