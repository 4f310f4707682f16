/**
 * Whole workbooks from the second layout sweep, built as real .xlsx and
 * reviewed end to end: a summary list of projects beside the forms (D7, wb06/wb21), 权重 in
 * %-formatted cells (D8, wb17), a level-1 weight note in its own merged column (D9, wb05), a grade
 * in words under a blank total (D10, wb12), a money-unit line on the header rows (D13, wb16).
 */
import { reviewSheets, type Cell, type Reviewed, type SheetSpec } from './build';

const H = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

const notInfo = (r: Reviewed) => r.review.findings.filter((f) => f.severity !== 'info').map((f) => `${f.sheet}!${f.cell} ${f.code}`);

describe('D7: a project summary list beside a form (wb21b)', () => {
  const contents: SheetSpec = { name: '目录', rows: [['目录'], ['附件2：部门整体支出绩效自评表'], ['附件5：项目支出绩效自评结果汇总表']] };
  const list: SheetSpec = {
    name: '汇总',
    rows: [
      ['2023年度项目支出绩效自评结果汇总表'],
      ['序号', '项目名称', '全年预算数（万元）', '全年执行数（万元）', '执行率', '自评得分', '自评等级'],
      [1, '城镇职工技能培训', 300, 300, '100%', 99.56, '优'],
      [2, '老旧小区改造', 200, 195.5, '97.75%', 99.78, '优'],
      [3, '市政道路维修', 100, 80, '80%', 92, '优'],
    ],
    merges: ['A1:G1'],
  };
  const form: SheetSpec = {
    name: '项目',
    rows: [
      ['项目支出绩效自评表'],
      ['项目名称', null, '老旧小区改造', null, null, '实施单位', '某市城市更新中心', null],
      ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
      [null, '年度资金总额', 200, 200, 200, 10, 1, 10],
      H,
      ['产出指标', '数量指标', '改造小区数', '≥8个', '8个', 50, 50, null],
      ['效益指标', '社会效益指标', '受益居民户数', '≥1200户', '1260户', 30, 30, null],
      ['满意度指标', '服务对象满意度指标', '居民满意度', '≥85%', '90%', 10, 10, null],
      ['总分', null, null, null, null, 100, 100, null],
    ],
    merges: ['A1:H1', 'A2:B2', 'C2:E2', 'G2:H2', 'A3:B3', 'A9:E9'],
    formats: { G4: '0.00%' },
  };

  it('one form, the project sheet; nothing on the summary', async () => {
    const r = await reviewSheets([contents, form, list]);
    expect(r.review.forms.map((f) => f.sheet)).toEqual(['项目']);
    expect(r.form()).toMatchObject({ unit: '某市城市更新中心', total: { stated: 100, computed: 100 } });
    expect(notInfo(r)).toEqual([]);
  });

  it('the summary alone: no invented form, form-not-found', async () => {
    const r = await reviewSheets([contents, list]);
    expect(r.review.forms).toEqual([]);
    expect(r.review.findings.map((f) => f.code)).toEqual(['form-not-found']);
  });
});

describe('D8: 权重 as %-formatted fractions (wb17a)', () => {
  it('0.3 shown 30% is 30 points: total 98.78 优, no error', async () => {
    const r = await reviewSheets([{
      name: 'a',
      rows: [
        ['项目支出绩效自评表'],
        ['项目名称', null, '特色产业发展补助', null, null, null, null, null],
        ['主管部门', null, '某县农业农村局', null, null, null, null, null],
        ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '权重', '执行率', '得分'],
        [null, '年度资金总额', 500, 500, 460, 0.1, 0.92, 9.2],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '权重', '得分', '偏差原因分析及改进措施'],
        ['产出指标', '数量指标', '补助覆盖户数', '≥2000户', '2100户', 0.3, 30, null],
        [null, '质量指标', '项目验收合格率', '≥95%', '93%', 0.2, 19.58, '2个合作社未通过首次验收，已整改。'],
        ['效益指标', '经济效益指标', '带动农户增收', '≥5%', '6%', 0.3, 30, null],
        ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '92%', 0.1, 10, null],
        ['总分', null, null, null, null, 1, 98.78, null],
      ],
      merges: ['A1:H1', 'A2:B2', 'C2:H2', 'A3:B3', 'C3:H3', 'A4:B4', 'A7:A8', 'A11:E11'],
      formats: { G5: '0.00%', F5: '0%', F7: '0%', F8: '0%', F9: '0%', F10: '0%', F11: '0%' },
    }]);
    expect(r.form().indicators?.map((i) => i.weight)).toEqual([30, 20, 30, 10]);
    expect(r.form()).toMatchObject({ budget: { weight: 10 }, total: { stated: 98.78, computed: 98.78 }, grade: '优' });
    expect(r.errors()).toEqual([]);
  });
});

