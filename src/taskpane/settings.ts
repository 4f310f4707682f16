/** The rule-set overrides the settings dialog edits (Settings.overrides) and the rule sets it offers. */
import type { Settings } from '../app/types';
import type { Lang } from '../core/types';
import { BUILTIN_RULE_SETS, type ReverseFormula } from '../core/rules';

export type { ReverseFormula } from '../core/rules';

/** Keys the pane writes into Settings.overrides. overAchievement is a ratio: 1.2 means 120% of target. */
export interface RuleOverrides {
  overAchievement: number;
  reverseFormula: ReverseFormula;
  scoreTolerance: number;
}

export const OVERRIDE_KEYS: readonly (keyof RuleOverrides)[] = ['overAchievement', 'reverseFormula', 'scoreTolerance'];
export const REVERSE_FORMULAS: readonly ReverseFormula[] = ['ratio', 'linear', 'deduction'];
export const DEFAULT_RULES = 'mof-2020';
export const DEFAULT_OVERRIDES: RuleOverrides = { overAchievement: 1.2, reverseFormula: 'ratio', scoreTolerance: 0.1 };

export interface RuleSetOption {
  id: string;
  /** Display name, per language or one for all. Without it the pane shows the id. */
  name?: string | { zh: string; en: string };
  /** The rule set's own values of the three overridable settings. */
  defaults?: RuleOverrides;
}

/** The built-in rule sets (mof-2020 first). */
export const RULE_SETS: readonly RuleSetOption[] = Object.values(BUILTIN_RULE_SETS)
  .map((r) => ({
    id: r.id,
    name: r.name,
    defaults: { overAchievement: r.overAchievement, reverseFormula: r.reverseFormula, scoreTolerance: r.scoreTolerance },
  }))
  .sort((a, b) => Number(b.id === DEFAULT_RULES) - Number(a.id === DEFAULT_RULES));

export function ruleSetName(option: RuleSetOption, lang: Lang): string {
  const n = option.name;
  if (!n) return option.id;
  return typeof n === 'string' ? n : lang === 'en-US' ? n.en : n.zh;
}

export function defaultsOf(id: string, options: readonly RuleSetOption[]): RuleOverrides {
  return options.find((o) => o.id === id)?.defaults ?? DEFAULT_OVERRIDES;
}

const num = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

/** The three values in effect: stored overrides over the rule set's defaults. */
export function readOverrides(settings: Settings | undefined, defaults: RuleOverrides = DEFAULT_OVERRIDES): RuleOverrides {
  const o = settings?.overrides ?? {};
  const rf = o.reverseFormula as ReverseFormula;
  return {
    overAchievement: num(o.overAchievement, defaults.overAchievement),
    reverseFormula: REVERSE_FORMULAS.includes(rf) ? rf : defaults.reverseFormula,
    scoreTolerance: num(o.scoreTolerance, defaults.scoreTolerance),
  };
}

/**
 * Settings with the chosen rule set and values. Only values that differ from the rule set's own are
 * stored as overrides, so the rule set stays in charge of the rest; other override keys are kept.
 */
export function withOverrides(settings: Settings, rules: string, values: RuleOverrides, defaults: RuleOverrides): Settings {
  const overrides: Record<string, unknown> = { ...(settings.overrides ?? {}) };
  for (const key of OVERRIDE_KEYS) {
    if (values[key] === defaults[key]) delete overrides[key];
    else overrides[key] = values[key];
  }
  const next: Settings = { ...settings, rules };
  if (Object.keys(overrides).length > 0) next.overrides = overrides;
  else delete next.overrides;
  return next;
}

/** Reads a number typed by a clerk: full-width digits, "．" or "。" as decimal point, spaces, a trailing %. */
export function parseNumberInput(text: string): number | null {
  const s = text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[．。]/g, '.')
    .replace(/[%％\s]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(s)) return null;
  return Number(s);
}
