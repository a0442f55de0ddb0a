import type { CaseRelation } from './authorize-case-access.js';
import { caseActions, isActionAllowed, type CaseAction } from './case-transitions.js';
import type { CaseStatus } from './case-status.js';

/**
 * Who may take each lifecycle action, by their relation to the case. Together with the
 * lifecycle table it gives the "next actions" a case page offers its viewer; the use cases
 * enforce the same rules on the server.
 */
export const actionRelations: Record<CaseAction, readonly CaseRelation[]> = {
  accept: ['officer', 'director'],
  reject: ['officer', 'director'],
  overturn_rejection: ['director'],
  uphold_rejection: ['director'],
  assign_team: ['officer', 'director'],
  object_to_mediator: ['party'],
  extend_deadline: ['officer', 'director'],
  schedule_session: ['officer', 'director', 'mediator'],
  record_session: ['officer', 'director', 'mediator'],
  draft_agreement: ['mediator', 'officer', 'director'],
  conclude_agreed: ['mediator', 'officer', 'director'],
  conclude_failed: ['mediator', 'officer', 'director'],
  withdraw: ['party', 'officer', 'director'],
  // The parties apply jointly and in writing (Art. 33); the officer files it for them. A party
  // "may" apply so that its next steps show the 30-day deadline, but only staff call the endpoint.
  apply_confirmation: ['party', 'officer', 'director'],
  start_performance: ['officer', 'director'],
  record_payment: ['officer', 'director'],
  fulfil: ['officer', 'director'],
  breach: ['officer', 'director'],
  // The court's refusal is the liaison's to record; resuming mediation is the committee's choice.
  reopen_mediation: ['officer', 'director'],
  refer_litigation: ['officer', 'director'],
  record_follow_up: ['officer', 'director', 'mediator'],
  refer_police: ['officer', 'director'],
};

/** Lifecycle actions open to a viewer with `relations` while the case is in `status`. */
export function allowedActionsFor(
  status: CaseStatus,
  relations: readonly CaseRelation[],
): CaseAction[] {
  return caseActions.filter(
    (a) => isActionAllowed(status, a) && actionRelations[a].some((r) => relations.includes(r)),
  );
}
