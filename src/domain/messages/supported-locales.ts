export const supportedLocales = ['zh-CN', 'en', 'ar', 'ru', 'es', 'fr', 'fa', 'tr'] as const;
export type Locale = (typeof supportedLocales)[number];
export const rtlLocales: readonly Locale[] = ['ar', 'fa'];

/** Maps a language tag (e.g. `zh`, `zh-Hans-CN`, `ar-EG`) to a supported locale, or undefined. */
export function matchLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.trim().toLowerCase();
  if (lower.startsWith('zh')) return 'zh-CN';
  const base = lower.split(/[-_]/)[0];
  return supportedLocales.find((l) => l === base);
}

/** Picks from an Accept-Language header, honouring q-values; falls back to `fallback`. */
export function negotiateLocale(
  acceptLanguage: string | undefined,
  fallback: Locale = 'en',
): Locale {
  if (!acceptLanguage) return fallback;
  const ranked = acceptLanguage
    .split(',')
    .slice(0, 20)
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag ?? '', q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const m = matchLocale(tag);
    if (m) return m;
  }
  return fallback;
}
