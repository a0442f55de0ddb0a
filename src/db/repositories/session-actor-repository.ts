import type { Kysely } from 'kysely';
import { hotStatement } from '../name-hot-statements.js';
import type { Database } from '../schema.js';

export interface SessionActorRow {
  session_id: string;
  restriction: string | null;
  session_created_at: string;
  session_expires_at: string;
  sliding_days: number | null;
  renewed_at: string | null;
  user_id: string;
  email: string;
  display_name: string;
  locale: string;
  time_zone: string;
  disabled_at: string | null;
  platform_admin: number | string;
  org_id: string | null;
  role: string | null;
  court_id: string | null;
  mediator_id: string | null;
}

const sessionActorSql = (tokenHash: string, now: string) => `
    select s.id as session_id, s.restriction, s.created_at as session_created_at,
      s.expires_at as session_expires_at, s.sliding_days, s.renewed_at, u.id as user_id, u.email, u.display_name,
      u.locale, u.time_zone, u.disabled_at, u.platform_admin, m.org_id, m.role, m.court_id, p.id as mediator_id
    from auth_sessions s
    join users u on u.id = s.user_id
    left join memberships m on m.user_id = u.id
    left join mediator_profiles p on p.user_id = u.id
    where s.token_hash = ${tokenHash} and s.revoked_at is null and s.expires_at > ${now}`;

const sessionActorQuery = hotStatement('session_actor', {
  sqlite: sessionActorSql('?', '?'),
  postgres: sessionActorSql('$1', '$2'),
});

/**
 * Every request with a session resolves its actor, so this is one round trip instead of four:
 * the live session joined to its user, the user's memberships and mediator profiles. A user has
 * a handful of each, so the cross product stays a few rows; no rows means no live session.
 */
export async function listSessionActorRows(
  db: Kysely<Database>,
  tokenHash: string,
  now: string,
): Promise<SessionActorRow[]> {
  const { rows } = await db.executeQuery(
    sessionActorQuery.compile<SessionActorRow>(db, [tokenHash, now]),
  );
  return rows;
}
