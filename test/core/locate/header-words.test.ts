/** Header words by field (vocab.ts): a field's word names it unless a word beside it says the column is only about it. */
import { fundsRole, headerClaim, indicatorRole, statedPoints } from '../../../src/core/locate/vocab';
import { norm } from '../../../src/core/locate/text';

const role = (s: string) => indicatorRole(norm(s));

describe('indicator header words', () => {
  it.each([
    ['得分', 'score'], ['自评得分', 'score'], ['得分（分）', 'score'], ['得分（%）', 'score'], ['实际得分', 'score'], ['自评分值', 'score'], ['实际分值', 'score'],
    ['分值', 'weight'], ['权重（%）', 'weight'], ['标准分', 'weight'], ['满分', 'weight'],
    ['年度指标值', 'target'], ['实际完成值', 'actual'], ['偏差原因说明', 'explanation'], ['未完成原因分析', 'explanation'],
    ['年度绩效指标', 'hierarchy'], ['部门整体绩效指标', 'hierarchy'],
  ])('%s names the %s', (header, field) => {
    expect(role(header)).toBe(field);
  });

  it.each([
    ['得分系数', '系数'], ['得分率', '率'], ['评分方法', null], ['得分计算方法', '方法'], ['得分说明', '说明'], ['得分依据', '依据'], ['分值标准', '标准'],
    ['指标值说明', '说明'], ['指标值设定依据', '依据'], ['上年实际完成值', '上年'], ['完成值来源', '来源'], ['是否完成', '是否'],
  ])('%s names no field (negative word %s)', (header, word) => {
    expect(role(header)).toBeNull();
    expect(headerClaim(norm(header)).negated).toBe(word);
  });

  it('reads a unit note', () => {
    expect(headerClaim(norm('得分（分）')).unit).toBe('分');
    expect(headerClaim(norm('得分(%)')).unit).toBe('%');
  });
});

describe('funds header words and stated points', () => {
  it.each([
    ['得分（10分×执行率）', 'score', 10], ['分值（10分）', 'weight', 10], ['预算执行率（10分）', 'rate', 10], ['执行率', 'rate', null], ['得分', 'score', null],
  ])('%s is the %s, stating %s points', (header, field, points) => {
    expect(fundsRole(norm(header))).toBe(field);
    expect(statedPoints(norm(header))).toBe(points);
  });
});
