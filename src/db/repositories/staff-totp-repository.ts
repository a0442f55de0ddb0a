import type { Kysely } from 'kysely';
import { TOTP_ENROLLMENT_RESTRICTION } from '../../domain/session-restriction.js';
import type { Database } from '../schema.js';

/** The roles that decide cases and hold the committee's data; they need TOTP where required. */
const staffTotpRoles = ['director', 'officer'] as const;

/** Users who are directors/officers of an organisation requiring TOTP and have not confirmed one. */
function unenrolledStaffOfRequiringOrgs(db: Kysely<Database>, orgId?: string) {
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('organizations as o', 'o.id', 'm.org_id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.role', 'in', staffTotpRoles)
    .where('o.require_staff_totp', '=', 1)
    .where('u.totp_confirmed_at', 'is', null);
  if (orgId) q = q.where('m.org_id', '=', orgId);
  return q;
}

export async function userNeedsStaffTotpEnrollment(
  db: Kysely<Database>,
  userId: string,
): Promise<boolean> {
  const r = await unenrolledStaffOfRequiringOrgs(db)
    .where('m.user_id', '=', userId)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

export async function findOrgStaffTotpRequirement(
  db: Kysely<Database>,
  slug: string,
): Promise<{ id: string; slug: string; requireStaffTotp: boolean } | undefined> {
  const r = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'require_staff_totp'])
    .where('slug', '=', slug)
    .executeTakeFirst();
  return r && { id: r.id, slug: r.slug, requireStaffTotp: r.require_staff_totp === 1 };
}

export async function listOrgSlugs(db: Kysely<Database>, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('organizations')
    .select('slug')
    .orderBy('slug')
    .limit(limit)
    .execute();
  return rows.map((r) => r.slug);
}

export async function setOrgStaffTotpRequirement(
  db: Kysely<Database>,
  orgId: string,
  required: boolean,
): Promise<void> {
  await db
    .updateTable('organizations')
    .set({ require_staff_totp: required ? 1 : 0 })
    .where('id', '=', orgId)
    .execute();
}

/**
 * Brings live sessions in line with the current requirement: sessions of unenrolled staff of a
 * requiring organisation become restricted, restricted sessions of anyone else are freed.
 * Returns how many sessions changed each way.
 */
export async function applyStaffTotpRestrictionToLiveSessions(
  db: Kysely<Database>,
): Promise<{ restricted: number; freed: number }> {
  const restricted = await db
    .updateTable('auth_sessions')
    .set({ restriction: TOTP_ENROLLMENT_RESTRICTION })
    // Expired sessions are included: harmless, and no clock is needed to tell which are live.
    .where('revoked_at', 'is', null)
    .where('restriction', 'is', null)
    .where('user_id', 'in', unenrolledStaffOfRequiringOrgs(db))
    .executeTakeFirst();
  const freed = await db
    .updateTable('auth_sessions')
    .set({ restriction: null })
    .where('restriction', '=', TOTP_ENROLLMENT_RESTRICTION)
    .where('user_id', 'not in', unenrolledStaffOfRequiringOrgs(db))
    .executeTakeFirst();
  return {
    restricted: Number(restricted.numUpdatedRows),
    freed: Number(freed.numUpdatedRows),
  };
}

export async function clearSessionRestriction(
  db: Kysely<Database>,
  sessionId: string,
): Promise<void> {
  await db
    .updateTable('auth_sessions')
    .set({ restriction: null })
    .where('id', '=', sessionId)
    .execute();
}
