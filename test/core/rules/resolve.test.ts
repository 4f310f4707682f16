import { MOF_2020, resolveRuleSet, RuleSetError } from '../../../src/core/rules';

describe('resolveRuleSet', () => {
  it('defaults to mof-2020 and is JSON-serialisable', () => {
    const r = resolveRuleSet();
    expect(r.id).toBe('mof-2020');
    expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    expect(r.weights).toEqual({ budget: 10, output: 50, outcome: 30, satisfaction: 10 });
  });
  it('finds built-ins by id', () => {
    expect(resolveRuleSet('sichuan').executionRateReason).toBe(0.9);
    expect(resolveRuleSet('hunan').reverseFormula).toBe('deduction');
    expect(resolveRuleSet('guangxi')).toMatchObject({ overAchievement: 1.3, overAchievementNeedsReason: true });
    expect(resolveRuleSet().overAchievementNeedsReason).toBe(false);
  });
  it('merges a user object over its base, deeply, then overrides', () => {
    const r = resolveRuleSet({ id: 'gx', extends: 'sichuan', overAchievement: 1.3, weights: { output: 40, outcome: 40 } }, { scoreTolerance: 0 });
    expect(r).toMatchObject({ id: 'gx', extends: 'sichuan', overAchievement: 1.3, executionRateReason: 0.9, scoreTolerance: 0 });
    expect(r.weights).toEqual({ budget: 10, output: 40, outcome: 40, satisfaction: 10 });
    expect(MOF_2020.weights.output).toBe(50);
  });
  it.each([
    ['nope', /Unknown rule set "nope"/],
    [{ extends: 'nope' }, /"extends": unknown rule set/],
    [{ reverseFormula: 'square' }, /"reverseFormula" must be/],
    [{ weights: { output: 60 } }, /add up to 100 \(they add up to 110\)/],
    [{ overAchievement: 0.5 }, /"overAchievement" must be a number from 1/],
    [{ overAchievementNeedsReason: 'yes' }, /"overAchievementNeedsReason" must be true or false/],
    [{ qualitativeTiers: { met: [0.9, 0.8] } }, /qualitativeTiers.met/],
    [{ rounding: 1.5 }, /whole number/],
    [{ colour: 'red' }, /Unknown rule set field\(s\): colour/],
    [{ grades: [{ grade: '差', min: 0 }, { grade: '优', min: 90 }] }, /highest band down/],
  ])('rejects %j with a clear message', (input, msg) => {
    expect(() => resolveRuleSet(input as never)).toThrow(RuleSetError);
    expect(() => resolveRuleSet(input as never)).toThrow(msg);
  });
});
