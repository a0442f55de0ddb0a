import { FormattedDate, FormattedMessage } from 'react-intl';
import { Money } from '../../app/Money';
import type { NextStep } from './list-next-steps';

function StepText({ step }: { step: NextStep }) {
  switch (step.kind) {
    case 'confirmPoints':
      return <FormattedMessage id="party.next.confirmPoints" values={{ count: step.remaining }} />;
    case 'signAgreement':
      return <FormattedMessage id="party.next.sign" />;
    case 'attendSession':
      return (
        <FormattedMessage
          id="party.next.attendSession"
          values={{
            when: (
              <strong>
                <FormattedDate
                  value={step.at}
                  dateStyle="full"
                  timeStyle="short"
                  timeZone={step.timeZone}
                />
              </strong>
            ),
          }}
        />
      );
    case 'confirmRecord':
    case 'awaitRecordTranslation':
      return (
        <FormattedMessage
          id={
            step.kind === 'confirmRecord'
              ? 'party.next.confirmRecord'
              : 'party.next.awaitRecordTranslation'
          }
          values={{
            when: <FormattedDate value={step.at} dateStyle="long" timeZone={step.timeZone} />,
          }}
        />
      );
    case 'awaitAgreementTranslation':
      return <FormattedMessage id="party.next.awaitAgreementTranslation" />;
    case 'instalment':
      return (
        <FormattedMessage
          id={step.overdue ? 'party.next.instalmentOverdue' : 'party.next.instalment'}
          values={{
            seq: step.seq,
            amount: <Money amount={step.amount} currency={step.currency} />,
            when: (
              <strong>
                <FormattedDate value={step.dueOn} dateStyle="long" timeZone="UTC" />
              </strong>
            ),
          }}
        />
      );
    case 'appealRejection':
      return <FormattedMessage id="partySteps.next.appeal" />;
    case 'applyConfirmation':
      return (
        <FormattedMessage
          id="party.next.applyConfirmation"
          values={{
            when: (
              <strong>
                <FormattedDate value={step.by} dateStyle="long" />
              </strong>
            ),
          }}
        />
      );
  }
}

/** "What you must do next, and by when": the party's first question on opening the case. */
export function NextStepsPanel({
  steps,
  mediationDueAt,
}: {
  steps: NextStep[];
  mediationDueAt: string | null;
}) {
  return (
    <section aria-labelledby="next-steps-title" className="panel party-next">
      <h2 id="next-steps-title">
        <FormattedMessage id="party.next.title" />
      </h2>
      {steps.length === 0 ? (
        <p>
          <FormattedMessage id="party.next.none" />
        </p>
      ) : (
        <ol>
          {steps.map((s, i) => (
            <li key={i}>
              <StepText step={s} />
            </li>
          ))}
        </ol>
      )}
      {mediationDueAt && (
        <p className="party-muted">
          <FormattedMessage
            id="party.next.mediationDue"
            values={{ when: <FormattedDate value={mediationDueAt} dateStyle="long" /> }}
          />
        </p>
      )}
    </section>
  );
}
