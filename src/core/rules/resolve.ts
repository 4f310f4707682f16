/** Rule set lookup, user JSON merged over its base, and validation with messages a clerk can act on. */
import { BUILTIN_RULE_SETS, MOF_2020 } from './builtin';
import type { RuleSet } from './types';

export class RuleSetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RuleSetError';
  }
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep merge of plain objects; arrays and scalars in `over` replace those in `base`. */
function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    out[k] = isObject(v) && isObject(base[k]) ? merge(base[k] as Json, v) : v;
  }
  return out;
}

export function ruleSetIds(): string[] {
  return Object.keys(BUILTIN_RULE_SETS);
}

const hasOverrides = (o: Json | null | undefined): boolean => !!o && Object.keys(o).length > 0;

/** Built-in rule sets already validated. */
const validBuiltins = new WeakSet<RuleSet>();
/** Rule-set files (parsed JSON objects) already merged over their base and validated, without overrides. */
const resolvedFiles = new WeakMap<Json, RuleSet>();

/**
 * A built-in id, or a user object (parsed rule-set JSON) merged over its `extends` base
 * (default mof-2020); `overrides` (e.g. workbook settings) are merged last.
 */
export function resolveRuleSet(idOrObject?: string | Partial<RuleSet> | Json | null, overrides?: Json | null): RuleSet {
  const plain = !hasOverrides(overrides);
  let merged: Json;
  let builtin: RuleSet | null = null;
  if (idOrObject === undefined || idOrObject === null || idOrObject === '') {
    builtin = MOF_2020;
    merged = { ...MOF_2020 } as unknown as Json;
  } else if (typeof idOrObject === 'string') {
    const found = BUILTIN_RULE_SETS[idOrObject];
    if (!found) throw new RuleSetError(`Unknown rule set "${idOrObject}"; known: ${ruleSetIds().join(', ')}`);
    builtin = found;
    merged = { ...found } as unknown as Json;
  } else if (isObject(idOrObject)) {
    // The same rule-set file for every workbook of an audit: merged and validated once, a fresh copy each time.
    const done = plain ? resolvedFiles.get(idOrObject) : undefined;
    if (done) return { ...done };
    const baseId = idOrObject.extends ?? 'mof-2020';
    if (typeof baseId !== 'string') throw new RuleSetError('"extends" must be the id of a rule set');
    const base = BUILTIN_RULE_SETS[baseId];
    if (!base) throw new RuleSetError(`"extends": unknown rule set "${baseId}"; known: ${ruleSetIds().join(', ')}`);
    merged = merge(base as unknown as Json, idOrObject);
    merged.extends = baseId;
    if (idOrObject.id === undefined) merged.id = `${baseId}+custom`;
  } else {
    throw new RuleSetError('A rule set must be an id or a JSON object');
  }
  if (!plain) {
    if (!isObject(overrides)) throw new RuleSetError('Rule set overrides must be a JSON object');
    return validateRuleSet(merge(merged, overrides as Json));
  }
  if (builtin) {
    // A built-in set is a constant: validated once.
    if (!validBuiltins.has(builtin)) {
      validateRuleSet(merged);
      validBuiltins.add(builtin);
    }
    return merged as unknown as RuleSet;
  }
  const valid = validateRuleSet(merged);
  resolvedFiles.set(idOrObject as Json, { ...valid });
  return valid;
}

function num(o: Json, key: string, min: number, max: number): void {
  const v = o[key];
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    throw new RuleSetError(`"${key}" must be a number from ${min} to ${max} (got ${JSON.stringify(v)})`);
  }
}

function band(tiers: Json, key: string): void {
  const b = tiers[key];
  if (!Array.isArray(b) || b.length !== 2 || !b.every((x) => typeof x === 'number' && x >= 0 && x <= 1) || b[0] > b[1]) {
    throw new RuleSetError(`"qualitativeTiers.${key}" must be [low, high] with 0 ≤ low ≤ high ≤ 1`);
  }
}

/** Throws RuleSetError naming the first bad field. */
export function validateRuleSet(o: Json): RuleSet {
  if (typeof o.id !== 'string' || !o.id) throw new RuleSetError('"id" must be a non-empty string');
  const known = new Set(Object.keys(MOF_2020).concat('extends'));
  const unknown = Object.keys(o).filter((k) => !known.has(k));
  if (unknown.length) throw new RuleSetError(`Unknown rule set field(s): ${unknown.join(', ')}`);
  if (!isObject(o.name) || typeof o.name.zh !== 'string' || typeof o.name.en !== 'string') {
    throw new RuleSetError('"name" must be { "zh": "…", "en": "…" }');
  }
  if (!isObject(o.weights)) throw new RuleSetError('"weights" must be an object');
  for (const k of ['budget', 'output', 'outcome', 'satisfaction']) num(o.weights, k, 0, 100);
  const w = o.weights as unknown as RuleSet['weights'];
  const sum = w.budget + w.output + w.outcome + w.satisfaction;
  if (Math.abs(sum - 100) > 1e-9) throw new RuleSetError(`"weights" must add up to 100 (they add up to ${sum})`);
  if (typeof o.satisfactionToOutcome !== 'boolean') throw new RuleSetError('"satisfactionToOutcome" must be true or false');
  if (!['ratio', 'linear', 'deduction'].includes(o.reverseFormula as string)) {
    throw new RuleSetError(`"reverseFormula" must be "ratio", "linear" or "deduction" (got ${JSON.stringify(o.reverseFormula)})`);
  }
  num(o, 'deductionPerPoint', 0, 100);
  num(o, 'overAchievement', 1, 100);
  if (typeof o.overAchievementNeedsReason !== 'boolean') throw new RuleSetError('"overAchievementNeedsReason" must be true or false');
  if (!isObject(o.qualitativeTiers)) throw new RuleSetError('"qualitativeTiers" must be { met, partial, missed }');
  for (const k of ['met', 'partial', 'missed']) band(o.qualitativeTiers, k);
  if (!['partial', 'missed'].includes(o.lateDate as string)) throw new RuleSetError('"lateDate" must be "partial" or "missed"');
  num(o, 'scoreTolerance', 0, 100);
  num(o, 'moneyTolerance', 0, 1e6);
  num(o, 'rateTolerance', 0, 1);
  num(o, 'rounding', 0, 6);
  if (!Number.isInteger(o.rounding)) throw new RuleSetError('"rounding" must be a whole number of decimals');
  const grades = o.grades;
  const gradeNames = ['优', '良', '中', '差'];
  if (!Array.isArray(grades) || !grades.length || !grades.every((g) => isObject(g) && gradeNames.includes(g.grade as string) && typeof g.min === 'number')) {
    throw new RuleSetError('"grades" must be a list of { "grade": "优|良|中|差", "min": number }');
  }
  for (let i = 1; i < grades.length; i++) {
    if ((grades[i] as Json).min as number >= ((grades[i - 1] as Json).min as number)) throw new RuleSetError('"grades" must be listed from the highest band down');
  }
  if (o.executionRateReason !== null) num(o, 'executionRateReason', 0, 1);
  return o as unknown as RuleSet;
}
