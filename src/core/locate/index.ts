/**
 * The locator: finds every 绩效自评表 (整体支出 / 项目支出) and 基础数据表 in a workbook,
 * wherever it sits, and binds each field to its cell. Pure: no host or Node APIs.
 */
import type { LocatedForm } from '../form';
import type { WorkbookSnapshot } from '../snapshot';
import { Grid } from './grid';
import { locateSheet } from './forms';
import { formsForSheet, type TemplateProfile } from '../profile';

export interface LocateOptions {
  /** The clerk's or the bureau's column map (src/core/profile.ts), applied to every sheet it names. */
  template?: TemplateProfile | null;
}

/** The add-in's own state sheet, never a form. */
export const STATE_SHEET = '_selfeval';

export function locateForms(snapshot: WorkbookSnapshot, options: LocateOptions = {}): LocatedForm[] {
  const sheets = snapshot && Array.isArray(snapshot.sheets) ? snapshot.sheets : [];
  const out: LocatedForm[] = [];
  for (const sheet of sheets) {
    if (!sheet || typeof sheet !== 'object' || sheet.name === STATE_SHEET) continue;
    try {
      out.push(...locateSheet(new Grid(sheet), formsForSheet(options.template, sheet.name)));
    } catch {
      // A sheet the rules cannot read is a sheet without forms; the tests hold locateSheet to never throw.
    }
  }
  return out;
}

export { locateSheet } from './forms';
export { Grid } from './grid';
