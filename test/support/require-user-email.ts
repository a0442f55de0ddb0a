import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';

/** The e-mail a test user signs in with; throws when there is no such user. */
export async function requireUserEmail(db: Kysely<Database>, userId: string): Promise<string> {
  const u = await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return u.email;
}

/** The e-mail of the committee's (first) member in `role`, optionally of one court. */
export async function requireMemberEmail(
  db: Kysely<Database>,
  orgId: string,
  role: string,
  courtId?: string,
): Promise<string> {
  let q = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.email')
    .where('memberships.org_id', '=', orgId)
    .where('memberships.role', '=', role);
  if (courtId) q = q.where('memberships.court_id', '=', courtId);
  return (await q.executeTakeFirstOrThrow()).email;
}

/** The e-mail of a roster mediator's user. */
export async function requireMediatorEmail(
  db: Kysely<Database>,
  mediatorId: string,
): Promise<string> {
  const r = await db
    .selectFrom('mediator_profiles')
    .innerJoin('users', 'users.id', 'mediator_profiles.user_id')
    .select('users.email')
    .where('mediator_profiles.id', '=', mediatorId)
    .executeTakeFirstOrThrow();
  return r.email;
}
