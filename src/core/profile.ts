/**
 * Template profiles: a small, versioned JSON that says which column holds which field of a form,
 * for the forms the locator misreads (or misses). A clerk's corrections in the task pane are one;
 * a finance bureau can hand one to all its units (`selfeval check --template PROFILE.json`).
 * Pure: the validator has its own messages in both languages, no schema library.
 *
 *   { "selfevalProfile": 1, "name": "某市财政局 2024 项目支出自评表",
 *     "forms": [{ "sheet": "附件3*", "indicators": { "headerRow": 12, "columns": { "score": "H", "explanation": null } },
 *                 "funds": { "headerRow": 4, "columns": { "score": "H" } } }] }
 */
import type { FundsColumn, IndicatorColumn } from './form';
import type { Lang } from './types';
import { memoByString } from './memo';

export const PROFILE_VERSION = 1;

/** Indicator-table fields a profile may set, in the order the pane lists them. */
export const INDICATOR_FIELDS: readonly IndicatorColumn[] = ['level1', 'level2', 'level3', 'target', 'initialTarget', 'nature', 'targetUnit', 'actual', 'weight', 'score', 'explanation'];
/** Funds-block fields a profile may set. */
export const FUNDS_FIELDS: readonly FundsColumn[] = ['planned', 'budgeted', 'executed', 'rate', 'weight', 'score'];

/** Field → column letter ("H"), or null: the form has no such column (the locator's guess is dropped). */
export type ColumnMap<F extends string> = Partial<Record<F, string | null>>;

export interface TableProfile<F extends string> {
  /** 1-based row of the table's header (any row of a two-row header); absent: every such table on the sheet. */
  headerRow?: number;
  columns: ColumnMap<F>;
  /** Read a table here even when the locator finds none (needs headerRow and enough columns). */
  add?: boolean;
}

export interface FormProfile {
  /** Sheet name, or a pattern with * and ? ("附件3*"); letter case is ignored, as Excel does. */
  sheet: string;
  indicators?: TableProfile<IndicatorColumn>;
  funds?: TableProfile<FundsColumn>;
}

export interface TemplateProfile {
  selfevalProfile: 1;
  name?: string;
  forms: FormProfile[];
}

export class ProfileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
    this.name = 'ProfileError';
  }
}

type Msg = (p: Record<string, string | number>) => string;
const M: Record<string, Record<Lang, Msg>> = {
  json: { 'zh-CN': (p) => `不是有效的 JSON：${p.why}`, 'en-US': (p) => `not valid JSON: ${p.why}` },
  object: { 'zh-CN': (p) => `${p.at}应为对象`, 'en-US': (p) => `${p.at} must be an object` },
  version: {
    'zh-CN': () => `缺少 "selfevalProfile": ${PROFILE_VERSION}，或版本不受支持`,
    'en-US': () => `"selfevalProfile": ${PROFILE_VERSION} is missing or the version is not supported`,
  },
  forms: { 'zh-CN': () => '"forms" 应为数组', 'en-US': () => '"forms" must be an array' },
  key: { 'zh-CN': (p) => `${p.at}：未知的项 "${p.key}"`, 'en-US': (p) => `${p.at}: unknown key "${p.key}"` },
  name: { 'zh-CN': () => '"name" 应为文字', 'en-US': () => '"name" must be a string' },
  sheet: { 'zh-CN': (p) => `${p.at}：缺少工作表名 "sheet"`, 'en-US': (p) => `${p.at}: "sheet" (the sheet name) is missing` },
  row: { 'zh-CN': (p) => `${p.at}：表头行 "headerRow" 应为正整数`, 'en-US': (p) => `${p.at}: "headerRow" must be a positive whole number` },
  field: {
    'zh-CN': (p) => `${p.at}：未知的字段 "${p.key}"（可用：${p.known}）`,
    'en-US': (p) => `${p.at}: unknown field "${p.key}" (known: ${p.known})`,
  },
  letter: {
    'zh-CN': (p) => `${p.at}：字段 "${p.key}" 的列 "${p.value}" 不是列字母（如 "H"，或 null 表示没有该列）`,
    'en-US': (p) => `${p.at}: column "${p.value}" of field "${p.key}" is not a column letter (such as "H", or null for no such column)`,
  },
  duplicate: {
    'zh-CN': (p) => `${p.at}：列 ${p.value} 同时指定给了 ${p.keys}`,
    'en-US': (p) => `${p.at}: column ${p.value} is given to ${p.keys} at once`,
  },
  add: { 'zh-CN': (p) => `${p.at}："add" 应为 true 或 false`, 'en-US': (p) => `${p.at}: "add" must be true or false` },
  addRow: { 'zh-CN': (p) => `${p.at}：补充识别的表格须写明 "headerRow"`, 'en-US': (p) => `${p.at}: a table to add needs its "headerRow"` },
  addIndicators: {
    'zh-CN': (p) => `${p.at}：补充识别的指标表至少需要指标名称列（level1/level2/level3）和分值或得分列（weight/score）`,
    'en-US': (p) => `${p.at}: an indicator table to add needs a name column (level1/level2/level3) and a weight or score column`,
  },
  addFunds: {
    'zh-CN': (p) => `${p.at}：补充识别的资金表至少需要执行数列（executed）和预算数列（budgeted 或 planned）`,
    'en-US': (p) => `${p.at}: a funds block to add needs an executed column and a budgeted or planned one`,
  },
};

