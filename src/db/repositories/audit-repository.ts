import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { AuditEventsTable, Database } from '../schema.js';
import {
  GENESIS_HASH,
  canonicalJson,
  hashAuditEvent,
  redactSummary,
  type AuditEventContent,
} from '../../domain/hash-audit-event.js';
import { newId } from '../../domain/new-id.js';
import { isPostgres } from '../detect-engine.js';

export interface AppendAuditEvent {
  orgId: string;
  caseId?: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Before/after summary. Secrets and document numbers are redacted by key. */
  summary: Record<string, unknown>;
  at: string;
}

/**
 * Takes the organisation's audit-chain lock (the organisation row, on PostgreSQL; SQLite already
 * holds its single write lock). A transaction that writes case rows must take it BEFORE its first
 * write: the statistics triggers lock roll-up rows, and two transactions that lock roll-up rows
 * and then the organisation in different orders deadlock (found by the PostgreSQL soak).
 */
export async function lockOrgAuditChain(trx: Kysely<Database>, orgId: string): Promise<void> {
  if (isPostgres(trx)) {
    await sql`select id from organizations where id = ${orgId} for update`.execute(trx);
  }
}

/** The newest link of an organisation's chain; undefined before its first audit row. */
export interface AuditChainHead {
  seq: number;
  hash: string;
}

export async function findAuditChainHead(
  trx: Kysely<Database>,
  orgId: string,
): Promise<AuditChainHead | undefined> {
  return trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .where('org_id', '=', orgId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/**
 * The audit row that follows `head` in the chain. The caller must hold the chain lock from
 * reading the head until the row is inserted (appendAuditEvent does both).
 */
export function buildAuditEventRow(
  head: AuditChainHead | undefined,
  e: AppendAuditEvent,
): Insertable<AuditEventsTable> & { id: string } {
  const content: AuditEventContent = {
    orgId: e.orgId,
    seq: (head?.seq ?? 0) + 1,
    caseId: e.caseId ?? null,
    actorUserId: e.actorUserId,
    actorLabel: e.actorLabel,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    summaryJson: canonicalJson(redactSummary(e.summary)),
    createdAt: e.at,
  };
  const prevHash = head?.hash ?? GENESIS_HASH;
  return {
    id: newId(),
    org_id: content.orgId,
    seq: content.seq,
    case_id: content.caseId,
    actor_user_id: content.actorUserId,
    actor_label: content.actorLabel,
    action: content.action,
    entity_type: content.entityType,
    entity_id: content.entityId,
    summary_json: content.summaryJson,
    created_at: content.createdAt,
    prev_hash: prevHash,
    hash: hashAuditEvent(prevHash, content),
  };
}

/**
 * Appends to the organisation's hash chain. Call it inside the transaction that makes the
 * change, so that the change and its audit row commit together or not at all.
 */
export async function appendAuditEvent(
  trx: Kysely<Database>,
  e: AppendAuditEvent,
): Promise<string> {
  // Serialise appends per organisation: two concurrent transactions must not read the same
  // chain head. A no-op when the transaction already holds the lock (lockOrgAuditChain).
  await lockOrgAuditChain(trx, e.orgId);
  const row = buildAuditEventRow(await findAuditChainHead(trx, e.orgId), e);
  await trx.insertInto('audit_events').values(row).execute();
  return row.id;
}

export interface AuditChainBreak {
  orgId: string;
  seq: number;
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap';
}

/** Walks every organisation's chain in order and returns the first broken link, if any. */
export async function findAuditChainBreak(
  db: Kysely<Database>,
  opts: { orgId?: string } = {},
): Promise<AuditChainBreak | undefined> {
  const orgs = opts.orgId
    ? [{ org_id: opts.orgId }]
    : await db.selectFrom('audit_events').select('org_id').distinct().execute();
  for (const { org_id } of orgs) {
    let prev = GENESIS_HASH;
    let expectedSeq = 1;
    let after = 0;
    for (;;) {
      const rows = await db
        .selectFrom('audit_events')
        .selectAll()
        .where('org_id', '=', org_id)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(5000)
        .execute();
      if (rows.length === 0) break;
      for (const r of rows) {
        if (r.seq !== expectedSeq)
          return { orgId: org_id, seq: expectedSeq, reason: 'sequence_gap' };
        if (r.prev_hash !== prev)
          return { orgId: org_id, seq: r.seq, reason: 'prev_hash_mismatch' };
        const h = hashAuditEvent(prev, {
          orgId: r.org_id,
          seq: r.seq,
          caseId: r.case_id,
          actorUserId: r.actor_user_id,
          actorLabel: r.actor_label,
          action: r.action,
          entityType: r.entity_type,
          entityId: r.entity_id,
          summaryJson: r.summary_json,
          createdAt: r.created_at,
        });
        if (h !== r.hash) return { orgId: org_id, seq: r.seq, reason: 'hash_mismatch' };
        prev = r.hash;
        expectedSeq++;
        after = r.seq;
      }
    }
  }
  return undefined;
}

export async function countAuditEvents(db: Kysely<Database>): Promise<number> {
  const r = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export type AuditEventRow = Selectable<AuditEventsTable>;

/** One organisation's audit rows, newest first, paged by sequence number. */
export async function listAuditEvents(
  db: Kysely<Database>,
  o: { orgId: string; beforeSeq?: number; caseId?: string; limit: number },
): Promise<AuditEventRow[]> {
  let q = db
    .selectFrom('audit_events')
    .selectAll()
    .where('org_id', '=', o.orgId)
    .orderBy('seq', 'desc')
    .limit(o.limit);
  if (o.beforeSeq !== undefined) q = q.where('seq', '<', o.beforeSeq);
  if (o.caseId !== undefined) q = q.where('case_id', '=', o.caseId);
  return q.execute();
}
