/**
 * Whole forms from a sweep of province layouts (21 realistic workbooks, D-numbered): each built as
 * a real .xlsx and reviewed end to end. Two-row headers (D1, D2, D7), header words (D5, D8), a 分值
 * column per level (D6), 小计 lines (D11), signature footers (D4), section lines and one hierarchy
 * column (D14); the header repeated after a page break (D15) is in forms-boundaries.test.ts.
 */
import { reviewSheets, type Cell, type Reviewed } from './build';

const H = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

function head(title: string, unit: string, funds: Cell[] = ['年度资金总额', 400, 400, 392, 10, 0.98, 9.8]): Cell[][] {
  return [
    [title],
    ['项目名称：基层医疗卫生机构能力提升', null, null, null, `实施单位：${unit}`],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    funds,
  ];
}

const body: Cell[][] = [
  ['产出指标', '数量指标', '配置DR设备', '≥8台', '8台', 20, 20, null],
  [null, '质量指标', '设备验收合格率', '100%', '100%', 15, 15, null],
  [null, '时效指标', '设备投入使用时间', '2023年10月底前', '2023年12月', 15, 12, '招标延期'],
  ['效益指标', '社会效益指标', '基层就诊率', '≥65%', '66%', 30, 30, null],
  ['满意度指标', '服务对象满意度指标', '患者满意度', '≥90%', '91%', 10, 10, null],
];

/** Findings other than the info notes on a hand-rounded score (12 in the 9–12 band, 96.8 for 96.79). */
function notInfo(r: Reviewed) {
  return r.review.findings.filter((f) => f.severity !== 'info').map((f) => `${f.sheet}!${f.cell} ${f.code}`);
}

describe('D1: "自评" merged over 分值 | 得分 (wb02)', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{
    name: 'Sheet1',
    rows: [
      ['2023年度项目支出绩效自评表'],
      ['项目名称', '乡村道路养护', null, null, '实施单位', '某镇人民政府', null, null],
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null],
      ['年度资金总额', 200, 200, 180, 10, 0.9, 9, null],
      ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '自评', null, '偏差原因分析及改进措施'],
      [null, null, null, null, null, '分值', '得分', null],
      ['产出指标', '数量指标', '养护道路里程', '≥120公里', '126公里', 20, 20, null],
      [null, '质量指标', '道路优良率', '≥85%', 0.8, 15, 14.12, '部分路段水毁'],
      [null, '时效指标', '养护任务完成时间', '2023年12月底前', '2023年11月', 15, 15, null],
      ['效益指标', '社会效益指标', '群众出行条件', '明显改善', '明显改善', 30, 30, null],
      ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90%', 0.95, 10, 10, null],
      ['总分', null, null, null, null, 100, 98.12, null],
    ],
    merges: ['A1:H1', 'B2:D2', 'F2:H2', 'A5:A6', 'B5:B6', 'C5:C6', 'D5:D6', 'E5:E6', 'F5:G5', 'H5:H6', 'A7:A9', 'A12:E12'],
    formats: { F4: '0.00%', E8: '0.00%', E11: '0.00%' },
  }])));

  it('reads the five rows and scores 0.8 of ≥85% as 14.12', () => {
    expect(r.form().indicators?.map((i) => i.row)).toEqual([7, 8, 9, 10, 11]);
    expect(r.row(8)).toMatchObject({ weight: 15, score: { cell: 'G8', stated: 14.12, computed: 14.12 } });
    expect(r.form()).toMatchObject({ total: { cell: 'G12', stated: 98.12, computed: 98.12 }, grade: '优' });
    expect(notInfo(r)).toEqual([]);
  });
});