const say = (lang: Lang, id: keyof typeof M, p: Record<string, string | number> = {}) => M[id][lang](p);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Excel's last column is XFD (16,384). */
const MAX_COLUMN = 16384;

/** "h" → "H"; null when not a column letter within Excel's range. */
export function columnLetter(v: string): string | null {
  const s = v.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) return null;
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMN ? s : null;
}

/** 0-based column index of a letter already checked by columnLetter. */
export function columnIndex(letter: string): number {
  let n = 0;
  for (const ch of letter) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function table<F extends string>(v: unknown, at: string, fields: readonly F[], lang: Lang, problems: string[], kind: 'indicators' | 'funds'): TableProfile<F> | null {
  if (!isObject(v)) {
    problems.push(say(lang, 'object', { at }));
    return null;
  }
  const out: TableProfile<F> = { columns: {} };
  for (const key of Object.keys(v)) if (key !== 'headerRow' && key !== 'columns' && key !== 'add') problems.push(say(lang, 'key', { at, key }));
  if (v.headerRow !== undefined) {
    if (typeof v.headerRow !== 'number' || !Number.isInteger(v.headerRow) || v.headerRow < 1) problems.push(say(lang, 'row', { at }));
    else out.headerRow = v.headerRow;
  }
  if (v.add !== undefined) {
    if (typeof v.add !== 'boolean') problems.push(say(lang, 'add', { at }));
    else if (v.add) out.add = true;
  }
  const cols = v.columns ?? {};
  if (!isObject(cols)) {
    problems.push(say(lang, 'object', { at: `${at}.columns` }));
    return out;
  }
  const byLetter = new Map<string, string[]>();
  for (const [key, value] of Object.entries(cols)) {
    if (!(fields as readonly string[]).includes(key)) {
      problems.push(say(lang, 'field', { at: `${at}.columns`, key, known: fields.join(', ') }));
      continue;
    }
    if (value === null || value === '') {
      out.columns[key as F] = null;
      continue;
    }
    const letter = typeof value === 'string' ? columnLetter(value) : null;
    if (!letter) {
      problems.push(say(lang, 'letter', { at: `${at}.columns`, key, value: String(value) }));
      continue;
    }
    out.columns[key as F] = letter;
    byLetter.set(letter, [...(byLetter.get(letter) ?? []), key]);
  }
  for (const [letter, keys] of byLetter) if (keys.length > 1) problems.push(say(lang, 'duplicate', { at: `${at}.columns`, value: letter, keys: keys.join(', ') }));
  if (out.add) {
    const has = (k: string) => typeof (out.columns as Record<string, unknown>)[k] === 'string';
    if (out.headerRow === undefined) problems.push(say(lang, 'addRow', { at }));
    else if (kind === 'indicators' && !((has('level1') || has('level2') || has('level3')) && (has('weight') || has('score')))) problems.push(say(lang, 'addIndicators', { at }));
    else if (kind === 'funds' && !(has('executed') && (has('budgeted') || has('planned')))) problems.push(say(lang, 'addFunds', { at }));
  }
  return out;
}

/** Checks a parsed profile; the problems are listed in `lang`. Letters come back upper-case, "" as null. */
export function validateProfile(v: unknown, lang: Lang = 'zh-CN'): { ok: true; profile: TemplateProfile } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  if (!isObject(v)) return { ok: false, problems: [say(lang, 'object', { at: lang === 'zh-CN' ? '模板配置' : 'the profile' })] };
  if (v.selfevalProfile !== PROFILE_VERSION) problems.push(say(lang, 'version'));
  for (const key of Object.keys(v)) if (key !== 'selfevalProfile' && key !== 'name' && key !== 'forms') problems.push(say(lang, 'key', { at: lang === 'zh-CN' ? '模板配置' : 'the profile', key }));
  if (v.name !== undefined && typeof v.name !== 'string') problems.push(say(lang, 'name'));
  const forms: FormProfile[] = [];
  if (!Array.isArray(v.forms)) problems.push(say(lang, 'forms'));
  else {
    v.forms.forEach((f: unknown, i: number) => {
      const at = `forms[${i}]`;
      if (!isObject(f)) {
        problems.push(say(lang, 'object', { at }));
        return;
      }
      for (const key of Object.keys(f)) if (key !== 'sheet' && key !== 'indicators' && key !== 'funds') problems.push(say(lang, 'key', { at, key }));
      if (typeof f.sheet !== 'string' || f.sheet.trim() === '') problems.push(say(lang, 'sheet', { at }));
      const form: FormProfile = { sheet: typeof f.sheet === 'string' ? f.sheet : '' };
      if (f.indicators !== undefined) {
        const t = table(f.indicators, `${at}.indicators`, INDICATOR_FIELDS, lang, problems, 'indicators');
        if (t) form.indicators = t;
      }
      if (f.funds !== undefined) {
        const t = table(f.funds, `${at}.funds`, FUNDS_FIELDS, lang, problems, 'funds');
        if (t) form.funds = t;
      }
      forms.push(form);
    });
  }
  if (problems.length) return { ok: false, problems };
  const profile: TemplateProfile = { selfevalProfile: PROFILE_VERSION, forms };
  if (typeof v.name === 'string') profile.name = v.name;
  return { ok: true, profile };
}

