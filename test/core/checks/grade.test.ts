/**
 * The grade written beside the total (sweep 2, D10): gradeFinding, for score-mismatch's `grade` and
 * `gradeComputed` messages. A stated grade that the form's own total contradicts is an error, and so
 * is one the computed total contradicts when the form states no total.
 */
import { gradeFinding, statedGrade } from '../../../src/core/checks/grade';
import { scoreMismatch } from '../../../src/core/checks/score-mismatch';
import { fillTemplate } from '../../../src/core/format';
import { MOF_2020 } from '../../../src/core/rules';
import { analyseSelfEvaluation } from '../../../src/core/score/form';
import { selfEvaluation } from '../helpers/forms';

/** Budget 10 + a met row 45 + a row scored 45 × got / 45 = got (32 by default: total 87, 良). The grade sits in I15. */
const graded = (total: number | null, grade: string | null, got = 32) => selfEvaluation({
  rows: [{ target: '1个', actual: '1个', weight: 45, score: 45 }, { target: '≥45个', actual: `${got}个`, weight: 45, score: got }],
  total: { score: total, grade },
});

const finding = (total: number | null, grade: string | null, got?: number) => {
  const d = gradeFinding(analyseSelfEvaluation(graded(total, grade, got), MOF_2020), MOF_2020);
  if (!d) return null;
  const template = scoreMismatch.messages[d.messageId];
  return { cell: d.cell, severity: d.severity ?? scoreMismatch.severity, message: template ? fillTemplate(template.zh, d.data, 'zh-CN') : `no message ${d.messageId}` };
};

describe('gradeFinding', () => {
  it('says nothing when the grade agrees, is no grade word, or is empty', () => {
    expect(finding(87, '良')).toBeNull();
    expect(finding(87, '评价等级：良好')).toBeNull();
    expect(finding(null, '良')).toBeNull();
    expect(finding(87, '较好')).toBeNull();
    expect(finding(87, null)).toBeNull();
  });

  it('a grade the stated total contradicts: error', () => {
    expect(finding(87, '优')).toEqual({ cell: 'I15', severity: 'error', message: '总分 87 对应等级为“良”，表内为“优”' });
  });

  it('no stated total, a grade the computed total contradicts: error (the published grade is wrong, no total shows it)', () => {
    expect(finding(null, '优秀')).toEqual({ cell: 'I15', severity: 'error', message: '按规则计算总分为 87，对应等级为“良”，表内为“优秀”' });
    expect(finding(null, '中')).toMatchObject({ severity: 'error', message: /总分为 87，对应等级为“良”，表内为“中”/ });
  });

  it('a stated total that agrees with the grade, a recomputed total that does not: info', () => {
    expect(finding(92, '优')).toEqual({ cell: 'I15', severity: 'info', message: '按规则计算总分为 87，对应等级为“良”，表内为“优”' });
  });

  it('reads grade words with their labels', () => {
    expect(statedGrade('自评等级：优秀')).toEqual({ word: '优秀', grade: '优' });
    expect(statedGrade(' 良 好 ')).toEqual({ word: '良好', grade: '良' });
    expect(statedGrade('较好')).toBeNull();
  });
});
