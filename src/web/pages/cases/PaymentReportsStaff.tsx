import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Tag from 'antd/es/tag';
import message from 'antd/es/message';
import { api } from '../../app/api-client';
import { Money } from '../../app/Money';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail } from './case-types';
import type { PaymentReport } from './filing-types';

const statusTone: Record<string, string> = {
  reported: 'processing',
  verified: 'success',
  disputed: 'error',
};

/**
 * The payments the parties reported, for the committee: each with the party, the note and the
 * bank slip to open, and, while it awaits an answer, verify (it is recorded as a payment at the
 * rate of the day it was paid) or dispute with the reason the party is told.
 */
export function PaymentReportsStaff({
  detail,
  reports,
  canDecide,
  onDecided,
}: {
  detail: CaseDetail;
  reports: PaymentReport[];
  canDecide: boolean;
  onDecided(): void;
}) {
  const intl = useIntl();
  const [messageApi, messageHolder] = message.useMessage();
  const pending = reports.filter((r) => r.status === 'reported').length;
  if (reports.length === 0) return null;
  const decided = (saved: string) => {
    void messageApi.success(intl.formatMessage({ id: saved }));
    onDecided();
  };
  return (
    <section aria-labelledby="payment-reports-title" className="payment-reports">
      {messageHolder}
      <h3 id="payment-reports-title">
        <FormattedMessage id="payments.staff.title" />
      </h3>
      <p className="lead" data-testid="payment-reports-pending">
        <FormattedMessage id="payments.staff.pending" values={{ count: pending }} />
      </p>
      <ul className="filings-plain-list" data-testid="payment-reports">
        {reports.map((r) => (
          <ReportItem
            key={r.id}
            detail={detail}
            report={r}
            canDecide={canDecide}
            onDecided={decided}
          />
        ))}
      </ul>
    </section>
  );
}

function ReportItem({
  detail,
  report: r,
  canDecide,
  onDecided,
}: {
  detail: CaseDetail;
  report: PaymentReport;
  canDecide: boolean;
  onDecided(saved: string): void;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [disputing, setDisputing] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const party = detail.parties.find((p) => p.id === r.partyId);
  const base = `/api/v1/cases/${detail.id}/payment-reports/${r.id}`;

  const run = async (call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      onDecided(done);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const verify = () =>
    run(() => api.post(`${base}/verify`, { version: detail.version }), 'payments.staff.verified');
  const dispute = () => {
    if (!reason.trim()) {
      setError(intl.formatMessage({ id: 'payments.staff.reasonRequired' }));
      return;
    }
    return run(
      () => api.post(`${base}/dispute`, { reason: reason.trim() }),
      'payments.staff.disputed',
    );
  };

  return (
    <li data-report-id={r.id} data-status={r.status} className="payment-report">
      <div>
        <FormattedMessage
          id="payments.reports.item"
          values={{
            amount: <Money amount={r.amount} currency={r.currency} />,
            when: <FormattedDate value={r.paidOn} dateStyle="long" timeZone="UTC" />,
          }}
        />{' '}
        <Tag color={statusTone[r.status]}>
          <FormattedMessage id={`payments.status.${r.status}`} />
        </Tag>
      </div>
      <div className="party-muted">
        <FormattedMessage
          id="payments.staff.by"
          values={{ party: <bdi>{party?.name ?? '—'}</bdi> }}
        />
        {' · '}
        <a
          href={`/api/v1/cases/${detail.id}/documents/${r.document.id}/content`}
          target="_blank"
          rel="noreferrer"
        >
          <FormattedMessage
            id="payments.reports.slip"
            values={{ name: <bdi>{r.document.filename}</bdi> }}
          />
        </a>
      </div>
      {r.note && (
        <p>
          <FormattedMessage
            id="payments.staff.note"
            values={{ note: <span dir="auto">{r.note}</span> }}
          />
        </p>
      )}
      {r.status === 'disputed' && r.disputeReason && (
        <p>
          <FormattedMessage
            id="payments.reports.reason"
            values={{ reason: <span dir="auto">{r.disputeReason}</span> }}
          />
        </p>
      )}
      {canDecide && r.status === 'reported' && (
        <div className="payment-report-actions">
          {!disputing ? (
            <>
              <Button type="primary" loading={busy} onClick={() => void verify()}>
                <FormattedMessage id="payments.staff.verify" />
              </Button>{' '}
              <Button danger disabled={busy} onClick={() => setDisputing(true)}>
                <FormattedMessage id="payments.staff.dispute" />
              </Button>
            </>
          ) : (
            <div role="group" aria-labelledby={`dispute-${r.id}-label`}>
              <label id={`dispute-${r.id}-label`} htmlFor={`dispute-${r.id}`}>
                <FormattedMessage id="payments.staff.disputeReason" />
              </label>
              <Input.TextArea
                id={`dispute-${r.id}`}
                dir="auto"
                value={reason}
                maxLength={4000}
                autoSize={{ minRows: 2, maxRows: 6 }}
                onChange={(e) => setReason(e.target.value)}
              />
              <div className="form-actions">
                <Button onClick={() => setDisputing(false)} disabled={busy}>
                  <FormattedMessage id="payments.staff.cancel" />
                </Button>
                <Button danger type="primary" loading={busy} onClick={() => void dispute()}>
                  <FormattedMessage id="payments.staff.disputeSubmit" />
                </Button>
              </div>
            </div>
          )}
        </div>
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} />}
    </li>
  );
}
