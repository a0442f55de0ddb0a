import { useCallback, useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber } from 'react-intl';
import Alert from 'antd/es/alert';
import Descriptions from 'antd/es/descriptions';
import Spin from 'antd/es/spin';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { StatusTag, DueTag } from './CaseTable';
import type { CaseListItem, CaseStatus } from './case-types';
import { StatusTimeline } from './StatusTimeline';

export interface CaseParty {
  id: string;
  role: string;
  kind: string;
  name: string;
  country: string;
  preferredLanguage?: string;
}

export interface CaseDetail extends CaseListItem {
  description?: string;
  parties?: CaseParty[];
  decisionReason?: string | null;
}

export default function CaseWorkspacePage({ caseId }: { caseId: string }) {
  const errorMessage = useErrorMessage();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(caseId)}`));
    } catch (e) {
      setError(errorMessage(e));
    }
    // errorMessage changes with the language only; the case is what we reload for.
  }, [caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert type="error" showIcon role="alert" message={error} />;
  if (!detail)
    return (
      <div className="page-loading" role="status">
        <Spin />
      </div>
    );
  return (
    <section>
      <h1>
        <FormattedMessage id="case.title" values={{ reference: detail.reference }} />
      </h1>
      <p>
        <StatusTag status={detail.status} />
        {detail.mediationDueAt && ['accepted', 'in_mediation'].includes(detail.status) && (
          <DueTag due={detail.mediationDueAt} />
        )}
      </p>
      <p className="lead">
        <FormattedMessage id={`status.${detail.status}.explain`} />
      </p>
      <StatusTimeline status={detail.status as CaseStatus} />
      <h2>
        <FormattedMessage id="case.details" />
      </h2>
      <Descriptions bordered column={{ xs: 1, sm: 1, md: 2 }} size="small">
        <Descriptions.Item label={<FormattedMessage id="cases.category" />}>
          <FormattedMessage id={`category.${detail.category}`} />
        </Descriptions.Item>
        <Descriptions.Item label={<FormattedMessage id="cases.submittedAt" />}>
          <FormattedDate value={detail.submittedAt} dateStyle="long" />
        </Descriptions.Item>
        <Descriptions.Item label={<FormattedMessage id="cases.amount" />}>
          {detail.claimedAmount ? (
            <FormattedNumber
              value={Number(detail.claimedAmount.amount)}
              style="currency"
              currency={detail.claimedAmount.currency}
            />
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label={<FormattedMessage id="cases.summary" />}>
          {detail.summary}
        </Descriptions.Item>
        {detail.description && (
          <Descriptions.Item label={<FormattedMessage id="apply.claim.description" />} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{detail.description}</span>
          </Descriptions.Item>
        )}
      </Descriptions>
      {detail.parties && detail.parties.length > 0 && (
        <>
          <h2>
            <FormattedMessage id="case.parties" />
          </h2>
          <ul className="card-grid" style={{ listStyle: 'none', padding: 0 }}>
            {detail.parties.map((p) => (
              <li key={p.id} className="panel">
                <h3>{p.name}</h3>
                <p>
                  <FormattedMessage
                    id={`apply.party.${p.role === 'respondent' ? 'respondent' : 'applicant'}`}
                  />{' '}
                  ·{' '}
                  {new Intl.DisplayNames([document.documentElement.lang], {
                    type: 'region',
                    fallback: 'code',
                  }).of(p.country)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
