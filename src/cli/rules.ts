/** --rules ID|PATH: a built-in rule-set id, or a JSON file that extends one. */
import { readFileSync, existsSync } from 'fs';
import { resolveRuleSet, RuleSetError } from '../core/rules';

export function loadRuleSource(spec: string | undefined): string | Record<string, unknown> | undefined {
  if (!spec) return undefined;
  const looksLikeFile = spec.endsWith('.json') || spec.includes('/') || spec.includes('\\');
  if (!looksLikeFile || !existsSync(spec)) {
    if (looksLikeFile) throw new RuleSetError(`rule-set file not found: ${spec}`);
    resolveRuleSet(spec); // throws a clear RuleSetError for an unknown id
    return spec;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(spec, 'utf8'));
  } catch (e) {
    throw new RuleSetError(`${spec}: not valid JSON (${(e as Error).message})`);
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new RuleSetError(`${spec}: a rule set must be a JSON object`);
  resolveRuleSet(parsed as Record<string, unknown>);
  return parsed as Record<string, unknown>;
}