describe('D2: "年度指标值" merged over 年初 | 调整后 (wb03, wb21)', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{
    name: '自评表',
    rows: [
      ['项目支出绩效自评表'],
      ['项目名称：老旧小区改造', null, null, null, null, '实施单位：某区住房和城乡建设局', null, null, null],
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null, null],
      ['年度资金总额', 1000, 800, 780, 10, 0.975, 9.75, null, null],
      ['一级指标', '二级指标', '三级指标', '年度指标值', null, '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      [null, null, null, '年初', '调整后', null, null, null, null],
      ['产出指标', '数量指标', '改造小区数量', '≥20个', '≥16个', '16个', 30, 30, '年中调减改造计划'],
      [null, '质量指标', '竣工验收合格率', '100%', null, '100%', 20, 20, null],
      ['效益指标', '社会效益指标', '受益居民户数', '≥5000户', '≥4000户', '4100户', 30, 30, null],
      ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%', null, '92%', 10, 10, null],
      ['总分', null, null, null, null, null, 100, 99.75, null],
    ],
    merges: ['A1:I1', 'A2:E2', 'F2:I2', 'A5:A6', 'B5:B6', 'C5:C6', 'D5:E5', 'F5:F6', 'G5:G6', 'H5:H6', 'I5:I6', 'A7:A8', 'A11:F11'],
    formats: { F4: '0.00%' },
  }, {
    name: 'b-调整后',
    rows: [
      ['一级指标', '二级指标', '三级指标', '年度指标值', null, '实际完成值', '分值', '得分'],
      [null, null, null, '年初指标值', '调整后', null, null, null],
      ['产出指标', '数量指标', '改造小区数量', '≥10个', '≥8个', '8个', 100, 100],
      ['总分', null, null, null, null, null, 100, 100],
    ],
    merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2', 'G1:G2', 'H1:H2'],
  }])));

  it('scores against the adjusted targets; the 年初 value stands where 调整后 is blank', () => {
    expect(r.row(7).target).toEqual({ cell: 'E7', text: '≥16个' });
    expect(r.row(8).target).toEqual({ cell: 'D8', text: '100%' });
    expect(r.row(9).target).toEqual({ cell: 'E9', text: '≥4000户' });
    expect(r.form()).toMatchObject({ total: { cell: 'H11', stated: 99.75, computed: 99.75 }, grade: '优' });
    expect(r.review.findings.filter((f) => f.sheet === '自评表')).toEqual([]);
  });

  it('takes "调整后" under a spelled-out 年初指标值 as the adjusted target', () => {
    expect(r.row(3, 1)).toMatchObject({ target: { cell: 'E3', text: '≥8个' }, score: { computed: 100 } });
    expect(r.errors()).toEqual([]);
  });
});

describe('D7 and D8: "绩效指标" over the level row; 年度目标值 | 全年完成情况 | 权重 | 自评得分 (wb13)', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{
    name: 'a-绩效指标横跨',
    rows: [...head('项目支出绩效自评表', '某县卫生健康局'),
      ['绩效指标', null, null, '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['一级指标', '二级指标', '三级指标', null, null, null, null, null],
      ...body,
      ['总分', null, null, null, null, 100, 96.8, null],
    ],
    merges: ['A1:H1', 'A2:D2', 'E2:H2', 'A5:C5', 'D5:D6', 'E5:E6', 'F5:F6', 'G5:G6', 'H5:H6', 'A7:A9', 'A12:E12'],
  }, {
    name: 'c-完成情况',
    rows: [...head('项目支出绩效自评表', '某县卫生健康局'),
      ['一级指标', '二级指标', '三级指标', '年度目标值', '全年完成情况', '权重', '自评得分', '未完成原因分析'],
      ...body,
      ['总分', null, null, null, null, 100, 96.8, null],
    ],
    merges: ['A1:H1', 'A2:D2', 'E2:H2', 'A6:A8', 'A11:E11'],
  }])));

  it('D7: reads the five rows under the two-row header, 96.8', () => {
    expect(r.form(0).indicators?.map((i) => [i.row, i.path.join('/')])).toEqual([
      [7, '产出指标/数量指标/配置DR设备'], [8, '产出指标/质量指标/设备验收合格率'], [9, '产出指标/时效指标/设备投入使用时间'],
      [10, '效益指标/社会效益指标/基层就诊率'], [11, '满意度指标/服务对象满意度指标/患者满意度'],
    ]);
    expect(r.form(0)).toMatchObject({ total: { cell: 'G12', stated: 96.8, computed: 96.79 }, grade: '优' });
  });

  it('D8: reads the actuals under 全年完成情况', () => {
    expect(r.row(6, 1).actual).toEqual({ cell: 'E6', text: '8台' });
    expect(r.form(1)).toMatchObject({ total: { cell: 'G11', stated: 96.8, computed: 96.79 } });
    expect(notInfo(r)).toEqual([]);
  });
});

