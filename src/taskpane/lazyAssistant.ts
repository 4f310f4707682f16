/**
 * The assistant with the engine loaded on demand: the pane's first paint needs only React, Fluent
 * and the pane itself, and the engine chunk (the locator, parser, scorer and checks) is fetched in
 * parallel, starting right away, and awaited by the first call.
 */
import type { AssistantApi } from '../app/types';
import type { SpreadsheetHost } from '../hosts/host';

export function lazyAssistant(host: SpreadsheetHost): AssistantApi {
  const ready: Promise<AssistantApi> = import(/* webpackChunkName: "engine" */ '../app/assistant').then((m) => m.createAssistant(host));
  return {
    check: () => ready.then((a) => a.check()),
    recompute: () => ready.then((a) => a.recompute()),
    revert: () => ready.then((a) => a.revert()),
    clearMarks: () => ready.then((a) => a.clearMarks()),
    reveal: (finding) => ready.then((a) => a.reveal(finding)),
    saveSettings: (settings) => ready.then((a) => a.saveSettings(settings)),
  };
}