describe('D9: a level-1 weight note in its own merged column (wb05)', () => {
  const rows = (note: string): Cell[][] => [
    ['项目支出绩效自评表'],
    ['（2023年度）'],
    ['项目名称', null, '农村饮水安全巩固提升工程', null, null, null, null, null, null, null],
    ['主管部门', null, '某县水利局', null, null, '实施单位', '某县农村供水总站', null, null, null],
    ['项目资金\n（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', null, null],
    [null, '年度资金总额', 500, 500, 480, 10, 0.96, 9.6, null, null],
    [null, '其中：当年财政拨款', 500, 500, 480, null, 0.96, null, null, null],
    [null, '      上年结转资金', 0, 0, 0, null, null, null, null, null],
    ['一级指标', null, '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '备注'],
    ['产出指标', note, '数量指标', '新建集中供水工程', '≥6处', '6处', 20, 20, null, null],
    [null, null, null, '管网延伸', '≥35公里', '38公里', 15, 15, null, null],
    [null, null, '质量指标', '工程验收合格率', '100%', '100%', 15, 15, null, null],
    ['效益指标', '（30分）', '社会效益指标', '受益人口', '≥1.2万人', '1.25万人', 15, 15, null, null],
    [null, null, '生态效益指标', '水质达标率', '≥95%', '92%', 15, 14.53, '枯水期部分水源浊度超标，已增设过滤设施。', null],
    ['满意度指标', '权重10', '服务对象满意度指标', '群众满意度', '≥90%', '95%', 10, 10, null, '问卷200份'],
    ['总分', null, null, null, null, null, 100, 99.13, null, null],
  ];
  const merges = ['A1:J1', 'A2:J2', 'A3:B3', 'C3:J3', 'A4:B4', 'C4:E4', 'G4:J4', 'A5:B5', 'A6:A8', 'A9:B9',
    'A10:A12', 'B10:B12', 'C10:C11', 'A13:A14', 'B13:B14', 'A16:F16'];
  const sheets = (): SheetSpec[] => [
    { name: '项目自评', rows: rows('50分'), merges, formats: { G6: '0.00%', G7: '0.00%' } },
    { name: '错误备注', rows: rows('45分'), merges, formats: { G6: '0.00%', G7: '0.00%' } },
  ];

  it('notes that agree: 99.13 优 and no finding; a note of 45 over rows worth 50: sum-mismatch on the heading', async () => {
    const r = await reviewSheets(sheets());
    expect(r.form(0)).toMatchObject({ total: { stated: 99.13, computed: 99.13 }, grade: '优' });
    expect(r.form(0).indicators?.map((i) => i.weight)).toEqual([20, 15, 15, 15, 15, 10]);
    expect(r.review.findings.filter((f) => f.sheet === '项目自评')).toEqual([]);
    const wrong = r.review.findings.filter((f) => f.sheet === '错误备注' && f.severity !== 'info');
    expect(wrong.map((f) => `${f.cell} ${f.code}`)).toEqual(['A10 sum-mismatch', 'A10 weight-profile']);
    expect(wrong[0].message).toBe('“产出指标”标明 45 分，其下各指标分值合计为 50');
  });
});

describe('D10: a grade in words on its own line, total blank (wb12)', () => {
  it('the grade "优秀" is read and checked against the scores\' 良', async () => {
    const r = await reviewSheets([{
      name: '等级单列',
      rows: [
        ['项目支出绩效自评表'],
        ['项目名称', null, '居家养老上门服务', null, null, null, null, null],
        ['项目单位', null, '某区民政局', null, null, null, null, null],
        ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        [null, '年度资金总额', 300, 300, 270, 10, 0.9, 9],
        [null, '其中：财政拨款', 300, 300, 270, null, 0.9, null],
        H,
        ['产出指标', '数量指标', '上门服务人次', '≥3000人次', '2600人次', 30, 26, '部分老人入院，服务需求减少。'],
        [null, '质量指标', '服务质量达标率', '≥95%', '90%', 20, 18.9, '新进护理员经验不足，已加强培训。'],
        ['效益指标', '社会效益指标', '受益老人数', '≥800人', '820人', 10, 10, null],
        [null, null, '服务规范性', '规范', '基本规范', 10, 7.6, '服务记录不完整。'],
        ['满意度指标', '服务对象满意度指标', '老人满意度', '≥95%', '85%', 20, 17.9, '个别服务时间不稳定。'],
        ['总分', null, null, null, null, 100, null, null],
        ['自评等级', null, null, null, null, null, '优秀', null],
      ],
      merges: ['A1:H1', 'A2:B2', 'C2:H2', 'A3:B3', 'C3:H3', 'A4:B4', 'A5:A6', 'A8:A9', 'A10:A11', 'B10:B11', 'A13:E13'],
      formats: { G5: '0.00%', G6: '0.00%' },
    }]);
    expect(r.form()).toMatchObject({ total: { cell: 'G13', stated: null, computed: 89.44 }, grade: '良' });
    // The severity is score-mismatch's to set (gradeFinding in checks/grade.ts makes it an error).
    expect(r.at('G14').map((f) => [f.code, f.message])).toEqual([['score-mismatch', '按规则计算总分为 89.44，对应等级为“良”，表内为“优秀”']]);
  });
});

describe('D13: "单位：万元" on the header rows (wb16)', () => {
  const body: Cell[][] = [
    ['项目资金', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 500, 500, 500, 10, 1, 10],
    [null, '其中：财政拨款', 500, 500, 500, null, 1, null],
    H,
    ['产出指标', '数量指标', '农村公路养护里程', '≥300公里', '305公里', 50, 50, null],
    ['效益指标', '社会效益指标', '公路优良路率', '≥80%', '82%', 30, 30, null],
    ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', '92%', 10, 10, null],
    ['总分', null, null, null, null, 100, 100, null],
  ];
  const mk = (name: string, head: Cell[][]): SheetSpec => ({ name, rows: [...head, ...body], merges: ['A1:H1'], formats: { [`G${head.length + 2}`]: '0.00%', [`G${head.length + 3}`]: '0.00%' } });

  it('is never the unit name', async () => {
    const r = await reviewSheets([
      mk('a', [['项目支出绩效自评表'], ['填报单位：某县交通运输局', null, null, null, null, null, null, '单位：万元'], ['项目名称', '农村公路养护']]),
      mk('b', [['某县交通运输局2023年度项目支出绩效自评表'], [null, null, null, null, null, null, null, '单位：万元'], ['项目名称', '农村公路养护']]),
      mk('c', [['项目支出绩效自评表'], ['项目名称', '农村公路养护', null, null, null, null, null, '单位：万元']]),
    ]);
    expect([0, 1, 2].map((n) => [r.form(n).unit, r.form(n).project])).toEqual([
      ['某县交通运输局', '农村公路养护'], [null, '农村公路养护'], [null, '农村公路养护'],
    ]);
    expect(notInfo(r)).toEqual([]);
  });
});
