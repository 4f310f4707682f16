/** The grade a form writes on or beside its 总分 row (优/良/中/差 and their synonyms). */
import type { Grade } from '../types';

// Module constants: read once per form, but keep regex construction out of any loop.
const SPACES = /[\s\u3000]+/g;
/** "等级：优", "评价等级:优秀" → "优", "优秀". */
const LABEL = /^(?:自评|评价|综合|绩效)?等级[:：]?/;

const WORDS: Readonly<Record<string, Grade>> = {
  优: '优', 优秀: '优',
  良: '良', 良好: '良',
  中: '中', 中等: '中', 合格: '中', 及格: '中',
  差: '差', 较差: '差', 不合格: '差', 不及格: '差',
};

/** The grade a cell states, with the word as written; null for an empty cell or a word not on the scale (较好, 一般 …). */
export function statedGrade(text: string): { word: string; grade: Grade } | null {
  const word = text.replace(SPACES, '').replace(LABEL, '');
  const grade = Object.prototype.hasOwnProperty.call(WORDS, word) ? WORDS[word] : undefined;
  return grade ? { word, grade } : null;
}
