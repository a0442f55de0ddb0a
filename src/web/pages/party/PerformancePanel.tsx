import { FormattedDate, FormattedMessage } from 'react-intl';
import Tag from 'antd/es/tag';
import { AreaMessages } from '../../app/AreaMessages';
import { Money } from '../../app/Money';
import { paymentsMessages } from '../cases/payments-messages';
import { PaymentReportPanel } from './PaymentReportPanel';
import type { Performance } from './party-types';

/**
 * Performance of the agreement as the party follows it: what is still owed, instalments,
 * payments received (verified ones only), the payments the party reported and the form to
 * report one, the follow-up visit.
 */
export function PerformancePanel({
  caseId,
  performance,
  onReported,
}: {
  caseId: string;
  performance: Performance;
  onReported(): void;
}) {
  const p = performance;
  return (
    <section aria-labelledby="performance-title" className="party-section">
      <h2 id="performance-title">
        <FormattedMessage id="party.performance.title" />
      </h2>
      {p.outstanding !== null && p.currency && (
        <p className="lead">
          <FormattedMessage
            id="party.performance.outstanding"
            values={{
              amount: (
                <strong data-testid="party-outstanding">
                  <Money amount={p.outstanding} currency={p.currency} />
                </strong>
              ),
            }}
          />
        </p>
      )}
      {p.instalments.length > 0 && (
        // Focusable so keyboard users can scroll the table sideways on a narrow phone.
        <div className="party-table-wrap" tabIndex={0} aria-labelledby="instalments-caption">
          <table className="party-table">
            <caption id="instalments-caption">
              <FormattedMessage id="party.performance.instalments" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="party.performance.seq" />
                </th>
                <th scope="col">
                  <FormattedMessage id="party.performance.dueOn" />
                </th>
                <th scope="col">
                  <FormattedMessage id="party.performance.amount" />
                </th>
                <th scope="col">
                  <FormattedMessage id="party.performance.paid" />
                </th>
                <th scope="col">
                  <FormattedMessage id="cases.status" />
                </th>
              </tr>
            </thead>
            <tbody>
              {p.instalments.map((i) => (
                <tr key={i.id}>
                  <td>{i.seq}</td>
                  <td>
                    <FormattedDate value={i.dueOn} dateStyle="medium" timeZone="UTC" />
                  </td>
                  <td>
                    <Money amount={i.amount} currency={i.currency} />
                  </td>
                  <td>
                    <Money amount={i.paid} currency={i.currency} />
                  </td>
                  <td>
                    <Tag className={`party-instalment-${i.status}`}>
                      <FormattedMessage id={`party.performance.status.${i.status}`} />
                    </Tag>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>
        <FormattedMessage id="party.performance.payments" />
      </h3>
      {p.payments.length === 0 ? (
        <p>
          <FormattedMessage id="party.performance.noPayments" />
        </p>
      ) : (
        <ul>
          {p.payments.map((x) => (
            <li key={x.id}>
              <FormattedMessage
                id="party.performance.payment"
                values={{
                  amount: <Money amount={x.amount} currency={x.currency} />,
                  when: <FormattedDate value={x.paidOn} dateStyle="long" timeZone="UTC" />,
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <AreaMessages loaders={paymentsMessages}>
        <PaymentReportPanel caseId={caseId} performance={p} onReported={onReported} />
      </AreaMessages>
      <h3>
        <FormattedMessage id="party.performance.followUp" />
      </h3>
      <ul>
        {p.followUps.map((f) => (
          <li key={f.id}>
            {f.doneAt ? (
              <FormattedMessage
                id="party.performance.followUpDone"
                values={{ when: <FormattedDate value={f.doneAt} dateStyle="long" /> }}
              />
            ) : (
              <FormattedMessage
                id="party.performance.followUpDue"
                values={{ when: <FormattedDate value={f.dueOn} dateStyle="long" timeZone="UTC" /> }}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
