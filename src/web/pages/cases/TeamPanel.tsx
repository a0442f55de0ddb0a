import { useEffect, useState } from 'react';
import { FormattedMessage } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Spin from 'antd/es/spin';
import Tag from 'antd/es/tag';
import { api } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail, Candidate, TeamProposal } from './case-types';

function CandidateCard({ c, roleId }: { c: Candidate; roleId: string }) {
  return (
    <div className="panel">
      <h3>
        <FormattedMessage id={roleId} />: <bdi>{c.displayName}</bdi>{' '}
        {c.atLimit && (
          <Tag style={{ color: '#1f2933', borderColor: '#c2410c', background: '#fff' }}>
            <FormattedMessage id="team.atLimit" />
          </Tag>
        )}
      </h3>
      {/* The server writes the reasons in the page language (?lang=). */}
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {c.reasons.map((r) => (
          <li key={r.code + r.text}>{r.text}</li>
        ))}
      </ul>
    </div>
  );
}

/** The suggested "1+1" team (a lead and a lawyer) with the reasons behind it, adopted in one click. */
export function TeamPanel({ detail, onDone }: { detail: CaseDetail; onDone(): void }) {
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const [proposal, setProposal] = useState<TeamProposal | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canAssign = detail.allowedActions.includes('assign_team') && detail.team.length === 0;

  useEffect(() => {
    if (!canAssign) return;
    let cancelled = false;
    api
      .get<TeamProposal>(`/api/v1/cases/${detail.id}/team-proposal`, { lang: locale })
      .then((p) => !cancelled && setProposal(p))
      .catch((e: unknown) => !cancelled && setError(errorMessage(e)));
    return () => {
      cancelled = true;
    };
  }, [detail.id, canAssign, locale]); // reasons are re-fetched in the new language

  if (!canAssign) return null;
  const adopt = async () => {
    if (!proposal?.lead) return;
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/v1/cases/${detail.id}/team`, {
        version: detail.version,
        lead: proposal.lead.mediatorId,
        ...(proposal.lawyer ? { lawyer: proposal.lawyer.mediatorId } : {}),
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="team-title" style={{ marginTop: 16 }}>
      <h2 id="team-title">
        <FormattedMessage id="team.suggested" />
      </h2>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {!proposal && !error && <Spin />}
      {proposal && !proposal.lead && (
        <Alert type="warning" showIcon message={<FormattedMessage id="team.none" />} />
      )}
      {proposal?.lead && (
        <>
          <div className="card-grid">
            <CandidateCard c={proposal.lead} roleId="team.lead" />
            {proposal.lawyer && <CandidateCard c={proposal.lawyer} roleId="team.lawyer" />}
          </div>
          <div className="form-actions">
            <span />
            <Button type="primary" loading={busy} onClick={() => void adopt()}>
              <FormattedMessage id="team.propose" />
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
