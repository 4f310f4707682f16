/** report-mismatch: the 自评报告's figures against the seed's tables, and the report's own arithmetic. */
import { readFileSync } from 'fs';
import { join } from 'path';
import { FileHost } from '../../../src/hosts/file/node';
import { docxText, paragraphsOf } from '../../../src/hosts/file/docx';
import { DEFAULT_SETTINGS, runReview, type ReviewOutcome } from '../../../src/app/review';
import { crossCheckReport, extractFacts } from '../../../src/core/report';

const FIX = join(__dirname, '../../fixtures');
let seed: ReviewOutcome;
let reportText: string;
beforeAll(async () => {
  seed = runReview(await new FileHost(new Uint8Array(readFileSync(join(FIX, 'seed-longquan-2023.xlsx')))).read(), DEFAULT_SETTINGS, 'zh-CN', 'seed');
  reportText = docxText(new Uint8Array(readFileSync(join(FIX, 'seed-longquan-2023-report.docx'))));
});
const check = (text: string, lang: 'zh-CN' | 'en-US' = 'zh-CN') => crossCheckReport(text, seed.forms, seed.review, lang);

describe('the seed report against the seed tables', () => {
  it('reports the three mismatches, each at its table cell, and nothing else', () => {
    const found = check(reportText);
    expect(found.map((f) => [f.cell, f.found, f.expected, f.severity, f.code])).toEqual([
      ['E4', 1926.41, 2673.41, 'warning', 'report-mismatch'],
      ['E7', 1110.25, 1165.56, 'warning', 'report-mismatch'],
      ['E6', 816.16, 1507.84, 'warning', 'report-mismatch'],
    ]);
    expect(found.every((f) => f.sheet === '附件3 自评表')).toBe(true);
    expect(found[0].message).toContain('财政拨款支出1926.41万元');
    expect(found[0].message).toContain('2673.41');
  });

  it('reads 预算资金 573.38 as the 年初预算数, not a mismatch with the 全年预算数', () => {
    const figure = extractFacts(reportText).figures.find((f) => f.value === 573.38)!;
    expect(figure.key).toBe('budget');
    expect(check(reportText).some((f) => f.found === 573.38)).toBe(false);
  });

  it('finds the report\'s own breakdowns adding up', () => {
    const { breakdowns } = extractFacts(reportText);
    expect(breakdowns.map((b) => [b.whole.value, b.parts.map((p) => p.value)])).toEqual([
      [37, [19, 18]],
      [1926.41, [1110.25, 816.16]],
      [816.16, [729.58, 86.58]],
      [1110.25, [414.38, 324.82, 293.9, 77.15]],
    ]);
  });

  it('speaks English too', () => {
    expect(check(reportText, 'en-US')[0].message).toMatch(/^The report states full-year expenditure 1926\.41 万元/);
  });
});

describe('what is compared, and what is not', () => {
  it('a figure that agrees, in 元 or rounded, is no finding', () => {
    expect(check('全年执行数26734100元。项目支出1165.56万元，基本支出1507.84万元。财政拨款支出2673万元。')).toEqual([]);
  });

  it('a project\'s own spending, another project line, income and last year are not the unit\'s totals', () => {
    const text = '年中追加项目“社区工作经费”，金额1090.25万元，实际支出1090.25万元。其他项目支出77.15万元。财政拨款收入1926.41万元。上年项目支出300万元。';
    expect(check(text)).toEqual([]);
  });

  it('compares the execution rate, the score and the staff numbers', () => {
    const found = check('预算执行率为95%。自评得分为99分。年末实有人数40人。');
    expect(found.map((f) => [f.cell, f.found, f.expected])).toEqual([
      ['G4', 0.95, 1],
      ['H21', 99, 97],
      ['C3', 40, 37],
    ]);
  });

  it('a 预算数 that is neither the 年初 nor the 全年 figure is reported', () => {
    expect(check('2023年预算资金600万元。').map((f) => [f.found, f.cell])).toEqual([[600, 'D4']]);
  });

  it('parts that do not add up to their whole are reported, a partial list (等) is not', () => {
    const found = check('支出合计100万元，其中：人员经费60万元，公用经费30万元。');
    const sum = found.find((f) => f.cell === null)!;
    expect(sum).toMatchObject({ code: 'report-mismatch', severity: 'warning', expected: 90, found: 100 });
    expect(sum.message).toContain('60 + 30');
    expect(check('项目支出1165.56万元，其中：补助经费400万元，整治经费300万元等。').filter((f) => f.cell === null)).toEqual([]);
  });

  it('the same figure stated twice is reported once', () => {
    expect(check('项目支出1110.25万元。2023年度，项目支出1110.25万元。')).toHaveLength(1);
  });
});

describe('reading a .docx', () => {
  it('joins runs, keeps tabs and breaks, drops deleted text', () => {
    const xml = '<w:body><w:p><w:r><w:t>项目</w:t></w:r><w:r><w:t xml:space="preserve">支出</w:t></w:r><w:del><w:r><w:delText>9</w:delText></w:r></w:del><w:r><w:t>1&amp;2</w:t><w:tab/><w:t>x</w:t></w:r></w:p><w:p/></w:body>';
    expect(paragraphsOf(xml)).toEqual(['项目支出1&2 x', '']);
  });

  it('refuses a workbook given as the report', () => {
    expect(() => docxText(new Uint8Array(readFileSync(join(FIX, 'seed-longquan-2023.xlsx'))))).toThrow(/not a \.docx/);
    expect(() => docxText(new Uint8Array(readFileSync(join(FIX, 'seed-longquan-2023.xls'))))).toThrow(/\.doc/);
  });
});
