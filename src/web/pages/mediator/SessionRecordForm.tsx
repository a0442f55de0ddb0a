import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import { api } from '../../app/api-client';
import { CheckboxList } from '../../app/CheckboxList';
import { useLocale } from '../../app/LocaleContext';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail, CaseSession } from '../cases/case-types';

/** Languages a record is usually written or translated in at a cross-border committee. */
const recordLanguages = ['zh', 'en', 'ar', 'ru', 'es', 'fr', 'fa', 'tr', 'ur', 'hi', 'ko', 'ja'];

/**
 * The session record (笔录): who attended, whether the interpreter was there (one of the "three
 * musts"), the minutes in their original language and, optionally, a translation. Entering the
 * first record moves the case into mediation.
 */
export function SessionRecordForm({
  detail,
  session,
  onDone,
}: {
  detail: CaseDetail;
  session: CaseSession;
  onDone(): void;
}) {
  const intl = useIntl();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const languageName = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const key = (p: { kind: string; id: string }) => `${p.kind}:${p.id}`;
  const [attendees, setAttendees] = useState<string[]>(session.participants.map(key));
  const [interpreterPresent, setInterpreterPresent] = useState(false);
  const [language, setLanguage] = useState('zh');
  const [text, setText] = useState('');
  const [translationLanguage, setTranslationLanguage] = useState<string | undefined>();
  const [translation, setTranslation] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (s: string) => `record-${session.id}-${s}`;

  const submit = async () => {
    if (!text.trim() || attendees.length === 0) {
      setError(intl.formatMessage({ id: 'record.incomplete' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/cases/${detail.id}/sessions/${session.id}/record`, {
        version: detail.version,
        attendees: attendees.map((a) => {
          const [kind, pid] = a.split(':');
          return { kind, id: pid };
        }),
        interpreterPresent,
        minutes: { language, text: text.trim() },
        translations:
          translationLanguage && translation.trim()
            ? [{ language: translationLanguage, text: translation.trim() }]
            : [],
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const languageOptions = recordLanguages.map((l) => ({
    value: l,
    label: languageName.of(l) ?? l,
  }));
  return (
    <div className="form-card" data-testid="session-record-form">
      <h3 style={{ marginTop: 0 }}>
        <FormattedMessage id="record.title" />
      </h3>
      <fieldset className="plain-fieldset">
        <legend>
          <FormattedMessage id="record.attendees" />
        </legend>
        <CheckboxList
          value={attendees}
          onChange={setAttendees}
          options={session.participants.map((p) => ({
            value: key(p),
            label: `${p.name} (${intl.formatMessage({ id: `record.role.${p.role}` })})`,
          }))}
        />
      </fieldset>
      <Checkbox
        checked={interpreterPresent}
        onChange={(e) => setInterpreterPresent(e.target.checked)}
        style={{ margin: '12px 0' }}
      >
        <FormattedMessage id="record.interpreterPresent" />
      </Checkbox>
      <div className="party-grid">
        <div>
          <label htmlFor={id('lang')} className="field-label">
            <FormattedMessage id="record.language" />
          </label>
          <Select
            id={id('lang')}
            value={language}
            onChange={setLanguage}
            options={languageOptions}
            style={{ width: '100%' }}
          />
        </div>
      </div>
      <label htmlFor={id('text')} className="field-label">
        <FormattedMessage id="record.minutes" />
      </label>
      <Input.TextArea
        id={id('text')}
        rows={5}
        maxLength={100_000}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="party-grid" style={{ marginTop: 12 }}>
        <div>
          <label htmlFor={id('tlang')} className="field-label">
            <FormattedMessage id="record.translationLanguage" />
          </label>
          <Select
            id={id('tlang')}
            allowClear
            value={translationLanguage}
            onChange={setTranslationLanguage}
            options={languageOptions.filter((o) => o.value !== language)}
            style={{ width: '100%' }}
          />
        </div>
      </div>
      {translationLanguage && (
        <>
          <label htmlFor={id('ttext')} className="field-label">
            <FormattedMessage id="record.translation" />
          </label>
          <Input.TextArea
            id={id('ttext')}
            rows={4}
            maxLength={100_000}
            value={translation}
            onChange={(e) => setTranslation(e.target.value)}
          />
        </>
      )}
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
      )}
      <div className="form-actions">
        <span />
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          <FormattedMessage id="record.submit" />
        </Button>
      </div>
    </div>
  );
}
