import type { StaffRole } from './roles.js';

/**
 * The one policy module: who may see which record. Pure functions over facts that the
 * repositories load; routes never decide visibility themselves.
 */
export interface Membership {
  orgId: string;
  role: StaffRole;
  courtId: string | null;
}

export interface Actor {
  userId: string;
  email: string;
  displayName: string;
  locale: string;
  timeZone: string;
  memberships: Membership[];
  /** Mediator profile ids that belong to this user (one per org at most). */
  mediatorIds: string[];
  /** A platform administrator: creates committees, sees their headline figures, and is staff of
   * none, so every committee and case rule keeps answering 404. Absent means false. */
  platformAdmin?: boolean;
}

/** What the policy needs to know about a case. */
export interface CaseAccessFacts {
  orgId: string;
  teamMediatorIds: string[];
  /** Courts the case has been filed with (confirmation or litigation). */
  filedCourtIds: string[];
  partyUserIds: string[];
}

export type CaseRelation = 'director' | 'officer' | 'mediator' | 'court_liaison' | 'party';

export function hasRole(actor: Actor, orgId: string, ...roles: StaffRole[]): boolean {
  return actor.memberships.some((m) => m.orgId === orgId && roles.includes(m.role));
}

/** Every way the actor is related to the case, strongest first; empty means invisible. */
export function relationsToCase(actor: Actor, c: CaseAccessFacts): CaseRelation[] {
  const out: CaseRelation[] = [];
  for (const m of actor.memberships) {
    if (m.orgId !== c.orgId) continue;
    if (m.role === 'director') out.push('director');
    if (m.role === 'officer') out.push('officer');
    if (m.role === 'court_liaison' && m.courtId && c.filedCourtIds.includes(m.courtId)) {
      out.push('court_liaison');
    }
  }
  if (actor.mediatorIds.some((id) => c.teamMediatorIds.includes(id))) out.push('mediator');
  if (c.partyUserIds.includes(actor.userId)) out.push('party');
  return out;
}

export function canViewCase(actor: Actor, c: CaseAccessFacts): boolean {
  return relationsToCase(actor, c).length > 0;
}

/** Staff of the committee who run cases (accept, assign, schedule, seal). */
export function canManageCase(actor: Actor, c: CaseAccessFacts): boolean {
  return hasRole(actor, c.orgId, 'director', 'officer');
}

export function isStaffOf(actor: Actor, orgId: string): boolean {
  return actor.memberships.some((m) => m.orgId === orgId);
}
