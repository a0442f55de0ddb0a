import { FormattedDate, FormattedMessage } from 'react-intl';
import { api } from '../../app/api-client';
import { ReasonedAction } from '../cases/ReasonedAction';
import type { PartyCaseDetail } from './party-types';
import '../cases/case-actions.css';

/** What GET /api/v1/cases/:id tells a party about its own appeal and objection (get-case.ts). */
export interface PartyStepsDetail extends PartyCaseDetail {
  appeal?: {
    reason: string;
    createdAt: string;
    decision: string | null;
    decisionReason: string | null;
    decidedAt: string | null;
  } | null;
  objections?: {
    id: string;
    partyId: string;
    mediatorId: string;
    reason: string;
    createdAt: string;
    resolvedAt: string | null;
  }[];
}

const date = (at: string) => <FormattedDate value={at} dateStyle="long" />;

/**
 * A rejected case may be appealed to the director, once; afterwards the party sees where the
 * appeal stands instead of the button. The server lists 'appeal_rejection' only while it is open.
 */
function AppealSection({ detail, onDone }: { detail: PartyStepsDetail; onDone(): void }) {
  const canAppeal = detail.allowedActions.includes('appeal_rejection');
  const appeal = detail.appeal ?? null;
  if (!canAppeal && !appeal) return null;
  return (
    <section aria-labelledby="appeal-title" className="panel party-section case-actions">
      <h2 id="appeal-title">
        <FormattedMessage id="partySteps.appeal.heading" />
      </h2>
      {canAppeal ? (
        <>
          <p>
            <FormattedMessage id="partySteps.appeal.intro" />
          </p>
          <ReasonedAction
            name="appeal"
            messages="partySteps"
            run={async (reason) => {
              await api.post(`/api/v1/cases/${detail.id}/appeal`, {
                version: detail.version,
                reason,
              });
              onDone();
            }}
          />
        </>
      ) : (
        appeal && (
          <div role="status" data-testid="appeal-status">
            <p>
              <FormattedMessage
                id={
                  appeal.decision === 'overturn'
                    ? 'partySteps.appeal.overturned'
                    : appeal.decision === 'uphold'
                      ? 'partySteps.appeal.upheld'
                      : 'partySteps.appeal.pending'
                }
                values={{
                  lodged: date(appeal.createdAt),
                  decided: appeal.decidedAt ? date(appeal.decidedAt) : '',
                }}
              />
            </p>
            {appeal.decisionReason && (
              <blockquote className="party-muted">{appeal.decisionReason}</blockquote>
            )}
          </div>
        )
      )}
    </section>
  );
}

/**
 * A party may object to one member of the assigned team, with a reason, once per case; the
 * officer then replaces that member. After objecting the party reads what happens next.
 */
function ObjectionSection({ detail, onDone }: { detail: PartyStepsDetail; onDone(): void }) {
  const mine = detail.parties.filter((p) => p.isYou).map((p) => p.id);
  const own = (detail.objections ?? []).find((o) => mine.includes(o.partyId));
  const canObject = detail.allowedActions.includes('object_to_mediator') && !own;
  if (!canObject && !own) return null;
  const nameOf = (mediatorId: string) =>
    detail.team.find((m) => m.mediatorId === mediatorId)?.displayName ?? '';
  return (
    <section aria-labelledby="objection-title" className="panel party-section case-actions">
      <h2 id="objection-title">
        <FormattedMessage id="partySteps.objection.heading" />
      </h2>
      {own ? (
        <p role="status" data-testid="objection-status">
          <FormattedMessage
            id={own.resolvedAt ? 'partySteps.objection.resolved' : 'partySteps.objection.pending'}
            values={{
              name: <strong>{nameOf(own.mediatorId)}</strong>,
              lodged: date(own.createdAt),
              resolved: own.resolvedAt ? date(own.resolvedAt) : '',
            }}
          />
        </p>
      ) : (
        <>
          <p>
            <FormattedMessage id="partySteps.objection.intro" />
          </p>
          <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {detail.team.map((m) => (
              <li key={m.mediatorId}>
                <ReasonedAction
                  name="object"
                  instance={m.mediatorId}
                  values={{ name: m.displayName }}
                  messages="partySteps"
                  run={async (reason) => {
                    await api.post(`/api/v1/cases/${detail.id}/team/objections`, {
                      version: detail.version,
                      mediatorId: m.mediatorId,
                      reason,
                    });
                    onDone();
                  }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The party's own one-off steps: an appeal against a rejection, an objection to a team member. */
export function PartyStepsPanel({ detail, onDone }: { detail: PartyStepsDetail; onDone(): void }) {
  return (
    <>
      <AppealSection detail={detail} onDone={onDone} />
      <ObjectionSection detail={detail} onDone={onDone} />
    </>
  );
}
