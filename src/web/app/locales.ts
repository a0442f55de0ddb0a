/** The eight interface languages; mirrors src/domain/messages/supported-locales.ts (the web bundle cannot import server code). */
export const locales = ['zh-CN', 'en', 'ar', 'ru', 'es', 'fr', 'fa', 'tr'] as const;
export type Locale = (typeof locales)[number];

const rtl: readonly Locale[] = ['ar', 'fa'];
export const isRtl = (l: Locale): boolean => rtl.includes(l);

/** Each language named in itself, so a visitor finds theirs whatever the page language is. */
export const localeNames: Record<Locale, string> = {
  'zh-CN': '中文',
  en: 'English',
  ar: 'العربية',
  ru: 'Русский',
  es: 'Español',
  fr: 'Français',
  fa: 'فارسی',
  tr: 'Türkçe',
};

export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  const base = lower.split(/[-_]/)[0];
  return locales.find((l) => l === base);
}

const storageKey = 'accord.locale';

/** The remembered choice first, then the browser's languages in order (what it sends as Accept-Language). */
export function initialLocale(): Locale {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(storageKey);
  } catch {
    // Storage can be disabled (private mode); fall through to the browser's languages.
  }
  const fromStorage = matchLocale(stored);
  if (fromStorage) return fromStorage;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const m = matchLocale(tag);
    if (m) return m;
  }
  return 'en';
}

/** Whether this browser holds a language chosen by hand (as opposed to one taken from Accept-Language). */
export function hasRememberedLocale(): boolean {
  try {
    return matchLocale(localStorage.getItem(storageKey)) !== undefined;
  } catch {
    return false;
  }
}

export function rememberLocale(l: Locale): void {
  try {
    localStorage.setItem(storageKey, l);
  } catch {
    // Not remembered when storage is disabled; the page still switches.
  }
}

export function applyDocumentLocale(l: Locale): void {
  document.documentElement.lang = l;
  document.documentElement.dir = isRtl(l) ? 'rtl' : 'ltr';
}
