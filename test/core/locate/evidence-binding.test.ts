/**
 * Binding by evidence (issue 9): headers that contain a field's word without being that field,
 * block labels in other words, weights stated in header text, checks that need only some fields,
 * and forms that cannot be read in full. Each form is a real .xlsx built column by column, so a
 * misreading class is one column added or renamed on the same project form.
 */
import { reviewSheets, type Cell, type Reviewed } from '../provinces/build';

interface Column {
  head: string;
  /** One value per indicator row (five rows). */
  cells: Cell[];
  /** Its value on the 总分 row. */
  total?: Cell;
}

const col = (head: string, cells: Cell[], total?: Cell): Column => ({ head, cells, total });

/** The project form's indicator columns; one row misses its target (114 of ≥120 公里 → 19 of 20). */
const BASE: Column[] = [
  col('一级指标', ['产出指标', null, null, '效益指标', '满意度指标'], '总分'),
  col('二级指标', ['数量指标', '质量指标', '时效指标', '社会效益指标', '服务对象满意度指标']),
  col('三级指标', ['养护里程', '验收合格率', '完成时间', '群众出行便利度', '群众满意度']),
  col('年度指标值', ['≥120公里', '≥95%', '2023年12月底前', '明显提升', '≥90%']),
  col('实际完成值', ['114公里', '97%', '2023年11月', '明显提升', '93%']),
  col('分值', [20, 20, 10, 30, 10], 100),
  col('得分', [19, 20, 10, 30, 10], 98),
  col('偏差原因分析及改进措施', ['两处路段因汛期延后', null, null, null, null]),
];

const FUNDS_HEAD: Cell[] = ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'];
const FUNDS_TOTAL: Cell[] = [null, '年度资金总额', 50, 50, 45, 10, 0.9, 9];

interface Spec {
  columns?: Column[];
  /** The label in column A beside the indicator header, merged down the block. */
  label?: string;
  fundsHead?: Cell[];
  fundsTotal?: Cell[];
  /** Leave the indicator table out (a form whose funds block is all that was found). */
  noTable?: boolean;
}

/** Rows 1–4 title, fields, funds; row 5 the indicator header; rows 6–10 indicators; row 11 总分. */
function project(spec: Spec = {}): { rows: Cell[][]; merges: string[] } {
  const columns = spec.columns ?? BASE;
  const rows: Cell[][] = [
    ['2023年度项目支出绩效自评表'],
    ['项目名称', '农村公路养护', null, null, '实施单位', '某镇人民政府'],
    spec.fundsHead ?? FUNDS_HEAD,
    spec.fundsTotal ?? FUNDS_TOTAL,
  ];
  const merges = ['A3:A4'];
  if (spec.noTable) return { rows, merges };
  rows.push([spec.label ?? '绩效指标', ...columns.map((c) => c.head)]);
  for (let i = 0; i < 5; i++) rows.push([null, ...columns.map((c) => c.cells[i])]);
  rows.push([null, ...columns.map((c) => c.total ?? null)]);
  merges.push('A5:A10', 'B6:B8');
  return { rows, merges };
}

const review = (spec: Spec = {}, rules?: string): Promise<Reviewed> => {
  const { rows, merges } = project(spec);
  return reviewSheets([{ name: '自评表', rows, merges }], rules);
};

/** The base columns with `extra` inserted before the column headed `before`. */
function inserting(before: string, ...extra: Column[]): Column[] {
  const i = BASE.findIndex((c) => c.head === before);
  return [...BASE.slice(0, i), ...extra, ...BASE.slice(i)];
}

/** The base columns with the one headed `head` replaced. */
function replacing(head: string, by: Column): Column[] {
  return BASE.map((c) => (c.head === head ? by : c));
}

const notInfo = (r: Reviewed) => r.review.findings.filter((f) => f.severity !== 'info').map((f) => `${f.cell} ${f.code} ${f.severity}`);

describe('the base project form', () => {
  it('reads clean: the budget and every score agree, the missed row is explained', async () => {
    const r = await review();
    expect(notInfo(r)).toEqual([]);
    expect(r.row(6).score).toEqual({ cell: 'H6', stated: 19, computed: 19 });
    expect(r.form().total).toEqual({ cell: 'H11', stated: 98, computed: 98 });
    expect(r.details.forms[0].kind === 'self-evaluation' && r.details.forms[0].layout?.doubts).toEqual([]);
  });
});

