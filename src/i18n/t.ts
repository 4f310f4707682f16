/** Lookup of UI strings and choice of the UI language. */
import type { Lang } from '../core/types';
import { enUS } from './en-US';
import { zhCN, type MessageKey } from './zh-CN';

export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];
export const DEFAULT_LANG: Lang = 'zh-CN';

const DICTS: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export type Params = Record<string, string | number | null | undefined>;

/** The string for key in lang with "{name}" replaced by params.name (left as is when not given). */
export function t(lang: Lang, key: MessageKey, params?: Params): string {
  const text = (DICTS[lang] ?? zhCN)[key] ?? zhCN[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined || v === null ? whole : String(v);
  });
}

/** Office's displayLanguage ("en-US", "en-GB", "zh-CN"…) to a UI language: English for en*, else Chinese. */
export function pickLang(displayLanguage?: string | null): Lang {
  const tag = (displayLanguage ?? '').trim().toLowerCase();
  return /^en(?:[-_]|$)/.test(tag) ? 'en-US' : 'zh-CN';
}
