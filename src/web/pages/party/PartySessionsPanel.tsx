import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Button from 'antd/es/button';
import Tag from 'antd/es/tag';
import { AreaMessages } from '../../app/AreaMessages';
import { sessionRecordMessages } from '../cases/session-record-messages';
import { buildSessionIcs } from './build-session-ics';
import { PartySessionRecord } from './PartySessionRecord';
import type { PartyCaseDetail, PartySession } from './party-types';

function downloadIcs(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/**
 * The party's sessions: when (in the committee's zone and the reader's own), where, an .ics file
 * for their calendar, and the record to read and confirm once the session has been held.
 */
export function PartySessionsPanel({
  detail,
  sessions,
  onDone,
}: {
  detail: PartyCaseDetail;
  sessions: PartySession[];
  onDone(): void;
}) {
  const intl = useIntl();
  const mine = detail.parties.filter((p) => p.isYou).map((p) => p.id);
  const ownZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  const visible = sessions.filter((s) => s.status !== 'cancelled');
  return (
    <AreaMessages loaders={sessionRecordMessages}>
      <section aria-labelledby="party-sessions-title" className="party-section">
        <h2 id="party-sessions-title">
          <FormattedMessage id="sessions.title" />
        </h2>
        {visible.length === 0 && (
          <p className="lead">
            <FormattedMessage id="sessions.empty" />
          </p>
        )}
        <ul className="card-grid party-list">
          {visible.map((s) => {
            const attended = s.record?.attendees.some(
              (p) => p.kind === 'party' && mine.includes(p.id),
            );
            const confirmed = s.record?.confirmedBy.some(
              (p) => p.kind === 'party' && mine.includes(p.id),
            );
            return (
              <li
                key={s.id}
                className="panel"
                // A record is read in full, so its card takes the whole row.
                style={s.record ? { gridColumn: '1 / -1' } : undefined}
              >
                <h3>
                  <FormattedDate
                    value={s.startsAt}
                    dateStyle="full"
                    timeStyle="short"
                    timeZone={s.timeZone}
                  />
                </h3>
                {ownZone !== s.timeZone && (
                  <p className="party-muted">
                    <FormattedMessage
                      id="party.sessions.yourTime"
                      values={{
                        when: (
                          <FormattedDate value={s.startsAt} dateStyle="medium" timeStyle="short" />
                        ),
                      }}
                    />
                  </p>
                )}
                <p>
                  <Tag>
                    <FormattedMessage
                      id={`sessions.status.${s.status === 'held' ? 'held' : 'scheduled'}`}
                    />
                  </Tag>
                  {s.mode === 'online' && s.meetingUrl ? (
                    <a href={s.meetingUrl} target="_blank" rel="noreferrer">
                      <FormattedMessage id="party.sessions.join" />
                    </a>
                  ) : (
                    s.room
                  )}
                </p>
                {s.status === 'scheduled' && (
                  <Button
                    onClick={() =>
                      downloadIcs(
                        `session-${detail.reference}-${s.startsAt.slice(0, 10)}.ics`,
                        buildSessionIcs(s, {
                          summary: intl.formatMessage(
                            { id: 'party.sessions.icsSummary' },
                            { reference: detail.reference },
                          ),
                          description: s.participants.map((p) => p.name).join(', '),
                          now: new Date(),
                        }),
                      )
                    }
                  >
                    <FormattedMessage id="party.sessions.ics" />
                  </Button>
                )}
                {s.record && (
                  <PartySessionRecord
                    caseId={detail.id}
                    sessionId={s.id}
                    record={s.record}
                    attended={!!attended}
                    confirmed={!!confirmed}
                    onDone={onDone}
                  />
                )}
              </li>
            );
          })}
        </ul>
      </section>
    </AreaMessages>
  );
}
