import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CaseEventName, CaseEventPayload } from '../../domain/case-events.js';
import { enqueueOutbox } from './outbox-repository.js';

/**
 * Queues a case event in the caller's transaction. `dedupeKey` makes re-emission of the same
 * event (a retried request, a scheduler pass) a no-op.
 */
export async function emitCaseEvent(
  trx: Kysely<Database>,
  e: {
    orgId: string;
    caseId: string;
    event: CaseEventName;
    params?: CaseEventPayload['params'];
    at: string;
    dedupeKey: string;
  },
): Promise<void> {
  const payload: CaseEventPayload = { event: e.event, caseId: e.caseId, params: e.params ?? {} };
  await enqueueOutbox(trx, {
    orgId: e.orgId,
    kind: 'case_event',
    idempotencyKey: `case_event:${e.event}:${e.dedupeKey}`,
    payload,
    at: e.at,
  });
}
