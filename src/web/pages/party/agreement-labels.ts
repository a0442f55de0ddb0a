import { useIntl } from 'react-intl';
import { useLocale } from '../../app/LocaleContext';

/** A language's name in the reader's language (Intl.DisplayNames), never the raw code. */
export function useLanguageName(): (code: string) => string {
  const { locale } = useLocale();
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  return (code: string) => names.of(code) ?? code;
}

/** Names of languages as a list in the reader's language: "Persian and Chinese". */
export function useLanguageList(): (codes: readonly string[]) => string {
  const intl = useIntl();
  const name = useLanguageName();
  return (codes) => intl.formatList(codes.map(name), { type: 'conjunction' });
}

/** What a section key (`facts`, `points.3`) is called in the reader's language. */
export function useSectionName(): (key: string) => string {
  const intl = useIntl();
  return (key) =>
    key.startsWith('points.')
      ? intl.formatMessage(
          { id: 'agreement.section.point' },
          { no: Number(key.slice('points.'.length)) },
        )
      : intl.formatMessage({ id: `agreement.section.${key}` });
}

/** Base ISO 639 code of a tag: `zh-CN` → `zh`. */
export const baseLanguage = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0]!;
