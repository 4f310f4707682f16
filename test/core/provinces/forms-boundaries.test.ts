/**
 * Whole forms whose parts could be taken for a second form (layout sweep wb16, wb19): a 年度主要任务
 * block between the funds block and the table (D12), the header repeated after a page break
 * (D15); and the unit under other labels (wb20). Built as .xlsx and reviewed.
 */
import { reviewSheets, type Cell } from './build';

const H = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

describe('D12: 部门整体支出绩效自评表 with a 年度主要任务 block (wb16)', () => {
  const rows: Cell[][] = [
    ['部门整体支出绩效自评表'],
    ['（2023年度）'],
    ['部门名称', '某县自然资源局', null, null, '主管部门及代码', '某县人民政府', null, null],
    ['年度预算资金\n（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 4200, 4500, 4365, 10, 0.97, 9.7],
    [null, '其中：基本支出', 1800, 1900, 1900, null, 1, null],
    [null, '      项目支出', 2400, 2600, 2465, null, 0.9481, null],
    ['年度主要任务', '任务名称', null, '主要内容', null, '预算数', '执行数', '完成情况'],
    [null, '国土空间规划编制', null, '完成县级国土空间总体规划报批', null, 300, 290, '已完成'],
    [null, '耕地保护', null, '落实耕地保护目标，完成补充耕地1500亩', null, 900, 880, '已完成'],
    [null, '不动产登记', null, '不动产登记办结时限压缩至5个工作日', null, 120, 115, '已完成'],
    ['年度总体目标', '预期目标', null, null, '实际完成情况', null, null, null],
    [null, '完成国土空间规划报批，耕地保有量不低于45万亩。', null, null, '国土空间规划已获批复，耕地保有量45.3万亩。', null, null, null],
    H,
    ['产出指标', '数量指标', '补充耕地面积', '≥1500亩', '1620亩', 20, 20, null],
    [null, '质量指标', '耕地保有量', '≥45万亩', '45.3万亩', 15, 15, null],
    [null, '时效指标', '不动产登记办结时限', '≤5个工作日', '4个工作日', 15, 15, null],
    ['效益指标', '社会效益指标', '国土空间规划批复', '获批', '获批', 30, 30, null],
    ['满意度指标', '服务对象满意度指标', '办事群众满意度', '≥90%', '95%', 10, 10, null],
    ['总分', null, null, null, null, 100, 99.7, null],
    ['自评等级', null, null, null, null, null, '优', null],
  ];
  const merges = ['A1:H1', 'A2:H2', 'B3:D3', 'F3:H3', 'A4:B4', 'A5:A7', 'A8:A11', 'B8:C8', 'D8:E8', 'B9:C9', 'D9:E9', 'B10:C10', 'D10:E10', 'B11:C11', 'D11:E11',
    'A12:A13', 'B12:D12', 'E12:H12', 'B13:D13', 'E13:H13', 'A15:A17', 'A20:E20', 'A21:F21'];

  it('one form, the budget from the 年度资金总额 line: 9.7, total 99.7 优, no error', async () => {
    const r = await reviewSheets([{ name: '部门整体', rows, merges, formats: { G5: '0.00%', G6: '0.00%', G7: '0.00%' } }]);
    expect(r.review.forms.map((f) => [f.range, f.unit])).toEqual([['A1:H21', '某县自然资源局']]);
    expect(r.form().budget).toMatchObject({ budgeted: 4500, executed: 4365, rate: { cell: 'G5', computed: 0.97 }, score: { cell: 'H5', computed: 9.7 } });
    expect(r.form().indicators?.map((i) => i.row)).toEqual([15, 16, 17, 18, 19]);
    expect(r.form().total).toMatchObject({ cell: 'G20', stated: 99.7, computed: 99.7 });
    expect(r.form().grade).toBe('优');
    expect(r.errors()).toEqual([]);
  });
});

describe('D15: the header repeated after a page break (wb19)', () => {
  const rows: Cell[][] = [
    ['项目支出绩效自评表'],
    ['项目名称：高标准农田建设', null, null, null, '实施单位：某县农业农村局'],
    ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    ['年度资金总额', 2000, 2000, 1960, 10, 0.98, 9.8],
    H,
    ['产出指标', '数量指标', '建设高标准农田面积', '≥2万亩', '2万亩', 10, 10, null],
    [null, null, '新建灌排渠道', '≥30公里', '31公里', 10, 10, null],
    [null, '质量指标', '工程验收合格率', '100%', '100%', 10, 10, null],
    [null, '时效指标', '项目完工时间', '2023年12月底前', '2023年12月', 10, 10, null],
    [null, '成本指标', '亩均投资', '≤1500元', '1480元', 10, 10, null],
    ['续表'],
    H,
    ['效益指标', '经济效益指标', '亩均增产粮食', '≥50公斤', '55公斤', 15, 15, null],
    [null, '生态效益指标', '节水率', '≥15%', '16%', 15, 15, null],
    ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%', '93%', 10, 10, null],
    ['总分', null, null, null, null, 100, 99.8, null],
  ];
  const merges = ['A1:H1', 'A2:D2', 'E2:H2', 'A6:A10', 'B6:B7', 'A11:H11', 'A13:A14', 'A16:E16'];

  it('one form across the break: 8 rows, total 99.8 优, no error', async () => {
    const r = await reviewSheets([{ name: '自评表', rows, merges, formats: { F4: '0.00%' } }]);
    expect(r.review.forms.map((f) => [f.range, f.project, f.unit])).toEqual([['A1:H16', '高标准农田建设', '某县农业农村局']]);
    expect(r.form().indicators?.map((i) => i.row)).toEqual([6, 7, 8, 9, 10, 13, 14, 15]);
    expect(r.form().total).toMatchObject({ cell: 'G16', stated: 99.8, computed: 99.8 });
    expect(r.form().grade).toBe('优');
    expect(r.errors()).toEqual([]);
  });
});

describe('the unit under other labels (wb20)', () => {
  const labels = ['项目单位', '项目承担单位', '单位（盖章）', '项目实施单位', '预算部门', '填报单位（公章）', '部门（单位）'];

  it('every label names 某县水利局', async () => {
    const r = await reviewSheets(labels.map((l, i) => ({
      name: `u${i}`,
      rows: [
        ['项目支出绩效自评表'],
        ['项目名称', '水库除险加固', l, '某县水利局'],
        ['项目资金（万元）', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
        ['年度资金总额', 100, 100, 100, 10, 1, 10],
        ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
        ['产出指标', '数量指标', '除险加固水库', '3座', '3座', 90, 90],
        ['总分', null, null, null, null, 100, 100],
      ],
    })));
    expect(r.review.forms.map((f) => [f.unit, f.project])).toEqual(labels.map(() => ['某县水利局', '水库除险加固']));
  });
});
