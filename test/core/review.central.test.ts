/**
 * A national-template 项目支出绩效自评表 (central-style fund split, reverse cost indicator, date
 * target, qualitative tier, grade on the total row), built in the test: the engine follows the
 * rules on a layout that is not among the fixtures.
 */
import ExcelJS from 'exceljs';
import { snapshotFromBuffer } from '../../src/hosts/file/read';
import { reviewWorkbook } from '../../src/core/review';
import type { FileReview } from '../../src/core/types';

async function centralForm(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目自评');
  const rows: (string | number | null)[][] = [
    ['项目支出绩效自评表'],
    ['（2023年度）'],
    ['项目名称', null, '农村饮水安全巩固提升工程'],
    ['主管部门', null, '县水利局', null, null, '实施单位', '县农村供水站'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 100, 120, 110, 10, 0.9167, 9.17],
    [null, '其中：当年财政拨款', 100, 100, 95, '—', '—', '—'],
    [null, '      上年结转资金', 0, 20, 15, '—', '—', '—'],
    [null, '      其他资金', 0, 0, 0, '—', '—', '—'],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, '完成12处供水工程改造', null, null, null, '完成11处'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标', '数量指标', '改造供水工程数量', '≥12处', '11处', 20, 18.33, '1处因征地延后，已列入下年计划'],
    [null, null, '质量指标', '工程验收合格率', '100%', '100%', 10, 10, null],
    [null, null, '时效指标', '完工时间', '2023年12月31日前', '2023年11月20日', 10, 10, null],
    [null, null, '成本指标', '单处改造成本', '≤10万元', '11万元', 10, 10, null],
    [null, '效益指标', '社会效益指标', '农村自来水普及率', '≥95%', '96.5%', 15, 15, null],
    [null, null, '可持续影响指标', '工程长效运行机制', '健全', '基本健全', 15, 12, '管护制度待完善'],
    [null, '满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', '93%', 10, 10, null],
    ['总分', null, null, null, null, null, 100, 94.5, '优'],
  ];
  rows.forEach((r, i) => r.forEach((v, j) => { if (v !== null) ws.getCell(i + 1, j + 1).value = v; }));
  ws.getCell('G6').numFmt = '0.00%';
  ws.mergeCells('A1:I1'); ws.mergeCells('A2:I2'); ws.mergeCells('A5:A9'); ws.mergeCells('A10:A11'); ws.mergeCells('A12:A19');
  ws.mergeCells('B13:B16'); ws.mergeCells('B17:B18'); ws.mergeCells('A20:F20');
    return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('review of a national-template project form', () => {
  let review: FileReview;
  beforeAll(async () => {
    review = reviewWorkbook(await snapshotFromBuffer(await centralForm(), 'central.xlsx'), {}).fileReview;
  });
  const form = () => review.forms.find((f) => f.kind === 'self-evaluation')!;
  const row = (n: number) => form().indicators!.find((i) => i.row === n)!;
  const findings = (cell: string) => review.findings.filter((f) => f.cell === cell);

  it('reads the funds block against 全年预算数 and its central-style split', () => {
    expect(form().budget).toMatchObject({ planned: 100, budgeted: 120, executed: 110, weight: 10 });
    expect(form().budget!.score).toMatchObject({ cell: 'H6', stated: 9.17, computed: 9.17 });
    expect(findings('E6').concat(findings('D6'))).toEqual([]);
  });

  it('scores forward, date, reverse, qualitative and percent rows by the rules', () => {
    expect(row(13)).toMatchObject({ kind: 'forward', score: { computed: 18.33 } });
    expect(row(15)).toMatchObject({ kind: 'date', score: { computed: 10 } });
    expect(row(16)).toMatchObject({ kind: 'reverse', score: { stated: 10, computed: 9.09 } });
    expect(row(18).kind).toBe('qualitative');
    expect(row(19).score.computed).toBe(10);
  });

  it('flags the over-scored cost row and its missing explanation, and the total', () => {
    expect(findings('H16')).toEqual([expect.objectContaining({ code: 'score-mismatch', severity: 'error', expected: 9.09, found: 10 })]);
    expect(findings('I16').map((f) => f.code)).toEqual(['deviation-unexplained']);
    expect(findings('I13')).toEqual([]); // explained
    expect(form().total).toMatchObject({ stated: 94.5, computed: 93.58 });
    expect(form().grade).toBe('优');
  });
});
