import { useEffect, useState } from 'react';
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
import { AvailabilityEditors } from './AvailabilityEditors';
import './calendar.css';

type Upcoming = CaseSession & { caseId: string; reference: string };

/** Sessions are only scheduled while a case is accepted or in mediation. */
const sessionStatuses = new Set(['accepted', 'in_mediation']);

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
  // A mediator on several committees' rosters edits the first; the others are rare enough to wait.
  const mediatorId = user?.mediatorIds[0];

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
          <AvailabilityEditors mediatorId={mediatorId} />
          <CalendarFeed />
        </div>
      )}
    </section>
  );
}
