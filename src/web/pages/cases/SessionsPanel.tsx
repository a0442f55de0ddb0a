import { useCallback, useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Tag from 'antd/es/tag';
import { AmountInput } from '../../app/AmountInput';
import { api, ApiError } from '../../app/api-client';
import { AreaMessages } from '../../app/AreaMessages';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail, CaseSession } from './case-types';
import { SessionRecordForm } from '../mediator/SessionRecordForm';
import { RecordRevisions } from './RecordRevisions';
import { sessionRecordMessages } from './session-record-messages';
import { isWallClockPast } from './use-field-error-message';
import { partyStepsMessages } from '../party/party-steps-messages';

/** The committee sits in Yiwu; sessions are scheduled in its wall-clock time unless changed. */
const committeeZone = 'Asia/Shanghai';

/** GET …/sessions also gives the start as wall-clock time in the session's zone, to edit it. */
type ListedSession = CaseSession & { startsAtLocal?: string };

/** What a booking answers: team members booked although unavailable (with overrideAvailability). */
interface Booked {
  warnings: { mediatorId: string; name: string }[];
}

/** The names a 409 MEDIATOR_UNAVAILABLE carries in its details. */
function unavailableNames(e: unknown): string[] | null {
  if (!(e instanceof ApiError) || e.code !== 'MEDIATOR_UNAVAILABLE') return null;
  const d = e.details as { mediators?: { name: string }[] } | undefined;
  return d?.mediators?.map((m) => m.name) ?? [];
}

/**
 * The officer's choice when a team member is unavailable: pick another time, or book anyway
 * (the mediator agreed by phone), which resends the same request with overrideAvailability.
 */
function UnavailableAlert({
  names,
  busy,
  onBookAnyway,
}: {
  names: string[];
  busy: boolean;
  onBookAnyway(): void;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      style={{ marginTop: 12 }}
      data-testid="mediator-unavailable"
      message={
        <FormattedMessage
          id="calendar.unavailable"
          values={{ count: names.length, names: names.join(', ') }}
        />
      }
      description={<FormattedMessage id="calendar.unavailableHelp" />}
      action={
        <Button loading={busy} onClick={onBookAnyway}>
          <FormattedMessage id="calendar.bookAnyway" />
        </Button>
      }
    />
  );
}

/** The sessions panel, with the strings of its past-time refusal (the party-steps catalogue). */
export function SessionsPanel(props: { detail: CaseDetail; onDone(): void }) {
  return (
    <AreaMessages loaders={partyStepsMessages}>
      <CaseSessions {...props} />
    </AreaMessages>
  );
}

