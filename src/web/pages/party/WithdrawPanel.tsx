import { FormattedMessage } from 'react-intl';
import { api } from '../../app/api-client';
import { ReasonedAction } from '../cases/ReasonedAction';
import type { PartyCaseDetail } from './party-types';
import '../cases/case-actions.css';

/**
 * The applicant withdraws their own application (withdraw-case.ts): shown only when the server
 * lists 'withdraw' among the allowed actions, which it does for the applicant, not the respondent.
 * What withdrawing means comes first; then the same two-step, reasoned confirmation the officer has.
 */
export function WithdrawPanel({ detail, onDone }: { detail: PartyCaseDetail; onDone(): void }) {
  if (!detail.allowedActions.includes('withdraw')) return null;
  return (
    <section aria-labelledby="withdraw-title" className="panel party-section case-actions">
      <h2 id="withdraw-title">
        <FormattedMessage id="party.withdraw.title" />
      </h2>
      <p>
        <FormattedMessage id="party.withdraw.intro" />
      </p>
      <ReasonedAction
        name="withdraw"
        messages="party.actions"
        danger
        run={async (reason) => {
          await api.post(`/api/v1/cases/${detail.id}/withdraw`, {
            version: detail.version,
            reason,
          });
          onDone();
        }}
      />
    </section>
  );
}
