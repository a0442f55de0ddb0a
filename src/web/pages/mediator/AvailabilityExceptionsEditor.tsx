import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { LOOKAHEAD_DAYS, type Availability } from './availability-types';
import './calendar.css';

const exceptionKinds = ['leave', 'travel', 'other'] as const;

/** Leave and travel: whole local days on which the mediator cannot be booked. */
export function AvailabilityExceptionsEditor({
  mediatorId,
  availability,
  onChanged,
  mediatorName,
}: {
  mediatorId: string;
  availability: Availability;
  onChanged(): void;
  /** Set when someone else (the director) records this mediator's leave. */
  mediatorName?: string;
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
        <FormattedMessage
          id={mediatorName ? 'calendar.other.exceptions.addTitle' : 'calendar.exceptions.addTitle'}
          values={{ name: <span dir="auto">{mediatorName}</span> }}
        />
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