describe('Minor: "一、产出指标（50分）" section lines across the table (wb13b)', () => {
  const rows = (produce: string): Cell[][] => [...head('项目支出绩效自评表', '某县卫生健康局'),
    H,
    [produce],
    [null, '数量指标', '配置DR设备', '≥8台', '8台', 20, 20, null],
    [null, '质量指标', '设备验收合格率', '100%', '100%', 15, 15, null],
    [null, '时效指标', '设备投入使用时间', '2023年10月底前', '2023年12月', 15, 12, '招标延期'],
    ['二、效益指标（30分）'],
    [null, '社会效益指标', '基层就诊率', '≥65%', '66%', 30, 30, null],
    ['三、满意度指标（10分）'],
    [null, '服务对象满意度指标', '患者满意度', '≥90%', '91%', 10, 10, null],
    ['总分', null, null, null, null, 100, 96.8, null],
  ];
  const merges = ['A1:H1', 'A2:D2', 'E2:H2', 'A6:H6', 'A10:H10', 'A12:H12', 'A14:E14'];
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([
    { name: 'b-分组行', rows: rows('一、产出指标（50分）'), merges },
    { name: '权重不符', rows: rows('一、产出指标（40分）'), merges },
  ])));

  it('names the rows\' 一级 from the section lines', () => {
    expect(r.form(0).indicators?.map((i) => i.path[0])).toEqual(['产出指标', '产出指标', '产出指标', '效益指标', '满意度指标']);
    expect(r.form(0)).toMatchObject({ total: { cell: 'G14', stated: 96.8, computed: 96.79 } });
    expect(notInfo(r).filter((f) => f.startsWith('b-分组行'))).toEqual([]);
  });

  it('checks the heading weights: 40 stated over rows worth 50', () => {
    expect(r.review.findings.filter((f) => f.sheet === '权重不符' && f.code === 'sum-mismatch').map((f) => f.cell)).toEqual(['A6']);
  });
});

describe('D5: the comparator in a 运算符号 column (wb11b)', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{
    name: 'b-运算符号',
    rows: [
      ['项目支出绩效自评表'],
      ['项目名称：农村人居环境整治', null, null, null, '实施单位：某区农业农村委员会'],
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', 120, 120, 108, 10, 0.9, 9],
      ['一级指标', '二级指标', '三级指标', '运算符号', '指标值', '计量单位', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['产出指标', '数量指标', '新改建户厕', '≥', 1500, '户', 1520, 20, 20, null],
      [null, '质量指标', '户厕验收合格率', '≥', 95, '%', 96, 15, 15, null],
      [null, '成本指标', '户均改厕补助', '≤', 800, '元', 860, 15, 13.95, '材料涨价'],
      ['效益指标', '社会效益指标', '农村卫生厕所普及率', '≥', 85, '%', 83, 30, 29.29, '山区农户分散'],
      ['满意度指标', '服务对象满意度指标', '农户满意度', '≥', 90, '%', 91, 10, 10, null],
      ['总分', null, null, null, null, null, null, 100, 97.24, null],
    ],
    merges: ['A1:J1', 'A2:D2', 'E2:J2', 'A6:A8', 'A11:G11'],
    formats: { F4: '0.00%' },
  }])));

  it('reads "≤ | 800 | 元" as ≤800元: 860 scores 15 × 800 ÷ 860 = 13.95', () => {
    expect(r.row(8)).toMatchObject({ kind: 'reverse', target: { cell: 'E8', text: '≤800元' }, score: { stated: 13.95, computed: 13.95 } });
    expect(r.form()).toMatchObject({ total: { cell: 'I11', stated: 97.24, computed: 97.24 } });
    expect(notInfo(r)).toEqual([]);
  });
});

