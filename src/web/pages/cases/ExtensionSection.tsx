import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Tag from 'antd/es/tag';
import { AmountInput } from '../../app/AmountInput';
import { api, ApiError } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import type { ActionsCaseDetail } from './case-action-types';

/**
 * The parties who consented to the next extension. Consents are per extension (the server's
 * kind `extension#<n>`), and staff read them from the audited timeline, where each consent event
 * names its party and extension.
 */
export function consentedPartyIds(detail: ActionsCaseDetail): Set<string> {
  const kind = `extension#${detail.deadlines.extensions.length + 1}`;
  const ids = new Set<string>();
  for (const e of detail.timeline) {
    const s = e.summary as { kind?: unknown; partyId?: unknown } | undefined;
    if (e.action === 'consent.extension' && s?.kind === kind && typeof s.partyId === 'string')
      ids.add(s.partyId);
  }
  return ids;
}

/** Days before the mediation deadline from which the extension is shown unfolded. */
const EXTENSION_UNFOLDS_DAYS = 7;

/** Extending the mediation period: each party's consent first, then the extension itself. */
export function ExtensionSection({
  detail,
  onDone,
}: {
  detail: ActionsCaseDetail;
  onDone(): void;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [days, setDays] = useState('30');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const consented = consentedPartyIds(detail);
  const total = detail.parties.length;
  const count = detail.parties.filter((p) => consented.has(p.id)).length;
  const everyone = count === total;
  const due = detail.deadlines.mediationDueAt;
  // Folded away until it is needed: the deadline is near or past, or consents are being gathered.
  const needed =
    count > 0 ||
    (due !== null &&
      new Date(due).getTime() - Date.now() < EXTENSION_UNFOLDS_DAYS * 24 * 3_600_000);
  const [unfolded, setUnfolded] = useState(false);

  const recordConsent = async (partyId: string) => {
    setBusy(partyId);
    setError(null);
    try {
      await api.post(`/api/v1/cases/${detail.id}/extension-consents`, { partyId });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const extend = async () => {
    const n = Number(days);
    if (!Number.isInteger(n) || n < 1 || n > 90 || !reason.trim()) {
      setError(intl.formatMessage({ id: 'caseActions.extension.incomplete' }));
      return;
    }
    setBusy('extend');
    setError(null);
    try {
      await api.post(`/api/v1/cases/${detail.id}/extend`, {
        version: detail.version,
        days: n,
        reason: reason.trim(),
      });
      setReason('');
      onDone();
    } catch (e) {
      setError(
        e instanceof ApiError && e.code === 'CONSENT_REQUIRED'
          ? intl.formatMessage({ id: 'caseActions.extension.consentMissing' })
          : errorMessage(e),
      );
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="case-action" role="group" aria-labelledby="extension-title">
      <h3 id="extension-title">
        <FormattedMessage id="caseActions.extension.title" />
      </h3>
      <p>
        {due ? (
          <FormattedMessage
            id="caseActions.extension.due"
            values={{ date: <FormattedDate value={due} dateStyle="long" /> }}
          />
        ) : (
          <FormattedMessage id="caseActions.extension.noDue" />
        )}{' '}
        {detail.deadlines.extensions.length > 0 && (
          <FormattedMessage
            id="caseActions.extension.previous"
            values={{ count: detail.deadlines.extensions.length }}
          />
        )}
      </p>
      {!needed && !unfolded ? (
        <Button onClick={() => setUnfolded(true)} aria-expanded={false}>
          <FormattedMessage id="caseActions.extension.open" />
        </Button>
      ) : (
        extensionForm()
      )}
    </div>
  );

  // Called, not rendered as a component: a component defined here would remount its inputs on
  // every keystroke and lose the focus.
  function extensionForm() {
    return (
      <>
        <Alert
          type="info"
          showIcon
          role="note"
          message={<FormattedMessage id="caseActions.extension.law" />}
          style={{ margin: '8px 0' }}
        />
        <p className="case-action-label" id="extension-consents">
          <FormattedMessage id="caseActions.extension.consentCount" values={{ count, total }} />
        </p>
        <ul className="consent-list" aria-labelledby="extension-consents">
          {detail.parties.map((p) => (
            <li key={p.id}>
              <span className="consent-party">
                <span id={`consent-party-${p.id}`} dir="auto">
                  {p.name}
                </span>{' '}
                <span className="consent-role">
                  (
                  <FormattedMessage
                    id={p.role === 'respondent' ? 'case.role.respondent' : 'case.role.applicant'}
                  />
                  )
                </span>
              </span>
              {consented.has(p.id) ? (
                <Tag className="consent-tag consent-given">
                  <FormattedMessage id="caseActions.extension.consented" />
                </Tag>
              ) : (
                <span className="consent-pending">
                  <Tag className="consent-tag">
                    <FormattedMessage id="caseActions.extension.notConsented" />
                  </Tag>
                  <Button
                    size="small"
                    loading={busy === p.id}
                    aria-describedby={`consent-party-${p.id}`}
                    onClick={() => void recordConsent(p.id)}
                  >
                    <FormattedMessage id="caseActions.extension.recordConsent" />
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ul>
        <p className="case-action-hint">
          <FormattedMessage id="caseActions.extension.onBehalf" />
        </p>
        <div className="extension-form">
          <div>
            <label htmlFor="extension-days" className="case-action-label">
              <FormattedMessage id="caseActions.extension.days" />
            </label>
            <AmountInput
              id="extension-days"
              inputMode="numeric"
              value={days}
              onChange={setDays}
              style={{ maxWidth: 120 }}
            />
          </div>
          <div>
            <label htmlFor="extension-reason" className="case-action-label">
              <FormattedMessage id="caseActions.extension.reason" />
            </label>
            <Input.TextArea
              id="extension-reason"
              value={reason}
              maxLength={4000}
              autoSize={{ minRows: 2, maxRows: 6 }}
              onChange={(e) => setReason(e.target.value)}
            />
          </div>
        </div>
        {error && (
          <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
        )}
        {!everyone && (
          <p className="case-action-hint" id="extension-waiting">
            <FormattedMessage id="caseActions.extension.waiting" />
          </p>
        )}
        <div className="form-actions">
          <span />
          <Button
            type="primary"
            disabled={!everyone}
            aria-describedby={everyone ? undefined : 'extension-waiting'}
            loading={busy === 'extend'}
            onClick={() => void extend()}
          >
            <FormattedMessage id="caseActions.extension.submit" />
          </Button>
        </div>
      </>
    );
  }
}