describe('a column headed 得分 that is a coefficient in percent', () => {
  const coefficient = col('得分', ['95%', '100%', '100%', '100%', '100%']);

  it('beside the real score column (自评得分): the numbers within their weights win, without doubt', async () => {
    const r = await review({ columns: replacing('得分', col('自评得分', [19, 20, 10, 30, 10], 98)).flatMap((c) => (c.head === '自评得分' ? [coefficient, c] : [c])) });
    expect(r.row(6).score).toEqual({ cell: 'I6', stated: 19, computed: 19 });
    expect(r.form().total?.cell).toBe('I11');
    expect(notInfo(r)).toEqual([]);
    const form = r.details.forms[0];
    const ev = form.kind === 'self-evaluation' ? form.layout?.columns.filter((e) => e.field === 'score') : [];
    expect(ev?.map((e) => [e.cell, e.chosen])).toEqual([['I5', true], ['H5', false]]);
    expect(ev?.[1].notes.map((n) => n.code)).toContain('percent');
    // The weights add up to 90: the whole less the budget's 10.
    const weight = form.kind === 'self-evaluation' ? form.layout?.columns.find((e) => e.field === 'weight') : null;
    expect(weight?.notes).toContainEqual({ code: 'adds-up', n: 90 });
  });

  it('alone: the review says it cannot read the scores there, raises no error and writes nothing into it', async () => {
    const r = await review({ columns: replacing('得分', { ...coefficient, total: '98%' }) });
    const said = r.review.findings.filter((f) => f.code === 'layout-uncertain');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ cell: 'H5', severity: 'warning' });
    expect(said[0].message).toContain('5/5 行是百分比');
    expect(r.errors()).toEqual([]);
    expect(r.details.computedCells.filter((c) => c.cell.startsWith('H') && c.cell !== 'H4')).toEqual([]);
    // The rule still scores the rows: the clerk sees what they should be.
    expect(r.row(6).score.computed).toBe(19);
  });

  it('alone, in English', async () => {
    const { rows, merges } = project({ columns: replacing('得分', coefficient) });
    const { snapshotFromBuffer } = await import('../../../src/hosts/file/read');
    const { workbook } = await import('../provinces/build');
    const { reviewWorkbook } = await import('../../../src/core/review');
    const snap = await snapshotFromBuffer(await workbook([{ name: '自评表', rows, merges }]), 'x.xlsx');
    const f = reviewWorkbook(snap, { lang: 'en-US' }).fileReview.findings.find((x) => x.code === 'layout-uncertain');
    expect(f?.message).toMatch(/column "得分" \(H5\) does not read as the score: 5 of 5 rows are percentages/);
  });
});

describe('a column headed 得分 holding the coefficient as a fraction (0.95, 1 …)', () => {
  it('alone: doubted, no row reported against it', async () => {
    const r = await review({ columns: replacing('得分', col('得分', [0.95, 1, 1, 1, 1])) });
    const said = r.review.findings.filter((f) => f.code === 'layout-uncertain');
    expect(said).toHaveLength(1);
    expect(said[0].message).toContain('5/5 行不超过 1，像是系数');
    expect(r.errors()).toEqual([]);
  });

  it('a column of zeros (every row failed) is still the score', async () => {
    const r = await review({ columns: replacing('得分', col('得分', [0, 0, 0, 0, 0], 0)) });
    expect(r.row(6).score.cell).toBe('H6');
    expect(r.review.findings.filter((f) => f.code === 'layout-uncertain')).toEqual([]);
  });
});

describe('a score column that is far above its weights', () => {
  it('is doubted, not reported row by row as over the weight', async () => {
    // The clerk's "得分" column holds the points out of 100 of each row's own rating.
    const r = await review({ columns: replacing('得分', col('得分', [95, 100, 100, 100, 100])) });
    expect(r.review.findings.filter((f) => f.code === 'score-over-weight')).toEqual([]);
    const said = r.review.findings.find((f) => f.code === 'layout-uncertain');
    expect(said?.message).toContain('5/5 行大于本行分值');
    expect(r.errors()).toEqual([]);
  });
});

