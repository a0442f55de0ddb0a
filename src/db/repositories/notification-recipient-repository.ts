import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface UserContact {
  userId: string;
  email: string;
  locale: string;
  timeZone: string;
  emailPreferencesJson: string;
}

export interface CaseForNotification {
  id: string;
  orgId: string;
  orgName: string;
  orgTimeZone: string;
  reference: string;
  referringCourtId: string | null;
  parties: {
    id: string;
    role: string;
    email: string | null;
    emailBouncedAt: string | null;
    preferredLanguage: string;
    user: UserContact | null;
  }[];
  /** Active team members, with the account of the mediator when there is one. */
  team: {
    mediatorId: string;
    role: string;
    email: string | null;
    timeZone: string;
    user: UserContact | null;
  }[];
}

const userColumns = [
  'users.id as user_id',
  'users.email as user_email',
  'users.locale as user_locale',
  'users.time_zone as user_time_zone',
  'users.email_preferences_json as user_prefs',
] as const;

function toContact(r: {
  user_id: string | null;
  user_email: string | null;
  user_locale: string | null;
  user_time_zone: string | null;
  user_prefs: string | null;
}): UserContact | null {
  if (!r.user_id || !r.user_email) return null;
  return {
    userId: r.user_id,
    email: r.user_email,
    locale: r.user_locale ?? 'zh-CN',
    timeZone: r.user_time_zone ?? 'Asia/Shanghai',
    emailPreferencesJson: r.user_prefs ?? '{}',
  };
}

/** Everyone the notification worker may tell about a case; undefined if the case is gone. */
export async function findCaseForNotification(
  db: Kysely<Database>,
  caseId: string,
): Promise<CaseForNotification | undefined> {
  const c = await db
    .selectFrom('cases')
    .innerJoin('organizations', 'organizations.id', 'cases.org_id')
    .select([
      'cases.id',
      'cases.org_id',
      'cases.reference',
      'cases.referring_court_id',
      'organizations.name as org_name',
      'organizations.time_zone as org_time_zone',
    ])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  if (!c) return undefined;
  const [parties, team] = await Promise.all([
    db
      .selectFrom('case_parties')
      .leftJoin('users', (j) =>
        j.onRef('users.id', '=', 'case_parties.user_id').on('users.disabled_at', 'is', null),
      )
      .select([
        'case_parties.id',
        'case_parties.role',
        'case_parties.email',
        'case_parties.email_bounced_at',
        'case_parties.preferred_language',
        ...userColumns,
      ])
      .where('case_parties.case_id', '=', caseId)
      .orderBy('case_parties.created_at')
      .orderBy('case_parties.id')
      .execute(),
    db
      .selectFrom('case_team_members')
      .innerJoin('mediator_profiles', 'mediator_profiles.id', 'case_team_members.mediator_id')
      .leftJoin('users', (j) =>
        j.onRef('users.id', '=', 'mediator_profiles.user_id').on('users.disabled_at', 'is', null),
      )
      .select([
        'case_team_members.mediator_id',
        'case_team_members.role',
        'mediator_profiles.email',
        'mediator_profiles.time_zone',
        ...userColumns,
      ])
      .where('case_team_members.case_id', '=', caseId)
      .where('case_team_members.removed_at', 'is', null)
      .orderBy('case_team_members.assigned_at')
      .execute(),
  ]);
  return {
    id: c.id,
    orgId: c.org_id,
    orgName: c.org_name,
    orgTimeZone: c.org_time_zone,
    reference: c.reference,
    referringCourtId: c.referring_court_id,
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      email: p.email,
      emailBouncedAt: p.email_bounced_at,
      preferredLanguage: p.preferred_language,
      user: toContact(p),
    })),
    team: team.map((t) => ({
      mediatorId: t.mediator_id,
      role: t.role,
      email: t.email,
      timeZone: t.time_zone,
      user: toContact(t),
    })),
  };
}

/** Active staff of the organisation in one of `roles` (court liaisons limited to `courtIds`). */
export async function listStaffContacts(
  db: Kysely<Database>,
  o: { orgId: string; roles: ('director' | 'officer')[] } | { orgId: string; courtIds: string[] },
): Promise<UserContact[]> {
  let q = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(userColumns)
    .where('memberships.org_id', '=', o.orgId)
    .where('users.disabled_at', 'is', null);
  if ('roles' in o) {
    if (o.roles.length === 0) return [];
    q = q.where('memberships.role', 'in', o.roles);
  } else {
    if (o.courtIds.length === 0) return [];
    q = q
      .where('memberships.role', '=', 'court_liaison')
      .where('memberships.court_id', 'in', o.courtIds);
  }
  const rows = await q.orderBy('users.id').execute();
  return rows.map((r) => toContact(r)!).filter((c) => c !== null);
}

export async function listFiledCourtIds(
  db: Kysely<Database>,
  caseId: string,
  kind?: 'confirmation' | 'litigation',
): Promise<string[]> {
  let q = db.selectFrom('court_filings').select('court_id').where('case_id', '=', caseId);
  if (kind) q = q.where('kind', '=', kind);
  return [...new Set((await q.execute()).map((r) => r.court_id))];
}

export async function findSessionForNotification(db: Kysely<Database>, sessionId: string) {
  return db
    .selectFrom('mediation_sessions')
    .select([
      'id',
      'case_id',
      'starts_at',
      'time_zone',
      'duration_minutes',
      'mode',
      'room',
      'meeting_url',
      'status',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', sessionId)
    .executeTakeFirst();
}

/** Marks every party of the organisation with this address as bounced (the officer sees it). */
export async function markPartyEmailBounced(
  db: Kysely<Database>,
  o: { orgId: string; caseId: string; email: string; at: string },
): Promise<string[]> {
  const rows = await db
    .updateTable('case_parties')
    .set({ email_bounced_at: o.at })
    .where('org_id', '=', o.orgId)
    .where('case_id', '=', o.caseId)
    .where((eb) => eb(eb.fn('lower', ['email']), '=', o.email.toLowerCase()))
    .where('email_bounced_at', 'is', null)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function listBouncedParties(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('case_parties')
    .select(['id', 'role', 'email', 'email_bounced_at'])
    .where('case_id', '=', caseId)
    .where('email_bounced_at', 'is not', null)
    .orderBy('email_bounced_at')
    .execute();
}

export async function findMessageAuthorUserId(
  db: Kysely<Database>,
  messageId: string,
): Promise<string | null> {
  const r = await db
    .selectFrom('messages')
    .select('author_user_id')
    .where('id', '=', messageId)
    .executeTakeFirst();
  return r?.author_user_id ?? null;
}
