import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import Spin from 'antd/es/spin';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import message from 'antd/es/message';
import { api } from '../../app/api-client';
import type { CaseDetail } from './case-types';
import type { CasePerformance, Instalment } from './filing-types';
import { committeeToday, useFieldErrorMessage } from './use-field-error-message';
import { ReasonedAction } from './ReasonedAction';
import { AreaMessages } from '../../app/AreaMessages';
import { Money } from '../../app/Money';
import { AmountInput } from '../../app/AmountInput';
import { PaymentReportsStaff } from './PaymentReportsStaff';
import { paymentsMessages } from './payments-messages';
import './case-actions.css';

/** Statuses in which an agreement is being, or was, carried out. */
const performanceStatuses = ['agreed', 'performing', 'fulfilled', 'breached', 'referred'];
const followUpMethods = ['visit', 'phone', 'video', 'message'] as const;

const fieldLabels = {
  'amount.amount': 'filings.payment.amount',
  'amount.currency': 'filings.payment.amount',
  paidOn: 'filings.payment.paidOn',
  instalmentId: 'filings.payment.instalment',
  method: 'filings.followUp.method',
  notes: 'filings.followUp.notes',
};

const instalmentTone: Record<string, string> = {
  paid: 'ok',
  due: 'wait',
  missed: 'bad',
  cancelled: 'wait',
};

/** Minor-unit arithmetic on the API's decimal strings, so 0.1 + 0.2 stays exact. */
function remainingOf(i: Instalment): string {
  const scale = Math.max(i.amount.split('.')[1]?.length ?? 0, i.paid.split('.')[1]?.length ?? 0);
  const minor = (s: string) => Math.round(Number(s) * 10 ** scale);
  return ((minor(i.amount) - minor(i.paid)) / 10 ** scale).toFixed(scale);
}

const money = (amount: string, currency: string) => <Money amount={amount} currency={currency} />;

/**
 * Performance of the agreement for the committee's staff: the instalments, the payments received
 * (each fixed in CNY on its day), the follow-up visit, police referrals, and the steps the server
 * allows: start performance, record a payment or the follow-up, declare it breached or fulfilled.
 */
