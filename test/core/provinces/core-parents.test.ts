/** ★ core indicators, and a level-2 parent row scored as well as its children: the total counts the children only. */
import { reviewSheets, type Reviewed } from './build';

const rows = [
  ['项目支出绩效自评表'],
  ['项目名称', '高标准农田建设', null, null, '实施单位', '县农业农村局'],
  ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
  [null, '年度资金总额', 1000, 1000, 1000, 10, 1, 10],
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
  ['产出指标', '数量指标', null, null, null, 30, 29, null],
  [null, null, '★新建高标准农田面积', '≥1万亩', '1.1万亩', 20, 20, null],
  [null, null, '高效节水灌溉面积', '≥2000亩', '1800亩', 10, 9, '部分地块调整到明年'],
  [null, '质量指标', '★工程验收合格率', '100%', '98%', 20, 20, null],
  ['效益指标', '经济效益指标', '粮食产能提升', '≥100万斤', '110万斤', 15, 15, null],
  [null, '可持续影响指标', '工程管护机制', '健全', '健全', 15, 15, null],
  ['满意度指标', '服务对象满意度', '农户满意度', '≥90%', '95%', 10, 10, null],
  ['总分', null, null, null, null, 100, 99, null],
];

describe('★ core indicators and a scored parent row', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{ name: '核心', rows, merges: ['A3:A4', 'A6:A9', 'B6:B8', 'A10:A11', 'A13:E13'] }])));

  it('marks the 数量指标 line as a parent and does not add it again', () => {
    expect(r.row(6)).toMatchObject({ parent: true, weight: 30, score: { stated: 29 } });
    expect(r.row(7).parent).toBeUndefined();
    expect(r.review.findings.filter((f) => f.code === 'sum-mismatch')).toEqual([]); // 10 + 20 + 9 + 20 + 15 + 15 + 10 = 99
  });

  it('asks nothing of the parent line: no target or actual is needed there', () => {
    expect(r.at('D6')).toEqual([]);
    expect(r.at('E6')).toEqual([]);
    expect(r.at('G6')).toEqual([]);
  });

  it('scores ★ rows like any other: 98% of 100% is 19.6', () => {
    expect(r.row(7)).toMatchObject({ kind: 'forward', score: { computed: 20 } });
    expect(r.at('G9')).toEqual([expect.objectContaining({ code: 'score-mismatch', expected: 19.6, found: 20 })]);
    expect(r.codes('H9')).toEqual(['deviation-unexplained']);
    expect(r.form().total).toMatchObject({ stated: 99, computed: 98.6 });
    expect(r.errors().map((f) => f.cell)).toEqual(['G9', 'H9']);
  });
});

/** The same form with `edit` applied to copies of its rows (1-based row → cells by 0-based column). */
function variant(edit: Record<number, Record<number, string | number | null>>, extra: (string | number | null)[][] = []) {
  const out = rows.map((r, i) => {
    const copy = [...r];
    for (const [c, v] of Object.entries(edit[i + 1] ?? {})) copy[Number(c)] = v;
    return copy;
  });
  return [...out, ...extra];
}
const MERGES = ['A3:A4', 'A6:A9', 'B6:B8', 'A10:A11', 'A13:E13'];

describe('a scored parent row that disagrees with its children', () => {
  let r: Reviewed;
  // 数量指标 says 35 points and 28; its rows are worth 20 + 10 and score 20 + 9.
  beforeAll(async () => (r = await reviewSheets([{ name: '核心', rows: variant({ 6: { 5: 35, 6: 28 } }), merges: MERGES }])));

  it('reports the parent\'s 分值 and 得分 against the sums of its rows', () => {
    expect(r.at('F6')).toEqual([expect.objectContaining({ code: 'sum-mismatch', severity: 'error', expected: 30, found: 35, message: '“数量指标”分值为 35，其下各项分值合计为 30' })]);
    expect(r.at('G6')).toEqual([expect.objectContaining({ code: 'sum-mismatch', severity: 'error', expected: 29, found: 28, message: '“数量指标”得分为 28，其下各项得分合计为 29' })]);
  });

  it('still leaves the parent out of the total and the weights', () => {
    expect(r.form().total).toMatchObject({ stated: 99, computed: 98.6 });
    expect(r.codes('G13')).toEqual(['score-mismatch']); // the recompute's 98.6, not a sum: 10 + 20 + 9 + 20 + 15 + 15 + 10 = 99
    expect(r.at('F13')).toEqual([]); // weights 10 + 20 + 10 + 20 + 15 + 15 + 10 = 100 without the parent's 35
  });
});

describe('the grade written beside the total', () => {
  it('a grade that contradicts the stated total is an error at the grade cell', async () => {
    const r = await reviewSheets([{ name: '核心', rows: variant({ 13: { 7: '良' } }), merges: MERGES }]);
    expect(r.form().grade).toBe('优');
    expect(r.at('H13')).toEqual([expect.objectContaining({ code: 'score-mismatch', severity: 'error', message: '总分 99 对应等级为“优”，表内为“良”' })]);
  });

  it('"评价等级：优秀" on the line under the total agrees with 99: no finding', async () => {
    const r = await reviewSheets([{ name: '核心', rows: variant({}, [['评价等级：优秀']]), merges: MERGES }]);
    expect(r.at('A14')).toEqual([]);
    expect(r.errors().map((f) => f.cell)).toEqual(['G9', 'H9']);
  });

  it('"评价等级 | 中" under the total: error at the grade', async () => {
    const r = await reviewSheets([{ name: '核心', rows: variant({}, [['评价等级', '中']]), merges: MERGES }]);
    expect(r.at('B14')).toEqual([expect.objectContaining({ code: 'score-mismatch', severity: 'error', message: '总分 99 对应等级为“优”，表内为“中”' })]);
  });
});
