import { FormattedMessage, useIntl } from 'react-intl';
import type { SessionRecordView } from './case-types';

/**
 * The versions of a session record, collapsed under "corrected n times": who wrote each and
 * when, and the reason for each correction on its own line, in whatever language it was written
 * (dir="auto", so a Chinese reason reads right in an Arabic page).
 */
export function RecordRevisions({ revisions }: { revisions: SessionRecordView['revisions'] }) {
  const intl = useIntl();
  if (revisions.length < 2) return null;
  return (
    <details style={{ margin: '8px 0' }}>
      <summary>
        <FormattedMessage id="sessionRecord.history" values={{ count: revisions.length - 1 }} />
      </summary>
      <ol style={{ paddingInlineStart: '1.4em', margin: '6px 0' }}>
        {revisions.map((r) => (
          <li key={r.version} style={{ marginBottom: 6 }}>
            <FormattedMessage
              id={r.reason ? 'sessionRecord.revisionCorrected' : 'sessionRecord.revisionFirst'}
              values={{
                version: r.version,
                date: intl.formatDate(r.at, { dateStyle: 'medium' }),
                name: <bdi>{r.byName ?? '—'}</bdi>,
              }}
            />
            {r.reason && (
              <div dir="auto" className="record-text" style={{ color: 'inherit' }}>
                {r.reason}
              </div>
            )}
          </li>
        ))}
      </ol>
    </details>
  );
}
