import type { Actor } from '../../domain/authorize-case-access.js';
import { findAuditChainBreak, listAuditEvents } from '../../db/repositories/audit-repository.js';
import { requireOrgRole } from '../orgs/require-org-role.js';
import type { UseCaseContext } from '../use-case-context.js';

export async function listOrgAuditEvents(
  ctx: UseCaseContext,
  o: { actor: Actor; orgId: string; limit: number; beforeSeq?: number; caseId?: string },
) {
  // The audit log is the director's to read.
  requireOrgRole(o.actor, o.orgId, 'director');
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
  // The audit log is the director's to read.
  requireOrgRole(o.actor, o.orgId, 'director');
  const broken = await findAuditChainBreak(ctx.db, { orgId: o.orgId });
  return broken
    ? { ok: false as const, brokenAtSeq: broken.seq, reason: broken.reason }
    : { ok: true as const, brokenAtSeq: null, reason: null };
}
