import { lazy, Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { FormattedDate, FormattedMessage } from 'react-intl';
import Alert from 'antd/es/alert';
import Descriptions from 'antd/es/descriptions';
import Spin from 'antd/es/spin';
import { Money } from '../../app/Money';
import { api } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { useErrorMessage } from '../../app/use-error-message';
import { DueTag, StatusTag } from './CaseTable';
import type { CaseDetail } from './case-types';
import { CaseActionsPanel } from './CaseActionsPanel';
import { DecisionPanel } from './DecisionPanel';
import { FilingsPanel } from './FilingsPanel';
import { InvitePartyButton } from './InvitePartyButton';
import { SessionsPanel } from './SessionsPanel';
import { AgreementStaffPanel } from '../mediator/AgreementStaffPanel';
import { StatusTimeline } from './StatusTimeline';
import { TeamPanel } from './TeamPanel';
import type { PartyCaseDetail } from '../party/party-types';

// A party's own panels (agreement, messages, evidence…) are a chunk of their own.
const PartyCasePanels = lazy(() => import('../party/PartyCasePanels'));
// The staff's conversation and evidence, with their strings, likewise.
const ConversationPanels = lazy(() => import('./ConversationPanels'));

/** One case for whoever may see it: the server sends only what this viewer may see and do (allowedActions). */
export default function CaseWorkspacePage({ caseId }: { caseId: string }) {
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const errorRef = useRef(errorMessage);
  errorRef.current = errorMessage;
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setDetail(await api.get<CaseDetail>(`/api/v1/cases/${encodeURIComponent(caseId)}`));
    } catch (e) {
      setError(errorRef.current(e));
    }
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
  const regionName = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
  const relations = (detail as PartyCaseDetail).relations;
  const isParty = relations.includes('party');
  // Court liaisons see the case but take no part in its conversation.
  const inConversation = relations.some((r) => ['mediator', 'officer', 'director'].includes(r));
  return (
    <section>
      <h1>
        <FormattedMessage
          id="case.title"
          values={{
            reference: (
              <span className="case-reference" dir="ltr">
                {detail.reference}
              </span>
            ),
          }}
        />
      </h1>
      <p>
        <StatusTag status={detail.status} />
        {detail.mediationDueAt && ['accepted', 'in_mediation'].includes(detail.status) && (
          <DueTag due={detail.mediationDueAt} />
        )}
      </p>
      <div className="workspace">
        <div>
          {isParty && (
            <Suspense fallback={null}>
              <PartyCasePanels detail={detail as PartyCaseDetail} onDone={() => void load()} />
            </Suspense>
          )}
          <DecisionPanel detail={detail} onDone={() => void load()} />
          {!isParty && <CaseActionsPanel detail={detail} onDone={() => void load()} />}
          {!isParty && inConversation && (
            <Suspense fallback={null}>
              <ConversationPanels
                caseId={detail.id}
                parties={detail.parties}
                committeeStaff={relations.some((r) => r === 'officer' || r === 'director')}
                teamMediator={relations.includes('mediator')}
              />
            </Suspense>
          )}
          <TeamPanel detail={detail} onDone={() => void load()} />
          <h2>
            <FormattedMessage id="case.details" />
          </h2>
          <Descriptions bordered column={1} size="small">
            <Descriptions.Item label={<FormattedMessage id="cases.category" />}>
              <FormattedMessage id={`category.${detail.category}`} />
            </Descriptions.Item>
            <Descriptions.Item label={<FormattedMessage id="cases.submittedAt" />}>
              <FormattedDate value={detail.submittedAt} dateStyle="long" />
            </Descriptions.Item>
            <Descriptions.Item label={<FormattedMessage id="cases.amount" />}>
              {detail.claimedAmount ? (
                <Money
                  amount={detail.claimedAmount.amount}
                  currency={detail.claimedAmount.currency}
                />
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label={<FormattedMessage id="cases.summary" />}>
              <span dir="auto">{detail.summary}</span>
            </Descriptions.Item>
            <Descriptions.Item label={<FormattedMessage id="apply.claim.description" />}>
              <span dir="auto" style={{ whiteSpace: 'pre-wrap', display: 'block' }}>
                {detail.description}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <h2>
            <FormattedMessage id="case.parties" />
          </h2>
          <ul className="card-grid" style={{ listStyle: 'none', padding: 0 }}>
            {detail.parties.map((p) => (
              <li key={p.id} className="panel">
                <h3 id={`party-name-${p.id}`} dir="auto">
                  {p.name}
                </h3>
                <p>
                  <FormattedMessage
                    id={p.role === 'respondent' ? 'case.role.respondent' : 'case.role.applicant'}
                  />{' '}
                  · {regionName.of(p.country)}
                </p>
                {!isParty && (
                  <InvitePartyButton detail={detail} party={p} onDone={() => void load()} />
                )}
              </li>
            ))}
          </ul>
          {detail.team.length > 0 && (
            <>
              <h2>
                <FormattedMessage id="team.title" />
              </h2>
              <ul className="card-grid" style={{ listStyle: 'none', padding: 0 }}>
                {detail.team.map((m) => (
                  <li key={m.mediatorId} className="panel">
                    <h3 dir="auto">{m.displayName}</h3>
                    <p>
                      <FormattedMessage
                        id={`team.role.${m.role === 'lead' ? 'lead' : m.role === 'lawyer' ? 'lawyer' : 'other'}`}
                      />{' '}
                      · {regionName.of(m.nationality)}
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
          {!isParty && <SessionsPanel detail={detail} onDone={() => void load()} />}
          {!isParty && <AgreementStaffPanel detail={detail} onDone={() => void load()} />}
          {!isParty && <FilingsPanel detail={detail} onDone={() => void load()} />}
        </div>
        <aside aria-labelledby="timeline-title">
          <h2 id="timeline-title">
            <FormattedMessage id="case.timeline" />
          </h2>
          <StatusTimeline status={detail.status} teamFormed={detail.team.length > 0} />
        </aside>
      </div>
    </section>
  );
}
