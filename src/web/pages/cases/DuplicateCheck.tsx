import { useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage } from 'react-intl';
import Alert from 'antd/es/alert';
import { api } from '../../app/api-client';
import type { CaseDetail, CaseStatus } from './case-types';
import { StatusTag } from './CaseTable';

interface Duplicate {
  caseId: string;
  reference: string;
  status: CaseStatus;
  submittedAt: string;
  /** `email:<partyId>` or `name_country:<partyId>`, the party of this case that matched. */
  matches: string[];
}

/**
 * Before deciding on an application, the cases of the last 90 days that share a party with it
 * (GET …/duplicates): the same complaint filed twice should be joined, not mediated twice.
 */
export function DuplicateCheck({ detail }: { detail: CaseDetail }) {
  const [items, setItems] = useState<Duplicate[] | null>(null);
  useEffect(() => {
    api
      .get<{ items: Duplicate[] }>(`/api/v1/cases/${detail.id}/duplicates`)
      .then((r) => setItems(r.items))
      // The check helps the decision but never blocks it. A failed check shows nothing rather
      // than "no duplicates", which it does not know.
      .catch(() => setItems(null));
  }, [detail.id]);
  if (!items) return null;
  const nameOf = (partyId: string) => detail.parties.find((p) => p.id === partyId)?.name ?? '';
  return (
    <div className="duplicate-check" role="group" aria-labelledby="duplicates-title">
      <h3 id="duplicates-title">
        <FormattedMessage id="duplicates.title" />
      </h3>
      {items.length === 0 ? (
        <p>
          <FormattedMessage id="duplicates.none" />
        </p>
      ) : (
        <Alert
          type="warning"
          showIcon
          message={<FormattedMessage id="duplicates.intro" values={{ count: items.length }} />}
          description={
            <ul className="duplicate-list">
              {items.map((d) => (
                <li key={d.caseId}>
                  <a href={`/cases/${d.caseId}`} target="_blank" rel="noreferrer">
                    <bdi>{d.reference}</bdi>
                  </a>{' '}
                  <StatusTag status={d.status} />{' '}
                  <FormattedDate value={d.submittedAt} dateStyle="medium" />
                  <ul>
                    {d.matches.map((m) => {
                      const [kind, partyId] = m.split(':');
                      return (
                        <li key={m}>
                          <FormattedMessage
                            id={kind === 'email' ? 'duplicates.email' : 'duplicates.nameCountry'}
                            values={{ name: <bdi>{nameOf(partyId ?? '')}</bdi> }}
                          />
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          }
        />
      )}
    </div>
  );
}
