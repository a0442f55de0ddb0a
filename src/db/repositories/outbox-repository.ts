import type { ExpressionBuilder, Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OutboxTable } from '../schema.js';
import { newId } from '../../domain/new-id.js';
import { isPostgres } from '../detect-engine.js';

export interface OutboxJob {
  orgId: string;
  kind: string;
  idempotencyKey: string;
  payload: unknown;
  at: string;
  runAfter?: string;
}

/** The outbox row of a job, for a caller that inserts it with other rows in one statement. */
export function buildOutboxRow(job: OutboxJob): Insertable<OutboxTable> {
  return {
    id: newId(),
    org_id: job.orgId,
    kind: job.kind,
    idempotency_key: job.idempotencyKey,
    payload_json: JSON.stringify(job.payload),
    status: 'pending',
    run_after: job.runAfter ?? job.at,
    created_at: job.at,
  };
}

/**
 * Queues work to run after the surrounding transaction commits. Call it with the same
 * transaction as the change that causes it; the worker (src/jobs) picks the row up.
 * The idempotency key makes a second enqueue of the same event a no-op.
 */
export async function enqueueOutbox(trx: Kysely<Database>, job: OutboxJob): Promise<void> {
  await trx
    .insertInto('outbox')
    .values(buildOutboxRow(job))
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .execute();
}

export type OutboxRow = Selectable<OutboxTable>;

/**
 * Claims up to `limit` rows that are due (pending and past run_after) or whose lease ran out
 * (a worker died while holding them). Claiming sets status 'sending', counts the attempt and
 * leases the row until `leaseUntil`. PostgreSQL: one UPDATE over a FOR UPDATE SKIP LOCKED
 * subquery, so concurrent workers never claim the same row. SQLite has one writer at a time,
 * so a conditional UPDATE per candidate is enough (a row another process claimed in between
 * simply does not match).
 */
export async function claimDueOutboxRows(
  db: Kysely<Database>,
  o: { now: string; leaseUntil: string; limit: number },
): Promise<OutboxRow[]> {
  const due = (eb: ExpressionBuilder<Database, 'outbox'>) =>
    eb.or([
      eb.and([eb('status', '=', 'pending'), eb('run_after', '<=', o.now)]),
      eb.and([eb('status', '=', 'sending'), eb('locked_until', '<', o.now)]),
    ]);
  if (isPostgres(db)) {
    return db
      .updateTable('outbox')
      .set((eb) => ({
        status: 'sending',
        locked_until: o.leaseUntil,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox')
          .select('id')
          .where(due)
          .orderBy('run_after')
          .limit(o.limit)
          .forUpdate()
          .skipLocked(),
      )
      .returningAll()
      .execute();
  }
  const candidates = await db
    .selectFrom('outbox')
    .select('id')
    .where(due)
    .orderBy('run_after')
    .limit(o.limit)
    .execute();
  const claimed: OutboxRow[] = [];
  for (const { id } of candidates) {
    const row = await db
      .updateTable('outbox')
      .set((eb) => ({
        status: 'sending',
        locked_until: o.leaseUntil,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where(due)
      .returningAll()
      .executeTakeFirst();
    if (row) claimed.push(row);
  }
  return claimed;
}

export async function markOutboxDone(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'done', done_at: at, locked_until: null, last_error: null })
    .where('id', '=', id)
    .execute();
}

/** Schedules a retry at `runAfter`, or parks the row as 'dead' when `dead` is set. */
export async function markOutboxFailed(
  db: Kysely<Database>,
  o: { id: string; error: string; runAfter: string; dead: boolean },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: o.dead ? 'dead' : 'pending',
      run_after: o.runAfter,
      locked_until: null,
      last_error: o.error.slice(0, 2000),
    })
    .where('id', '=', o.id)
    .execute();
}

export async function listDeadOutboxRows(
  db: Kysely<Database>,
  o: { orgIds: string[]; limit: number; before?: { createdAt: string; id: string } },
): Promise<OutboxRow[]> {
  if (o.orgIds.length === 0) return [];
  let q = db
    .selectFrom('outbox')
    .selectAll()
    .where('status', '=', 'dead')
    .where('org_id', 'in', o.orgIds);
  if (o.before) {
    const b = o.before;
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', b.createdAt),
        eb.and([eb('created_at', '=', b.createdAt), eb('id', '<', b.id)]),
      ]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(o.limit).execute();
}

export async function findOutboxRow(
  db: Kysely<Database>,
  id: string,
): Promise<OutboxRow | undefined> {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Puts a dead row back in the queue with a fresh attempt budget; false if it was not dead. */
export async function requeueDeadOutboxRow(
  db: Kysely<Database>,
  o: { id: string; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, run_after: o.at, locked_until: null })
    .where('id', '=', o.id)
    .where('status', '=', 'dead')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
