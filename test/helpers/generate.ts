/**
 * Generates self-evaluation forms in a common provincial layout, for benchmarks and scale tests:
 * a funds block, an indicator table with merged 一级/二级 cells, and a 总分 row.
 */
import ExcelJS from 'exceljs';

export interface GenerateOptions {
  forms: number;
  indicators: number;
  /** Put every form on its own sheet (true) or all on one sheet, one under another. */
  sheetPerForm?: boolean;
  /** Deterministic pseudo-random numbers. */
  seed?: number;
  /**
   * Things real forms do, chosen per form by the seed: a 总分 that is a formula with a stale cached
   * result, a score that is a formula, weights adding up to more than 100, a score column formatted
   * `0`, a score merged over two rows.
   */
  quirks?: boolean;
}

type Quirk = 'formulaTotal' | 'scoreFormula' | 'overweight' | 'integerFormat' | 'mergedScore';
const QUIRKS: Quirk[] = ['formulaTotal', 'scoreFormula', 'overweight', 'integerFormat', 'mergedScore'];

function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const LEVEL1 = ['产出指标', '效益指标', '满意度指标'];
const LEVEL2: Record<string, string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

function writeForm(ws: ExcelJS.Worksheet, top: number, n: number, rand: () => number, index: number, quirky = false): number {
  const quirks = new Set<Quirk>(quirky ? QUIRKS.filter(() => rand() < 0.4) : []);
  let r = top;
  ws.getCell(r, 1).value = `2023年度项目支出绩效自评表（${index + 1}）`;
  ws.mergeCells(r, 1, r, 9);
  r++;
  ws.getCell(r, 1).value = '项目名称';
  ws.getCell(r, 3).value = `项目${index + 1}`;
  r++;
  ws.getCell(r, 1).value = '项目资金（万元）';
  ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'].forEach((h, i) => (ws.getCell(r, 3 + i).value = h));
  const budgeted = Math.round(rand() * 100000) / 100 + 10;
  const executed = Math.round(budgeted * (0.8 + rand() * 0.2) * 100) / 100;
  r++;
  ws.getCell(r, 2).value = '年度资金总额';
  [budgeted, budgeted, executed, 10].forEach((v, i) => (ws.getCell(r, 3 + i).value = v));
  ws.getCell(r, 7).value = Math.round((executed / budgeted) * 10000) / 10000;
  ws.getCell(r, 7).numFmt = '0.00%';
  ws.getCell(r, 8).value = Math.round((executed / budgeted) * 1000) / 100;
  ws.mergeCells(r - 1, 1, r, 1);
  r++;
  ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'].forEach((h, i) => (ws.getCell(r, 2 + i).value = h));
  r++;
  const weight = Math.floor(90 / n);
  const rest = 90 - weight * n;
  let stated = 10;
  const budgetRow = r - 2;
  const first = r;
  for (let i = 0; i < n; i++) {
    const l1 = LEVEL1[Math.min(2, Math.floor((i / n) * 3))];
    const l2s = LEVEL2[l1];
    const w = weight + (i < rest ? 1 : 0);
    const target = Math.round(50 + rand() * 50);
    const actual = Math.round(target * (0.85 + rand() * 0.3));
    ws.getCell(r, 2).value = l1;
    ws.getCell(r, 3).value = l2s[i % l2s.length];
    ws.getCell(r, 4).value = `指标${i + 1}`;
    const percent = i % 3 === 0;
    ws.getCell(r, 5).value = percent ? `≥${target}%` : `≥${target}个`;
    ws.getCell(r, 6).value = percent ? `${actual}%` : `${actual}个`;
    const weightHere = quirks.has('overweight') && i === 0 ? w + 10 : w;
    ws.getCell(r, 7).value = weightHere;
    const score = actual >= target ? weightHere : Math.round((weightHere * actual) / target);
    ws.getCell(r, 8).value = quirks.has('scoreFormula') && i === 1 ? { formula: `G${r}*1`, result: weightHere } : score;
    if (quirks.has('integerFormat')) ws.getCell(r, 8).numFmt = '0';
    stated += quirks.has('scoreFormula') && i === 1 ? weightHere : score;
    if (score < w) ws.getCell(r, 9).value = '受项目进度影响，下年度加快实施';
    r++;
  }
  if (quirks.has('mergedScore') && n >= 3) ws.mergeCells(first + 2, 8, first + 3, 8);
  ws.getCell(r, 1).value = '总分';
  ws.mergeCells(r, 1, r, 6);
  ws.getCell(r, 7).value = 100;
  // A formula total whose cached result is what the form said before (stale once scores change).
  ws.getCell(r, 8).value = quirks.has('formulaTotal') ? { formula: `H${budgetRow}+SUM(H${first}:H${r - 1})`, result: stated } : stated;
  return r + 2;
}

export async function generateWorkbook(opts: GenerateOptions): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const rand = rng(opts.seed ?? 42);
  if (opts.sheetPerForm ?? true) {
    for (let f = 0; f < opts.forms; f++) writeForm(wb.addWorksheet(`表${f + 1}`), 1, opts.indicators, rand, f, opts.quirks);
  } else {
    const ws = wb.addWorksheet('自评表');
    let top = 1;
    for (let f = 0; f < opts.forms; f++) top = writeForm(ws, top, opts.indicators, rand, f, opts.quirks);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
