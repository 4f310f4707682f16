/** The pane's language, available to every component through useT(). */
import { createContext, useContext, useMemo } from 'react';
import type { ReactNode } from 'react';
import { t, DEFAULT_LANG, type Lang, type MessageKey, type Params } from '../i18n';

export type Translate = (key: MessageKey, params?: Params) => string;

const LangContext = createContext<Lang>(DEFAULT_LANG);

export function LangProvider({ lang, children }: { lang: Lang; children: ReactNode }) {
  return <LangContext.Provider value={lang}>{children}</LangContext.Provider>;
}

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): Translate {
  const lang = useLang();
  return useMemo(() => (key: MessageKey, params?: Params) => t(lang, key, params), [lang]);
}
