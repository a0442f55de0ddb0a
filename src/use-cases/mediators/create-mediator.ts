import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { encryptField } from '../../domain/encrypt-personal-data.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';
import {
  validateMediatorInput,
  type MediatorInput,
} from '../../domain/matching/validate-mediator-input.js';
import { newId } from '../../domain/new-id.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  findMediatorProfile,
  insertMediatorProfile,
} from '../../db/repositories/mediator-profile-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { presentMediator } from './present-mediator.js';
import { requireRosterManager } from './require-roster-access.js';

/** Audit summaries name what changed, never the phone number. */
export function auditableProfile(m: MediatorInput) {
  return {
    displayName: m.displayName,
    kind: m.kind,
    nationality: m.nationality,
    languages: m.languages,
    expertise: m.expertise,
    caseLimit: m.caseLimit,
    timeZone: m.timeZone,
    hasPhone: m.phone !== null,
  };
}

export async function createMediator(
  ctx: UseCaseContext,
  opts: { actor: Actor; orgId: string; input: MediatorInput; userId?: string | null },
) {
  requireRosterManager(opts.actor, opts.orgId);
  const input = validateMediatorInput(opts.input);
  if (opts.userId) {
    const member = await ctx.db
      .selectFrom('memberships')
      .select('id')
      .where('org_id', '=', opts.orgId)
      .where('user_id', '=', opts.userId)
      .where('role', '=', 'mediator')
      .executeTakeFirst();
    if (!member) throw new AppError('VALIDATION_FAILED', { field: 'userId' });
  }
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await insertMediatorProfile(trx, {
      id,
      orgId: opts.orgId,
      at,
      userId: opts.userId ?? null,
      displayName: input.displayName,
      kind: input.kind,
      nationality: input.nationality,
      languages: input.languages,
      expertise: input.expertise,
      caseLimit: input.caseLimit,
      email: input.email,
      phoneEnc: input.phone ? encryptField(loadFieldKeyring(ctx.config), input.phone) : null,
      bio: input.bio,
      timeZone: input.timeZone,
    });
    await appendAuditEvent(trx, {
      orgId: opts.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'mediator.created',
      entityType: 'mediator_profile',
      entityId: id,
      summary: { after: auditableProfile(input) },
      at,
    });
  });
  return presentMediator(ctx.config, (await findMediatorProfile(ctx.db, id))!);
}