describe('D6: a 分值 column after each level (wb12)', () => {
  const rows = (l1Weight: number): Cell[][] => [
    ['部门整体支出绩效自评表'],
    ['部门名称：某县市场监督管理局'],
    ['年度预算资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', null, 2100, 2300, 2231, 10, 0.97, 9.7],
    ['一级指标', '分值', '二级指标', '分值', '三级指标', '分值', '年度指标值', '实际完成值', '得分', '偏差原因分析及改进措施'],
    ['产出指标', l1Weight, '数量指标', 20, '食品抽检批次', 10, '≥1200批次', '1260批次', 10, null],
    [null, null, null, null, '特种设备检验台数', 10, '≥800台', '720台', 9, '部分设备停用'],
    [null, null, '质量指标', 30, '抽检不合格食品核查处置率', 15, '100%', '100%', 15, null],
    [null, null, null, null, '投诉举报按时办结率', 15, '≥98%', '99%', 15, null],
    ['效益指标', 30, '社会效益指标', 30, '食品安全事故发生数', 30, '0起', '0起', 30, null],
    ['满意度指标', 10, '服务对象满意度指标', 10, '群众满意度', 10, '≥85%', '90%', 10, null],
    ['总分', null, null, null, null, 100, null, null, 98.7, null],
  ];
  const merges = ['A1:J1', 'A2:J2', 'A3:B3', 'A4:B4', 'A6:A9', 'B6:B9', 'C6:C7', 'D6:D7', 'C8:C9', 'D8:D9', 'A12:E12'];
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([
    { name: '部门整体自评', rows: rows(50), merges, formats: { G4: '0.00%' } },
    { name: '一级分值不符', rows: rows(60), merges, formats: { G4: '0.00%' } },
  ])));

  it('weighs each row by its 三级 分值: 10/10/15/15/30/10, total 98.7', () => {
    expect(r.form(0).indicators?.map((i) => i.weight)).toEqual([10, 10, 15, 15, 30, 10]);
    expect(r.row(7)).toMatchObject({ score: { cell: 'I7', stated: 9, computed: 9 } });
    expect(r.form(0)).toMatchObject({ total: { cell: 'I12', stated: 98.7, computed: 98.7 }, grade: '优' });
    expect(notInfo(r).filter((f) => f.startsWith('部门整体自评'))).toEqual([]);
  });

  it('checks the 一级 分值 against its rows', () => {
    expect(r.review.findings.filter((f) => f.sheet === '一级分值不符' && f.code === 'sum-mismatch').map((f) => f.cell)).toEqual(['A6']);
  });
});

describe('D11: 小计 lines after each 一级 group (wb15b)', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{
    name: 'b-小计行',
    rows: [
      ['项目支出绩效自评表'],
      ['项目名称：城市燃气安全专项整治', null, null, null, '实施单位：某市城市管理局'],
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', 150, 150, 150, 10, 1, 10],
      H,
      ['产出指标\n（50分）', '数量指标', '检查燃气经营企业', '≥60家', '62家', 20, 20, null],
      [null, '质量指标', '隐患整改率', '100%', '96%', 15, 14.4, '4处正在整改'],
      [null, '时效指标', '整治完成时间', '2023年11月底前', '2023年11月', 15, 15, null],
      ['小计', null, null, null, null, 50, 49.4, null],
      ['效益指标\n（30分）', '社会效益指标', '燃气事故起数同比下降', '≥10%', '12%', 30, 30, null],
      ['小计', null, null, null, null, 30, 30, null],
      ['满意度指标\n（10分）', '服务对象满意度指标', '用户满意度', '≥90%', '91%', 10, 10, null],
      ['小计', null, null, null, null, 10, 10, null],
      ['总分', null, null, null, null, 100, 99.4, null],
    ],
    merges: ['A1:H1', 'A2:D2', 'E2:H2', 'A6:A8', 'A9:E9', 'A11:E11', 'A13:E13', 'A14:E14'],
  }])));

  it('reads no 小计 line as an indicator: total 99.4 with no sum error', () => {
    expect(r.form().indicators?.map((i) => i.row)).toEqual([6, 7, 8, 10, 12]);
    expect(r.form()).toMatchObject({ total: { cell: 'G14', stated: 99.4, computed: 99.4 }, grade: '优' });
    expect(r.review.findings.filter((f) => f.code === 'sum-mismatch' || f.code === 'value-missing')).toEqual([]);
    expect(r.errors()).toEqual([]);
  });
});