describe.each(['评分方法', '计分方法', '评分标准', '得分计算方法', '得分说明', '得分依据', '评分办法'])('a %s column holding text', (head) => {
  it('is not read as the score; the form reads as before, one column over', async () => {
    const method = col(head, ['按完成比例计分', '达到目标值得满分', '按时完成得满分，逾期扣分', '定性评价分档计分', '按满意度比例计分']);
    const r = await review({ columns: inserting('得分', method) });
    expect(r.row(6).score).toEqual({ cell: 'I6', stated: 19, computed: 19 });
    expect(notInfo(r)).toEqual([]);
  });
});

describe('a column headed 得分 holding the scoring method, beside 实际得分', () => {
  it('binds 实际得分 by its numbers', async () => {
    const method = col('得分', ['按完成比例计分', '达到目标值得满分', '按时完成得满分，逾期扣分', '定性评价分档计分', '按满意度比例计分']);
    const r = await review({ columns: replacing('得分', col('实际得分', [19, 20, 10, 30, 10], 98)).flatMap((c) => (c.head === '实际得分' ? [method, c] : [c])) });
    expect(r.row(6).score.cell).toBe('I6');
    expect(notInfo(r)).toEqual([]);
  });
});

describe.each(['指标值说明', '指标值设定依据', '上年实际完成值', '完成值来源'])('a %s column before the target and actual', (head) => {
  it('is neither the target nor the actual', async () => {
    const r = await review({ columns: inserting('年度指标值', col(head, ['按上年度养护里程设定', '按行业标准', '按合同约定', '按群众反映', '按调查结果'])) });
    expect(r.row(6).target).toEqual({ cell: 'F6', text: '≥120公里' });
    expect(r.row(6).actual).toEqual({ cell: 'G6', text: '114公里' });
    expect(notInfo(r)).toEqual([]);
  });
});

describe.each(['绩效指标', '年度绩效指标', '项目绩效指标', '指标完成情况', '绩效目标完成情况', '绩效指标完成情况', '年度绩效目标完成情况'])('the indicator block labelled %s', (label) => {
  it('reads the same rows and findings as the base form', async () => {
    const r = await review({ label });
    expect(r.form().indicators).toHaveLength(5);
    expect(r.row(6).actual).toEqual({ cell: 'F6', text: '114公里' });
    expect(notInfo(r)).toEqual([]);
  });
});

describe('a budget weight stated only in header or label text', () => {
  it('得分（10分×执行率）: the budget score is computed on 10 points and the total adds up', async () => {
    const r = await review({
      fundsHead: ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '执行率', '得分（10分×执行率）'],
      fundsTotal: [null, '年度资金总额', 50, 50, 45, 0.9, 9],
    });
    expect(r.form().budget).toMatchObject({ weight: 10, score: { cell: 'G4', stated: 9, computed: 9 } });
    expect(notInfo(r)).toEqual([]);
  });

  it('分值（10分） over an empty weight cell', async () => {
    const r = await review({
      fundsHead: ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值（10分）', '执行率', '得分'],
      fundsTotal: [null, '年度资金总额', 50, 50, 45, null, 0.9, 9],
    });
    expect(r.form().budget).toMatchObject({ weight: 10, score: { stated: 9, computed: 9 } });
    expect(notInfo(r)).toEqual([]);
  });

  it('一、预算执行情况（10分） as a section line over the block', async () => {
    const { rows, merges } = project({
      fundsHead: ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '执行率', '得分'],
      fundsTotal: [null, '年度资金总额', 50, 50, 45, 0.9, 9],
    });
    rows.splice(2, 0, ['一、预算执行情况（10分）']);
    const r = await reviewSheets([{ name: '自评表', rows, merges: merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 1))) }]);
    expect(r.form().budget).toMatchObject({ weight: 10, score: { cell: 'G5', stated: 9, computed: 9 } });
    expect(notInfo(r)).toEqual([]);
  });

  it('预算执行率（10分） as the label beside the block', async () => {
    const r = await review({
      fundsHead: ['预算执行率（10分）', null, '年初预算数', '全年预算数', '全年执行数', '执行率', '得分'],
      fundsTotal: [null, '年度资金总额', 50, 50, 45, 0.9, 9],
    });
    expect(r.form().budget).toMatchObject({ weight: 10, rate: { cell: 'F4' }, score: { cell: 'G4', computed: 9 } });
    expect(notInfo(r)).toEqual([]);
  });
});

