import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import { api, ApiError } from '../../app/api-client';
import { CheckboxList } from '../../app/CheckboxList';
import { useLocale } from '../../app/LocaleContext';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail, CaseSession } from '../cases/case-types';

/** Languages a record is usually written or translated in at a cross-border committee. */
const recordLanguages = ['zh', 'en', 'ar', 'ru', 'es', 'fr', 'fa', 'tr', 'ur', 'hi', 'ko', 'ja'];
const base = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!;

/**
 * The session record (笔录): who attended, whether the interpreter was there (one of the "three
 * musts"), the minutes and, side by side, a translation for each language the parties read (a
 * party confirms only a record it can read). Entering the first record moves the case into
 * mediation. With `correcting`, the same form prefilled from the current version, with the
 * required reason; the attendees then confirm again. When the API answers INTERPRETER_REQUIRED,
 * the form names the parties no attending mediator speaks to and, for an officer or director,
 * asks why there was no interpreter.
 */
export function SessionRecordForm({
  detail,
  session,
  correcting = false,
  onDone,
  onCancel,
}: {
  detail: CaseDetail & { relations?: string[] };
  session: CaseSession;
  correcting?: boolean;
  onDone(): void;
  onCancel?(): void;
}) {
  const intl = useIntl();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const languageName = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const nameOf = (l: string) => languageName.of(l) ?? l;
  const key = (p: { kind: string; id: string }) => `${p.kind}:${p.id}`;
  const record = correcting ? session.record : null;
  const people = [
    ...session.participants,
    ...(record?.attendees ?? []).filter(
      (a) => !session.participants.some((p) => key(p) === key(a)),
    ),
  ];
  const [attendees, setAttendees] = useState<string[]>(
    (record?.attendees ?? session.participants).map(key),
  );
  const [interpreterPresent, setInterpreterPresent] = useState(
    correcting ? !!session.interpreterPresent : false,
  );
  const [language, setLanguage] = useState(record?.language ?? 'zh');
  const [text, setText] = useState(record?.text ?? '');
  const [translations, setTranslations] = useState<Record<string, string>>(
    Object.fromEntries((record?.translations ?? []).map((t) => [t.language, t.text])),
  );
  const [extra, setExtra] = useState<string[]>([]);
  const [reason, setReason] = useState('');
  const [absenceReason, setAbsenceReason] = useState('');
  const [interpreterIssue, setInterpreterIssue] = useState<{
    parties: string[];
    officerOnly?: boolean;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (s: string) => `record-${session.id}-${s}`;
  const mayExcuse = (detail.relations ?? []).some((r) => r === 'officer' || r === 'director');

  // One column per language a party reads (preferred first), then any added by hand.
  const partyLanguages = [...new Set(detail.parties.map((p) => base(p.preferredLanguage)))];
  const columns = [...new Set([...partyLanguages, ...Object.keys(translations), ...extra])].filter(
    (l) => l !== language,
  );
  const readers = (l: string) =>
    detail.parties
      .filter((p) => [p.preferredLanguage, ...p.languages].map(base).includes(l))
      .map((p) => p.name);

  const submit = async () => {
    if (!text.trim() || attendees.length === 0) {
      setError(intl.formatMessage({ id: 'record.incomplete' }));
      return;
    }
    if (correcting && !reason.trim()) {
      setError(intl.formatMessage({ id: 'sessionRecord.reasonRequired' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = {
        version: detail.version,
        attendees: attendees.map((a) => {
          const [kind, pid] = a.split(':');
          return { kind, id: pid };
        }),
        interpreterPresent,
        ...(interpreterIssue && absenceReason.trim()
          ? { interpreterAbsenceReason: absenceReason.trim() }
          : {}),
        minutes: { language, text: text.trim() },
        translations: columns
          .filter((l) => (translations[l] ?? '').trim() !== '')
          .map((l) => ({ language: l, text: translations[l]!.trim() })),
      };
      const url = `/api/v1/cases/${detail.id}/sessions/${session.id}/record`;
      if (correcting) await api.post(`${url}/corrections`, { ...body, reason: reason.trim() });
      else await api.post(url, body);
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'INTERPRETER_REQUIRED') {
        setInterpreterIssue(e.details as { parties: string[]; officerOnly?: boolean });
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const languageOptions = recordLanguages.map((l) => ({ value: l, label: nameOf(l) }));
  const uncoveredNames = (interpreterIssue?.parties ?? [])
    .map((pid) => detail.parties.find((p) => p.id === pid)?.name ?? pid)
    .join(', ');
  return (
    <div className="form-card" data-testid="session-record-form">
      <h3 style={{ marginTop: 0 }}>
        {correcting && session.record ? (
          <FormattedMessage
            id="sessionRecord.correctTitle"
            values={{ version: session.record.version }}
          />
        ) : (
          <FormattedMessage id="record.title" />
        )}
      </h3>
      {correcting && (
        <div style={{ marginBottom: 12 }}>
          <label htmlFor={id('reason')} className="field-label">
            <FormattedMessage id="sessionRecord.reason" />
          </label>
          <Input.TextArea
            id={id('reason')}
            rows={2}
            maxLength={4000}
            value={reason}
            aria-required="true"
            aria-describedby={id('reason-help')}
            onChange={(e) => setReason(e.target.value)}
          />
          <p id={id('reason-help')} className="party-muted" style={{ margin: '4px 0 0' }}>
            <FormattedMessage id="sessionRecord.reasonHelp" />
          </p>
        </div>
      )}
      <fieldset className="plain-fieldset">
        <legend>
          <FormattedMessage id="record.attendees" />
        </legend>
        <CheckboxList
          value={attendees}
          onChange={(v) => {
            setAttendees(v);
            setInterpreterIssue(null);
          }}
          options={people.map((p) => ({
            value: key(p),
            label: `${p.name} (${intl.formatMessage({ id: `record.role.${p.role}` })})`,
          }))}
        />
      </fieldset>
      <Checkbox
        checked={interpreterPresent}
        onChange={(e) => {
          setInterpreterPresent(e.target.checked);
          setInterpreterIssue(null);
        }}
        style={{ margin: '12px 0' }}
      >
        <FormattedMessage id="record.interpreterPresent" />
      </Checkbox>
      <div style={{ maxWidth: 320, marginBottom: 12 }}>
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
      {/* The minutes and each translation side by side, their text areas level. */}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(320px, 100%), 1fr))',
          gap: 16,
          alignItems: 'start',
        }}
      >
        <div>
          <label htmlFor={id('text')} className="field-label">
            <FormattedMessage id="record.minutes" />
          </label>
          <p className="party-muted" style={{ margin: '0 0 8px', minHeight: 24 }}>
            {nameOf(language)}
          </p>
          <Input.TextArea
            id={id('text')}
            lang={language}
            dir="auto"
            autoSize={{ minRows: 12, maxRows: 40 }}
            maxLength={100_000}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
        </div>
        {columns.map((l) => (
          <div key={l}>
            <label htmlFor={id(`t-${l}`)} className="field-label">
              <FormattedMessage
                id="sessionRecord.translationInto"
                values={{ language: nameOf(l) }}
              />
            </label>
            <p className="party-muted" style={{ margin: '0 0 8px', minHeight: 24 }}>
              {readers(l).length > 0 ? (
                <FormattedMessage
                  id="sessionRecord.readBy"
                  values={{ names: readers(l).join(', ') }}
                />
              ) : (
                <Button
                  size="small"
                  onClick={() => {
                    setExtra((x) => x.filter((y) => y !== l));
                    setTranslations((t) =>
                      Object.fromEntries(Object.entries(t).filter(([k]) => k !== l)),
                    );
                  }}
                >
                  <FormattedMessage id="sessionRecord.removeTranslation" />
                </Button>
              )}
            </p>
            <Input.TextArea
              id={id(`t-${l}`)}
              lang={l}
              dir="auto"
              autoSize={{ minRows: 12, maxRows: 40 }}
              maxLength={100_000}
              value={translations[l] ?? ''}
              onChange={(e) => setTranslations((t) => ({ ...t, [l]: e.target.value }))}
            />
          </div>
        ))}
      </div>
      <div style={{ marginTop: 12, maxWidth: 320 }}>
        <label htmlFor={id('add')} className="field-label">
          <FormattedMessage id="sessionRecord.addTranslation" />
        </label>
        <Select
          id={id('add')}
          value={null}
          onChange={(l: string) => setExtra((x) => [...x, l])}
          options={languageOptions.filter(
            (o) => o.value !== language && !columns.includes(o.value),
          )}
          style={{ width: '100%' }}
        />
      </div>
      {interpreterIssue && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          data-testid="interpreter-required"
          style={{ marginTop: 12 }}
          message={
            <FormattedMessage
              id="sessionRecord.interpreterRequired"
              values={{ names: uncoveredNames }}
            />
          }
          description={
            mayExcuse ? (
              <>
                <label htmlFor={id('absence')} className="field-label">
                  <FormattedMessage id="sessionRecord.absenceReason" />
                </label>
                <Input.TextArea
                  id={id('absence')}
                  rows={2}
                  maxLength={4000}
                  value={absenceReason}
                  onChange={(e) => setAbsenceReason(e.target.value)}
                />
              </>
            ) : (
              <FormattedMessage id="sessionRecord.interpreterRequiredAsk" />
            )
          }
        />
      )}
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
      )}
      <div className="form-actions">
        {onCancel ? (
          <Button onClick={onCancel}>
            <FormattedMessage id="sessionRecord.cancel" />
          </Button>
        ) : (
          <span />
        )}
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          {interpreterIssue && mayExcuse && absenceReason.trim() ? (
            <FormattedMessage id="sessionRecord.absenceSave" />
          ) : correcting ? (
            <FormattedMessage id="sessionRecord.saveCorrection" />
          ) : (
            <FormattedMessage id="record.submit" />
          )}
        </Button>
      </div>
    </div>
  );
}
