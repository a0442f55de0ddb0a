import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { newId } from '../../domain/new-id.js';
import { checkPassword } from '../../domain/password-policy.js';
import type { StaffRole } from '../../domain/roles.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  findUserByEmail,
  insertMembership,
  insertUser,
} from '../../db/repositories/user-repository.js';
import { hashPassword } from '../auth/hash-password.js';
import { requireOrgRole } from '../orgs/require-org-role.js';
import type { UseCaseContext } from '../use-case-context.js';

export async function createStaffUser(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    orgId: string;
    email: string;
    password: string;
    displayName: string;
    role: StaffRole;
    courtId?: string | null;
    locale?: string;
  },
): Promise<{ userId: string }> {
  requireOrgRole(opts.actor, opts.orgId, 'director');
  if (opts.role === 'court_liaison' && !opts.courtId) {
    throw new AppError('VALIDATION_FAILED', { field: 'courtId' });
  }
  if (opts.courtId) {
    const court = await ctx.db
      .selectFrom('courts')
      .select('id')
      .where('id', '=', opts.courtId)
      .where('org_id', '=', opts.orgId)
      .executeTakeFirst();
    if (!court) throw new AppError('VALIDATION_FAILED', { field: 'courtId' });
  }
  const problem = checkPassword(opts.password, [opts.email, opts.displayName]);
  if (problem) {
    throw new AppError('VALIDATION_FAILED', { field: 'password', details: { rule: problem } });
  }
  // Hash before the transaction: it is slow and needs no lock.
  const passwordHash = await hashPassword(opts.password);
  const at = ctx.clock.now().toISOString();
  const userId = newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, opts.email))
      throw new AppError('ALREADY_EXISTS', { field: 'email' });
    await insertUser(trx, {
      id: userId,
      email: opts.email,
      passwordHash,
      displayName: opts.displayName,
      locale: opts.locale,
      at,
    });
    await insertMembership(trx, {
      id: newId(),
      orgId: opts.orgId,
      userId,
      role: opts.role,
      courtId: opts.courtId ?? null,
      at,
    });
    await appendAuditEvent(trx, {
      orgId: opts.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'user.created',
      entityType: 'user',
      entityId: userId,
      summary: { after: { role: opts.role, courtId: opts.courtId ?? null } },
      at,
    });
  });
  return { userId };
}
