import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { newId } from '../../domain/new-id.js';

/** Revokes the user's current feed in the organisation (if any) and stores a new token hash. */
export async function replaceCalendarFeed(
  trx: Kysely<Database>,
  o: { orgId: string; userId: string; tokenHash: string; at: string },
): Promise<string> {
  await revokeCalendarFeeds(trx, o);
  const id = newId();
  await trx
    .insertInto('calendar_feeds')
    .values({ id, org_id: o.orgId, user_id: o.userId, token_hash: o.tokenHash, created_at: o.at })
    .execute();
  return id;
}

export async function revokeCalendarFeeds(
  db: Kysely<Database>,
  o: { orgId: string; userId: string; at: string },
): Promise<number> {
  const r = await db
    .updateTable('calendar_feeds')
    .set({ revoked_at: o.at })
    .where('org_id', '=', o.orgId)
    .where('user_id', '=', o.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function findActiveCalendarFeed(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select([
      'calendar_feeds.id',
      'calendar_feeds.org_id',
      'calendar_feeds.user_id',
      'users.locale',
    ])
    .where('calendar_feeds.token_hash', '=', tokenHash)
    .where('calendar_feeds.revoked_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

/** Sessions (not older than `since`) of cases where one of the user's mediator profiles in the org is on the team. */
export async function listSessionsOfMediatorUser(
  db: Kysely<Database>,
  o: { orgId: string; userId: string; since: string; limit: number },
) {
  return db
    .selectFrom('mediation_sessions')
    .innerJoin('cases', 'cases.id', 'mediation_sessions.case_id')
    .select([
      'mediation_sessions.id',
      'mediation_sessions.case_id',
      'mediation_sessions.starts_at',
      'mediation_sessions.duration_minutes',
      'mediation_sessions.mode',
      'mediation_sessions.room',
      'mediation_sessions.meeting_url',
      'mediation_sessions.status',
      'mediation_sessions.created_at',
      'mediation_sessions.updated_at',
      'cases.reference',
    ])
    .where('mediation_sessions.org_id', '=', o.orgId)
    .where('mediation_sessions.starts_at', '>=', o.since)
    .where('mediation_sessions.case_id', 'in', (eb) =>
      eb
        .selectFrom('case_team_members')
        .innerJoin('mediator_profiles', 'mediator_profiles.id', 'case_team_members.mediator_id')
        .select('case_team_members.case_id')
        .where('mediator_profiles.user_id', '=', o.userId)
        .where('mediator_profiles.org_id', '=', o.orgId)
        .where('case_team_members.removed_at', 'is', null),
    )
    .orderBy('mediation_sessions.starts_at')
    .limit(o.limit)
    .execute();
}
