import type { Kysely, Updateable } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import type { CaseStatus } from '../../domain/case-status.js';
import { requireNextStatus, type CaseAction } from '../../domain/case-transitions.js';
import type { CasesTable, Database } from '../../db/schema.js';
import { appendAuditEvent, lockOrgAuditChain } from '../../db/repositories/audit-repository.js';

/**
 * The one way a case row changes: checks the action against the lifecycle table and the
 * caller's version (optimistic concurrency), updates the row, and appends the audit event,
 * all in the caller's transaction. Returns the new status and version.
 */
export async function applyCaseTransition(
  trx: Kysely<Database>,
  opts: {
    caseId: string;
    action: CaseAction;
    /** The version the caller last read; a stale one is VERSION_CONFLICT and changes nothing. */
    expectedVersion: number;
    actor: Actor | null;
    actorLabel?: string;
    at: string;
    patch?: Omit<Updateable<CasesTable>, 'id' | 'org_id' | 'status' | 'version' | 'updated_at'>;
    summary?: Record<string, unknown>;
  },
): Promise<{ status: CaseStatus; version: number; orgId: string }> {
  const current = await trx
    .selectFrom('cases')
    .select(['org_id', 'status', 'version'])
    .where('id', '=', opts.caseId)
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  if (current.version !== opts.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { details: { currentVersion: current.version } });
  }
  const from = current.status as CaseStatus;
  const to = requireNextStatus(from, opts.action);
  const version = current.version + 1;
  await lockOrgAuditChain(trx, current.org_id);
  const updated = await trx
    .updateTable('cases')
    .set({ ...opts.patch, status: to, version, updated_at: opts.at })
    .where('id', '=', opts.caseId)
    .where('version', '=', opts.expectedVersion)
    .executeTakeFirst();
  // A concurrent writer got there between our read and our write.
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
  await appendAuditEvent(trx, {
    orgId: current.org_id,
    caseId: opts.caseId,
    actorUserId: opts.actor?.userId ?? null,
    actorLabel: opts.actor?.displayName ?? opts.actorLabel ?? 'system',
    action: `case.${opts.action}`,
    entityType: 'case',
    entityId: opts.caseId,
    summary: {
      before: { status: from, version: current.version },
      after: { status: to, version },
      ...opts.summary,
    },
    at: opts.at,
  });
  return { status: to, version, orgId: current.org_id };
}

/**
 * A change to a case that is not a move in the lifecycle table (an appeal, a recorded consent,
 * a confirmed record): the same version check, version bump and audit row as a transition, the
 * status unchanged, and allowed only while the case is in one of `allowedFrom`.
 */
export async function applyCaseUpdate(
  trx: Kysely<Database>,
  opts: {
    caseId: string;
    expectedVersion: number;
    allowedFrom: readonly CaseStatus[];
    auditAction: string;
    actor: Actor | null;
    at: string;
    summary?: Record<string, unknown>;
  },
): Promise<{ status: CaseStatus; version: number; orgId: string }> {
  const current = await trx
    .selectFrom('cases')
    .select(['org_id', 'status', 'version'])
    .where('id', '=', opts.caseId)
    .executeTakeFirst();
  if (!current) throw new AppError('NOT_FOUND');
  if (current.version !== opts.expectedVersion) {
    throw new AppError('VERSION_CONFLICT', { details: { currentVersion: current.version } });
  }
  const status = current.status as CaseStatus;
  if (!opts.allowedFrom.includes(status)) {
    throw new AppError('INVALID_TRANSITION', {
      params: { state: status },
      details: { state: status, action: opts.auditAction },
    });
  }
  const version = current.version + 1;
  await lockOrgAuditChain(trx, current.org_id);
  const updated = await trx
    .updateTable('cases')
    .set({ version, updated_at: opts.at })
    .where('id', '=', opts.caseId)
    .where('version', '=', opts.expectedVersion)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError('VERSION_CONFLICT');
  await appendAuditEvent(trx, {
    orgId: current.org_id,
    caseId: opts.caseId,
    actorUserId: opts.actor?.userId ?? null,
    actorLabel: opts.actor?.displayName ?? 'system',
    action: opts.auditAction,
    entityType: 'case',
    entityId: opts.caseId,
    summary: { version: { before: current.version, after: version }, ...opts.summary },
    at: opts.at,
  });
  return { status, version, orgId: current.org_id };
}
