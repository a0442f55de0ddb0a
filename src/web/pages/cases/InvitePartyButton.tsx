import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import { api, ApiError } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { isCommitteeStaff, isOpenCase, type ActionsCaseDetail } from './case-action-types';
import type { CaseDetail, CaseParty } from './case-types';

/**
 * Invites one party to follow the case: the server e-mails a one-time sign-in link in the
 * party's language. The link never comes back to the screen, so only the party's mailbox has it.
 */
export function InvitePartyButton({
  detail,
  party,
  onDone,
}: {
  detail: CaseDetail;
  party: CaseParty;
  onDone(): void;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ email: string | null; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!isCommitteeStaff(detail as ActionsCaseDetail) || !isOpenCase(detail)) return null;
  const nameId = `party-name-${party.id}`;

  const invite = async () => {
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      const r = await api.post<{ expiresAt: string }>(
        `/api/v1/cases/${detail.id}/parties/${party.id}/invitations`,
        { version: detail.version },
      );
      setSent({ email: party.email, expiresAt: r.expiresAt });
      onDone();
    } catch (e) {
      // The server answers 400 on partyId when it has no address to send the link to.
      setError(
        e instanceof ApiError && e.status === 400 && e.field === 'partyId'
          ? intl.formatMessage({ id: 'caseActions.invite.noEmail' })
          : errorMessage(e),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="invite-party">
      <Button size="small" loading={busy} aria-describedby={nameId} onClick={() => void invite()}>
        <FormattedMessage id="caseActions.invite.button" />
      </Button>
      {sent && (
        <Alert
          type="success"
          showIcon
          role="status"
          style={{ marginTop: 8 }}
          message={
            <FormattedMessage
              id="caseActions.invite.sent"
              values={{
                email: <span dir="ltr">{sent.email ?? '—'}</span>,
                date: <FormattedDate value={sent.expiresAt} dateStyle="long" />,
              }}
            />
          }
        />
      )}
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 8 }} />
      )}
    </div>
  );
}