describe('D4: a signature line under a table with no total (wb10b)', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{
    name: 'b-无总分行',
    rows: [
      ['项目支出绩效自评表'],
      ['项目名称：森林防火能力建设', null, null, null, '实施单位：某县林业局'],
      ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', 80, 80, 78, 10, 0.975, 9.75],
      H,
      ['产出指标', '数量指标', '购置扑火机具', '≥200台', '200台', 25, 25, null],
      [null, '质量指标', '设备验收合格率', '100%', '100%', 25, 25, null],
      ['效益指标', '生态效益指标', '森林火灾受害率', '≤0.9‰', '0.3‰', 30, 30, null],
      ['满意度指标', '服务对象满意度指标', '护林员满意度', '≥90%', '93%', 10, 10, null],
      [],
      ['填表说明：'],
      ['1.本表分值合计100分，其中预算执行率10分。'],
      ['2.三级指标得分=实际完成值/年度指标值×20（分值），不超过20。', null, null, '示例', '≥95%', '90%', 20, 18.95],
      ['主要负责人：', null, '财务负责人：', null, '填表人：', null, '联系电话：'],
    ],
    merges: ['A1:H1', 'A2:D2', 'E2:H2', 'A6:A7', 'A12:H12', 'A13:H13', 'A14:C14'],
  }])));

  it('reads the four rows and nothing of the notes or signatures', () => {
    expect(r.form().indicators?.map((i) => i.row)).toEqual([6, 7, 8, 9]);
    expect(r.form().range).toBe('A1:H9');
    expect(r.review.findings).toEqual([]);
  });
});

describe('D14: one hierarchy column (wb05b)', () => {
  let r: Reviewed;
  beforeAll(async () => (r = await reviewSheets([{
    name: '单列层级',
    rows: [
      ['部门整体支出绩效自评表'],
      ['单位名称：某县文化和旅游局'],
      ['年度预算资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      ['年度资金总额', 800, 800, 760, 10, 0.95, 9.5],
      ['绩效指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
      ['一、产出指标', null, null, 50, 50, null],
      ['（一）数量指标', null, null, null, null, null],
      ['1.送戏下乡场次', '≥100场', '105场', 20, 20, null],
      ['（二）质量指标', null, null, null, null, null],
      ['2.文物安全事故发生数', '0起', '0起', 30, 30, null],
      ['二、效益指标', null, null, 30, 30, null],
      ['3.公共文化服务覆盖率', '≥95%', '96%', 30, 30, null],
      ['三、满意度指标', null, null, 10, 10, null],
      ['4.群众满意度', '≥90%', '93%', 10, 10, null],
      ['总分', null, null, 100, 99.5, null],
    ],
    merges: ['A1:F1'],
  }])));

  it('reads four leaf rows named by their section lines, the heading lines\' weights checked', () => {
    expect(r.form().indicators?.map((i) => [i.row, i.path.join('/'), i.weight])).toEqual([
      [8, '产出指标/数量指标/1.送戏下乡场次', 20],
      [10, '产出指标/质量指标/2.文物安全事故发生数', 30],
      [12, '效益指标/3.公共文化服务覆盖率', 30],
      [14, '满意度指标/4.群众满意度', 10],
    ]);
    expect(r.form()).toMatchObject({ total: { cell: 'E15', stated: 99.5, computed: 99.5 }, grade: '优' });
    expect(r.review.findings.filter((f) => f.severity === 'error' || f.code === 'weight-profile')).toEqual([]);
  });
});
