import { useCallback, useEffect, useRef, useState } from 'react';
import Alert from 'antd/es/alert';
import Spin from 'antd/es/spin';
import { AreaMessages } from '../../app/AreaMessages';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { AgreementPanel } from './AgreementPanel';
import { EvidencePanel } from './EvidencePanel';
import { listNextSteps } from './list-next-steps';
import { CaseConversation } from '../cases/CaseConversation';
import { conversationMessages } from '../cases/conversation-messages';
import { NextStepsPanel } from './NextStepsPanel';
import { PartySessionsPanel } from './PartySessionsPanel';
import { PartyStepsPanel } from './PartyStepsPanel';
import { partyStepsMessages } from './party-steps-messages';
import { PerformancePanel } from './PerformancePanel';
import { WithdrawPanel } from './WithdrawPanel';
import type { Agreement, PartyCaseDetail, PartySession, Performance } from './party-types';
import { partyMessages } from './party-messages';
import './party.css';

const performingStatuses = ['agreed', 'performing', 'fulfilled', 'breached'];

/** The newest agreement version that still counts (a superseded draft is history). */
const currentAgreement = (items: Agreement[]) =>
  items.filter((a) => a.status !== 'superseded').sort((x, y) => y.version - x.version)[0] ?? null;

function PartyPanels({ detail, onDone }: { detail: PartyCaseDetail; onDone(): void }) {
  const errorMessage = useErrorMessage();
  const errorRef = useRef(errorMessage);
  errorRef.current = errorMessage;
  const [data, setData] = useState<{
    agreement: Agreement | null;
    sessions: PartySession[];
    performance: Performance | null;
  } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [evidenceVersion, setEvidenceVersion] = useState(0);

  const load = useCallback(async () => {
    const base = `/api/v1/cases/${detail.id}`;
    try {
      const [agreements, sessions, performance] = await Promise.all([
        api.get<{ items: Agreement[] }>(`${base}/agreements`),
        api.get<{ items: PartySession[] }>(`${base}/sessions`),
        performingStatuses.includes(detail.status)
          ? api.get<Performance>(`/api/v1/cases/${detail.id}/performance`)
          : Promise.resolve(null),
      ]);
      setData({
        agreement: currentAgreement(agreements.items),
        sessions: sessions.items,
        performance,
      });
    } catch (e) {
      setError(errorRef.current(e));
    }
  }, [detail.id, detail.status]);

  useEffect(() => {
    void load();
  }, [load, detail.version]); // every step the party takes moves the case version

  if (error) return <Alert type="error" showIcon role="alert" message={error} />;
  if (!data)
    return (
      <div className="page-loading" role="status">
        <Spin />
      </div>
    );
  const steps = listNextSteps({ detail, ...data, now: new Date() });
  const due = ['accepted', 'in_mediation'].includes(detail.status) ? detail.mediationDueAt : null;
  return (
    <div className="party-panels">
      <NextStepsPanel steps={steps} mediationDueAt={due} />
      <PartyStepsPanel detail={detail} onDone={onDone} />
      <AgreementPanel detail={detail} agreement={data.agreement} onDone={onDone} />
      {data.performance && (
        <PerformancePanel
          caseId={detail.id}
          performance={data.performance}
          onReported={() => void load()}
        />
      )}
      <PartySessionsPanel detail={detail} sessions={data.sessions} onDone={onDone} />
      <AreaMessages loaders={conversationMessages}>
        <CaseConversation
          caseId={detail.id}
          parties={detail.parties}
          audience="party"
          onEvidenceChanged={() => setEvidenceVersion((v) => v + 1)}
        />
        <EvidencePanel detail={detail} version={evidenceVersion} />
      </AreaMessages>
      <WithdrawPanel detail={detail} onDone={onDone} />
    </div>
  );
}

/** The party's own part of the case page, in its own chunk with its own strings. */
export default function PartyCasePanels(props: { detail: PartyCaseDetail; onDone(): void }) {
  return (
    <AreaMessages loaders={partyMessages}>
      <AreaMessages loaders={partyStepsMessages}>
        <PartyPanels {...props} />
      </AreaMessages>
    </AreaMessages>
  );
}
