/** Hand-built located forms in the Hunan layout (E target, F actual, G weight, H score, I explanation). */
import type { BasicDataForm, BasicDataSection, Bound, FundsBlock, FundsLine, IndicatorGroup, IndicatorRow, SelfEvaluationForm } from '../../../src/core/form';
import type { CellValue } from '../../../src/core/snapshot';
import { bound } from './bound';

export interface RowSpec {
  level1?: string;
  /** 数量指标 by default. */
  level2?: string;
  /** `指标n` by default; '' for a level-2 line. */
  level3?: string;
  target: CellValue;
  actual: CellValue;
  weight: CellValue;
  score: CellValue;
  explanation?: CellValue;
  parent?: boolean;
  /** Percent-formatted actual cell. */
  actualFormat?: string;
}

export interface FormSpec {
  rows: RowSpec[];
  /** Heading weights by level-1 name ("产出指标" → 40). */
  headings?: Record<string, number | null>;
  budget?: { planned?: CellValue; budgeted: CellValue; executed: CellValue; weight: CellValue; rate: CellValue; score: CellValue } | null;
  /** Hunan text split against 全年执行数: [label, amount] pairs. */
  expenseSplit?: [string, number | null][];
  /** Central-style cell split rows: label, budgeted, executed. */
  cellSplit?: [string, CellValue, CellValue][];
  total?: { weight?: CellValue; score: CellValue; grade?: CellValue };
  scope?: 'whole-unit' | 'project';
  sheet?: string;
}

const FIRST_ROW = 13; // 1-based, as on the seed

export function selfEvaluation(spec: FormSpec): SelfEvaluationForm {
  const groups = new Map<string, IndicatorGroup>();
  const indicators: IndicatorRow[] = spec.rows.map((r, i) => {
    const n = FIRST_ROW + i;
    const level1 = r.level1 ?? '产出指标';
    const row: IndicatorRow = {
      row: n - 1,
      level1,
      level2: r.level2 ?? '数量指标',
      level3: r.level3 ?? `指标${i + 1}`,
      cells: {
        level1: bound(`B${n}`, level1),
        level3: bound(`D${n}`, r.level3 ?? `指标${i + 1}`),
        target: bound(`E${n}`, r.target),
        actual: bound(`F${n}`, r.actual, r.actualFormat ? { numberFormat: r.actualFormat } : {}),
        weight: bound(`G${n}`, r.weight),
        score: bound(`H${n}`, r.score),
        explanation: bound(`I${n}`, r.explanation ?? null),
      },
    };
    if (r.parent) row.parent = true;
    let g = groups.get(level1);
    if (!g) {
      g = { name: level1, cell: bound(`B${n}`, level1), statedWeight: spec.headings?.[level1] ?? null, rows: [] };
      groups.set(level1, g);
    }
    g.rows.push(row);
    return row;
  });
  const totalRow = FIRST_ROW + spec.rows.length;
  return {
    kind: 'self-evaluation',
    sheet: spec.sheet ?? '自评表',
    range: `A1:I${totalRow}`,
    title: '2023年度部门（单位）整体支出绩效自评表',
    scope: spec.scope ?? 'whole-unit',
    unit: { text: '测试单位', cell: bound('D2', '测试单位') },
    project: null,
    funds: spec.budget === null ? null : funds(spec),
    columns: {},
    groups: [...groups.values()],
    indicators,
    total: spec.total ? { labelCell: bound(`A${totalRow}`, '总分'), weight: bound(`G${totalRow}`, spec.total.weight ?? 100), score: bound(`H${totalRow}`, spec.total.score), grade: spec.total.grade === undefined ? null : bound(`I${totalRow}`, spec.total.grade) } : null,
  };
}

function funds(spec: FormSpec): FundsBlock {
  const b = spec.budget ?? { planned: 100, budgeted: 100, executed: 100, weight: 10, rate: 1, score: 10 };
  const total: FundsLine = {
    label: '年度资金总额',
    labelCell: bound('B4', '年度资金总额'),
    cells: {
      planned: bound('C4', b.planned ?? null),
      budgeted: bound('D4', b.budgeted),
      executed: bound('E4', b.executed),
      weight: bound('F4', b.weight),
      rate: bound('G4', b.rate, { numberFormat: '0%' }),
      score: bound('H4', b.score),
    },
  };
  const splits: FundsBlock['splits'] = [];
  if (spec.expenseSplit) {
    splits.push({
      name: '按支出性质分',
      header: bound('E5', '按支出性质分：'),
      statedTotal: null,
      against: 'executed',
      lines: spec.expenseSplit.map(([label, amount], i) => ({ label, labelCell: bound(`E${6 + i}`, `${label}：${amount ?? ''}`), cells: {}, textAmount: amount })),
    });
  }
  if (spec.cellSplit) {
    splits.push({
      name: '',
      header: null,
      statedTotal: null,
      against: null,
      lines: spec.cellSplit.map(([label, budgeted, executed], i) => ({
        label,
        labelCell: bound(`B${5 + i}`, label),
        cells: { budgeted: bound(`D${5 + i}`, budgeted), executed: bound(`E${5 + i}`, executed) },
      })),
    });
  }
  return { headers: {}, unit: '万元', total, splits };
}

/** A 基础数据表 section from rows of [label, ...values]; columns B, C, D… */
export function basicSection(title: string, titleRow: number, columns: string[], rows: [string, ...CellValue[]][]): BasicDataSection {
  const col = (i: number) => String.fromCharCode(66 + i);
  return {
    title,
    titleCell: bound(`A${titleRow}`, title),
    columns: columns.map((label, i) => ({ label, cell: bound(`${col(i)}${titleRow}`, label) })),
    rows: rows.map(([label, ...values], r) => {
      const n = titleRow + 1 + r;
      return {
        label,
        labelCell: label ? bound(`A${n}`, label) : null,
        indent: /^\s/.test(label) ? 1 : 0,
        cells: values.map((v, i): Bound | null => (v === undefined ? null : bound(`${col(i)}${n}`, v, typeof v === 'number' && i === 2 && /控制率/.test(columns[2] ?? '') ? { numberFormat: '0.00%' } : {}))),
      };
    }),
  };
}

export function basicData(sections: BasicDataSection[], sheet = '基础数据表'): BasicDataForm {
  return { kind: 'basic-data', sheet, range: 'A1:G27', title: '基础数据表', unit: null, sections };
}

/** The seed's 基础数据表 money section, with values to override. */
export function moneySection(rows?: [string, ...CellValue[]][]): BasicDataSection {
  return basicSection('经费控制情况（万元）', 4, ['2022年决算数', '2023年预算数', '2023年决算数'], rows ?? [
    ['三公经费', 0, 0, 0],
    ['   1、公务用车购置和维护经费', 0, 0, 0],
    ['       其中：公车购置', 0, 0, 0],
    ['             公车运行维护', 0, 0, 0],
    ['   2、出国经费', 0, 0, 0],
    ['   3、公务接待', 0, 0, 0],
    ['项目支出：', 1182.67, 0, 1165.56],
    ['    1、业务工作经费', 1182.67, 0, 1165.56],
    ['    2、运行维护经费', 0, 0, 0],
    ['公用经费', 86.58, 86.58, 86.58],
    ['    其中：办公经费', 0.28, 0.28, 0.28],
    ['          水费、电费、差旅费', 30.3, 30.3, 30.3],
    ['          会议费、培训费', 0, 0, 0],
    ['政府采购金额', '——', 256, 256],
  ]);
}