describe('each check runs when the fields it needs are there', () => {
  it('a row without a weight is still tested for over-achievement and for a missed target', async () => {
    const r = await review({
      columns: BASE.map((c) =>
        c.head === '实际完成值' ? col(c.head, ['150公里', '90%', ...c.cells.slice(2)])
        : c.head === '分值' ? col(c.head, [null, null, 10, 30, 10], 100)
        : c.head === '偏差原因分析及改进措施' ? col(c.head, [null, null, null, null, null])
        : c),
    });
    expect(r.codes('F6')).toContain('over-achievement');
    expect(r.codes('I7')).toContain('deviation-unexplained');
    expect(r.codes('G6')).toContain('value-missing');
  });

  it('an empty budget score is reported as value-missing, and the recompute still writes it', async () => {
    const r = await review({ fundsTotal: [null, '年度资金总额', 50, 50, 45, 10, 0.9, null] });
    expect(r.at('H4')).toEqual([expect.objectContaining({ code: 'value-missing', severity: 'warning', expected: 9 })]);
    expect(r.details.computedCells).toContainEqual(expect.objectContaining({ cell: 'H4', value: 9, kind: 'score' }));
  });
});

describe('no silent loss', () => {
  it('a funds block without an indicator table is reported, not passed as clean', async () => {
    const r = await review({ noTable: true });
    const said = r.review.findings.filter((f) => f.code === 'layout-uncertain');
    expect(said).toEqual([expect.objectContaining({ cell: 'A3', severity: 'warning' })]);
    expect(said[0].message).toContain('未找到绩效指标表');
  });

  it('a header with no score column is reported', async () => {
    const r = await review({ columns: BASE.filter((c) => c.head !== '得分') });
    const said = r.review.findings.filter((f) => f.code === 'layout-uncertain');
    expect(said).toHaveLength(1);
    expect(said[0].message).toContain('没有得分列');
  });

  it('a header with no weight column is reported once, not as an empty weight on every row', async () => {
    const r = await review({ columns: BASE.filter((c) => c.head !== '分值') });
    expect(r.review.findings.filter((f) => f.code === 'value-missing')).toEqual([]);
    const said = r.review.findings.filter((f) => f.code === 'layout-uncertain');
    expect(said).toHaveLength(1);
    expect(said[0].message).toContain('没有分值列');
    expect(r.errors()).toEqual([]);
  });

  it('a header under which no row reads as an indicator is reported', async () => {
    const r = await review({ columns: BASE.map((c) => col(c.head, [null, null, null, null, null], c.total)) });
    const said = r.review.findings.filter((f) => f.code === 'layout-uncertain');
    expect(said).toHaveLength(1);
    expect(said[0].message).toContain('未读到任何指标行');
  });
});

describe('two score columns that fit about as well', () => {
  it('reads the first, says so once, and lowers the errors resting on it to warnings', async () => {
    const r = await review({ columns: replacing('得分', col('得分', [20, 20, 10, 30, 10], 99)).flatMap((c) => (c.head === '得分' ? [c, col('自评得分', [19, 20, 10, 30, 10], 98)] : [c])) });
    const said = r.review.findings.filter((f) => f.code === 'layout-uncertain');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ cell: 'H5' });
    expect(said[0].message).toContain('I5');
    expect(r.at('H6')).toContainEqual(expect.objectContaining({ code: 'score-mismatch', severity: 'warning' }));
    expect(r.errors()).toEqual([]);
    // Nothing is written into the doubtful column.
    expect(r.details.computedCells.filter((c) => /^H([5-9]|1\d)$/.test(c.cell))).toEqual([]);
  });
});

