import type { Actor } from '../../domain/authorize-case-access.js';
import {
  resolveMatchingWeights,
  type MatchingWeights,
} from '../../domain/matching/matching-weights.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { updateOrgMatchingWeights } from '../../db/repositories/mediator-matching-repository.js';
import { findOrgSettings } from '../../db/repositories/org-settings-repository.js';
import { requireOrgRole } from '../orgs/require-org-role.js';
import type { UseCaseContext } from '../use-case-context.js';

/** The director tunes the org's matching weights; omitted weights return to the default. */
export async function setMatchingWeights(
  ctx: UseCaseContext,
  opts: { actor: Actor; orgId: string; weights: Partial<MatchingWeights> },
) {
  requireOrgRole(opts.actor, opts.orgId, 'director');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findOrgSettings(trx, opts.orgId);
    // The audit append comes first: on PostgreSQL it locks the org row, so two concurrent
    // settings writes cannot lose each other's keys.
    await appendAuditEvent(trx, {
      orgId: opts.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'org.matching_weights_set',
      entityType: 'organization',
      entityId: opts.orgId,
      summary: { before: before?.settings.matchingWeights ?? null, after: opts.weights },
      at,
    });
    await updateOrgMatchingWeights(trx, {
      orgId: opts.orgId,
      weights: opts.weights as Record<string, number>,
    });
  });
  return resolveMatchingWeights(opts.weights);
}