export function PerformanceStaffPanel({ detail, onDone }: { detail: CaseDetail; onDone(): void }) {
  const intl = useIntl();
  const errorMessage = useFieldErrorMessage(fieldLabels);
  const errorRef = useRef(errorMessage);
  errorRef.current = errorMessage;
  const allowed = (a: string) => detail.allowedActions.includes(a);
  const canPolice = allowed('refer_police');
  const performing = performanceStatuses.includes(detail.status);
  // Before an agreement (or after a failure) only the police referral is left here.
  const shown = performing || canPolice;
  const [perf, setPerf] = useState<CasePerformance | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [messageApi, messageHolder] = message.useMessage();

  const load = useCallback(async () => {
    if (!shown) return;
    try {
      setPerf(await api.get<CasePerformance>(`/api/v1/cases/${detail.id}/performance`));
      setError(null);
    } catch (e) {
      setError(errorRef.current(e));
    }
  }, [detail.id, detail.version, shown]); // a new case version may bring payments

  useEffect(() => {
    void load();
  }, [load]);

  if (!shown) return null;

  /** Sends one step, then says it was saved and reloads the case (and with it this panel). */
  const step = async (path: string, body: object, saved: string) => {
    await api.post(`/api/v1/cases/${detail.id}/${path}`, { version: detail.version, ...body });
    void messageApi.success(intl.formatMessage({ id: saved }));
    onDone();
  };

  const hasAgreement = perf !== null && perf.agreementId !== null;
  const open = perf?.instalments.filter(
    (i) => i.agreementId === perf.agreementId && i.status !== 'paid' && i.status !== 'cancelled',
  );
  const pendingFollowUp = perf?.followUps.find((f) => !f.doneAt);

  return (
    <section aria-labelledby="performance-staff-title" className="filings-section">
      {messageHolder}
      <h2 id="performance-staff-title">
        <FormattedMessage
          id={performing ? 'filings.performance.title' : 'filings.policeReferrals.title'}
        />
      </h2>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      {!perf && !error && (
        <div className="filings-loading" role="status">
          <Spin />
        </div>
      )}
      {perf && (
        <>
          {performing && !hasAgreement && (
            <p className="lead">
              <FormattedMessage id="filings.performance.noAgreement" />
            </p>
          )}
          {/* An agreement without money (an apology, a replacement) has nothing owed or recovered. */}
          {hasAgreement && perf.currency && (
            <p className="lead" data-testid="performance-summary">
              {perf.outstanding !== null && (
                <FormattedMessage
                  id="filings.performance.outstanding"
                  values={{
                    amount: <strong>{money(perf.outstanding, perf.currency)}</strong>,
                    count: open?.length ?? 0,
                  }}
                />
              )}{' '}
              <FormattedMessage
                id="filings.performance.recovered"
                values={{ amount: <strong>{money(perf.recoveredCny, 'CNY')}</strong> }}
              />
            </p>
          )}
          {perf.instalments.length > 0 && <InstalmentsTable instalments={perf.instalments} />}
          {hasAgreement && perf.instalments.length === 0 && (
            <p>
              <FormattedMessage id="filings.instalments.none" />
            </p>
          )}
          {perf.paymentReports.length > 0 && (
            <AreaMessages loaders={paymentsMessages}>
              <PaymentReportsStaff
                detail={detail}
                reports={perf.paymentReports}
                canDecide={allowed('record_payment')}
                // A verification moves the case version (the case reloads, and this panel with
                // it); a dispute does not, so the panel reads the reports again itself.
                onDecided={() => {
                  void load();
                  onDone();
                }}
              />
            </AreaMessages>
          )}
          {/* With a plan, against its open instalments; without one (agreements recorded before
              plans were required, the demo history), against the amount still owed. */}
          {allowed('record_payment') &&
            perf.currency &&
            open &&
            (open.length > 0 ||
              (perf.instalments.every((i) => i.agreementId !== perf.agreementId) &&
                Number(perf.outstanding ?? 0) > 0)) && (
              <PaymentForm
                // Starts afresh after each payment: the instalment and amount owed have moved on.
                key={`${open.map((i) => `${i.id}:${i.paid}`).join()}:${perf.outstanding}`}
                open={open}
                owed={perf.outstanding ?? ''}
                currency={perf.currency}
                run={(body) => step('payments', body, 'filings.payment.saved')}
                errorMessage={errorMessage}
              />
            )}
          {hasAgreement && (
            <>
              <h3>
                <FormattedMessage id="filings.payments.title" />
              </h3>
              {perf.payments.length === 0 ? (
                <p>
                  <FormattedMessage id="filings.payments.none" />
                </p>
              ) : (
                <ul className="filings-plain-list" data-testid="payments">
                  {perf.payments.map((p) => (
                    <li key={p.id}>
                      <FormattedMessage
                        id="filings.payments.item"
                        values={{
                          amount: money(p.amount, p.currency),
                          cny: money(p.amountCny, 'CNY'),
                          when: <FormattedDate value={p.paidOn} dateStyle="long" timeZone="UTC" />,
                        }}
                      />
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
          {perf.followUps.length > 0 && (
            <>
              <h3>
                <FormattedMessage id="filings.followUp.title" />
              </h3>
              <ul className="filings-plain-list">
                {perf.followUps.map((f) => (
                  <li key={f.id}>
                    {f.doneAt ? (
                      <FormattedMessage
                        id="filings.followUp.done"
                        values={{
                          when: <FormattedDate value={f.doneAt} dateStyle="long" />,
                          method: intl.formatMessage({
                            id: `filings.followUp.method.${f.method ?? 'visit'}`,
                          }),
                        }}
                      />
                    ) : (
                      <FormattedMessage
                        id="filings.followUp.due"
                        values={{
                          when: <FormattedDate value={f.dueOn} dateStyle="long" timeZone="UTC" />,
                        }}
                      />
                    )}
                    {f.satisfaction !== null && (
                      <>
                        {' '}
                        <FormattedMessage
                          id="filings.followUp.satisfaction"
                          values={{ score: f.satisfaction }}
                        />
                      </>
                    )}
                  </li>
                ))}
              </ul>
              {allowed('record_follow_up') && pendingFollowUp && (
                <FollowUpForm
                  run={(body) =>
                    step(`follow-ups/${pendingFollowUp.id}`, body, 'filings.followUp.saved')
                  }
                  errorMessage={errorMessage}
                />
              )}
            </>
          )}
          {perf.policeReferrals.length > 0 && (
            <>
              {performing && (
                <h3>
                  <FormattedMessage id="filings.policeReferrals.title" />
                </h3>
              )}
              <ul className="filings-plain-list">
                {perf.policeReferrals.map((r) => (
                  <li key={r.id}>
                    <FormattedMessage
                      id="filings.police.item"
                      values={{
                        when: <FormattedDate value={r.referredAt} dateStyle="long" />,
                        reason: (
                          <span dir="auto" className="filings-notes-inline">
                            {r.reason}
                          </span>
                        ),
                      }}
                    />
                  </li>
                ))}
              </ul>
            </>
          )}
          <div className="filings-steps">
            {allowed('start_performance') && (
              <ReasonedAction
                name="start"
                messages="filings"
                run={(note) => step('performance/start', { note }, 'filings.saved')}
              />
            )}
            {allowed('fulfil') && hasAgreement && (
              <FulfilStep
                run={() => step('performance/fulfil', {}, 'filings.saved')}
                errorMessage={errorMessage}
              />
            )}
            {allowed('breach') && (
              <ReasonedAction
                name="breach"
                messages="filings"
                danger
                run={(reason) => step('performance/breach', { reason }, 'filings.saved')}
              />
            )}
            {canPolice && (
              <ReasonedAction
                name="police"
                messages="filings"
                danger
                run={(reason) => step('police-referrals', { reason }, 'filings.saved')}
              />
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** The instalments, in a box of their own that scrolls sideways on a phone instead of widening the page. */
function InstalmentsTable({ instalments }: { instalments: Instalment[] }) {
  const intl = useIntl();
  return (
    <div className="filings-table-wrap">
      <Table<Instalment>
        rowKey="id"
        size="small"
        dataSource={instalments}
        pagination={false}
        scroll={{ x: 'max-content' }}
        title={() => (
          <span className="filings-table-title">
            <FormattedMessage id="filings.instalments.title" />
          </span>
        )}
        columns={[
          { title: intl.formatMessage({ id: 'filings.instalments.seq' }), dataIndex: 'seq' },
          {
            title: intl.formatMessage({ id: 'filings.instalments.dueOn' }),
            dataIndex: 'dueOn',
            render: (d: string) => <FormattedDate value={d} dateStyle="medium" timeZone="UTC" />,
          },
          {
            title: intl.formatMessage({ id: 'filings.instalments.amount' }),
            dataIndex: 'amount',
            render: (a: string, i) => money(a, i.currency),
          },
          {
            title: intl.formatMessage({ id: 'filings.instalments.paid' }),
            dataIndex: 'paid',
            render: (a: string, i) => money(a, i.currency),
          },
          {
            title: intl.formatMessage({ id: 'court.status' }),
            dataIndex: 'status',
            render: (s: string) => (
              <Tag className={`filings-tag filings-tag-${instalmentTone[s] ?? 'wait'}`}>
                <FormattedMessage id={`filings.instalments.status.${s}`} />
              </Tag>
            ),
          },
        ]}
      />
    </div>
  );
}

type Run<T> = (body: T) => Promise<void>;

/** Shared busy/error handling of the panel's forms. */
function useStep(errorMessage: (e: unknown) => string) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const go = async (call: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      return true;
    } catch (e) {
      setError(errorMessage(e));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, setError, go };
}

function ErrorLine({ error }: { error: string | null }): ReactNode {
  return error ? (
    <Alert type="error" showIcon role="alert" message={error} className="filings-alert" />
  ) : null;
}

/** A payment against one instalment, prefilled with what it still owes and today's date. */
function PaymentForm({
  open,
  owed,
  currency,
  run,
  errorMessage,
}: {
  /** The open instalments; none for an agreement without a plan, which owes `owed` as a whole. */
  open: Instalment[];
  owed: string;
  currency: string;
  run: Run<{
    amount: { amount: string; currency: string };
    paidOn: string;
    instalmentId?: string;
  }>;
  errorMessage(e: unknown): string;
}) {
  const intl = useIntl();
  const [instalmentId, setInstalmentId] = useState(open[0]?.id);
  const [amount, setAmount] = useState(open[0] ? remainingOf(open[0]) : owed);
  const [paidOn, setPaidOn] = useState(committeeToday());
  const { busy, error, setError, go } = useStep(errorMessage);

  const choose = (id: string) => {
    setInstalmentId(id);
    const i = open.find((x) => x.id === id);
    if (i) setAmount(remainingOf(i));
  };
  const submit = async () => {
    if (!/^\d+(\.\d+)?$/.test(amount.trim()) || Number(amount) <= 0 || !paidOn) {
      setError(intl.formatMessage({ id: 'filings.incomplete' }));
      return;
    }
    await go(() =>
      run({
        amount: { amount: amount.trim(), currency },
        paidOn,
        ...(instalmentId ? { instalmentId } : {}),
      }),
    );
  };

  return (
    <div className="panel filings-form" role="group" aria-labelledby="payment-form-title">
      <h3 id="payment-form-title">
        <FormattedMessage id="filings.payment.title" />
      </h3>
      {open.length > 0 && (
        <>
          <label
            id="payment-instalment-label"
            htmlFor="payment-instalment"
            className="filings-label"
          >
            <FormattedMessage id="filings.payment.instalment" />
          </label>
          <Select
            id="payment-instalment"
            aria-labelledby="payment-instalment-label"
            className="filings-select"
            value={instalmentId}
            onChange={choose}
            options={open.map((i) => ({
              value: i.id,
              label: intl.formatMessage(
                { id: 'filings.payment.instalmentOption' },
                {
                  seq: i.seq,
                  due: intl.formatDate(i.dueOn, { dateStyle: 'medium', timeZone: 'UTC' }),
                  owed: intl.formatNumber(Number(remainingOf(i)), { style: 'currency', currency }),
                },
              ),
            }))}
          />
        </>
      )}
      <div className="filings-fields">
        <div>
          <label htmlFor="payment-amount" className="filings-label">
            <FormattedMessage id="filings.payment.amount" />
          </label>
          <AmountInput id="payment-amount" value={amount} suffix={currency} onChange={setAmount} />
        </div>
        <div>
          <label htmlFor="payment-paid-on" className="filings-label">
            <FormattedMessage id="filings.payment.paidOn" />
          </label>
          <Input
            id="payment-paid-on"
            type="date"
            value={paidOn}
            max={committeeToday()}
            onChange={(e) => setPaidOn(e.target.value)}
          />
        </div>
      </div>
      <ErrorLine error={error} />
      <div className="form-actions">
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          <FormattedMessage id="filings.payment.submit" />
        </Button>
      </div>
    </div>
  );
}

/** The follow-up visit (回访, "三必"): how it was made, what was found, and the party's satisfaction. */
function FollowUpForm({
  run,
  errorMessage,
}: {
  run: Run<{ method: string; notes: string; satisfaction?: number }>;
  errorMessage(e: unknown): string;
}) {
  const intl = useIntl();
  const [method, setMethod] = useState<string>('phone');
  const [notes, setNotes] = useState('');
  const [satisfaction, setSatisfaction] = useState<number | undefined>();
  const { busy, error, setError, go } = useStep(errorMessage);

  const submit = async () => {
    if (!notes.trim()) {
      setError(intl.formatMessage({ id: 'filings.incomplete' }));
      return;
    }
    await go(() => run({ method, notes: notes.trim(), ...(satisfaction ? { satisfaction } : {}) }));
  };

  return (
    <div className="panel filings-form" role="group" aria-labelledby="follow-up-form-title">
      <h4 id="follow-up-form-title">
        <FormattedMessage id="filings.followUp.record" />
      </h4>
      <div className="filings-fields">
        <div>
          <label id="follow-up-method-label" htmlFor="follow-up-method" className="filings-label">
            <FormattedMessage id="filings.followUp.method" />
          </label>
          <Select
            id="follow-up-method"
            aria-labelledby="follow-up-method-label"
            className="filings-select"
            value={method}
            onChange={setMethod}
            options={followUpMethods.map((m) => ({
              value: m,
              label: intl.formatMessage({ id: `filings.followUp.method.${m}` }),
            }))}
          />
        </div>
        <div>
          <label
            id="follow-up-satisfaction-label"
            htmlFor="follow-up-satisfaction"
            className="filings-label"
          >
            <FormattedMessage id="filings.followUp.satisfactionLabel" />
          </label>
          <Select
            id="follow-up-satisfaction"
            aria-labelledby="follow-up-satisfaction-label"
            className="filings-select"
            allowClear
            value={satisfaction}
            onChange={setSatisfaction}
            placeholder={intl.formatMessage({ id: 'filings.optional' })}
            options={[5, 4, 3, 2, 1].map((n) => ({
              value: n,
              label: intl.formatMessage({ id: 'filings.followUp.satisfaction' }, { score: n }),
            }))}
          />
        </div>
      </div>
      <label htmlFor="follow-up-notes" className="filings-label">
        <FormattedMessage id="filings.followUp.notes" />
      </label>
      <Input.TextArea
        id="follow-up-notes"
        value={notes}
        maxLength={4000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(e) => setNotes(e.target.value)}
      />
      <ErrorLine error={error} />
      <div className="form-actions">
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          <FormattedMessage id="filings.followUp.submit" />
        </Button>
      </div>
    </div>
  );
}

/** Closing as fulfilled: every instalment paid and the follow-up done (the server checks both). */
function FulfilStep({
  run,
  errorMessage,
}: {
  run(): Promise<void>;
  errorMessage(e: unknown): string;
}) {
  const { busy, error, go } = useStep(errorMessage);
  return (
    <div className="filings-fulfil">
      <Button type="primary" loading={busy} onClick={() => void go(run)}>
        <FormattedMessage id="filings.fulfil.submit" />
      </Button>
      <ErrorLine error={error} />
    </div>
  );
}
