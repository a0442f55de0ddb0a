import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import { hasRole, type Actor } from '../../domain/authorize-case-access.js';
import type { Database } from '../../db/schema.js';
import { requireOrgRole } from '../orgs/require-org-role.js';
import {
  findMediatorProfile,
  type MediatorProfileRow,
} from '../../db/repositories/mediator-profile-repository.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The roster is run by the org's director and officers (the rule of requireOrgRole). */
export function requireRosterManager(actor: Actor, orgId: string): void {
  requireOrgRole(actor, orgId, 'director', 'officer');
}

/**
 * The mediator profile if the actor may work on it: a director or officer of its org, or
 * (with `allowSelf`) the mediator themself, for their own availability and declarations.
 * Other staff of its org get FORBIDDEN; anyone else NOT_FOUND, like a profile that does not exist.
 */
export async function requireAccessibleMediator(
  db: Kysely<Database>,
  actor: Actor,
  mediatorId: string,
  opts: { allowSelf: boolean },
): Promise<MediatorProfileRow & { asManager: boolean }> {
  if (!uuidPattern.test(mediatorId)) throw new AppError('NOT_FOUND');
  const m = await findMediatorProfile(db, mediatorId);
  if (!m) throw new AppError('NOT_FOUND');
  const asManager = hasRole(actor, m.orgId, 'director', 'officer');
  const isSelf = actor.mediatorIds.includes(m.id);
  if (isSelf && opts.allowSelf) return { ...m, asManager };
  // Their own profile, even should their membership have ended: they know it exists.
  if (isSelf && !asManager) throw new AppError('FORBIDDEN');
  requireRosterManager(actor, m.orgId);
  return { ...m, asManager: true };
}
