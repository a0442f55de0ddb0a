import { FormattedMessage } from 'react-intl';
import { useLanguageName } from './agreement-labels';
import type { LocalizedText, TranslationRecord } from './party-types';

/** The first of the reader's languages (in their order) the text exists in, or null. */
export function readableLanguageOf(value: LocalizedText, reads: readonly string[]): string | null {
  return reads.find((l) => l === value.lang || (value.translations[l] ?? '').trim() !== '') ?? null;
}

/**
 * A text of the agreement in the first language the reader reads that it exists in, saying who
 * translated it; with `showOriginal`, the original beside it. Each text is isolated (`dir="auto"`,
 * its own `lang`) so a Persian sentence on a Chinese page, or the reverse, keeps its direction.
 * When no language the reader reads has it, the original shows with a plain note saying so.
 */
export function LocalText({
  value,
  reads,
  section,
  provenance = [],
  showOriginal = false,
}: {
  value: LocalizedText;
  /** The reader's languages, the one to prefer first. */
  reads: readonly string[];
  section?: string;
  provenance?: readonly TranslationRecord[];
  showOriginal?: boolean;
}) {
  const languageName = useLanguageName();
  const lang = readableLanguageOf(value, reads);
  const original = (
    <bdi lang={value.lang} dir="auto" className="agreement-text">
      {value.text}
    </bdi>
  );
  if (lang === null)
    return (
      <span className="agreement-local">
        {original}{' '}
        <span className="party-muted agreement-not-readable">
          <FormattedMessage
            id="agreement.text.notReadable"
            values={{ language: languageName(value.lang) }}
          />
        </span>
      </span>
    );
  if (lang === value.lang) return <span className="agreement-local">{original}</span>;
  const record = provenance.find((r) => r.section === section && r.language === lang);
  return (
    <span className="agreement-local">
      <bdi lang={lang} dir="auto" className="agreement-text">
        {value.translations[lang]}
      </bdi>
      {record && (
        <span className="agreement-provenance party-muted">
          {record.method === 'machine' ? (
            <FormattedMessage
              id="agreement.text.machineTranslated"
              values={{
                approved: record.approved ? 'yes' : 'no',
                name: <bdi>{record.approvedName ?? ''}</bdi>,
              }}
            />
          ) : (
            <FormattedMessage
              id="agreement.text.translatedBy"
              values={{ name: <bdi>{record.translatorName}</bdi> }}
            />
          )}
        </span>
      )}
      {showOriginal && (
        <span className="agreement-original">
          <span className="party-muted">
            <FormattedMessage
              id="agreement.text.original"
              values={{ language: languageName(value.lang) }}
            />
          </span>{' '}
          {original}
        </span>
      )}
    </span>
  );
}
