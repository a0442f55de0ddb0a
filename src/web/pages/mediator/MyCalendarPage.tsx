import { useCallback, useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Spin from 'antd/es/spin';
import { api } from '../../app/api-client';
import { Link } from '../../app/router';
import { useSession } from '../../app/session';
import { useErrorMessage } from '../../app/use-error-message';
import type { CasePage, CaseSession } from '../cases/case-types';
import './calendar.css';

interface WeeklySlot {
  weekday: number;
  start: string;
  end: string;
}

interface AvailabilityException {
  id: string;
  kind: string;
  startsOn: string;
  endsOn: string;
  note: string | null;
}

/** GET /api/v1/mediators/:id/availability, the parts this page shows. */
interface Availability {
  timeZone: string;
  weekly: WeeklySlot[];
  exceptions: AvailabilityException[];
}

type Upcoming = CaseSession & { caseId: string; reference: string };

/** The availability read covers at most 62 days (list-free-slots.ts); leave further out is not listed. */
const LOOKAHEAD_DAYS = 60;
const exceptionKinds = ['leave', 'travel', 'other'] as const;
/** Sessions are only scheduled while a case is accepted or in mediation. */
const sessionStatuses = new Set(['accepted', 'in_mediation']);

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function Loading() {
  return (
    <div className="page-loading" role="status">
      <Spin />
    </div>
  );
}

/** The mediator's scheduled sessions from now on, across every case they are on. */
function UpcomingSessions() {
  const errorMessage = useErrorMessage();
  const [items, setItems] = useState<Upcoming[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const cases = await api.get<CasePage>('/api/v1/me/cases', { limit: 100 });
      const lists = await Promise.all(
        cases.items
          .filter((c) => sessionStatuses.has(c.status))
          .map(async (c) =>
            (await api.get<{ items: CaseSession[] }>(`/api/v1/cases/${c.id}/sessions`)).items.map(
              (s) => ({ ...s, caseId: c.id, reference: c.reference }),
            ),
          ),
      );
      const now = Date.now();
      return lists
        .flat()
        .filter(
          (s) =>
            s.status === 'scheduled' && Date.parse(s.startsAt) + s.durationMinutes * 60_000 > now,
        )
        .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
    })()
      .then((r) => {
        if (!cancelled) setItems(r);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <section className="panel" aria-labelledby="calendar-upcoming">
      <h2 id="calendar-upcoming">
        <FormattedMessage id="calendar.upcoming.title" />
      </h2>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {!error && !items && <Loading />}
      {items && items.length === 0 && (
        <p className="calendar-muted">
          <FormattedMessage id="calendar.upcoming.empty" />
        </p>
      )}
      {items && items.length > 0 && (
        <ol className="calendar-list" data-testid="upcoming-sessions">
          {items.map((s) => (
            <li key={s.id} className="panel">
              <h3 className="calendar-when">
                <FormattedDate
                  value={s.startsAt}
                  dateStyle="full"
                  timeStyle="short"
                  timeZone={s.timeZone}
                />
              </h3>
              <p>
                <span className="calendar-tag">
                  <FormattedMessage id="calendar.upcoming.zone" values={{ zone: s.timeZone }} />
                </span>
                <FormattedMessage
                  id="calendar.upcoming.duration"
                  values={{ minutes: s.durationMinutes }}
                />
              </p>
              <p>
                <Link href={`/cases/${s.caseId}`}>
                  <FormattedMessage
                    id="calendar.upcoming.case"
                    values={{ reference: <span dir="ltr">{s.reference}</span> }}
                  />
                </Link>
              </p>
              <p>
                {s.mode === 'online' ? (
                  <FormattedMessage id="calendar.upcoming.online" />
                ) : (
                  <span dir="auto">{s.room}</span>
                )}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

interface SlotRow extends WeeklySlot {
  key: number;
}

let rowKeys = 0;
const toRows = (slots: WeeklySlot[]): SlotRow[] => slots.map((s) => ({ ...s, key: ++rowKeys }));

/** The weekly on-call pattern, edited as a whole and saved in one PUT (it replaces the old one). */
function WeeklyEditor({
  mediatorId,
  availability,
}: {
  mediatorId: string;
  availability: Availability;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [rows, setRows] = useState<SlotRow[]>(() => toRows(availability.weekly));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  // 2024-01-01 was a Monday: weekday n (ISO, 1 = Monday) is n - 1 days later.
  const weekdayName = (n: number) =>
    intl.formatDate(Date.UTC(2024, 0, n), { weekday: 'long', timeZone: 'UTC' });

  const change = (key: number, patch: Partial<WeeklySlot>) => {
    setSaved(false);
    setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  };
  const add = () => {
    setSaved(false);
    setRows((rs) => [
      ...rs,
      {
        key: ++rowKeys,
        weekday: rs.length ? (rs[rs.length - 1]!.weekday % 7) + 1 : 1,
        start: '09:00',
        end: '17:00',
      },
    ]);
  };
  const save = async () => {
    setSaved(false);
    if (rows.some((r) => !r.start || !r.end || r.end <= r.start)) {
      setError(intl.formatMessage({ id: 'calendar.weekly.invalid' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const slots = rows
        .map(({ weekday, start, end }) => ({ weekday, start, end }))
        .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));
      await api.put(`/api/v1/mediators/${mediatorId}/availability/weekly`, { slots });
      setRows(toRows(slots));
      setSaved(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby="calendar-weekly">
      <h2 id="calendar-weekly">
        <FormattedMessage id="calendar.weekly.title" />
      </h2>
      <p className="calendar-muted">
        <FormattedMessage
          id="calendar.weekly.help"
          values={{ zone: <span dir="ltr">{availability.timeZone}</span> }}
        />
      </p>
      {rows.length === 0 && (
        <Alert type="info" showIcon message={<FormattedMessage id="calendar.weekly.empty" />} />
      )}
      <div data-testid="weekly-slots">
        {rows.map((r, i) => (
          <div key={r.key} className="calendar-row">
            <div className="calendar-day">
              <label className="calendar-label" htmlFor={`weekly-day-${i}`}>
                <FormattedMessage id="calendar.weekly.day" />
              </label>
              <select
                id={`weekly-day-${i}`}
                className="calendar-select"
                value={r.weekday}
                onChange={(e) => change(r.key, { weekday: Number(e.target.value) })}
              >
                {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                  <option key={d} value={d}>
                    {weekdayName(d)}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label className="calendar-label" htmlFor={`weekly-start-${i}`}>
                <FormattedMessage id="calendar.weekly.from" />
              </label>
              <Input
                id={`weekly-start-${i}`}
                type="time"
                value={r.start}
                onChange={(e) => change(r.key, { start: e.target.value })}
              />
            </div>
            <div>
              <label className="calendar-label" htmlFor={`weekly-end-${i}`}>
                <FormattedMessage id="calendar.weekly.to" />
              </label>
              <Input
                id={`weekly-end-${i}`}
                type="time"
                value={r.end}
                onChange={(e) => change(r.key, { end: e.target.value })}
              />
            </div>
            <Button
              danger
              onClick={() => {
                setSaved(false);
                setRows((rs) => rs.filter((x) => x.key !== r.key));
              }}
              aria-label={intl.formatMessage(
                { id: 'calendar.weekly.removeNamed' },
                { day: weekdayName(r.weekday), start: r.start, end: r.end },
              )}
            >
              <FormattedMessage id="calendar.weekly.remove" />
            </Button>
          </div>
        ))}
      </div>
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
      )}
      {saved && (
        <Alert
          type="success"
          showIcon
          role="status"
          message={<FormattedMessage id="calendar.weekly.saved" />}
          style={{ marginTop: 12 }}
        />
      )}
      <div className="calendar-actions">
        <Button onClick={add}>
          <FormattedMessage id="calendar.weekly.add" />
        </Button>
        <Button type="primary" loading={busy} onClick={() => void save()}>
          <FormattedMessage id="calendar.weekly.save" />
        </Button>
      </div>
    </section>
  );
}

/** Leave and travel: whole local days on which the mediator cannot be booked. */
function ExceptionsEditor({
  mediatorId,
  availability,
  onChanged,
}: {
  mediatorId: string;
  availability: Availability;
  onChanged(): void;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [kind, setKind] = useState<(typeof exceptionKinds)[number]>('leave');
  const [startsOn, setStartsOn] = useState('');
  const [endsOn, setEndsOn] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const dateOf = (d: string) => Date.parse(`${d}T12:00:00Z`);

  const add = async () => {
    const days = /^\d{4}-\d{2}-\d{2}$/;
    if (!days.test(startsOn) || !days.test(endsOn) || endsOn < startsOn) {
      setError(intl.formatMessage({ id: 'calendar.exceptions.invalid' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/mediators/${mediatorId}/availability/exceptions`, {
        kind,
        startsOn,
        endsOn,
        note: note.trim() || null,
      });
      setStartsOn('');
      setEndsOn('');
      setNote('');
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (id: string) => {
    setError(null);
    try {
      await api.delete(`/api/v1/mediators/${mediatorId}/availability/exceptions/${id}`);
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section className="panel" aria-labelledby="calendar-exceptions">
      <h2 id="calendar-exceptions">
        <FormattedMessage id="calendar.exceptions.title" />
      </h2>
      {availability.exceptions.length === 0 ? (
        <p className="calendar-muted">
          <FormattedMessage id="calendar.exceptions.empty" values={{ days: LOOKAHEAD_DAYS }} />
        </p>
      ) : (
        <ul className="calendar-list" data-testid="availability-exceptions">
          {availability.exceptions.map((x) => {
            const when = intl.formatDateTimeRange(dateOf(x.startsOn), dateOf(x.endsOn), {
              dateStyle: 'medium',
              timeZone: 'UTC',
            });
            return (
              <li key={x.id} className="panel calendar-exception">
                <span>
                  <span className="calendar-tag">
                    <FormattedMessage id={`calendar.exceptions.kind.${x.kind}`} />
                  </span>
                  {when}
                  {x.note && (
                    <span className="calendar-muted calendar-note" dir="auto">
                      {x.note}
                    </span>
                  )}
                </span>
                <Button
                  danger
                  onClick={() => void remove(x.id)}
                  aria-label={intl.formatMessage(
                    { id: 'calendar.exceptions.removeNamed' },
                    { when },
                  )}
                >
                  <FormattedMessage id="calendar.exceptions.remove" />
                </Button>
              </li>
            );
          })}
        </ul>
      )}
      <h3 className="calendar-add-title">
        <FormattedMessage id="calendar.exceptions.addTitle" />
      </h3>
      <div className="calendar-row">
        <div>
          <label className="calendar-label" htmlFor="exception-kind">
            <FormattedMessage id="calendar.exceptions.kind" />
          </label>
          <select
            id="exception-kind"
            className="calendar-select"
            value={kind}
            onChange={(e) => setKind(e.target.value as (typeof exceptionKinds)[number])}
          >
            {exceptionKinds.map((k) => (
              <option key={k} value={k}>
                {intl.formatMessage({ id: `calendar.exceptions.kind.${k}` })}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="calendar-label" htmlFor="exception-start">
            <FormattedMessage id="calendar.exceptions.startsOn" />
          </label>
          <Input
            id="exception-start"
            type="date"
            value={startsOn}
            onChange={(e) => {
              setStartsOn(e.target.value);
              if (!endsOn || endsOn < e.target.value) setEndsOn(e.target.value);
            }}
          />
        </div>
        <div>
          <label className="calendar-label" htmlFor="exception-end">
            <FormattedMessage id="calendar.exceptions.endsOn" />
          </label>
          <Input
            id="exception-end"
            type="date"
            value={endsOn}
            min={startsOn || undefined}
            onChange={(e) => setEndsOn(e.target.value)}
          />
        </div>
        <div>
          <label className="calendar-label" htmlFor="exception-note">
            <FormattedMessage id="calendar.exceptions.note" />
          </label>
          <Input
            id="exception-note"
            value={note}
            maxLength={500}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
      </div>
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
      )}
      <div className="calendar-actions">
        <Button type="primary" loading={busy} onClick={() => void add()}>
          <FormattedMessage id="calendar.exceptions.add" />
        </Button>
      </div>
    </section>
  );
}

/** The personal ICS feed: its URL is a credential, shown once when made; a new one revokes the old. */
function CalendarFeed() {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [url, setUrl] = useState<string | null>(null);
  const [revoked, setRevoked] = useState<number | null>(null);
  const [copied, setCopied] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (f: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      await f();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const create = () =>
    run(async () => {
      const r = await api.post<{ url: string }>('/api/v1/calendar/feed');
      setRevoked(null);
      setUrl(r.url);
    });
  const revoke = () =>
    run(async () => {
      const r = await api.delete<{ revoked: number }>('/api/v1/calendar/feed');
      setUrl(null);
      setRevoked(r.revoked);
    });
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url!);
      setCopied(true);
    } catch {
      // Without clipboard access the link stays selectable in the field.
      document.getElementById('calendar-feed-url')?.focus();
    }
  };

  return (
    <section className="panel" aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">
        <FormattedMessage id="calendar.feed.title" />
      </h2>
      <p className="calendar-muted">
        <FormattedMessage id="calendar.feed.help" />
      </p>
      {url && (
        <div data-testid="calendar-feed">
          <label className="calendar-label" htmlFor="calendar-feed-url">
            <FormattedMessage id="calendar.feed.url" />
          </label>
          <div className="calendar-feed-url">
            <Input id="calendar-feed-url" readOnly value={url} onFocus={(e) => e.target.select()} />
            <Button onClick={() => void copy()}>
              <FormattedMessage id="calendar.feed.copy" />
            </Button>
          </div>
          <Alert
            type="warning"
            showIcon
            message={intl.formatMessage({
              id: copied ? 'calendar.feed.copied' : 'calendar.feed.once',
            })}
          />
        </div>
      )}
      {revoked !== null && (
        <Alert
          type="info"
          showIcon
          role="status"
          message={<FormattedMessage id="calendar.feed.revoked" values={{ count: revoked }} />}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      <div className="calendar-actions">
        <Button type="primary" loading={busy} onClick={() => void create()}>
          <FormattedMessage id={url ? 'calendar.feed.rotate' : 'calendar.feed.create'} />
        </Button>
        <Button danger disabled={busy} onClick={() => void revoke()}>
          <FormattedMessage id="calendar.feed.revoke" />
        </Button>
      </div>
    </section>
  );
}

/** The mediator's own calendar: upcoming sessions, weekly hours, leave and the ICS subscription. */
export default function MyCalendarPage() {
  const { user } = useSession();
  const errorMessage = useErrorMessage();
  // A mediator on several committees' rosters edits the first; the others are rare enough to wait.
  const mediatorId = user?.mediatorIds[0];
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    if (!mediatorId) return;
    const today = Date.now();
    api
      .get<Availability>(`/api/v1/mediators/${mediatorId}/availability`, {
        from: isoDay(today),
        to: isoDay(today + LOOKAHEAD_DAYS * 86_400_000),
      })
      .then(setAvailability)
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [mediatorId]);

  useEffect(load, [load]);

  return (
    <section>
      <h1>
        <FormattedMessage id="calendar.title" />
      </h1>
      {!mediatorId ? (
        <Alert type="info" showIcon message={<FormattedMessage id="calendar.notMediator" />} />
      ) : (
        <div className="calendar-sections">
          <p className="lead" style={{ margin: 0 }}>
            <FormattedMessage id="calendar.intro" />
          </p>
          <UpcomingSessions />
          {error && <Alert type="error" showIcon role="alert" message={error} />}
          {!error && !availability && <Loading />}
          {availability && (
            <>
              <WeeklyEditor mediatorId={mediatorId} availability={availability} />
              <ExceptionsEditor
                mediatorId={mediatorId}
                availability={availability}
                onChanged={load}
              />
            </>
          )}
          <CalendarFeed />
        </div>
      )}
    </section>
  );
}
