/**
 * layout-uncertain: the locator could not tell with confidence which column holds a field, a
 * column contradicts the field it is named for, or a part of the form is missing (no indicator
 * table, no score column, no rows). Once per form, on the doubtful header, with the evidence.
 * The review keeps errors that depend on the doubtful column from being raised (review.ts).
 */
import type { EvidenceNote, LayoutDoubt } from '../form';
import type { Bilingual } from '../score/types';
import { fillTemplate } from '../format';
import type { FindingDraft, Rule } from './types';

const FIELDS: Record<LayoutDoubt['field'], Bilingual> = {
  level1: { zh: '一级指标', en: 'level-1 indicator' },
  level2: { zh: '二级指标', en: 'level-2 indicator' },
  level3: { zh: '三级指标', en: 'indicator name' },
  target: { zh: '年度指标值', en: 'target' },
  initialTarget: { zh: '年初指标值', en: 'initial target' },
  nature: { zh: '指标性质', en: 'comparator' },
  targetUnit: { zh: '度量单位', en: 'unit' },
  actual: { zh: '实际完成值', en: 'actual' },
  weight: { zh: '分值', en: 'weight' },
  score: { zh: '得分', en: 'score' },
  explanation: { zh: '偏差原因', en: 'explanation' },
  indicators: { zh: '绩效指标表', en: 'indicator table' },
  rows: { zh: '指标行', en: 'indicator rows' },
};

/** What each content note says, with {n} of {of} rows. Header-word notes are not repeated in messages. */
const NOTES: Partial<Record<EvidenceNote['code'], Bilingual>> = {
  prose: { zh: '{n}/{of} 行是文字说明', en: '{n} of {of} rows are prose' },
  percent: { zh: '{n}/{of} 行是百分比', en: '{n} of {of} rows are percentages' },
  text: { zh: '{n}/{of} 行不是数字', en: '{n} of {of} rows are not numbers' },
  'over-weight': { zh: '{n}/{of} 行大于本行分值', en: '{n} of {of} rows exceed their weight' },
  fractions: { zh: '{n}/{of} 行不超过 1，像是系数', en: '{n} of {of} rows are at most 1, like a coefficient' },
  'unit-percent': { zh: '表头单位为 %', en: 'the header is in %' },
};

const SENTENCES: Record<LayoutDoubt['kind'], Bilingual> = {
  contradicts: {
    zh: '“{header}”列（{cell}）不像{field}：{notes}；未按{field}读取，不据此列报告错误',
    en: 'column "{header}" ({cell}) does not read as the {field}: {notes}; it is not read as the {field} and raises no errors',
  },
  close: {
    zh: '无法确定{field}列：“{header}”（{cell}）与“{other}”（{otherCell}）证据相近，按前者读取，不据此列报告错误',
    en: 'cannot tell which column is the {field}: "{header}" ({cell}) and "{other}" ({otherCell}) fit about as well; read as the first, raising no errors',
  },
  missing: { zh: '', en: '' },
};

const MISSING: Partial<Record<LayoutDoubt['field'], Bilingual>> = {
  score: { zh: '指标表（表头 {cell}）没有得分列，得分无法核对', en: 'the indicator table (header at {cell}) has no score column: scores cannot be checked' },
  weight: { zh: '指标表（表头 {cell}）没有分值列，得分无法计算', en: 'the indicator table (header at {cell}) has no weight column: scores cannot be computed' },
  indicators: { zh: '在 {cell} 的表格下未找到绩效指标表，本表的指标未被检查', en: 'no indicator table found with the block at {cell}: this form\'s indicators were not checked' },
  rows: { zh: '指标表表头（{cell}）下未读到任何指标行，本表的指标未被检查', en: 'no indicator row read under the indicator header at {cell}: this form\'s indicators were not checked' },
};

function fill(t: Bilingual, data: Record<string, string | number | Bilingual>): Bilingual {
  return { zh: fillTemplate(t.zh, data, 'zh-CN'), en: fillTemplate(t.en, data, 'en-US') };
}

function notesText(notes: EvidenceNote[]): Bilingual {
  const parts = notes.map((x) => {
    const t = NOTES[x.code];
    return t ? fill(t, { n: x.n ?? 0, of: x.of ?? 0 }) : null;
  }).filter((x): x is Bilingual => x !== null);
  return { zh: parts.map((p) => p.zh).join('，'), en: parts.map((p) => p.en).join(', ') };
}

/** One doubt as a sentence in both languages. */
export function describeDoubt(d: LayoutDoubt): Bilingual {
  const cell = d.cell ?? '—';
  if (d.kind === 'missing') {
    const t = MISSING[d.field] ?? { zh: '未找到{field}（{cell}）', en: 'no {field} found ({cell})' };
    return fill(t, { cell, field: FIELDS[d.field] });
  }
  return fill(SENTENCES[d.kind], {
    field: FIELDS[d.field],
    header: d.header,
    cell,
    other: d.other?.header ?? '',
    otherCell: d.other?.cell ?? '',
    notes: notesText(d.notes),
  });
}

export const layoutUncertain: Rule = {
  id: 'layout-uncertain',
  severity: 'warning',
  meta: { description: { zh: '无法确定表格的读取方式', en: 'The form could not be read with confidence' }, forms: ['self-evaluation'] },
  messages: {
    uncertain: {
      zh: '本表读取存疑：{details}。请核对，或在列映射中指定各栏',
      en: 'This form\'s layout is uncertain: {details}. Check it, or set the columns in the column map',
    },
  },
  check(ctx): FindingDraft[] {
    if (ctx.form.kind !== 'self-evaluation') return [];
    const doubts = ctx.form.layout?.doubts ?? [];
    if (doubts.length === 0) return [];
    const said = doubts.map(describeDoubt);
    const details = { zh: said.map((s) => s.zh).join('；'), en: said.map((s) => s.en).join('; ') };
    return [{ messageId: 'uncertain', cell: doubts.find((d) => d.cell)?.cell ?? null, data: { details } }];
  },
};
