import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { useErrorMessage } from '../../app/use-error-message';
import type { ActionsCaseDetail } from './case-action-types';

/** The director's decision on the applicant's single appeal against a rejection, with reasons. */
export function AppealDecisionSection({
  detail,
  run,
}: {
  detail: ActionsCaseDetail;
  run(decision: 'overturn' | 'uphold', reason: string): Promise<void>;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const appeal = detail.appeal;
  if (!appeal) return null;

  const decide = async (decision: 'overturn' | 'uphold') => {
    if (!reason.trim()) {
      setError(intl.formatMessage({ id: 'caseActions.reasonRequired' }));
      return;
    }
    setBusy(decision);
    setError(null);
    try {
      await run(decision, reason.trim());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="case-action" role="group" aria-labelledby="appeal-title">
      <h3 id="appeal-title">
        <FormattedMessage id="caseActions.appeal.title" />
      </h3>
      <p>
        <FormattedMessage
          id="caseActions.appeal.lodged"
          values={{ date: <FormattedDate value={appeal.createdAt} dateStyle="long" /> }}
        />
      </p>
      <blockquote className="case-action-quote" dir="auto">
        {appeal.reason}
      </blockquote>
      <label htmlFor="appeal-reason" className="case-action-label">
        <FormattedMessage id="caseActions.appeal.reason" />
      </label>
      <Input.TextArea
        id="appeal-reason"
        value={reason}
        maxLength={4000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(e) => setReason(e.target.value)}
      />
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
      )}
      <div className="form-actions">
        <Button danger loading={busy === 'uphold'} onClick={() => void decide('uphold')}>
          <FormattedMessage id="caseActions.appeal.uphold" />
        </Button>
        <Button
          type="primary"
          loading={busy === 'overturn'}
          onClick={() => void decide('overturn')}
        >
          <FormattedMessage id="caseActions.appeal.overturn" />
        </Button>
      </div>
    </div>
  );
}