function CaseSessions({ detail, onDone }: { detail: CaseDetail; onDone(): void }) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [sessions, setSessions] = useState<ListedSession[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [startsAt, setStartsAt] = useState('');
  const [duration, setDuration] = useState('90');
  const [room, setRoom] = useState('');
  // Said while the officer picks the time, before sending what the API would refuse.
  const startsInPast =
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(startsAt) && isWallClockPast(startsAt, committeeZone);
  // A meeting earlier today may be entered as already held, then recorded (no invitation is sent).
  const heldToday =
    startsInPast &&
    startsAt.slice(0, 10) ===
      new Intl.DateTimeFormat('en-CA', { timeZone: committeeZone }).format(new Date());
  const [busy, setBusy] = useState(false);
  const canSchedule = detail.allowedActions.includes('schedule_session') && detail.team.length > 0;
  const canRecord = detail.allowedActions.includes('record_session');
  const [recording, setRecording] = useState<string | null>(null);
  // A held record is corrected until every attendee has confirmed its current version.
  const canCorrect = canRecord && detail.status === 'in_mediation';
  const [correcting, setCorrecting] = useState<string | null>(null);
  // The session being moved, and its new wall-clock start.
  const [moving, setMoving] = useState<{ id: string; startsAt: string } | null>(null);
  // A booking stopped by an unavailable team member: for the new session ('new') or a move.
  const [unavailable, setUnavailable] = useState<{
    target: string;
    names: string[];
    retry(): void;
  } | null>(null);
  const [bookedDespite, setBookedDespite] = useState<string[] | null>(null);

  const load = useCallback(() => {
    api
      .get<{ items: ListedSession[] }>(`/api/v1/cases/${detail.id}/sessions`)
      .then((r) => setSessions(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [detail.id, detail.version]); // a new case version may bring new sessions

  useEffect(load, [load]);

  /** Sends a booking; an unavailable team member turns into the "book anyway" choice. */
  const book = async (
    target: string,
    send: (overrideAvailability: boolean) => Promise<Booked>,
    overrideAvailability = false,
  ) => {
    setBusy(true);
    setError(null);
    setUnavailable(null);
    setBookedDespite(null);
    try {
      const r = await send(overrideAvailability);
      if (r.warnings.length > 0) setBookedDespite(r.warnings.map((w) => w.name));
      if (target === 'new') setStartsAt('');
      else setMoving(null);
      onDone();
    } catch (e) {
      const names = overrideAvailability ? null : unavailableNames(e);
      if (names) setUnavailable({ target, names, retry: () => void book(target, send, true) });
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const schedule = async (held = false) => {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(startsAt) || !room.trim()) {
      setError(intl.formatMessage({ id: 'sessions.incomplete' }));
      return;
    }
    // The field already says the time has passed (startsInPast): send nothing, go back to it.
    if (startsInPast && !held) {
      document.getElementById('session-start')?.focus();
      return;
    }
    const body = {
      version: detail.version,
      startsAt,
      timeZone: committeeZone,
      durationMinutes: Number(duration) || 60,
      mode: 'in_person',
      room: room.trim(),
      ...(held ? { held: true } : {}),
    };
    await book('new', (overrideAvailability) =>
      api.post<Booked>(`/api/v1/cases/${detail.id}/sessions`, { ...body, overrideAvailability }),
    );
  };

  const move = async () => {
    if (!moving || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(moving.startsAt)) {
      setError(intl.formatMessage({ id: 'sessions.incomplete' }));
      return;
    }
    if (
      isWallClockPast(
        moving.startsAt,
        sessions?.find((s) => s.id === moving.id)?.timeZone ?? committeeZone,
      )
    ) {
      setError(intl.formatMessage({ id: 'partySteps.sessions.inPast' }));
      return;
    }
    const body = { version: detail.version, startsAt: moving.startsAt };
    await book(moving.id, (overrideAvailability) =>
      api.patch<Booked>(`/api/v1/cases/${detail.id}/sessions/${moving.id}`, {
        ...body,
        overrideAvailability,
      }),
    );
  };

  return (
    <AreaMessages loaders={sessionRecordMessages}>
      <section aria-labelledby="sessions-title" style={{ marginTop: 16 }}>
        <h2 id="sessions-title">
          <FormattedMessage id="sessions.title" />
        </h2>
        {bookedDespite && (
          <Alert
            type="warning"
            showIcon
            role="status"
            style={{ marginBottom: 12 }}
            data-testid="booked-despite"
            message={
              <FormattedMessage
                id="calendar.bookedDespite"
                values={{ count: bookedDespite.length, names: bookedDespite.join(', ') }}
              />
            }
          />
        )}
        {sessions && sessions.length === 0 && (
          <p className="lead">
            <FormattedMessage id="sessions.empty" />
          </p>
        )}
        {sessions && sessions.length > 0 && (
          <ul className="card-grid" style={{ listStyle: 'none', padding: 0 }}>
            {sessions.map((s) => (
              <li
                key={s.id}
                className="panel"
                // The record form needs room to write: its card takes the whole row.
                style={
                  recording === s.id || correcting === s.id || s.record
                    ? { gridColumn: '1 / -1' }
                    : undefined
                }
              >
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
                {s.record && <StaffRecordView detail={detail} session={s} />}
                {s.record && !s.record.fullyConfirmed && canCorrect && correcting !== s.id && (
                  <Button style={{ marginTop: 8 }} onClick={() => setCorrecting(s.id)}>
                    <FormattedMessage id="sessionRecord.correct" />
                  </Button>
                )}
                {s.record && canCorrect && correcting === s.id && (
                  <SessionRecordForm
                    detail={detail}
                    session={s}
                    correcting
                    onCancel={() => setCorrecting(null)}
                    onDone={() => {
                      setCorrecting(null);
                      onDone();
                    }}
                  />
                )}
                {s.status === 'scheduled' && canSchedule && moving?.id !== s.id && (
                  <Button
                    style={{ marginInlineEnd: 8 }}
                    onClick={() => {
                      setError(null);
                      setUnavailable(null);
                      setMoving({ id: s.id, startsAt: s.startsAtLocal?.slice(0, 16) ?? '' });
                    }}
                  >
                    <FormattedMessage id="calendar.move" />
                  </Button>
                )}
                {s.status === 'scheduled' && moving?.id === s.id && (
                  <div className="form-card" data-testid="move-session">
                    <label
                      htmlFor={`move-start-${s.id}`}
                      style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}
                    >
                      <FormattedMessage id="sessions.startsAt" values={{ zone: s.timeZone }} />
                    </label>
                    <Input
                      id={`move-start-${s.id}`}
                      type="datetime-local"
                      value={moving.startsAt}
                      onChange={(e) => setMoving({ id: s.id, startsAt: e.target.value })}
                    />
                    {unavailable?.target === s.id && (
                      <UnavailableAlert
                        names={unavailable.names}
                        busy={busy}
                        onBookAnyway={unavailable.retry}
                      />
                    )}
                    {error && (
                      <Alert
                        type="error"
                        showIcon
                        role="alert"
                        message={error}
                        style={{ marginTop: 12 }}
                      />
                    )}
                    <div className="form-actions">
                      <Button
                        onClick={() => {
                          setMoving(null);
                          setUnavailable(null);
                          setError(null);
                        }}
                      >
                        <FormattedMessage id="calendar.moveCancel" />
                      </Button>
                      <Button type="primary" loading={busy} onClick={() => void move()}>
                        <FormattedMessage id="calendar.moveSave" />
                      </Button>
                    </div>
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
                  status={startsInPast ? 'error' : undefined}
                  aria-invalid={startsInPast}
                  aria-describedby={startsInPast ? 'session-start-past' : undefined}
                  onChange={(e) => setStartsAt(e.target.value)}
                />
                {startsInPast && (
                  <Alert
                    id="session-start-past"
                    type="error"
                    showIcon
                    role="alert"
                    style={{ marginTop: 8 }}
                    message={<FormattedMessage id="partySteps.sessions.inPast" />}
                    description={
                      heldToday ? (
                        <>
                          <p style={{ margin: '4px 0 8px' }}>
                            <FormattedMessage id="partySteps.sessions.heldHelp" />
                          </p>
                          <Button loading={busy} onClick={() => void schedule(true)}>
                            <FormattedMessage id="partySteps.sessions.heldToday" />
                          </Button>
                        </>
                      ) : undefined
                    }
                  />
                )}
              </div>
              <div>
                <label
                  htmlFor="session-duration"
                  style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}
                >
                  <FormattedMessage id="sessions.duration" />
                </label>
                <AmountInput id="session-duration" value={duration} onChange={setDuration} />
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
            {unavailable?.target === 'new' && (
              <UnavailableAlert
                names={unavailable.names}
                busy={busy}
                onBookAnyway={unavailable.retry}
              />
            )}
            {error && !moving && (
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
        {!canSchedule && error && !moving && (
          <Alert type="error" showIcon role="alert" message={error} />
        )}
      </section>
    </AreaMessages>
  );
}

/**
 * A held session's record for the team: interpreter presence (and the officer's reason if none
 * was needed but absent), who recorded it, the minutes with their translations side by side, the
 * corrections and how many attendees confirmed the current version.
 */
function StaffRecordView({
  detail,
  session: s,
}: {
  detail: CaseDetail & { relations?: string[] };
  session: ListedSession;
}) {
  const intl = useIntl();
  const r = s.record!;
  const date = (at: string) => intl.formatDate(at, { dateStyle: 'medium' });
  const names = new Intl.DisplayNames([intl.locale], { type: 'language', fallback: 'code' });
  return (
    <div className="session-record" data-testid={`staff-record-${s.id}`}>
      <p>
        <Tag color={s.interpreterPresent ? 'green' : 'gold'}>
          <FormattedMessage
            id={s.interpreterPresent ? 'record.interpreterWas' : 'record.interpreterWasNot'}
          />
        </Tag>
        <Tag>
          <FormattedMessage id="sessionRecord.heading" values={{ version: r.version }} />
        </Tag>
        {r.recordedByName && (
          <FormattedMessage
            id="sessionRecord.recordedBy"
            values={{ name: r.recordedByName, date: date(r.recordedAt) }}
          />
        )}
      </p>
      {r.interpreterAbsence && (
        <Alert
          type="info"
          showIcon
          style={{ margin: '8px 0' }}
          message={
            <FormattedMessage
              id="sessionRecord.interpreterAbsence"
              values={{
                name: <bdi>{r.interpreterAbsence.recordedByName}</bdi>,
                reason: <bdi>{r.interpreterAbsence.reason}</bdi>,
              }}
            />
          }
        />
      )}
      <div
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fit, minmax(min(280px, 100%), 1fr))',
          gap: 12,
          margin: '8px 0',
        }}
      >
        {[{ language: r.language, text: r.text }, ...r.translations].map((t) => (
          <div key={t.language}>
            <strong>{names.of(t.language) ?? t.language}</strong>
            <p dir="auto" className="record-text" lang={t.language}>
              {t.text}
            </p>
          </div>
        ))}
      </div>
      <RecordRevisions revisions={r.revisions} />
      {(detail.relations ?? []).includes('mediator') && (
        <SightTranslationActions detail={detail} session={s} />
      )}
      <p>
        {r.fullyConfirmed ? (
          <FormattedMessage id="sessionRecord.fullyConfirmed" />
        ) : (
          <FormattedMessage
            id="sessionRecord.confirmations"
            values={{ confirmed: r.confirmedBy.length, total: r.attendees.length }}
          />
        )}
      </p>
    </div>
  );
}

const baseOf = (tag: string) => tag.toLowerCase().split(/[-_]/)[0]!;

/**
 * For a team member: the attending parties who cannot read any version of the record yet, each
 * with "I read it aloud to them" per language they read. The API accepts it only from a team
 * member whose roster profile speaks that language (else 403, shown here); the party may then
 * confirm this version.
 */
function SightTranslationActions({
  detail,
  session: s,
}: {
  detail: CaseDetail;
  session: ListedSession;
}) {
  const errorMessage = useErrorMessage();
  const names = new Intl.DisplayNames([useIntl().locale], { type: 'language', fallback: 'code' });
  const [done, setDone] = useState<string[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const r = s.record!;
  const available = [r.language, ...r.translations.map((t) => t.language)].map(baseOf);
  const waiting = detail.parties.filter(
    (p) =>
      r.attendees.some((a) => a.kind === 'party' && a.id === p.id) &&
      !r.confirmedBy.some((c) => c.kind === 'party' && c.id === p.id) &&
      ![p.preferredLanguage, ...p.languages].map(baseOf).some((l) => available.includes(l)),
  );
  if (waiting.length === 0) return null;
  const attest = async (partyId: string, language: string) => {
    setBusy(`${partyId}:${language}`);
    setError(null);
    try {
      await api.post(`/api/v1/cases/${detail.id}/sessions/${s.id}/sight-translations`, {
        partyId,
        language,
      });
      setDone((d) => [...d, partyId]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };
  return (
    <div data-testid="sight-translation-actions" style={{ margin: '8px 0' }}>
      {waiting.map((p) => (
        <div key={p.id} style={{ marginBottom: 8 }}>
          {done.includes(p.id) ? (
            <Alert
              type="success"
              showIcon
              role="status"
              message={
                <FormattedMessage id="sessionRecord.sightAttested" values={{ name: p.name }} />
              }
            />
          ) : (
            <>
              <p>
                <FormattedMessage
                  id="sessionRecord.unreadableFor"
                  values={{
                    name: <bdi>{p.name}</bdi>,
                    languages: [...new Set([p.preferredLanguage, ...p.languages].map(baseOf))]
                      .map((l) => names.of(l) ?? l)
                      .join(', '),
                  }}
                />
              </p>
              {[...new Set([p.preferredLanguage, ...p.languages].map(baseOf))].map((l) => (
                <Button
                  key={l}
                  size="small"
                  style={{ marginInlineEnd: 8 }}
                  loading={busy === `${p.id}:${l}`}
                  onClick={() => void attest(p.id, l)}
                >
                  <FormattedMessage
                    id="sessionRecord.sightAttest"
                    values={{ name: p.name, language: names.of(l) ?? l }}
                  />
                </Button>
              ))}
            </>
          )}
        </div>
      ))}
      {error && <Alert type="error" showIcon role="alert" message={error} />}
    </div>
  );
}
