import { AppError } from '../../domain/app-error.js';
import { hasRole, isStaffOf, type Actor } from '../../domain/authorize-case-access.js';
import type { StaffRole } from '../../domain/roles.js';

/**
 * The one rule for committee-level routes (the organisation, its roster, settings, figures and
 * outbox): staff of the organisation without the role know it exists, since it is theirs, so they
 * are refused with FORBIDDEN; anybody else (staff of another committee, a party) gets NOT_FOUND,
 * the answer for an organisation that does not exist. Anonymous callers are refused (401) before.
 */
export function requireOrgRole(actor: Actor, orgId: string, ...roles: StaffRole[]): void {
  if (hasRole(actor, orgId, ...roles)) return;
  throw new AppError(isStaffOf(actor, orgId) ? 'FORBIDDEN' : 'NOT_FOUND');
}

/**
 * The same rule for routes that name no organisation and act on the caller's own: the
 * organisations where the actor holds one of the roles. Staff without it anywhere get
 * FORBIDDEN; a caller who is staff of no committee (a party) gets NOT_FOUND.
 */
export function requireOwnOrgsWithRole(actor: Actor, ...roles: StaffRole[]): string[] {
  const orgIds = [
    ...new Set(actor.memberships.filter((m) => roles.includes(m.role)).map((m) => m.orgId)),
  ];
  if (orgIds.length > 0) return orgIds;
  throw new AppError(actor.memberships.length > 0 ? 'FORBIDDEN' : 'NOT_FOUND');
}
