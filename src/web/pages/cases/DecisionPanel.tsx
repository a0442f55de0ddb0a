import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail } from './case-types';
import { DuplicateCheck } from './DuplicateCheck';

/** Accept or reject an application; the law wants reasons either way, so the reason is required. */
export function DecisionPanel({ detail, onDone }: { detail: CaseDetail; onDone(): void }) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const verbs = (['accept', 'reject'] as const).filter((v) => detail.allowedActions.includes(v));
  if (verbs.length === 0) return null;

  const decide = async (verb: 'accept' | 'reject') => {
    if (!reason.trim()) {
      setError(intl.formatMessage({ id: 'decision.reasonRequired' }));
      return;
    }
    setBusy(verb);
    setError(null);
    try {
      await api.post(`/api/v1/cases/${detail.id}/${verb}`, {
        version: detail.version,
        reason: reason.trim(),
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="panel" aria-labelledby="decision-title" style={{ marginTop: 16 }}>
      <h2 id="decision-title" style={{ marginTop: 0 }}>
        <FormattedMessage id="decision.title" />
      </h2>
      {verbs.includes('accept') && <DuplicateCheck detail={detail} />}
      <label
        htmlFor="decision-reason"
        style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}
      >
        <FormattedMessage id="decision.reason" />
      </label>
      <Input.TextArea
        id="decision-reason"
        value={reason}
        maxLength={4000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(e) => setReason(e.target.value)}
      />
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
      )}
      <div className="form-actions">
        {verbs.includes('reject') && (
          <Button danger loading={busy === 'reject'} onClick={() => void decide('reject')}>
            <FormattedMessage id="decision.reject" />
          </Button>
        )}
        {verbs.includes('accept') && (
          <Button type="primary" loading={busy === 'accept'} onClick={() => void decide('accept')}>
            <FormattedMessage id="decision.accept" />
          </Button>
        )}
      </div>
    </section>
  );
}
