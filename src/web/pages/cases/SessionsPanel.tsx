import { useCallback, useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Tag from 'antd/es/tag';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail, CaseSession } from './case-types';
import { SessionRecordForm } from '../mediator/SessionRecordForm';

/** The committee sits in Yiwu; sessions are scheduled in its wall-clock time unless changed. */
const committeeZone = 'Asia/Shanghai';

export function SessionsPanel({ detail, onDone }: { detail: CaseDetail; onDone(): void }) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [sessions, setSessions] = useState<CaseSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState('90');
  const [room, setRoom] = useState('');
  const [busy, setBusy] = useState(false);
  const canSchedule = detail.allowedActions.includes('schedule_session') && detail.team.length > 0;
  const canRecord = detail.allowedActions.includes('record_session');
  const [recording, setRecording] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .get<{ items: CaseSession[] }>(`/api/v1/cases/${detail.id}/sessions`)
      .then((r) => setSessions(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [detail.id, detail.version]); // a new case version may bring new sessions

  useEffect(load, [load]);

  const schedule = async () => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(startsAt) || !room.trim()) {
      setError(intl.formatMessage({ id: 'sessions.incomplete' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/cases/${detail.id}/sessions`, {
        version: detail.version,
        startsAt,
        timeZone: committeeZone,
        durationMinutes: Number(duration) || 60,
        mode: 'in_person',
        room: room.trim(),
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="sessions-title" style={{ marginTop: 16 }}>
      <h2 id="sessions-title">
        <FormattedMessage id="sessions.title" />
      </h2>
      {sessions && sessions.length === 0 && (
        <p className="lead">
          <FormattedMessage id="sessions.empty" />
        </p>
      )}
      {sessions && sessions.length > 0 && (
        <ul className="card-grid" style={{ listStyle: 'none', padding: 0 }}>
          {sessions.map((s) => (
            <li key={s.id} className="panel">
              <h3>
                <FormattedDate
                  value={s.startsAt}
                  dateStyle="full"
                  timeStyle="short"
                  timeZone={s.timeZone}
                />
              </h3>
              <p>
                <Tag>
                  <FormattedMessage
                    id={`sessions.status.${s.status === 'held' ? 'held' : 'scheduled'}`}
                  />
                </Tag>
                {s.room}
              </p>
              <p>
                <FormattedMessage
                  id="sessions.participants"
                  values={{
                    count: s.participants.length,
                    names: s.participants.map((p) => p.name).join(', '),
                  }}
                />
              </p>
              {s.record && (
                <div className="session-record">
                  <p>
                    <Tag color={s.interpreterPresent ? 'green' : 'gold'}>
                      <FormattedMessage
                        id={
                          s.interpreterPresent
                            ? 'record.interpreterWas'
                            : 'record.interpreterWasNot'
                        }
                      />
                    </Tag>
                  </p>
                  <p dir="auto" className="record-text">
                    {s.record.text}
                  </p>
                  {s.record.translations.map((t) => (
                    <p key={t.language} dir="auto" className="record-text" lang={t.language}>
                      {t.text}
                    </p>
                  ))}
                </div>
              )}
              {s.status === 'scheduled' && canRecord && recording !== s.id && (
                <Button onClick={() => setRecording(s.id)}>
                  <FormattedMessage id="record.open" />
                </Button>
              )}
              {s.status === 'scheduled' && canRecord && recording === s.id && (
                <SessionRecordForm
                  detail={detail}
                  session={s}
                  onDone={() => {
                    setRecording(null);
                    onDone();
                  }}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canSchedule && (
        <div className="form-card">
          <h3 style={{ marginTop: 0 }}>
            <FormattedMessage id="sessions.schedule" />
          </h3>
          <div className="party-grid">
            <div>
              <label
                htmlFor="session-start"
                style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}
              >
                <FormattedMessage id="sessions.startsAt" values={{ zone: committeeZone }} />
              </label>
              <Input
                id="session-start"
                type="datetime-local"
                value={startsAt}
                onChange={(e) => setStartsAt(e.target.value)}
              />
            </div>
            <div>
              <label
                htmlFor="session-duration"
                style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}
              >
                <FormattedMessage id="sessions.duration" />
              </label>
              <Input
                id="session-duration"
                type="number"
                min={15}
                max={600}
                step={15}
                value={duration}
                onChange={(e) => setDuration(e.target.value)}
              />
            </div>
            <div>
              <label
                htmlFor="session-room"
                style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}
              >
                <FormattedMessage id="sessions.room" />
              </label>
              <Input
                id="session-room"
                value={room}
                maxLength={200}
                onChange={(e) => setRoom(e.target.value)}
              />
            </div>
          </div>
          {error && (
            <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
          )}
          <div className="form-actions">
            <span />
            <Button type="primary" loading={busy} onClick={() => void schedule()}>
              <FormattedMessage id="sessions.scheduleButton" />
            </Button>
          </div>
        </div>
      )}
      {!canSchedule && error && <Alert type="error" showIcon role="alert" message={error} />}
    </section>
  );
}
