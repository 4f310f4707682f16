/**
 * The figures a 自评报告 states, read from its text: each number with its unit, the words right
 * before it (the clause it ends), the sentence it stands in, and what it is (预算数, 执行数, 项目支出 …)
 * when those words say so unambiguously. A figure whose words name something else (a project's own
 * 实际支出, 其他项目支出, 收入) is kept only for the report's own arithmetic, never compared with the
 * tables: a false mismatch is worse than a missed one.
 */

/** What a figure is, when the report names it. */
export type ReportKey =
  | 'planned' // 年初预算
  | 'budgeted' // 全年预算 / 调整后预算
  | 'budget' // 预算数 / 预算资金: 年初 or 全年, the report does not say which
  | 'executed' // 财政拨款支出, 支出总额, 执行数
  | 'rate' // 预算执行率
  | 'project' // 项目支出
  | 'basic' // 基本支出
  | 'personnel' // 人员经费
  | 'public' // 公用经费
  | 'score' // 自评得分 / 总分
  | 'grade' // 自评等级
  | 'staff-actual' // 实有人数 / 在职人数
  | 'staff-quota'; // 编制数

export type FigureUnit = '万元' | '元' | '千元' | '亿元' | '%' | '人' | '分' | '';

export interface ReportFigure {
  key: ReportKey | null;
  /** The number as written (grade figures: 0, see `grade`). */
  value: number;
  /** Decimals written: a table figure is compared after rounding to them. */
  decimals: number;
  unit: FigureUnit;
  /** The sentence quoted in a finding. */
  sentence: string;
  /** The figure as written, with its words: "项目支出1110.25万元". */
  phrase: string;
  grade?: '优' | '良' | '中' | '差';
}

/** A whole and the parts listed after it with 其中 ("支出1926.41万元，其中：项目支出1110.25万元，基本支出816.16万元"). */
export interface ReportBreakdown {
  whole: ReportFigure;
  parts: ReportFigure[];
  /** The list says it is not complete (等, 主要, 包括 …). */
  partial: boolean;
}

export interface ReportFacts {
  figures: ReportFigure[];
  breakdowns: ReportBreakdown[];
}

const UNIT = '(万元|亿元|千元|元|%|％|人|分)';
const NUMBER = new RegExp(`(\\d[\\d,，]*(?:\\.\\d+)?)\\s*${UNIT}`, 'g');
/** Words that end a figure's clause: its own words start after the last of them. */
const CLAUSE_BREAK = /[，,。；;：:、（(）)“”"\s]/;
/** Filler between a name and its number: 项目支出为 1110.25, 合计共 …, 达到 …. */
const FILLER = /(为|是|共计|合计|共|总计|达到|达|约|计|金额|总额为|了)+$/;

interface KeyRule {
  key: ReportKey;
  /** Matched against the clause's end (after FILLER is removed). */
  ends: RegExp;
  units: FigureUnit[];
}

const MONEY: FigureUnit[] = ['万元', '元', '千元', '亿元'];
const KEYS: KeyRule[] = [
  { key: 'planned', ends: /年初(部门)?预算(数|资金|金额)?$/, units: MONEY },
  { key: 'budgeted', ends: /(全年|调整后|调整)(部门)?预算(数|资金|金额)?$/, units: MONEY },
  { key: 'budget', ends: /(^|[年度内])(部门)?预算(数|资金|金额|总额|总数)?$/, units: MONEY },
  { key: 'rate', ends: /(预算)?执行率$/, units: ['%'] },
  { key: 'executed', ends: /(财政拨款支出|支出总额|总支出|支出合计|全年支出|(全年|预算)?执行数|(全年|预算)?执行金额)(总额|合计)?$/, units: MONEY },
  { key: 'project', ends: /项目支出(资金)?$/, units: MONEY },
  { key: 'basic', ends: /基本支出(资金)?$/, units: MONEY },
  { key: 'personnel', ends: /人员(经费|支出)$/, units: MONEY },
  { key: 'public', ends: /公用(经费|支出)$/, units: MONEY },
  { key: 'score', ends: /(自评(总)?得分|自评(总)?分数?|自评总分|综合得分|总得分|总分)$/, units: ['分'] },
  { key: 'staff-actual', ends: /(实有|实际在职|在职|在编|实有在职)(人员)?(人数|人员)$/, units: ['人'] },
  { key: 'staff-quota', ends: /(核定)?编制(数|人数)$/, units: ['人'] },
];

/** Clauses whose words make a figure another thing than the unit's own (a part of a project, income, last year). */
const NOT_OWN = /^(其他|其它|另|某|上年|去年|上一年|往年)|收入|结转|结余|追加|拨付|补助|专项|比上年|同比|增长|减少|下降|增加/;

const GRADE_WORDS: [RegExp, '优' | '良' | '中' | '差'][] = [
  [/^(优秀|优)/, '优'],
  [/^(良好|良)/, '良'],
  [/^(中等|中|合格|及格)/, '中'],
  [/^(差|不合格|较差)/, '差'],
];
const GRADE = /(自评|评价)(结果|等级|级别)(为|是|评定为|定为|：|:)?[“"「]?(优秀|优|良好|良|中等|中|合格|及格|较差|差|不合格)/g;

function unitOf(u: string): FigureUnit {
  return (u === '％' ? '%' : u) as FigureUnit;
}

function keyOf(clause: string, unit: FigureUnit): ReportKey | null {
  const words = clause.replace(FILLER, '');
  if (!words || NOT_OWN.test(words)) return null;
  for (const r of KEYS) if (r.units.includes(unit) && r.ends.test(words)) return r.key;
  return null;
}

/** Sentences: split after 。；！？ and line breaks, keeping a leading "（其中：…）" with the one before. */
export function sentencesOf(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\r?\n/)) {
    let rest = para.trim();
    while (rest) {
      const m = /[。；;！!？?]/.exec(rest);
      const end = m ? m.index + 1 : rest.length;
      out.push(rest.slice(0, end).trim());
      rest = rest.slice(end).trim();
    }
  }
  return out.filter(Boolean);
}

