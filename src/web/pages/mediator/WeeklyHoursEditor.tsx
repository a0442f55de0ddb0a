import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import type { Availability, WeeklySlot } from './availability-types';
import './calendar.css';

interface SlotRow extends WeeklySlot {
  key: number;
}

let rowKeys = 0;
const toRows = (slots: WeeklySlot[]): SlotRow[] => slots.map((s) => ({ ...s, key: ++rowKeys }));

/**
 * The weekly on-call pattern, edited as a whole and saved in one PUT (it replaces the old one).
 * The mediator edits their own on /my-calendar; the director edits any of the roster's, and then
 * the texts name the mediator instead of saying "you".
 */
export function WeeklyHoursEditor({
  mediatorId,
  availability,
  mediatorName,
}: {
  mediatorId: string;
  availability: Availability;
  /** Set when someone else (the director) edits this mediator's hours. */
  mediatorName?: string;
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
          id={mediatorName ? 'calendar.other.weekly.help' : 'calendar.weekly.help'}
          values={{
            zone: <span dir="ltr">{availability.timeZone}</span>,
            name: <span dir="auto">{mediatorName}</span>,
          }}
        />
      </p>
      {rows.length === 0 && (
        <Alert
          type="info"
          showIcon
          message={
            <FormattedMessage
              id={mediatorName ? 'calendar.other.weekly.empty' : 'calendar.weekly.empty'}
              values={{ name: <span dir="auto">{mediatorName}</span> }}
            />
          }
        />
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
          message={
            <FormattedMessage
              id={mediatorName ? 'calendar.other.weekly.saved' : 'calendar.weekly.saved'}
              values={{ name: <span dir="auto">{mediatorName}</span> }}
            />
          }
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
