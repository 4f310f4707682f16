/**
 * The column map the pane shows and edits (pure): which column each field of a form was read from,
 * and the clerk's corrections as a template profile (src/core/profile.ts), one entry per table.
 */
import { columnName, parseRange } from '../core/address';
import type { FundsColumn, IndicatorColumn } from '../core/form';
import { PROFILE_VERSION, type FormProfile, type TemplateProfile } from '../core/profile';
import type { FormReview } from '../core/types';

export type MapTable = 'indicators' | 'funds';

export interface MapRow {
  table: MapTable;
  field: IndicatorColumn | FundsColumn;
  /** The column read, or null when none is. */
  letter: string | null;
  /** Set by the clerk's map (not the locator's own reading). */
  mapped: boolean;
}

/** The fields the pane always lists (the rest only when the form has them). */
const INDICATOR_SHOWN: readonly IndicatorColumn[] = ['level1', 'level2', 'level3', 'target', 'actual', 'weight', 'score', 'explanation'];
const INDICATOR_OPTIONAL: readonly IndicatorColumn[] = ['initialTarget', 'nature', 'targetUnit'];
const FUNDS_SHOWN: readonly FundsColumn[] = ['planned', 'budgeted', 'executed', 'rate', 'weight', 'score'];

/** Columns offered past the form's right edge: the column the locator missed is often the next one. */
const EXTRA_COLUMNS = 2;

export const emptyProfile = (): TemplateProfile => ({ selfevalProfile: PROFILE_VERSION, forms: [] });

function headerRowOf(form: FormReview, table: MapTable): number | null {
  return (table === 'indicators' ? form.headerRow : form.fundsHeaderRow) ?? null;
}

/** The clerk's entry for one table of this form: written by the pane with the exact sheet name and header row. */
function entryOf(template: TemplateProfile | undefined, form: FormReview, table: MapTable): FormProfile | undefined {
  const row = headerRowOf(form, table);
  return template?.forms.find((f) => f.sheet === form.sheet && f[table] !== undefined && f[table]?.headerRow === row);
}

/** The rows of a self-evaluation form's map: the indicator table's fields, then the funds block's (when it has one). */
export function mapRows(form: FormReview, template?: TemplateProfile): MapRow[] {
  // A review without column letters (an older engine's) has nothing to show.
  if (form.kind !== 'self-evaluation' || !form.columns) return [];
  const out: MapRow[] = [];
  const cols: Partial<Record<string, string>> = form.columns ?? {};
  const indEntry = entryOf(template, form, 'indicators')?.indicators?.columns ?? {};
  // Without an indicator table read there is no header to correct: 补充识别漏掉的表格 points at one.
  const fields = form.headerRow === undefined || form.headerRow === null ? [] : [...INDICATOR_SHOWN, ...INDICATOR_OPTIONAL.filter((f) => cols[f] !== undefined || f in indEntry)];
  for (const field of fields) out.push({ table: 'indicators', field, letter: cols[field] ?? null, mapped: field in indEntry });
  if (form.fundsHeaderRow !== undefined && form.fundsHeaderRow !== null) {
    const funds: Partial<Record<string, string>> = form.fundsColumns ?? {};
    const fundsEntry = entryOf(template, form, 'funds')?.funds?.columns ?? {};
    for (const field of FUNDS_SHOWN) out.push({ table: 'funds', field, letter: funds[field] ?? null, mapped: field in fundsEntry });
  }
  return out;
}

/** Column letters a field may be pointed at: the form's range, and a little past its right edge. */
export function columnChoices(form: FormReview): string[] {
  const r = parseRange(form.range);
  if (!r) return [];
  const out: string[] = [];
  for (let c = r.left; c <= r.right + EXTRA_COLUMNS; c++) out.push(columnName(c));
  return out;
}

/** The template with one field of one table of `form` set to `letter` (null: the form has no such column). */
export function withChoice(template: TemplateProfile | undefined, form: FormReview, table: MapTable, field: string, letter: string | null): TemplateProfile {
  const base = template ?? emptyProfile();
  const row = headerRowOf(form, table);
  const old = entryOf(base, form, table);
  const columns = { ...(old?.[table]?.columns ?? {}), [field]: letter } as Record<string, string | null>;
  // A column moved onto this field leaves the field the clerk had put there before (a profile never gives one column twice).
  if (letter !== null) for (const [k, v] of Object.entries(columns)) if (k !== field && v === letter) columns[k] = null;
  // An entry that adds a table the locator missed stays one.
  const entry: FormProfile = { sheet: form.sheet, [table]: { ...(row !== null ? { headerRow: row } : {}), columns, ...(old?.[table]?.add ? { add: true } : {}) } };
  const forms = old ? base.forms.map((f) => (f === old ? entry : f)) : [...base.forms, entry];
  return { ...base, forms };
}

/** The template without the clerk's entries for this form (its tables read as the locator reads them). */
export function withoutForm(template: TemplateProfile | undefined, form: FormReview): TemplateProfile {
  const base = template ?? emptyProfile();
  const own = new Set([entryOf(base, form, 'indicators'), entryOf(base, form, 'funds')]);
  return { ...base, forms: base.forms.filter((f) => !own.has(f)) };
}

/** Whether the clerk's map sets anything for this form. */
export function hasEntries(template: TemplateProfile | undefined, form: FormReview): boolean {
  return !!entryOf(template, form, 'indicators') || !!entryOf(template, form, 'funds');
}

/**
 * The template with a table the locator missed: `letters` by field ("" for none), under the header
 * row `row` (as typed) of `sheet`. Checked by the caller (validateProfile) before it is saved.
 */
export function withAddedTable(template: TemplateProfile | undefined, sheet: string, table: MapTable, row: string, letters: Record<string, string>): TemplateProfile {
  const base = template ?? emptyProfile();
  const columns: Record<string, string> = {};
  for (const [field, letter] of Object.entries(letters)) if (letter.trim() !== '') columns[field] = letter.trim();
  const n = Number(row.trim());
  const entry = { sheet: sheet.trim(), [table]: { headerRow: row.trim() === '' ? undefined : n, add: true, columns } } as FormProfile;
  return { ...base, forms: [...base.forms, entry] };
}

/** The fields a table added by hand is given, in the pane's order. */
export function addFields(table: MapTable): readonly (IndicatorColumn | FundsColumn)[] {
  return table === 'indicators' ? INDICATOR_SHOWN : FUNDS_SHOWN;
}

/** The profile file's text, as exported (2-space JSON, a final newline). */
export function profileText(template: TemplateProfile): string {
  return JSON.stringify(template, null, 2) + '\n';
}