describe.each(['绩效指标', '年度绩效指标', '项目绩效指标', '部门整体绩效指标', '绩效目标指标', '绩效指标名称'])('one hierarchy column headed %s', (head) => {
  it('reads the section lines and leaf rows as under 绩效指标', async () => {
    const r = await reviewSheets([{
      name: '单列层级',
      rows: [
        ['部门整体支出绩效自评表'],
        ['单位名称：某县文化和旅游局'],
        ['年度预算资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['年度资金总额', 800, 800, 760, 10, 0.95, 9.5],
        [head, '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
        ['一、产出指标', null, null, 50, 50, null],
        ['1.送戏下乡场次', '≥100场', '105场', 20, 20, null],
        ['2.文物安全事故发生数', '0起', '0起', 30, 30, null],
        ['二、效益指标', null, null, 30, 30, null],
        ['3.公共文化服务覆盖率', '≥95%', '96%', 30, 30, null],
        ['三、满意度指标', null, null, 10, 10, null],
        ['4.群众满意度', '≥90%', '93%', 10, 10, null],
        ['总分', null, null, 100, 99.5, null],
      ],
      merges: ['A1:F1'],
    }]);
    expect(r.form().indicators?.map((i) => i.path.join('/'))).toEqual(['产出指标/1.送戏下乡场次', '产出指标/2.文物安全事故发生数', '效益指标/3.公共文化服务覆盖率', '满意度指标/4.群众满意度']);
    expect(r.form().total).toEqual({ cell: 'E13', stated: 99.5, computed: 99.5 });
    expect(notInfo(r)).toEqual([]);
  });
});

describe('two columns named for the actual: 完成情况 in words before 实际完成值', () => {
  it('binds the one whose values are of the target\'s kind', async () => {
    const words = col('完成情况', ['基本完成', '已完成', '按期完成', '已完成', '已完成']);
    const r = await review({ columns: inserting('实际完成值', words) });
    expect(r.row(6).actual).toEqual({ cell: 'G6', text: '114公里' });
    expect(notInfo(r)).toEqual([]);
  });
});

describe.each(['自评分值', '实际分值', '评价分数'])('the score headed %s beside 分值', (head) => {
  it('is the score, not a second weight column or the actual', async () => {
    const r = await review({ columns: replacing('得分', col(head, [19, 20, 10, 30, 10], 98)) });
    expect(r.row(6).score).toEqual({ cell: 'H6', stated: 19, computed: 19 });
    expect(notInfo(r)).toEqual([]);
  });
});

describe('得分（%） beside 得分（分）', () => {
  it('the unit notes and the content agree: the points column is the score', async () => {
    const r = await review({ columns: replacing('得分', col('得分（分）', [19, 20, 10, 30, 10], 98)).flatMap((c) => (c.head === '得分（分）' ? [col('得分（%）', [95, 100, 100, 100, 100]), c] : [c])) });
    expect(r.row(6).score).toEqual({ cell: 'I6', stated: 19, computed: 19 });
    expect(notInfo(r)).toEqual([]);
  });
});

describe('a published-style form carrying every extra column at once', () => {
  it('reads the same scores and findings as the base form', async () => {
    const columns: Column[] = [
      col('序号', [1, 2, 3, 4, 5]),
      ...BASE.slice(0, 3),
      col('是否核心指标', ['是', '否', '否', '否', '否']),
      col('指标性质', ['≥', '≥', '≤', '定性', '≥']),
      col('年度指标值', [120, '95%', '2023年12月底前', '明显提升', '90%']),
      col('度量单位', ['公里', null, null, null, null]),
      col('指标值设定依据', ['按上年度养护里程设定', '按行业标准', '按合同约定', '按群众反映', '按调查结果']),
      BASE[4],
      BASE[5],
      col('得分系数（%）', ['95%', '100%', '100%', '100%', '100%']),
      BASE[6],
      col('评分标准', ['按完成比例计分', '达到目标值得满分', '按时完成得满分，逾期扣分', '定性评价分档计分', '按满意度比例计分']),
      BASE[7],
      col('备注', [null, null, null, null, null]),
    ];
    const r = await review({ label: '绩效目标完成情况', columns });
    expect(r.form().indicators?.map((i) => i.score.computed)).toEqual([19, 20, 10, 30, 10]);
    expect(r.form().total).toEqual({ cell: 'N11', stated: 98, computed: 98 });
    expect(notInfo(r)).toEqual([]);
  });
});

describe('settleColumn (the clerk\'s column map decides)', () => {
  it('binds the field where it is told and drops the doubt about it', async () => {
    const { Grid } = await import('../../../src/core/locate/grid');
    const { readIndicatorHeaders, settleColumn } = await import('../../../src/core/locate/header');
    const { sheetOf } = await import('../../helpers/grid');
    const { rows } = project({ columns: replacing('得分', col('得分', ['95%', '100%', '100%', '100%', '100%'])) });
    const g = new Grid(sheetOf('S', rows.map((r) => r.map((v) => v))));
    const [h] = readIndicatorHeaders(g, 4);
    expect(h.cols.score).toBeUndefined();
    expect(h.doubts?.map((d) => d.kind)).toEqual(['contradicts']);
    settleColumn(h, 'score', 7);
    expect(h.cols.score).toBe(7);
    expect(h.doubts).toEqual([]);
  });
});