/** The figures and 其中 breakdowns of a report's text (paragraphs separated by line breaks). */
export function extractFacts(text: string): ReportFacts {
  const figures: ReportFigure[] = [];
  const breakdowns: ReportBreakdown[] = [];
  // Open 其中 lists: the innermost last. A list may continue into the next sentence when that one starts with 其中.
  let open: ReportBreakdown[] = [];
  let lastOfPrevious: ReportFigure | null = null;
  for (const sentence of sentencesOf(text)) {
    const startsWithOf = /^[（(]?其中/.test(sentence);
    if (!startsWithOf) open = [];
    let last: ReportFigure | null = startsWithOf ? lastOfPrevious : null;
    let cursor = 0;
    NUMBER.lastIndex = 0;
    for (let m = NUMBER.exec(sentence); m; m = NUMBER.exec(sentence)) {
      const before = sentence.slice(0, m.index);
      // A number glued to a preceding digit run or a year ("2023年") is not a figure start.
      if (/[\d.]$/.test(before)) continue;
      const unit = unitOf(m[2]);
      const raw = m[1].replace(/[,，](?=\d{3}(\D|$))/g, '');
      if (/[,，]/.test(raw)) continue; // a list of numbers, not one
      const value = Number(raw);
      if (!Number.isFinite(value)) continue;
      // Its clause: the words after the last break before it.
      let start = before.length;
      while (start > 0 && !CLAUSE_BREAK.test(before[start - 1])) start--;
      const clause = before.slice(start);
      const between = sentence.slice(cursor, m.index);
      const figure: ReportFigure = {
        key: keyOf(clause, unit),
        value,
        decimals: (raw.split('.')[1] ?? '').length,
        unit,
        sentence,
        phrase: clause + m[0],
      };
      figures.push(figure);
      // 其中 between the previous figure and this one opens a list under the previous figure.
      if (last && /其中/.test(between) && (last.unit === unit || (MONEY.includes(last.unit) && MONEY.includes(unit)))) {
        open.push({ whole: last, parts: [], partial: false });
        breakdowns.push(open[open.length - 1]);
      } else if (open.length && /[。]/.test(between)) {
        open = [];
      }
      // A part belongs to the innermost open list of its kind of unit; a list whose whole was the previous part closes when a sibling follows.
      while (open.length) {
        const list = open[open.length - 1];
        const sameKind = list.whole.unit === unit || (MONEY.includes(list.whole.unit) && MONEY.includes(unit));
        if (!sameKind) {
          open.pop();
          continue;
        }
        // A nested list is closed when the next part is a sibling of its whole (the outer list goes on).
        if (open.length > 1 && list.parts.length >= 2 && /其中/.test(between) === false && isSiblingOf(clause, open[open.length - 2])) {
          open.pop();
          continue;
        }
        break;
      }
      if (open.length) {
        const list = open[open.length - 1];
        list.parts.push(figure);
        if (/等$|等[，。]|主要|包括|部分/.test(sentence.slice(m.index + m[0].length, m.index + m[0].length + 2)) || /主要|包括/.test(between)) list.partial = true;
      }
      last = figure;
      cursor = m.index + m[0].length;
    }
    // "……等" after a list makes it partial.
    for (const list of open) if (/等[。；]?$/.test(sentence) || /等(支出|项目|费用)/.test(sentence)) list.partial = true;
    lastOfPrevious = last;
  }
  GRADE.lastIndex = 0;
  for (const sentence of sentencesOf(text)) {
    GRADE.lastIndex = 0;
    for (let m = GRADE.exec(sentence); m; m = GRADE.exec(sentence)) {
      const grade = GRADE_WORDS.find(([re]) => re.test(m![4]))?.[1];
      if (grade) figures.push({ key: 'grade', value: 0, decimals: 0, unit: '', sentence, phrase: m[0], grade });
    }
  }
  return { figures, breakdowns: breakdowns.filter((b) => b.parts.length >= 2) };
}

/** Whether a clause names the same kind of thing as the parts of `outer` (基本支出 after 项目支出 …). */
function isSiblingOf(clause: string, outer: ReportBreakdown): boolean {
  const key = keyOf(clause, outer.whole.unit);
  return key !== null && outer.parts.some((p) => p.key !== null && p.key !== key && ['project', 'basic'].includes(p.key));
}
