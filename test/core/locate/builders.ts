/** A central-style 项目支出绩效自评表 as a block of cells, for synthetic locator tests. */
import type { CellValue } from '../../../src/core/snapshot';
import { area } from './grid';

export interface Block {
  rows: CellValue[][];
  merges: string[];
}

const HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'];

/**
 * Columns A–I: A block titles, B labels / 一级指标, C.. values. Rows: title, 项目名称, 实施单位,
 * funds header + total + three cell-split lines, 年度总体目标 (2 rows), indicator header, `indicators`, 总分.
 */
export function centralForm(opts: { header?: string[]; indicators?: CellValue[][]; title?: string } = {}): Block {
  const header = opts.header ?? HEADER;
  const indicators = opts.indicators ?? [
    ['产出指标（50分）', '数量指标', '完成培训人次', '≥500人次', '520人次', 20, 20, ''],
    [null, '质量指标', '培训合格率', '≥95%', '93%', 15, 14.68, '部分学员未参加考试'],
    [null, '时效指标', '完成时间', '2023年12月前', '2023年11月', 15, 15, ''],
    ['效益指标（30分）', '社会效益指标', '群众知晓率', '≥90%', '95%', 30, 30, ''],
    ['满意度指标（10分）', '服务对象满意度指标', '学员满意度', '≥90%', '96%', 10, 10, ''],
  ];
  const rows: CellValue[][] = [
    [opts.title ?? '2023年度项目支出绩效自评表'],
    ['项目名称', null, '农民技能培训'],
    ['主管部门', null, '县农业农村局', null, null, '实施单位', '县农业技术推广中心'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 100, 120, 110, 10, 0.9167, 9.17],
    [null, '其中：当年财政拨款', 80, 100, 90, null, null, null],
    [null, '上年结转资金', 20, 20, 20, null, null, null],
    [null, '其他资金', 0, 0, 0, null, null, null],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, '完成培训500人次', null, null, null, '完成培训520人次'],
    ['绩效指标', ...header],
  ];
  const first = rows.length;
  for (const line of indicators) rows.push([null, ...line]);
  const totalRow = rows.length;
  rows.push(['总分', null, null, null, null, null, 100, 99.68, null]);
  const merges = [
    area(0, 0, 0, 8), area(1, 0, 1, 1), area(1, 2, 1, 8), area(2, 0, 2, 1), area(2, 2, 2, 4), area(2, 6, 2, 8),
    area(3, 0, 7, 0), area(8, 0, 9, 0), area(8, 1, 8, 4), area(8, 5, 8, 8), area(9, 1, 9, 4), area(9, 5, 9, 8),
    area(10, 0, totalRow - 1, 0), area(totalRow, 0, totalRow, 5),
  ];
  // 一级指标 cells merged down to the next heading.
  let start = -1;
  indicators.forEach((line, i) => {
    if (line[0] !== null) {
      if (start >= 0 && i - 1 > start) merges.push(area(first + start, 1, first + i - 1, 1));
      start = i;
    }
  });
  if (start >= 0 && indicators.length - 1 > start) merges.push(area(first + start, 1, first + indicators.length - 1, 1));
  return { rows, merges };
}
