import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { Locale } from '../../shared/domain/settings';
import { en } from './en';
import { zhCN, type MessageKey } from './zh-CN';

export type Vars = Record<string, string | number>;
export type Translate = (key: MessageKey, vars?: Vars) => string;

const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** Fills `{name}` placeholders; a missing variable stays visible rather than vanishing. */
export function translate(locale: Locale, key: MessageKey, vars?: Vars): string {
  const text = DICTIONARIES[locale][key];
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

type I18n = { locale: Locale; t: Translate };

const I18nContext = createContext<I18n>({ locale: 'zh-CN', t: (key, vars) => translate('zh-CN', key, vars) });

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const value = useMemo<I18n>(() => ({ locale, t: (key, vars) => translate(locale, key, vars) }), [locale]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}

export function useLocale(): Locale {
  return useContext(I18nContext).locale;
}
