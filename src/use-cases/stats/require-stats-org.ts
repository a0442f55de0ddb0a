import { AppError } from '../../domain/app-error.js';
import { hasRole, isStaffOf, type Actor } from '../../domain/authorize-case-access.js';

/**
 * The organisation whose figures the actor asks for: the one named, or the first where the
 * actor is director or officer. An organisation the actor does not belong to is NOT_FOUND;
 * staff without a statistics role there (mediators, court liaisons) get FORBIDDEN.
 */
export function requireStatsOrg(actor: Actor, orgId: string | undefined): string {
  if (orgId !== undefined) {
    if (!isStaffOf(actor, orgId)) throw new AppError('NOT_FOUND');
    if (!hasRole(actor, orgId, 'director', 'officer')) throw new AppError('FORBIDDEN');
    return orgId;
  }
  const m = actor.memberships.find((x) => x.role === 'director' || x.role === 'officer');
  if (m) return m.orgId;
  if (actor.memberships.length > 0) throw new AppError('FORBIDDEN');
  throw new AppError('NOT_FOUND');
}
