/** Localised sentences for HostError codes (src/hosts/host.ts) and other thrown values. */
import type { HostErrorCode } from '../hosts/host';
import type { Lang } from '../core/types';
import { t } from './t';

/** Anything with a HostError code: a real HostError or the same shape sent across a boundary. */
export interface HostErrorLike {
  code: HostErrorCode;
  sheet?: string;
  message?: string;
}

const CODES: readonly HostErrorCode[] = [
  'protected', 'cell-edit', 'too-large', 'unreadable', 'busy', 'not-supported', 'write-failed', 'name-taken',
  'structure-protected', 'undo-not-supported', 'interrupted', 'interrupted-unrecorded',
];

export function isHostErrorLike(err: unknown): err is HostErrorLike {
  return (
    typeof err === 'object' && err !== null &&
    CODES.includes((err as { code?: unknown }).code as HostErrorCode)
  );
}

/** One clear sentence for the user about err, in lang. */
export function errorText(lang: Lang, err: unknown): string {
  if (isHostErrorLike(err)) {
    if (err.code === 'protected') {
      return err.sheet ? t(lang, 'error.protected', { sheet: err.sheet }) : t(lang, 'error.protectedNoSheet');
    }
    if (err.code === 'name-taken') return t(lang, 'error.name-taken', { sheet: err.sheet ?? '_selfeval' });
    return t(lang, `error.${err.code}`);
  }
  const message =
    err instanceof Error ? err.message :
    typeof err === 'string' ? err :
    typeof err === 'object' && err !== null && typeof (err as { message?: unknown }).message === 'string'
      ? (err as { message: string }).message
      : String(err);
  return t(lang, 'error.generic', { message: message || '?' });
}
