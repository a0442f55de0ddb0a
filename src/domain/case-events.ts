/**
 * Domain events a case emits into the outbox. The lifecycle writes them; the notification
 * worker (src/jobs) decides who is told, in which language, through which channel.
 */
export const caseEventNames = [
  'case.submitted',
  'case.accepted',
  'case.rejected',
  // A party appealed a rejection: the director decides it.
  'case.rejection_appealed',
  'case.rejection_appeal_decided',
  'party.invited',
  'team.assigned',
  'team.objection_raised',
  'session.scheduled',
  'session.changed',
  'session.cancelled',
  'session.recorded',
  'message.posted',
  // A party uploaded evidence: the team and the officers are to look at it.
  'evidence.uploaded',
  'agreement.ready_to_sign',
  // A party asked for a translation of an agreement or a session record it cannot read.
  'translation.requested',
  'agreement.in_effect',
  'case.concluded',
  'confirmation.filed',
  'confirmation.accepted',
  'confirmation.decided',
  'referral.made',
  'referral.decided',
  'payment.recorded',
  // A party reported a payment with its bank slip; an officer verifies or disputes it.
  'payment.reported',
  'payment.verified',
  'payment.disputed',
  'instalment.due_soon',
  'instalment.missed',
  'follow_up.due',
  'deadline.reminder',
  'police.referred',
] as const;
export type CaseEventName = (typeof caseEventNames)[number];

export interface CaseEventPayload {
  event: CaseEventName;
  caseId: string;
  /** Small, non-personal parameters the message needs (ids, dates, amounts). */
  params: Record<string, string | number | boolean | null>;
}
