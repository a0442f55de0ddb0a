import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { findOutboxRow, requeueDeadOutboxRow } from '../../db/repositories/outbox-repository.js';
import { requireOrgRole } from '../orgs/require-org-role.js';
import type { UseCaseContext } from '../use-case-context.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Puts a dead row back in the queue (the director fixed the cause, e.g. the SMTP settings). */
export async function retryDeadOutboxRow(
  ctx: UseCaseContext,
  o: { actor: Actor; id: string },
): Promise<{ status: 'pending' }> {
  if (!uuidPattern.test(o.id)) throw new AppError('NOT_FOUND');
  const row = await findOutboxRow(ctx.db, o.id);
  if (!row) throw new AppError('NOT_FOUND');
  requireOrgRole(o.actor, row.org_id, 'director');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await requeueDeadOutboxRow(trx, { id: o.id, at }))) {
      throw new AppError('INVALID_TRANSITION', { params: { state: row.status } });
    }
    await appendAuditEvent(trx, {
      orgId: row.org_id,
      actorUserId: o.actor.userId,
      actorLabel: o.actor.displayName,
      action: 'outbox.retry',
      entityType: 'outbox',
      entityId: row.id,
      summary: { kind: row.kind, attempts: row.attempts, lastError: row.last_error },
      at,
    });
  });
  return { status: 'pending' };
}
