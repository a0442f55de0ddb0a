import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CaseEventName, CaseEventPayload } from '../../domain/case-events.js';
import { enqueueOutbox, type OutboxJob } from './outbox-repository.js';

interface CaseEvent {
  orgId: string;
  caseId: string;
  event: CaseEventName;
  params?: CaseEventPayload['params'];
  at: string;
  dedupeKey: string;
}

/** The outbox job of a case event (emitCaseEvent queues it). */
export function caseEventJob(e: CaseEvent): OutboxJob {
  const payload: CaseEventPayload = { event: e.event, caseId: e.caseId, params: e.params ?? {} };
  return {
    orgId: e.orgId,
    kind: 'case_event',
    idempotencyKey: `case_event:${e.event}:${e.dedupeKey}`,
    payload,
    at: e.at,
  };
}

/**
 * Queues a case event in the caller's transaction. `dedupeKey` makes re-emission of the same
 * event (a retried request, a scheduler pass) a no-op.
 */
export async function emitCaseEvent(trx: Kysely<Database>, e: CaseEvent): Promise<void> {
  await enqueueOutbox(trx, caseEventJob(e));
}
