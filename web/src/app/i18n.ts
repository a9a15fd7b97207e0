import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en.json';
import zhCN from '../locales/zh-CN.json';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'gongjian.locale';
const DAYJS_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

// Both files must carry the same keys: each is checked against the other's shape.
const zhResources: typeof en = zhCN;
const enResources: typeof zhCN = en;

function isLocale(value: unknown): value is Locale {
  return LOCALES.some((l) => l === value);
}

function storedLocale(): Locale {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

function applyLocale(locale: Locale) {
  document.documentElement.lang = locale;
  dayjs.locale(DAYJS_LOCALE[locale]);
}

export function currentLocale(): Locale {
  return isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
}

export function setLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode may refuse storage; the switch still applies to this visit.
  }
  void i18n.changeLanguage(locale);
}

i18n.on('languageChanged', (lng) => {
  if (isLocale(lng)) applyLocale(lng);
});

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhResources }, en: { translation: enResources } },
  lng: storedLocale(),
  fallbackLng: DEFAULT_LOCALE,
  supportedLngs: LOCALES,
  load: 'currentOnly',
  initAsync: false,
  interpolation: { escapeValue: false },
});
applyLocale(currentLocale());

export default i18n;
