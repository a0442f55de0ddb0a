import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Tag from 'antd/es/tag';
import { api } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { useErrorMessage } from '../../app/use-error-message';
import { RecordRevisions } from '../cases/RecordRevisions';
import type { SessionRecordView } from './party-types';

const base = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!;

/**
 * A held session's record (笔录) as a party reads it before confirming: the full minutes in the
 * first of the party's languages they exist in (the original on request), who recorded it, why
 * no interpreter was present if so, and its corrections. Where no version is readable, the
 * confirm button gives way to a plain explanation and a translation request, as the API would
 * refuse the confirmation (TRANSLATION_MISSING).
 */
export function PartySessionRecord({
  caseId,
  sessionId,
  record,
  attended,
  confirmed: confirmedBefore,
  onDone,
}: {
  caseId: string;
  sessionId: string;
  record: SessionRecordView;
  attended: boolean;
  confirmed: boolean;
  onDone(): void;
}) {
  const intl = useIntl();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const names = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const nameOf = (l: string) => names.of(l) ?? l;
  const list = (items: string[]) =>
    new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  const [showOriginal, setShowOriginal] = useState(false);
  const [busy, setBusy] = useState(false);
  const [requested, setRequested] = useState(false);
  // A confirmation does not move the case version, so the list is not reloaded for it.
  const [confirmedNow, setConfirmedNow] = useState(false);
  const confirmed = confirmedBefore || confirmedNow;
  const [error, setError] = useState<string | null>(null);

  const texts = [
    { language: record.language, text: record.text },
    ...record.translations.filter((t) => t.text.trim() !== ''),
  ];
  const mine = record.myLanguages ?? [];
  const readable = mine
    .map((l) => texts.find((t) => base(t.language) === l))
    .find((t) => t !== undefined);
  const shown = readable ?? texts[0]!;
  const isOriginal = shown.language === record.language;
  const date = (at: string) => intl.formatDate(at, { dateStyle: 'medium' });

  const act = async (f: () => Promise<unknown>, after: () => void) => {
    setBusy(true);
    setError(null);
    try {
      await f();
      after();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="session-record" data-testid={`session-record-${sessionId}`}>
      <h4 style={{ margin: '8px 0 4px' }}>
        <FormattedMessage id="sessionRecord.heading" values={{ version: record.version }} />
      </h4>
      {record.recordedByName && (
        <p className="party-muted">
          <FormattedMessage
            id="sessionRecord.recordedBy"
            values={{
              name: <bdi>{record.recordedByName}</bdi>,
              date: date(record.recordedAt),
            }}
          />
        </p>
      )}
      {readable && !isOriginal && (
        <p className="party-muted">
          <FormattedMessage
            id="sessionRecord.readingIn"
            values={{ language: nameOf(shown.language) }}
          />
        </p>
      )}
      {!readable && (
        <p className="party-muted">
          <FormattedMessage
            id="sessionRecord.original"
            values={{ language: nameOf(record.language) }}
          />
        </p>
      )}
      <div
        className="record-text"
        lang={shown.language}
        dir="auto"
        data-testid="record-minutes"
        style={{
          background: '#f7f9fb',
          border: '1px solid #e4e7eb',
          borderRadius: 8,
          padding: '12px 14px',
          margin: '8px 0',
          lineHeight: 1.7,
          color: 'inherit',
        }}
      >
        {shown.text}
      </div>
      {!isOriginal && (
        <Button type="link" style={{ paddingInline: 0 }} onClick={() => setShowOriginal((v) => !v)}>
          {showOriginal ? (
            <FormattedMessage id="sessionRecord.hideOriginal" />
          ) : (
            <FormattedMessage
              id="sessionRecord.showOriginal"
              values={{ language: nameOf(record.language) }}
            />
          )}
        </Button>
      )}
      {!isOriginal && showOriginal && (
        <div
          className="record-text"
          lang={record.language}
          dir="auto"
          data-testid="record-original"
          style={{
            borderInlineStart: '3px solid #cbd2d9',
            paddingInlineStart: 12,
            margin: '8px 0',
          }}
        >
          {record.text}
        </div>
      )}
      {record.interpreterAbsence && (
        <Alert
          type="info"
          showIcon
          style={{ margin: '8px 0' }}
          message={
            <FormattedMessage
              id="sessionRecord.interpreterAbsence"
              values={{
                name: <bdi>{record.interpreterAbsence.recordedByName}</bdi>,
                reason: <bdi>{record.interpreterAbsence.reason}</bdi>,
              }}
            />
          }
        />
      )}
      <RecordRevisions revisions={record.revisions} />
      {attended && !confirmed && record.readableByMe !== false && (
        <>
          {record.sightTranslatedForMe && !readable && (
            <p className="party-muted">
              <FormattedMessage id="sessionRecord.sightTranslated" />
            </p>
          )}
          <p className="party-muted">
            <FormattedMessage id="sessionRecord.confirmHint" />
          </p>
          <Button
            type="primary"
            loading={busy}
            onClick={() =>
              void act(
                () => api.post(`/api/v1/cases/${caseId}/sessions/${sessionId}/confirmations`),
                () => {
                  setConfirmedNow(true);
                  onDone();
                },
              )
            }
          >
            <FormattedMessage id="party.sessions.confirmRecord" />
          </Button>
        </>
      )}
      {attended && !confirmed && record.readableByMe === false && mine.length > 0 && (
        <Alert
          type="warning"
          showIcon
          role="status"
          data-testid="record-unreadable"
          style={{ margin: '8px 0' }}
          message={<FormattedMessage id="sessionRecord.unreadableTitle" />}
          description={
            <>
              <p style={{ margin: '4px 0 8px' }}>
                <FormattedMessage
                  id="sessionRecord.unreadableBody"
                  values={{
                    available: list(texts.map((t) => nameOf(t.language))),
                    languages: list(mine.map(nameOf)),
                  }}
                />
              </p>
              {requested ? (
                <p role="status" style={{ margin: 0 }}>
                  <FormattedMessage id="sessionRecord.requested" />
                </p>
              ) : (
                <Button
                  loading={busy}
                  onClick={() =>
                    void act(
                      () =>
                        api.post(
                          `/api/v1/cases/${caseId}/sessions/${sessionId}/translation-requests`,
                          { language: mine[0] },
                        ),
                      () => setRequested(true),
                    )
                  }
                >
                  <FormattedMessage
                    id="sessionRecord.requestTranslation"
                    values={{ language: nameOf(mine[0]!) }}
                  />
                </Button>
              )}
            </>
          }
        />
      )}
      {confirmed && (
        <Tag className="party-ok">
          <FormattedMessage id="party.sessions.recordConfirmed" />
        </Tag>
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} />}
    </div>
  );
}