/** Parses and checks a profile file's text; throws ProfileError with the problems in `lang`. */
export function parseProfile(text: string, lang: Lang = 'zh-CN'): TemplateProfile {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new ProfileError([say(lang, 'json', { why: e instanceof Error ? e.message : String(e) })]);
  }
  const r = validateProfile(parsed, lang);
  if (!r.ok) throw new ProfileError(r.problems);
  return r.profile;
}

/** Whether a profile's sheet name or pattern (* any run, ? one character) names `sheet`, ignoring letter case. */
export function sheetMatches(pattern: string, sheet: string): boolean {
  if (!/[*?]/.test(pattern)) return pattern.trim().toLowerCase() === sheet.trim().toLowerCase();
  return patternRegExp(pattern).test(sheet.trim());
}

// Built once per pattern, not once per sheet of every workbook (no g flag: test() keeps no state).
const patternRegExp = memoByString((pattern: string): RegExp => {
  const re = pattern
    .trim()
    .split('')
    .map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${re}$`, 'i');
});

/** The profile's entries for one sheet, in the profile's order (a later entry wins where two set one field). */
export function formsForSheet(profile: TemplateProfile | null | undefined, sheet: string): FormProfile[] {
  if (!profile || !Array.isArray(profile.forms)) return [];
  return profile.forms.filter((f) => f && typeof f.sheet === 'string' && sheetMatches(f.sheet, sheet));
}
