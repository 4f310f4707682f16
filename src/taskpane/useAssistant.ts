/** Runs AssistantApi operations one at a time and keeps the state, the busy flag and the feedback. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AssistantApi, AssistantState, Settings } from '../app/types';
import type { Finding } from '../core/types';
import type { TemplateProfile } from '../core/profile';
import type { MessageKey, Params } from '../i18n';
import { runCounts, takeLastOutcome } from '../app/outcome';

export type Operation = 'check' | 'recompute' | 'revert' | 'clear' | 'save';

export interface Success {
  key: MessageKey;
  params?: Params;
}

export interface AssistantView {
  state: AssistantState | null;
  busy: Operation | null;
  error: unknown;
  success: Success | null;
  check(): void;
  recompute(): void;
  revert(): void;
  clearMarks(): void;
  saveSettings(settings: Settings): void;
  /** Store the clerk's column map (a template profile) with the settings and re-check; `imported` names a profile file read in. */
  saveColumnMap(template: TemplateProfile, imported?: string): void;
  reveal(target: Pick<Finding, 'sheet' | 'cell'>): void;
  dismissError(): void;
  dismissSuccess(): void;
}

export function useAssistant(api: AssistantApi): AssistantView {
  const [state, setState] = useState<AssistantState | null>(null);
  const [busy, setBusy] = useState<Operation | null>('check');
  const [error, setError] = useState<unknown>(null);
  const [success, setSuccess] = useState<Success | null>(null);
  const running = useRef(false);
  const current = useRef<AssistantState | null>(null);

  const run = useCallback(
    async (op: Operation, call: () => Promise<AssistantState>, describe?: (next: AssistantState, prev: AssistantState | null) => Success) => {
      if (running.current) return;
      running.current = true;
      setBusy(op);
      setError(null);
      setSuccess(null);
      try {
        const next = await call();
        const prev = current.current;
        current.current = next;
        setState(next);
        if (describe) setSuccess(describe(next, prev));
      } catch (e) {
        setError(e ?? new Error('unknown'));
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [],
  );

  useEffect(() => {
    // A ribbon command run while the pane was closed left its outcome behind: show it once.
    const last = takeLastOutcome();
    void run('check', () => api.check(), last ? () => ({ key: 'feedback.lastCommand', params: { text: last.text } }) : undefined);
  }, [api, run]);

  const reveal = useCallback(
    (target: Pick<Finding, 'sheet' | 'cell'>) => {
      if (!target.sheet || !target.cell) return;
      api.reveal(target).catch((e: unknown) => setError(e ?? new Error('unknown')));
    },
    [api],
  );

  return {
    state,
    busy,
    error,
    success,
    check: () => void run('check', () => api.check()),
    recompute: () =>
      void run('recompute', () => api.recompute(), (s) => {
        // This run's counts, not the journal's totals (a second recompute may write nothing).
        const counts = runCounts(s);
        return counts.written + counts.marked === 0 ? { key: 'feedback.upToDate' } : { key: 'feedback.recomputed', params: counts };
      }),
    revert: () =>
      void run('revert', () => api.revert(), (_s, prev) => ({ key: 'feedback.reverted', params: { n: prev?.changed.length ?? 0 } })),
    clearMarks: () => void run('clear', () => api.clearMarks(), () => ({ key: 'feedback.cleared' })),
    saveSettings: (settings: Settings) => void run('save', () => api.saveSettings(settings), () => ({ key: 'feedback.saved' })),
    saveColumnMap: (template: TemplateProfile, imported?: string) =>
      void run(
        'save',
        () => api.saveSettings({ ...(current.current?.settings ?? { rules: 'mof-2020' }), template }),
        () => (imported !== undefined ? { key: 'columnMap.imported', params: { name: imported } } : { key: 'columnMap.saved' }),
      ),
    reveal,
    dismissError: () => setError(null),
    dismissSuccess: () => setSuccess(null),
  };
}
