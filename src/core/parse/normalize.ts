/** Text folding shared by every parser: one spelling per symbol so the grammars stay small. */
import { memoByString } from '../memo';

const SYMBOLS: Record<string, string> = {
  '≧': '>=', '≥': '>=', '⩾': '>=', '≦': '<=', '≤': '<=', '⩽': '<=',
  '═': '=', '﹦': '=', '﹥': '>', '﹤': '<',
  '〜': '~', '∽': '~',
  '—': '-', '–': '-', '−': '-', '﹣': '-', '‐': '-', '‑': '-', '―': '-', '─': '-',
  '﹪': '%', '∶': ':',
  '㎡': '平方米', '㎞': 'km', '㎏': 'kg', '㎜': 'mm', '㎝': 'cm',
};

const SYMBOL_RE = new RegExp(`[${Object.keys(SYMBOLS).join('')}]`, 'g');

/** Any character one of normalizeText's steps rewrites ("百" for 百分比, "=" for the slips); text without one is already normal. */
const NEEDS_NORMALIZING = new RegExp(`[\\uFF01-\\uFF5E\\u3000${Object.keys(SYMBOLS).join('')}\\s\\u200B-\\u200D\\u2060\\uFEFF\\p{Cc}百=]`, 'u');

/** Full-width ASCII (U+FF01–FF5E) → ASCII; ideographic space → space. */
export function foldWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E\u3000]/g, (c) =>
    c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Fold widths and symbol variants, drop whitespace and control characters, "百分比" → "%".
 * Letters keep their case; unit lookup lower-cases on its own.
 */
export function normalizeText(s: string): string {
  return NEEDS_NORMALIZING.test(s) ? normalizeCached(s) : s;
}

// Memoised: the same labels and values recur across a workbook's forms.
const normalizeCached = memoByString(normalizeSlow);

function normalizeSlow(s: string): string {
  return foldWidth(s)
    .replace(SYMBOL_RE, (c) => SYMBOLS[c])
    .replace(/[\s\u200B-\u200D\u2060\uFEFF\p{Cc}]+/gu, '')
    .replace(/百分比/g, '%')
    // "≥=" and ">==" are typing slips for ">=".
    .replace(/([<>]?=)=+/g, '$1')
    .replace(/=>/g, '>=')
    .replace(/=</g, '<=');
}

/** Trailing sentence punctuation that never changes the meaning of a value. */
export function stripTrailingPunctuation(s: string): string {
  return s.replace(/[。.！!；;，,、]+$/, '');
}

/** Apostrophes a clerk types as Excel's text prefix: ' (and its full-width form) or a curly one. */
const TEXT_PREFIX = /['＇‘’]/;

/**
 * Drop a literal text prefix typed into the cell ("'1140.48", "'20", "‘98%"): one apostrophe at the very
 * start. Text with another apostrophe in it keeps its marks: "‘是’" is a quotation, "''20" is not a prefix.
 */
export function stripTextPrefix(s: string): string {
  if (s.length < 2 || !TEXT_PREFIX.test(s[0]) || TEXT_PREFIX.test(s.slice(1))) return s;
  return s.slice(1).trimStart();
}
