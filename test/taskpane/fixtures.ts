/** Hand-written AssistantState fixtures mirroring the seed form (附件3 自评表 + 附件2 基础数据表) and a fake api. */
import type { AssistantApi, AssistantState, ChangedCell } from '../../src/app/types';
import type { Finding, FormReview, IndicatorReview } from '../../src/core/types';

export const SELF = '附件3 自评表';
export const BASIC = '附件2 基础数据表';

function ind(row: number, path: string[], kind: IndicatorReview['kind'], target: string, actual: string, weight: number, stated: number, computed: number): IndicatorReview {
  return {
    row, path, kind,
    target: { cell: `E${row}`, text: target },
    actual: { cell: `F${row}`, text: actual },
    weight,
    score: { cell: `H${row}`, stated, computed },
    explanation: { cell: `I${row}`, text: '' },
  };
}

export const INDICATORS: IndicatorReview[] = [
  ind(13, ['产出指标', '数量指标', '解决群众问题数量'], 'equal', '400个', '400个', 15, 15, 15),
  ind(14, ['产出指标', '质量指标', '解决问题到位率'], 'equal', '=100%', '=97%', 15, 15, 14.55),
  ind(15, ['产出指标', '时效指标', '解决问题及时性'], 'qualitative', '是否及时', '及时', 10, 10, 10),
  ind(16, ['效益指标', '经济效益指标', '辖区营商环境'], 'qualitative', '是否优化', '优化', 10, 10, 10),
  ind(17, ['效益指标', '社会效益指标', '整治经营性自建房安全隐患'], 'qualitative', '隐患是否消除', '消除', 10, 10, 10),
  ind(18, ['满意度指标', '服务对象满意度指标', '群众满意度'], 'forward', '≥98%', '≥98%', 10, 8, 10),
  ind(19, ['成本指标', '经济成本指标', '成本控制率'], 'forward', '≥98%', '≥96%', 10, 1, 9.8),
  ind(20, ['成本指标', '社会成本指标', '带来的社会影响力'], 'qualitative', '定性', '良好', 10, 10, 10),
];

export function selfForm(stated: number, computed: number): FormReview {
  return {
    sheet: SELF, kind: 'self-evaluation', range: 'A1:I22', unit: '株洲市芦淞区龙泉街道办事处',
    budget: {
      planned: 573.38, budgeted: 2673.41, executed: 2673.41, weight: 10,
      rate: { cell: 'G4', stated: 1, computed: 1 },
      score: { cell: 'H4', stated: 10, computed: 10 },
    },
    indicators: INDICATORS,
    total: { cell: 'H21', stated, computed },
    grade: '优',
  };
}

export const BASIC_FORM: FormReview = { sheet: BASIC, kind: 'basic-data', range: 'A1:G27', unit: null };

const f = (severity: Finding['severity'], code: Finding['code'], sheet: string, cell: string, message: string, extra: Partial<Finding> = {}): Finding =>
  ({ code, severity, sheet, cell, message, ...extra });

export const FINDINGS: Finding[] = [
  f('error', 'score-mismatch', SELF, 'H14', '得分应为 14.55（15 × 97% ÷ 100%），表内为 15', { expected: 14.55, found: 15 }),
  f('error', 'score-mismatch', SELF, 'H18', '得分应为 10（实际 98% 达到目标 ≥98%），表内为 8', { expected: 10, found: 8 }),
  f('error', 'score-mismatch', SELF, 'H19', '得分应为 9.8（10 × 96% ÷ 98%），表内为 1', { expected: 9.8, found: 1 }),
  f('error', 'sum-mismatch', SELF, 'H21', '总分 97 与各项得分之和 89 不符', { expected: 89, found: 97 }),
  f('warning', 'value-format', SELF, 'F18', '实际完成值“≥98%”带有比较符号，按 98% 计分'),
  f('warning', 'deviation-unexplained', SELF, 'I19', '未达成年度指标，偏差原因分析及改进措施为空'),
  f('warning', 'value-missing', BASIC, 'C11', '项目支出 2023年预算数为 0，决算数为 1165.56，请核对'),
  f('info', 'weight-profile', SELF, 'B13', '一级指标分值 10/40/20/10/20 与规则集的 10/50/30/10 不同，按表内分值计分'),
];

export const AFTER_FINDINGS: Finding[] = FINDINGS.filter((x) => x.code !== 'score-mismatch' && x.code !== 'sum-mismatch');

export const CHANGED: ChangedCell[] = [
  { sheet: SELF, cell: 'H14', label: 'H14 解决问题到位率 得分', before: 15, after: 14.55 },
  { sheet: SELF, cell: 'H18', label: 'H18 群众满意度 得分', before: 8, after: 10 },
  { sheet: SELF, cell: 'H19', label: 'H19 成本控制率 得分', before: 1, after: 9.8 },
  { sheet: SELF, cell: 'H21', label: 'H21 总分', before: 97, after: 99.35 },
];

export function checkedState(): AssistantState {
  return {
    review: { file: 'seed-longquan-2023.xlsx', error: null, forms: [BASIC_FORM, selfForm(97, 99.35)], findings: FINDINGS },
    changed: [],
    marked: 0,
    settings: { rules: 'mof-2020' },
    lang: 'zh-CN',
  };
}

export function recomputedState(): AssistantState {
  return {
    ...checkedState(),
    review: { file: 'seed-longquan-2023.xlsx', error: null, forms: [BASIC_FORM, selfForm(99.35, 99.35)], findings: AFTER_FINDINGS },
    changed: CHANGED,
    marked: 9,
  };
}

export function emptyState(): AssistantState {
  return {
    ...checkedState(),
    review: {
      file: 'blank.xlsx', error: null, forms: [],
      findings: [{ code: 'form-not-found', severity: 'error', sheet: null, cell: null, message: '工作簿中没有可识别的绩效自评表' }],
    },
  };
}

export type FakeApi = { [K in keyof AssistantApi]: jest.Mock };

/** A fake api: check() resolves to `initial`, recompute() to the recomputed state, the others back to `initial`. */
export function fakeApi(initial: AssistantState = checkedState()): FakeApi & AssistantApi {
  return {
    check: jest.fn(async () => initial),
    recompute: jest.fn(async () => recomputedState()),
    revert: jest.fn(async () => initial),
    clearMarks: jest.fn(async () => ({ ...recomputedState(), marked: 0 })),
    reveal: jest.fn(async () => undefined),
    saveSettings: jest.fn(async (settings) => ({ ...initial, settings })),
  };
}
