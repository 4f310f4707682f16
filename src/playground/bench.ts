/**
 * Performance marks the end-to-end test reads back (performance.getEntriesByName):
 * "selfeval:first-render" (page start → sample shown and first check painted),
 * "selfeval:recompute" (the recompute call) and "selfeval:rerender" (workbook change → view painted).
 */
import type { AssistantApi, AssistantState } from '../app/types';

const perf = (): Performance | undefined => (typeof performance !== 'undefined' ? performance : undefined);

/** Runs fn after the next paint. */
export function afterPaint(fn: () => void): void {
  if (typeof requestAnimationFrame === 'undefined') return fn();
  requestAnimationFrame(() => setTimeout(fn, 0));
}

export function mark(name: string): void {
  perf()?.mark?.(name);
}

export function measure(name: string, startMark: string): void {
  const p = perf();
  if (!p?.measure || p.getEntriesByName(startMark, 'mark').length === 0) return;
  try {
    p.measure(name, startMark);
  } catch {
    // Marks cleared or unsupported: timing is best effort.
  }
}

/** Wraps the assistant so its calls are timed; the first check marks the first full render and is reported. */
export function timed(api: AssistantApi, onFirstCheck?: (s: AssistantState) => void): AssistantApi {
  let first = true;
  return {
    check: async () => {
      const s = await api.check();
      if (first) {
        first = false;
        onFirstCheck?.(s);
        afterPaint(() => {
          if (perf()?.getEntriesByName('selfeval:first-render', 'mark').length === 0) mark('selfeval:first-render');
        });
      }
      return s;
    },
    recompute: async () => {
      mark('selfeval:recompute-start');
      const s = await api.recompute();
      measure('selfeval:recompute', 'selfeval:recompute-start');
      return s;
    },
    revert: () => api.revert(),
    clearMarks: () => api.clearMarks(),
    reveal: (f) => api.reveal(f),
    saveSettings: (x) => api.saveSettings(x),
  };
}
