import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import type { Database } from '../../db/schema.js';
import { findLiveAuthSession } from '../../db/repositories/auth-session-repository.js';
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
  };
}

/** The actor behind a session token, or undefined if the token is unknown, revoked or expired. */
export async function findActorBySessionToken(
  db: Kysely<Database>,
  token: string,
  now: string,
): Promise<{ actor: Actor; sessionId: string; restriction: string | null } | undefined> {
  const session = await findLiveAuthSession(db, hashToken(token), now);
  if (!session) return undefined;
  try {
    return {
      actor: await requireActorForUser(db, session.user_id),
      sessionId: session.id,
      restriction: session.restriction,
    };
  } catch {
    return undefined;
  }
}
