import type { Actor } from '../../domain/authorize-case-access.js';
import { listBouncedParties } from '../../db/repositories/notification-recipient-repository.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/** Parties of a case whose e-mail address bounced, for the officer to get a working one. */
export async function listEmailBounces(ctx: UseCaseContext, o: { actor: Actor; caseId: string }) {
  await requireCaseRelation(ctx.db, o.actor, o.caseId, ['officer', 'director']);
  const rows = await listBouncedParties(ctx.db, o.caseId);
  return {
    items: rows.map((r) => ({
      partyId: r.id,
      role: r.role,
      email: r.email,
      bouncedAt: r.email_bounced_at!,
    })),
  };
}
