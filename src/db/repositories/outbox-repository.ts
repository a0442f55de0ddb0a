import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { newId } from '../../domain/new-id.js';

/**
 * Queues work to run after the surrounding transaction commits. Call it with the same
 * transaction as the change that causes it; the worker (src/jobs) picks the row up.
 * The idempotency key makes a second enqueue of the same event a no-op.
 */
export async function enqueueOutbox(
  trx: Kysely<Database>,
  job: {
    orgId: string;
    kind: string;
    idempotencyKey: string;
    payload: unknown;
    at: string;
    runAfter?: string;
  },
): Promise<void> {
  await trx
    .insertInto('outbox')
    .values({
      id: newId(),
      org_id: job.orgId,
      kind: job.kind,
      idempotency_key: job.idempotencyKey,
      payload_json: JSON.stringify(job.payload),
      status: 'pending',
      run_after: job.runAfter ?? job.at,
      created_at: job.at,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}
