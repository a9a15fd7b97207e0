import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type en from '../locales/en.json';
import type zhCN from '../locales/zh-CN.json';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'gongjian.locale';
const DAYJS_LOCALE: Record<Locale, string> = { 'zh-CN': 'zh-cn', en: 'en' };

// Both files must carry the same keys: each is checked against the other's shape.
// (a type only the compiler reads: it fails to build when a key is missing from either).
type Assignable<A extends B, B> = [A, B];
export type LocalesMatch = [Assignable<typeof zhCN, typeof en>, Assignable<typeof en, typeof zhCN>];

// Only the language in use is downloaded, and in two steps: the texts of the first screens
// (~5 kB gzipped) before anything is drawn, the whole file (~30 kB) right after; every
// other page waits for the whole file before it shows (`withAllTexts`).
const FIRST: Record<Locale, () => Promise<{ default: Record<string, unknown> }>> = {
  'zh-CN': () => import('../locales/zh-CN.json?first'),
  en: () => import('../locales/en.json?first'),
};
const ALL: Record<Locale, () => Promise<{ default: typeof zhCN }>> = {
  'zh-CN': () => import('../locales/zh-CN.json'),
  en: () => import('../locales/en.json'),
};
const complete = new Map<Locale, Promise<void>>();

/** The whole texts file of a language, added once. */
function allTexts(locale: Locale) {
  let loading = complete.get(locale);
  if (!loading) {
    loading = ALL[locale]().then(
      ({ default: texts }) => {
        i18n.addResourceBundle(locale, 'translation', texts, true, true);
      },
      (error: unknown) => {
        complete.delete(locale); // a failed download is tried again by the next page
        throw error;
      },
    );
    complete.set(locale, loading);
  }
  return loading;
}

/** A lazy page that shows once the texts of the current language are all in. */
export function withAllTexts<T>(load: () => Promise<T>): () => Promise<T> {
  return () => Promise.all([load(), allTexts(currentLocale())]).then(([m]) => m);
}

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

export async function setLocale(locale: Locale) {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode may refuse storage; the switch still applies to this visit.
  }
  await allTexts(locale);
  await i18n.changeLanguage(locale);
}

i18n.on('languageChanged', (lng) => {
  if (isLocale(lng)) applyLocale(lng);
});

/** Resolves once the first screens' texts are in: render after it. */
export const i18nReady = (async () => {
  const locale = storedLocale();
  const first = await FIRST[locale]();
  await i18n.use(initReactI18next).init({
    resources: { [locale]: { translation: first.default } },
    lng: locale,
    // No fallback language: every key exists in both files, so none is downloaded twice.
    fallbackLng: false,
    supportedLngs: LOCALES,
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    // Re-render when the whole file arrives after the first screen.
    react: { bindI18nStore: 'added' },
  });
  applyLocale(locale);
  // Fetched ahead of the first work page; that page retries (and shows the error) if it failed.
  allTexts(locale).catch(() => {});
})();

export default i18n;
