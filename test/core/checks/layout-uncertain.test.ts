import { layoutUncertain } from '../../../src/core/checks/layout-uncertain';
import type { FormLayout, LayoutDoubt } from '../../../src/core/form';
import { ruleTester } from './ruleTester';
import { selfEvaluation } from '../helpers/forms';

const rows = [{ target: '≥100个', actual: '100个', weight: 90, score: 90 }];

function withLayout(doubts: LayoutDoubt[]) {
  const form = selfEvaluation({ rows });
  const layout: FormLayout = { columns: [], doubts };
  return { ...form, layout };
}

const coefficient: LayoutDoubt = { kind: 'contradicts', field: 'score', cell: 'H12', header: '得分', col: 7, notes: [{ code: 'words' }, { code: 'percent', n: 5, of: 5 }] };
const close: LayoutDoubt = { kind: 'close', field: 'score', cell: 'H12', header: '得分', col: 7, other: { cell: 'I12', header: '自评得分', col: 8 }, notes: [] };
const noTable: LayoutDoubt = { kind: 'missing', field: 'indicators', cell: 'A3', header: '项目资金（万元）', notes: [] };
const noScore: LayoutDoubt = { kind: 'missing', field: 'score', cell: 'B12', header: '一级指标', notes: [] };

ruleTester(layoutUncertain, {
  valid: [
    { name: 'a hand-built form without a layout record', form: selfEvaluation({ rows }) },
    { name: 'a layout without doubts', form: withLayout([]) },
  ],
  invalid: [
    { name: 'a score column of percentages', form: withLayout([coefficient]), findings: [{ cell: 'H12', message: '本表读取存疑：“得分”列（H12）不像得分：5/5 行是百分比；未按得分读取，不据此列报告错误。请核对，或在列映射中指定各栏' }] },
    { name: 'the same in English', lang: 'en-US', form: withLayout([coefficient]), findings: [{ cell: 'H12', message: /column "得分" \(H12\) does not read as the score: 5 of 5 rows are percentages/ }] },
    { name: 'two close score columns', form: withLayout([close]), findings: [{ cell: 'H12', message: /无法确定得分列：“得分”（H12）与“自评得分”（I12）证据相近/ }] },
    { name: 'no weight column', form: withLayout([{ kind: 'missing', field: 'weight', cell: 'B12', header: '一级指标', notes: [] }]), findings: [{ cell: 'B12', message: /指标表（表头 B12）没有分值列，得分无法计算/ }] },
    { name: 'no indicator table', form: withLayout([noTable]), findings: [{ cell: 'A3', message: /在 A3 的表格下未找到绩效指标表/, messageId: 'uncertain' }] },
    { name: 'several doubts: one finding, at the first, saying all', form: withLayout([noScore, coefficient]), findings: [{ cell: 'B12', message: /没有得分列.*；“得分”列（H12）不像得分/ }] },
  ],
});
