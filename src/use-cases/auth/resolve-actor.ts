import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { Actor, Membership } from '../../domain/authorize-case-access.js';
import type { StaffRole } from '../../domain/roles.js';
import type { Database } from '../../db/schema.js';
import { listSessionActorRows } from '../../db/repositories/session-actor-repository.js';
import {
  findUserById,
  listMediatorIdsOfUser,
  listMemberships,
} from '../../db/repositories/user-repository.js';
import { hashToken } from './issue-session-token.js';

export async function requireActorForUser(db: Kysely<Database>, userId: string): Promise<Actor> {
  const user = await findUserById(db, userId);
  if (!user || user.disabled_at) throw new AppError('UNAUTHENTICATED');
  const [memberships, mediatorIds] = await Promise.all([
    listMemberships(db, userId),
    listMediatorIdsOfUser(db, userId),
  ]);
  return {
    userId: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale,
    timeZone: user.time_zone,
    memberships,
    mediatorIds,
    platformAdmin: Number(user.platform_admin) === 1,
  };
}

/**
 * The actor behind a session token, or undefined if the token is unknown, revoked or expired,
 * or its user is disabled. Every authenticated request runs this, so it is a single query.
 */
export async function findActorBySessionToken(
  db: Kysely<Database>,
  token: string,
  now: string,
): Promise<
  | {
      actor: Actor;
      sessionId: string;
      restriction: string | null;
      /** For the sliding renewal of party sessions (renew-sliding-session.ts). */
      session: { createdAt: string; renewedAt: string | null; slidingDays: number | null };
    }
  | undefined
> {
  const rows = await listSessionActorRows(db, hashToken(token), now);
  const first = rows[0];
  if (!first || first.disabled_at) return undefined;
  // The rows are memberships × mediator profiles; each appears once in the actor.
  const memberships = new Map<string, Membership>();
  const mediatorIds = new Set<string>();
  for (const r of rows) {
    if (r.org_id && r.role) {
      memberships.set(`${r.org_id} ${r.role} ${r.court_id ?? ''}`, {
        orgId: r.org_id,
        role: r.role as StaffRole,
        courtId: r.court_id,
      });
    }
    if (r.mediator_id) mediatorIds.add(r.mediator_id);
  }
  return {
    actor: {
      userId: first.user_id,
      email: first.email,
      displayName: first.display_name,
      locale: first.locale,
      timeZone: first.time_zone,
      memberships: [...memberships.values()],
      mediatorIds: [...mediatorIds],
      platformAdmin: Number(first.platform_admin) === 1,
    },
    sessionId: first.session_id,
    restriction: first.restriction,
    session: {
      createdAt: first.session_created_at,
      renewedAt: first.renewed_at,
      slidingDays: first.sliding_days === null ? null : Number(first.sliding_days),
    },
  };
}
