import { useCallback, useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { api } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { useErrorMessage } from '../../app/use-error-message';
import { languageOf, type CaseMessage, type PartyCaseDetail } from './party-types';

function MessageBody({ m, lang }: { m: CaseMessage; lang: string }) {
  if (m.language === lang) return <p className="party-message-text">{m.body}</p>;
  const t = m.translations.find((x) => x.language === lang);
  if (!t)
    return (
      <>
        <p className="party-message-text" lang={m.language} dir="auto">
          {m.body}
        </p>
        <p className="party-muted">
          <FormattedMessage id="party.messages.notTranslated" />
        </p>
      </>
    );
  // Who translated is part of the record: a party must know whether a person or a machine did.
  return (
    <>
      <p className="party-message-text">{t.text}</p>
      <p className="party-muted party-translated">
        <FormattedMessage
          id={
            t.method === 'machine'
              ? 'party.messages.machineTranslated'
              : 'party.messages.translatedBy'
          }
          values={{ name: t.translatedBy.name, provider: t.provider ?? '' }}
        />
      </p>
      <details>
        <summary>
          <FormattedMessage id="party.messages.original" />
        </summary>
        <p className="party-message-text" lang={m.language} dir="auto">
          {m.body}
        </p>
      </details>
    </>
  );
}

/** The case thread everyone on the case reads, each message shown in the reader's language when translated. */
export function MessageThread({ detail }: { detail: PartyCaseDetail }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const lang = languageOf(locale);
  const errorMessage = useErrorMessage();
  const [messages, setMessages] = useState<CaseMessage[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api
      .get<{ items: CaseMessage[] }>(`/api/v1/cases/${detail.id}/messages`)
      .then((r) => setMessages(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [detail.id]);

  useEffect(load, [load]);

  const send = async () => {
    if (!text.trim()) {
      setError(intl.formatMessage({ id: 'party.messages.empty' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/cases/${detail.id}/messages`, {
        visibility: 'everyone',
        language: lang,
        body: text.trim(),
      });
      setText('');
      load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="messages-title" className="party-section">
      <h2 id="messages-title">
        <FormattedMessage id="party.messages.title" />
      </h2>
      {messages && messages.length === 0 && (
        <p className="lead">
          <FormattedMessage id="party.messages.none" />
        </p>
      )}
      {messages && messages.length > 0 && (
        <ol className="party-thread">
          {messages.map((m) => (
            <li key={m.id} className="panel">
              <p className="party-message-head">
                <strong>{m.author}</strong>{' '}
                <span className="party-muted">
                  <FormattedDate value={m.createdAt} dateStyle="medium" timeStyle="short" />
                </span>
              </p>
              <MessageBody m={m} lang={lang} />
              {m.attachments.length > 0 && (
                <ul className="party-attachments">
                  {m.attachments.map((d) => (
                    <li key={d.id}>
                      <a href={`/api/v1/cases/${detail.id}/documents/${d.id}/content`} download>
                        {d.filename}
                      </a>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
      <div className="form-card">
        <label htmlFor="message-text" className="party-label">
          <FormattedMessage id="party.messages.write" />
        </label>
        <Input.TextArea
          id="message-text"
          rows={3}
          maxLength={20_000}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <p className="party-muted">
          <FormattedMessage id="party.messages.writeHelp" />
        </p>
        {error && <Alert type="error" showIcon role="alert" message={error} />}
        <div className="form-actions">
          <span />
          <Button type="primary" loading={busy} onClick={() => void send()}>
            <FormattedMessage id="party.messages.send" />
          </Button>
        </div>
      </div>
    </section>
  );
}
