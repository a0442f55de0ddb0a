import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { normalizePartyName } from '../../domain/matching/normalize-party-name.js';
import { newId } from '../../domain/new-id.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  insertMediatorRelationship,
  type MediatorRelationship,
} from '../../db/repositories/mediator-relationship-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireAccessibleMediator } from './require-roster-access.js';

export const relationshipKinds = ['company', 'person'] as const;
export const relationTypes = [
  'employee',
  'owner',
  'shareholder',
  'director',
  'relative',
  'client',
  'business_partner',
  'other',
] as const;

/** A mediator (or the roster staff for them) declares a relationship that conflicts them out. */
export async function declareMediatorRelationship(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    mediatorId: string;
    kind: (typeof relationshipKinds)[number];
    name: string;
    relation: (typeof relationTypes)[number];
  },
): Promise<MediatorRelationship> {
  const m = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: true,
  });
  const name = opts.name.trim();
  const nameKey = normalizePartyName(name);
  if (!nameKey) throw new AppError('VALIDATION_FAILED', { field: 'name' });
  const at = ctx.clock.now().toISOString();
  const rel: MediatorRelationship = {
    id: newId(),
    mediatorId: m.id,
    kind: opts.kind,
    name,
    nameKey,
    relation: opts.relation,
    createdAt: at,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await insertMediatorRelationship(trx, { ...rel, orgId: m.orgId });
    await appendAuditEvent(trx, {
      orgId: m.orgId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'mediator.relationship_declared',
      entityType: 'mediator_profile',
      entityId: m.id,
      summary: { after: { kind: rel.kind, name: rel.name, relation: rel.relation } },
      at,
    });
  });
  return rel;
}
