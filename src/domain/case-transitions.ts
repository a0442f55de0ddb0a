import { AppError } from './app-error.js';
import type { CaseStatus } from './case-status.js';

/**
 * The lifecycle of DESIGN §2 as data: each action, the states it may start from, and the state
 * it leads to (`null`: the status stays as it is, e.g. assigning a team). An action from any
 * other state is INVALID_TRANSITION (409), which names the current state.
 */
export const caseTransitions = {
  accept: { from: ['submitted'], to: 'accepted' },
  reject: { from: ['submitted'], to: 'rejected' },
  /** The director upholds the applicant's single appeal against a rejection. */
  overturn_rejection: { from: ['rejected'], to: 'accepted' },
  uphold_rejection: { from: ['rejected'], to: null },
  assign_team: { from: ['accepted', 'in_mediation'], to: null },
  object_to_mediator: { from: ['accepted', 'in_mediation'], to: null },
  extend_deadline: { from: ['accepted', 'in_mediation'], to: null },
  schedule_session: { from: ['accepted', 'in_mediation'], to: null },
  /** The first held session moves the case into mediation. */
  record_session: { from: ['accepted', 'in_mediation'], to: 'in_mediation' },
  draft_agreement: { from: ['in_mediation'], to: null },
  /** The agreement takes effect (all signatures and the seal), or an oral agreement is recorded. */
  conclude_agreed: { from: ['in_mediation'], to: 'agreed' },
  conclude_failed: { from: ['accepted', 'in_mediation'], to: 'failed' },
  withdraw: { from: ['submitted', 'accepted', 'in_mediation'], to: 'withdrawn' },
  apply_confirmation: { from: ['agreed', 'performing', 'fulfilled'], to: null },
  start_performance: { from: ['agreed'], to: 'performing' },
  record_payment: { from: ['agreed', 'performing', 'breached'], to: null },
  fulfil: { from: ['agreed', 'performing'], to: 'fulfilled' },
  breach: { from: ['agreed', 'performing'], to: 'breached' },
  /** A court rejected confirmation: mediation resumes. */
  reopen_mediation: { from: ['agreed', 'performing'], to: 'in_mediation' },
  refer_litigation: { from: ['failed', 'breached', 'agreed', 'performing'], to: 'referred' },
  record_follow_up: { from: ['agreed', 'performing', 'fulfilled', 'breached'], to: null },
  refer_police: {
    from: ['submitted', 'accepted', 'in_mediation', 'agreed', 'performing', 'breached', 'failed'],
    to: null,
  },
} as const satisfies Record<string, { from: readonly CaseStatus[]; to: CaseStatus | null }>;

export type CaseAction = keyof typeof caseTransitions;
export const caseActions = Object.keys(caseTransitions) as CaseAction[];

export function isActionAllowed(status: CaseStatus, action: CaseAction): boolean {
  return (caseTransitions[action].from as readonly CaseStatus[]).includes(status);
}

/** The state after `action`, or INVALID_TRANSITION naming the current state. */
export function requireNextStatus(status: CaseStatus, action: CaseAction): CaseStatus {
  if (!isActionAllowed(status, action)) {
    throw new AppError('INVALID_TRANSITION', {
      params: { state: status },
      details: { state: status, action },
    });
  }
  return caseTransitions[action].to ?? status;
}
