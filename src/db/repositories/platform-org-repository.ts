import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The committees a platform administrator creates and lists, and the administrator flag. */

export async function findOrgBySlugOrPrefix(
  db: Kysely<Database>,
  o: { slug: string; referencePrefix: string },
): Promise<{ slug: string; reference_prefix: string } | undefined> {
  return db
    .selectFrom('organizations')
    .select(['slug', 'reference_prefix'])
    .where((eb) => eb.or([eb('slug', '=', o.slug), eb('reference_prefix', '=', o.referencePrefix)]))
    .executeTakeFirst();
}

export async function insertOrganization(
  db: Kysely<Database>,
  o: {
    id: string;
    slug: string;
    name: string;
    nameEn: string;
    names: Record<string, string>;
    referencePrefix: string;
    timeZone: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('organizations')
    .values({
      id: o.id,
      slug: o.slug,
      name: o.name,
      name_en: o.nameEn,
      names_json: JSON.stringify(o.names),
      reference_prefix: o.referencePrefix,
      time_zone: o.timeZone,
      // Real committees: directors and officers sign in with an authenticator (the default).
      require_staff_totp: 1,
      created_at: o.at,
    })
    .execute();
}

export async function insertDockingCourt(
  db: Kysely<Database>,
  c: { id: string; orgId: string; name: string; nameEn: string; at: string },
): Promise<void> {
  await db
    .insertInto('courts')
    .values({
      id: c.id,
      org_id: c.orgId,
      name: c.name,
      name_en: c.nameEn,
      kind: 'basic',
      is_docking_centre: 1,
      is_seat_court: 0,
      created_at: c.at,
    })
    .execute();
}

export interface CommitteeRow {
  id: string;
  slug: string;
  name: string;
  name_en: string;
  names_json: string;
  reference_prefix: string;
  time_zone: string;
  created_at: string;
}

export async function listCommittees(db: Kysely<Database>): Promise<CommitteeRow[]> {
  return db
    .selectFrom('organizations')
    .select([
      'id',
      'slug',
      'name',
      'name_en',
      'names_json',
      'reference_prefix',
      'time_zone',
      'created_at',
    ])
    .orderBy('created_at')
    .orderBy('slug')
    .execute();
}

export async function setUserPlatformAdmin(
  db: Kysely<Database>,
  o: { userId: string; at: string },
): Promise<void> {
  await db
    .updateTable('users')
    .set({ platform_admin: 1, updated_at: o.at })
    .where('id', '=', o.userId)
    .execute();
}
