import type { Actor } from '../../domain/authorize-case-access.js';
import { requireOrgRole, requireOwnOrgsWithRole } from '../orgs/require-org-role.js';

/**
 * The organisation whose figures the actor asks for: the one named, or the first where the
 * actor is director or officer, refused as requireOrgRole says.
 */
export function requireStatsOrg(actor: Actor, orgId: string | undefined): string {
  if (orgId !== undefined) {
    requireOrgRole(actor, orgId, 'director', 'officer');
    return orgId;
  }
  return requireOwnOrgsWithRole(actor, 'director', 'officer')[0]!;
}
