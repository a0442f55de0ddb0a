import type { Actor } from '../../domain/authorize-case-access.js';
import { decryptField, encryptField } from '../../domain/encrypt-personal-data.js';
import {
  validateMediatorInput,
  type MediatorInput,
} from '../../domain/matching/validate-mediator-input.js';
import type { MediatorKind, Proficiency } from '../../domain/roles.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  findMediatorProfile,
  updateMediatorProfile,
} from '../../db/repositories/mediator-profile-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { auditableProfile } from './create-mediator.js';
import { presentMediator } from './present-mediator.js';
import { requireAccessibleMediator } from './require-roster-access.js';
import { loadFieldKeyring } from '../trust/load-field-keyring.js';

/** Edits a profile: only the fields given change; the language index follows in the same transaction. */
export async function updateMediator(
  ctx: UseCaseContext,
  opts: { actor: Actor; mediatorId: string; changes: Partial<MediatorInput> },
) {
  const current = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: false,
  });
  const ring = loadFieldKeyring(ctx.config);
  let currentPhone: string | null = null;
  if (current.phoneEnc && opts.changes.phone === undefined) {
    currentPhone = decryptField(ring, current.phoneEnc);
  }
  const before: MediatorInput = {
    displayName: current.displayName,
    kind: current.kind as MediatorKind,
    nationality: current.nationality,
    languages: current.languages as { code: string; proficiency: Proficiency }[],
    expertise: current.expertise,
    caseLimit: current.caseLimit,
    email: current.email,
    phone: currentPhone,
    bio: current.bio,
    timeZone: current.timeZone,
  };
  const defined = Object.fromEntries(
    Object.entries(opts.changes).filter(([, v]) => v !== undefined),
  ) as Partial<MediatorInput>;
  const next = validateMediatorInput({ ...before, ...defined });
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateMediatorProfile(trx, {
      id: current.id,
      orgId: current.orgId,
      at,
      userId: current.userId,
      displayName: next.displayName,
      kind: next.kind,
      nationality: next.nationality,
      languages: next.languages,
      expertise: next.expertise,
      caseLimit: next.caseLimit,
      email: next.email,
      phoneEnc:
        opts.changes.phone === undefined
          ? current.phoneEnc
          : next.phone
            ? encryptField(ring, next.phone)
            : null,
      bio: next.bio,
      timeZone: next.timeZone,
    });
    await appendAuditEvent(trx, {
      orgId: current.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'mediator.updated',
      entityType: 'mediator_profile',
      entityId: current.id,
      summary: { before: auditableProfile(before), after: auditableProfile(next) },
      at,
    });
  });
  return presentMediator(ctx.config, (await findMediatorProfile(ctx.db, current.id))!);
}
