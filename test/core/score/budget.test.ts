import { gradeFor, scoreBudget } from '../../../src/core/score';
import { MOF_2020 } from '../../../src/core/rules';

describe('scoreBudget', () => {
  it('rate = executed ÷ 全年预算数, score = min(rate, 1) × weight', () => {
    expect(scoreBudget(2673.41, 2673.41, 10, MOF_2020)).toMatchObject({ rate: 1, score: 10 });
    expect(scoreBudget(200, 150, 10, MOF_2020)).toMatchObject({ rate: 0.75, score: 7.5 });
    expect(scoreBudget(100, 120, 10, MOF_2020)).toMatchObject({ rate: 1.2, score: 10 });
  });
  it('no rate without a positive budget', () => {
    expect(scoreBudget(0, 5, 10, MOF_2020)).toEqual({ rate: null, score: null });
    expect(scoreBudget(null, 5, 10, MOF_2020)).toEqual({ rate: null, score: null });
  });
  it('grades by band', () => {
    expect([99.35, 90, 89.99, 80, 60, 59.9, 0].map((t) => gradeFor(t, MOF_2020))).toEqual(['优', '优', '良', '良', '中', '差', '差']);
    expect(gradeFor(null, MOF_2020)).toBeNull();
  });
});
