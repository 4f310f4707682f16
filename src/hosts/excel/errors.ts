/**
 * Office.js errors -> HostError. Branch on `code` (stable, not localised); the Office `message` is
 * localised and not meant for users, so it only goes into our English detail.
 */
import { HostError, type HostErrorCode } from '../host';

export type Phase = 'read' | 'write' | 'select';

/** Office error codes (OfficeExtension.ErrorCodes / Excel.ErrorCodes) we map explicitly. */
const BY_CODE: Record<string, HostErrorCode> = {
  InvalidOperationInCellEditMode: 'cell-edit',
  AccessDenied: 'protected',
  InactiveWorkbook: 'busy',
  InvalidSelection: 'busy',
  ActivityLimitReached: 'busy',
  Conflict: 'busy',
  ServiceNotAvailable: 'busy',
  RequestAborted: 'busy',
  RequestPayloadSizeLimitExceeded: 'too-large',
  ResponsePayloadSizeLimitExceeded: 'too-large',
  RangeExceedsLimit: 'too-large',
  ApiNotFound: 'not-supported',
  NotImplemented: 'not-supported',
  UnsupportedOperation: 'not-supported',
  UnsupportedSheet: 'not-supported',
  UnsupportedFeature: 'not-supported',
  ApiNotAvailable: 'not-supported',
  // Limits of one operation's size or of memory (Excel.ErrorCodes; resource-limits-and-performance-optimization).
  OperationCellsExceedLimit: 'too-large',
  MemoryLimitReached: 'too-large',
  // An operation without undo support inside Excel.run({ mergeUndoGroup: true }) (excel-add-ins-undo-capabilities).
  UndoNotSupported: 'undo-not-supported',
};

/** What a code falls back to in each phase (GeneralException, InvalidOperation, ItemNotFound, …). */
const FALLBACK: Record<Phase, HostErrorCode> = { read: 'unreadable', write: 'write-failed', select: 'busy' };

const DETAIL: Partial<Record<HostErrorCode, string>> = {
  'cell-edit': 'Excel is in cell-edit mode; finish editing the cell (Enter or Esc) and try again',
  protected: 'the sheet or workbook is protected or read-only',
  busy: 'Excel is busy or another workbook has the focus',
  'too-large': 'the workbook is larger than Excel allows an add-in to transfer at once',
  'not-supported': 'this version of Excel lacks an API the add-in needs',
  'undo-not-supported': 'Excel cannot undo an operation of this write as one step',
};

export function officeErrorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Wraps anything thrown inside Excel.run into a HostError; HostErrors pass through unchanged. */
export function toHostError(e: unknown, phase: Phase, sheet?: string): HostError {
  if (e instanceof HostError) return e;
  const office = officeErrorCode(e);
  const code = (office && BY_CODE[office]) || FALLBACK[phase];
  const where = (e as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo?.errorLocation;
  const raw = e instanceof Error ? e.message : String(e);
  const parts = [`Excel ${phase} failed`, office && `(${office}${where ? ` at ${where}` : ''})`];
  const detail = DETAIL[code];
  const message = `${parts.filter(Boolean).join(' ')}: ${detail ?? raw}${detail && raw ? ` [${raw}]` : ''}`;
  return new HostError(code, message, sheet, e);
}
