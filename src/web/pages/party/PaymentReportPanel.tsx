import { useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import Tag from 'antd/es/tag';
import { AmountInput } from '../../app/AmountInput';
import { api } from '../../app/api-client';
import { Money } from '../../app/Money';
import { useErrorMessage } from '../../app/use-error-message';
import type { Performance } from './party-types';

/** States in which the agreement is being carried out and the party can report a payment. */
const reportable = ['agreed', 'performing', 'breached'];

const statusTone: Record<string, string> = {
  reported: 'processing',
  verified: 'success',
  disputed: 'error',
};

/** Today in the browser's calendar, the latest date a payment can have been made. */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * The payments the party reported, each with the committee's answer, and the form to report
 * one: the amount, the day, optionally the instalment, a note and the bank slip, which is
 * uploaded as evidence of the case first and then named by the report.
 */
export function PaymentReportPanel({
  caseId,
  performance: p,
  onReported,
}: {
  caseId: string;
  performance: Performance;
  onReported(): void;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const slipInput = useRef<HTMLInputElement>(null);
  const [amount, setAmount] = useState('');
  const [paidOn, setPaidOn] = useState(today());
  const [instalmentId, setInstalmentId] = useState<string>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  const canReport =
    reportable.includes(p.status) && p.currency !== null && Number(p.outstanding ?? 0) > 0;
  const open = p.instalments.filter((i) => i.status !== 'paid' && i.status !== 'cancelled');

  const submit = async () => {
    setSent(false);
    const file = slipInput.current?.files?.[0];
    if (!/^\d+(\.\d+)?$/.test(amount) || Number(amount) <= 0 || !paidOn) {
      setError(intl.formatMessage({ id: 'payments.report.incomplete' }));
      return;
    }
    if (!file) {
      setError(intl.formatMessage({ id: 'payments.report.chooseSlip' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const form = new FormData();
      form.append('visibility', 'all');
      form.append('file', file, file.name);
      const slip = await api.upload<{ id: string }>(`/api/v1/cases/${caseId}/documents`, form);
      await api.post(`/api/v1/cases/${caseId}/payment-reports`, {
        amount: { amount, currency: p.currency },
        paidOn,
        ...(instalmentId ? { instalmentId } : {}),
        ...(note.trim() ? { note: note.trim() } : {}),
        documentId: slip.id,
      });
      setAmount('');
      setNote('');
      setInstalmentId('');
      if (slipInput.current) slipInput.current.value = '';
      setSent(true);
      onReported();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {p.paymentReports.length > 0 && (
        <>
          <h3>
            <FormattedMessage id="payments.reports.title" />
          </h3>
          <ul className="party-payment-reports" data-testid="payment-reports">
            {p.paymentReports.map((r) => (
              <li key={r.id} data-status={r.status}>
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
                <div className="party-muted">
                  <a href={`/api/v1/cases/${caseId}/documents/${r.document.id}/content`} download>
                    <FormattedMessage
                      id="payments.reports.slip"
                      values={{ name: <bdi>{r.document.filename}</bdi> }}
                    />
                  </a>
                </div>
                {r.status === 'disputed' && r.disputeReason && (
                  <p className="party-payment-reason">
                    <FormattedMessage
                      id="payments.reports.reason"
                      values={{ reason: <span dir="auto">{r.disputeReason}</span> }}
                    />
                  </p>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {canReport && (
        <div className="form-card" role="group" aria-labelledby="payment-report-title">
          <h3 id="payment-report-title">
            <FormattedMessage id="payments.report.title" />
          </h3>
          <p className="party-muted">
            <FormattedMessage id="payments.report.help" />
          </p>
          <div className="party-grid">
            <div>
              <label htmlFor="report-amount" className="party-label">
                <FormattedMessage id="payments.report.amount" values={{ currency: p.currency }} />
              </label>
              <AmountInput id="report-amount" value={amount} onChange={setAmount} />
            </div>
            <div>
              <label htmlFor="report-paid-on" className="party-label">
                <FormattedMessage id="payments.report.paidOn" />
              </label>
              <Input
                id="report-paid-on"
                type="date"
                value={paidOn}
                max={today()}
                onChange={(e) => setPaidOn(e.target.value)}
              />
            </div>
          </div>
          {open.length > 0 && (
            <>
              <label id="report-instalment-label" className="party-label">
                <FormattedMessage id="payments.report.instalment" />
              </label>
              <Select
                aria-labelledby="report-instalment-label"
                className="party-select"
                value={instalmentId}
                onChange={setInstalmentId}
                options={[
                  {
                    value: '',
                    label: intl.formatMessage({ id: 'payments.report.instalmentNone' }),
                  },
                  ...open.map((i) => ({
                    value: i.id,
                    label: intl.formatMessage(
                      { id: 'payments.report.instalmentOption' },
                      {
                        seq: i.seq,
                        due: intl.formatDate(i.dueOn, { dateStyle: 'medium', timeZone: 'UTC' }),
                      },
                    ),
                  })),
                ]}
              />
            </>
          )}
          <label htmlFor="report-note" className="party-label">
            <FormattedMessage id="payments.report.note" />
          </label>
          <Input.TextArea
            id="report-note"
            dir="auto"
            value={note}
            maxLength={4000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setNote(e.target.value)}
          />
          <label htmlFor="report-slip" className="party-label">
            <FormattedMessage id="payments.report.slip" />
          </label>
          <input
            id="report-slip"
            ref={slipInput}
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.webp,.heic"
            className="party-file"
          />
          <p className="party-muted">
            <FormattedMessage id="payments.report.slipHelp" />
          </p>
          {sent && (
            <Alert
              type="success"
              showIcon
              role="status"
              message={<FormattedMessage id="payments.report.sent" />}
            />
          )}
          {error && <Alert type="error" showIcon role="alert" message={error} />}
          <div className="form-actions">
            <span />
            <Button type="primary" loading={busy} onClick={() => void submit()}>
              <FormattedMessage id="payments.report.submit" />
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
