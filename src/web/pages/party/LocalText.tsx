import { FormattedMessage } from 'react-intl';
import { useLocale } from '../../app/LocaleContext';
import { languageOf, type LocalizedText } from './party-types';

/**
 * A text of the agreement in the reader's language when the mediators translated it, else the
 * original, marked with its language so screen readers pronounce it right.
 */
export function LocalText({ value }: { value: LocalizedText }) {
  const { locale } = useLocale();
  const lang = languageOf(locale);
  if (value.lang === lang) return <span>{value.text}</span>;
  const translated = value.translations[lang];
  if (translated) return <span>{translated}</span>;
  return (
    <span>
      <span lang={value.lang} dir="auto">
        {value.text}
      </span>{' '}
      <span className="party-muted">
        <FormattedMessage id="party.text.untranslated" />
      </span>
    </span>
  );
}
