import countryCodes from 'i18n-iso-countries/codes.json';

/** ISO 3166-1 alpha-2 codes from a maintained list; names come from the browser's ICU data in the page language. */
export const countryList: string[] = (countryCodes as string[][]).map((c) => c[0]!).filter(Boolean);

export function countryOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  return countryList
    .map((code) => ({ value: code, label: names.of(code) ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** Every ISO 639-1 language the browser's ICU knows a name for, named in the page language. */
export function languageOptions(locale: string): { value: string; label: string }[] {
  const probe = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const out: { value: string; label: string }[] = [];
  const a = 'a'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(a + i, a + j);
      const known = probe.of(code);
      if (known && known !== code)
        out.push({ value: code, label: `${names.of(code) ?? code} (${code})` });
    }
  }
  return out.sort((x, y) => x.label.localeCompare(y.label, locale));
}

/** ISO 4217 currencies in use, from ICU; the commonest in Yiwu's trade first. */
export function currencyOptions(locale: string): { value: string; label: string }[] {
  const names = new Intl.DisplayNames([locale], { type: 'currency', fallback: 'code' });
  const first = ['CNY', 'USD', 'EUR', 'AED', 'RUB', 'TRY', 'IRR', 'EGP', 'SAR'];
  const all = Intl.supportedValuesOf('currency');
  const ordered = [
    ...first.filter((c) => all.includes(c)),
    ...all.filter((c) => !first.includes(c)),
  ];
  return ordered.map((c) => ({ value: c, label: `${c} — ${names.of(c) ?? c}` }));
}
