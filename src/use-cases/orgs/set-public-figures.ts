import type { Actor } from '../../domain/authorize-case-access.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { setOrgSetting } from '../../db/repositories/org-settings-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireOrgRole } from './require-org-role.js';

/** The director publishes the committee's headline figures on the public page, or withdraws them. */
export async function setPublicFigures(
  ctx: UseCaseContext,
  o: { actor: Actor; orgId: string; enabled: boolean },
): Promise<{ publicFigures: boolean }> {
  requireOrgRole(o.actor, o.orgId, 'director');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    // Audit first: on PostgreSQL the append locks the org row for the read-modify-write below.
    await appendAuditEvent(trx, {
      orgId: o.orgId,
      actorUserId: o.actor.userId,
      actorLabel: o.actor.displayName,
      action: 'org.public_figures_set',
      entityType: 'organization',
      entityId: o.orgId,
      summary: { publicFigures: o.enabled },
      at,
    });
    await setOrgSetting(trx, { orgId: o.orgId, key: 'publicFigures', value: o.enabled });
  });
  return { publicFigures: o.enabled };
}
