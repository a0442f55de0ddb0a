import { AppError } from '../../domain/app-error.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { findOutboxRow, requeueDeadOutboxRow } from '../../db/repositories/outbox-repository.js';
import { SIGN_IN_LINK_OUTBOX_ORG } from '../auth/request-sign-in-link.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * `accord outbox retry <id>`: the operator puts a dead job of no committee back in the queue
 * once the cause is fixed (the SMTP relay). A committee's rows stay its director's to retry:
 * any other id is NOT_FOUND here. Audited in the platform's own chain.
 */
export async function retryPlatformDeadOutboxRow(
  ctx: UseCaseContext,
  o: { id: string; operator: string },
): Promise<{ status: 'pending' }> {
  const row = await findOutboxRow(ctx.db, o.id);
  if (!row || row.org_id !== SIGN_IN_LINK_OUTBOX_ORG) throw new AppError('NOT_FOUND');
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await requeueDeadOutboxRow(trx, { id: o.id, at }))) {
      throw new AppError('INVALID_TRANSITION', { params: { state: row.status } });
    }
    await appendAuditEvent(trx, {
      orgId: row.org_id,
      actorUserId: null,
      actorLabel: o.operator,
      action: 'outbox.retry',
      entityType: 'outbox',
      entityId: row.id,
      summary: { kind: row.kind, attempts: row.attempts, lastError: row.last_error },
      at,
    });
  });
  return { status: 'pending' };
}
