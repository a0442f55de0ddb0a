import { AppError } from '../../domain/app-error.js';
import { hasRole, type Actor } from '../../domain/authorize-case-access.js';
import { findAuditChainBreak, listAuditEvents } from '../../db/repositories/audit-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * The audit log is the director's to read. An officer of the same organisation knows the log
 * exists (403); to anyone else the organisation's log does not exist (404).
 */
export function requireAuditReader(actor: Actor, orgId: string): void {
  if (hasRole(actor, orgId, 'director')) return;
  if (hasRole(actor, orgId, 'officer')) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}

export async function listOrgAuditEvents(
  ctx: UseCaseContext,
  o: { actor: Actor; orgId: string; limit: number; beforeSeq?: number; caseId?: string },
) {
  requireAuditReader(o.actor, o.orgId);
  const rows = await listAuditEvents(ctx.db, {
    orgId: o.orgId,
    beforeSeq: o.beforeSeq,
    caseId: o.caseId,
    limit: o.limit + 1,
  });
  const page = rows.slice(0, o.limit);
  return {
    items: page.map((r) => ({
      seq: r.seq,
      at: r.created_at,
      actorLabel: r.actor_label,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      caseId: r.case_id,
      // Stored already redacted (secret keys and document numbers never reach this table).
      summary: JSON.parse(r.summary_json) as unknown,
      hash: r.hash,
    })),
    nextBeforeSeq: rows.length > o.limit ? page[page.length - 1]!.seq : null,
  };
}

/** Recomputes the organisation's hash chain: ok, or the first broken link. */
export async function verifyOrgAuditChain(ctx: UseCaseContext, o: { actor: Actor; orgId: string }) {
  requireAuditReader(o.actor, o.orgId);
  const broken = await findAuditChainBreak(ctx.db, { orgId: o.orgId });
  return broken
    ? { ok: false as const, brokenAtSeq: broken.seq, reason: broken.reason }
    : { ok: true as const, brokenAtSeq: null, reason: null };
}
