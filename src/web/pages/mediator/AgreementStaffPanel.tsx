import { useCallback, useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Tag from 'antd/es/tag';
import { api } from '../../app/api-client';
import { useSession } from '../../app/session';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail } from '../cases/case-types';
import { AgreementDraftForm } from './AgreementDraftForm';

interface LocalizedText {
  lang: string;
  text: string;
}

interface Agreement {
  id: string;
  version: number;
  status: 'draft' | 'final' | 'in_effect' | 'superseded' | string;
  content: {
    points: { no: number; text: LocalizedText }[];
    amount: string | null;
    currency: string | null;
  };
  textHash: string | null;
  parties: { id: string; name: string; pointsConfirmed: number[] }[];
  signatures: {
    signerKind: string;
    partyId: string | null;
    mediatorId: string | null;
    signerName: string;
  }[];
}

/**
 * The team's side of the agreement: draft it from the proposal, freeze the text, sign as the
 * mediator, and (an officer) apply the committee's seal once every party has signed.
 */
export function AgreementStaffPanel({ detail, onDone }: { detail: CaseDetail; onDone(): void }) {
  const intl = useIntl();
  const { user } = useSession();
  const errorMessage = useErrorMessage();
  const [items, setItems] = useState<Agreement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const canDraft = detail.allowedActions.includes('draft_agreement');
  const isOfficer = (user?.memberships ?? []).some(
    (m) => m.role === 'officer' || m.role === 'director',
  );
  const myMediatorIds = user?.mediatorIds ?? [];

  const load = useCallback(() => {
    api
      .get<{ items: Agreement[] }>(`/api/v1/cases/${detail.id}/agreements`)
      .then((r) => setItems(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [detail.id, detail.version]);
  useEffect(load, [load]);

  const run = async (path: string, body: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await api.post(path, { version: detail.version, ...body });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!items) return null;
  const current = items.find((a) => a.status !== 'superseded');
  if (!current && !canDraft) return null;
  const base = current ? `/api/v1/cases/${detail.id}/agreements/${current.id}` : '';
  const partiesSigned =
    current?.parties.every((p) => current.signatures.some((s) => s.partyId === p.id)) ?? false;
  const mediatorSigned = current?.signatures.some((s) => s.signerKind === 'mediator') ?? false;
  const iCanSign =
    current?.status === 'final' &&
    detail.team.some((m) => myMediatorIds.includes(m.mediatorId)) &&
    !current.signatures.some((s) => s.mediatorId && myMediatorIds.includes(s.mediatorId));

  return (
    <section aria-labelledby="agreement-staff-title" style={{ marginTop: 16 }}>
      <h2 id="agreement-staff-title">
        <FormattedMessage id="agreementStaff.title" />
      </h2>
      {!current && canDraft && <AgreementDraftForm detail={detail} onDone={onDone} />}
      {current && (
        <div className="panel" data-testid="agreement-staff">
          <p>
            <Tag color={current.status === 'in_effect' ? 'green' : 'blue'}>
              <FormattedMessage id={`agreementStaff.status.${current.status}`} />
            </Tag>
            <FormattedMessage id="agreementStaff.version" values={{ version: current.version }} />
          </p>
          <ol className="agreement-points">
            {current.content.points.map((p) => (
              <li key={p.no} dir="auto" lang={p.text.lang}>
                {p.text.text}
              </li>
            ))}
          </ol>
          <ul className="signature-list">
            {current.parties.map((p) => (
              <li key={p.id}>
                <FormattedMessage
                  id="agreementStaff.partyProgress"
                  values={{
                    name: p.name,
                    confirmed: p.pointsConfirmed.length,
                    total: current.content.points.length,
                    signed: current.signatures.some((s) => s.partyId === p.id) ? 'yes' : 'no',
                  }}
                />
              </li>
            ))}
            <li>
              <FormattedMessage
                id="agreementStaff.mediatorSigned"
                values={{ signed: mediatorSigned ? 'yes' : 'no' }}
              />
            </li>
          </ul>
          <div className="toolbar">
            {current.status === 'draft' && canDraft && (
              <Button
                type="primary"
                loading={busy}
                onClick={() => void run(`${base}/finalise`, {})}
              >
                <FormattedMessage id="agreementStaff.finalise" />
              </Button>
            )}
            {iCanSign && (
              <Button
                type="primary"
                loading={busy}
                onClick={() => void run(`${base}/signatures`, { signer: 'mediator' })}
              >
                <FormattedMessage id="agreementStaff.signAsMediator" />
              </Button>
            )}
            {current.status === 'final' && isOfficer && (
              <Button
                type="primary"
                loading={busy}
                disabled={!partiesSigned || !mediatorSigned}
                title={
                  !partiesSigned || !mediatorSigned
                    ? intl.formatMessage({ id: 'agreementStaff.sealWaiting' })
                    : undefined
                }
                onClick={() => void run(`${base}/seal`, {})}
              >
                <FormattedMessage id="agreementStaff.seal" />
              </Button>
            )}
          </div>
        </div>
      )}
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
      )}
    </section>
  );
}
