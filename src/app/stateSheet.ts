/**
 * The guard that keeps the journal off a sheet that is not ours. Excel sheet names ignore case, and
 * every host writes a change for STATE_SHEET to the sheet of that name in any case: a clerk's own
 * "_SELFEVAL" would have its A1, A2… overwritten by the journal. So a write that carries the state
 * is refused, before anything is written, while such a sheet exists.
 */
import { HostError } from '../hosts/host';
import type { WorkbookSnapshot } from '../core/snapshot';
import type { CellChange } from '../core/edits';
import type { Lang } from '../core/types';
import { errorText } from '../i18n/errors';
import { isStateSheetName, stateSheetStatus } from '../core/state';

/** Throws HostError "name-taken" (nothing written) when `changes` write the state sheet and a sheet of that name is not ours. */
export function assertStateSheetOurs(book: WorkbookSnapshot, changes: CellChange[], lang: Lang): void {
  if (!changes.some((c) => isStateSheetName(c.sheet))) return;
  const found = stateSheetStatus(book);
  if (found.kind === 'foreign') throw new HostError('name-taken', errorText(lang, { code: 'name-taken', sheet: found.name }), found.name);
}
