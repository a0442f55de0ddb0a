import type { Kysely, Selectable } from 'kysely';
import type { Database, UsersTable } from '../schema.js';
import type { Membership } from '../../domain/authorize-case-access.js';
import type { StaffRole } from '../../domain/roles.js';

export type UserRow = Selectable<UsersTable>;

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export async function findUserByEmail(
  db: Kysely<Database>,
  email: string,
): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', normalizeEmail(email))
    .executeTakeFirst();
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertUser(
  db: Kysely<Database>,
  u: {
    id: string;
    email: string;
    passwordHash: string | null;
    displayName: string;
    locale?: string;
    timeZone?: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: u.id,
      email: normalizeEmail(u.email),
      password_hash: u.passwordHash,
      display_name: u.displayName,
      locale: u.locale ?? 'zh-CN',
      time_zone: u.timeZone ?? 'Asia/Shanghai',
      created_at: u.at,
      updated_at: u.at,
    })
    .execute();
}

export async function insertMembership(
  db: Kysely<Database>,
  m: {
    id: string;
    orgId: string;
    userId: string;
    role: StaffRole;
    courtId?: string | null;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({
      id: m.id,
      org_id: m.orgId,
      user_id: m.userId,
      role: m.role,
      court_id: m.courtId ?? null,
      created_at: m.at,
    })
    .execute();
}

export async function listMemberships(db: Kysely<Database>, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('memberships')
    .select(['org_id', 'role', 'court_id'])
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({ orgId: r.org_id, role: r.role as StaffRole, courtId: r.court_id }));
}

export async function listMediatorIdsOfUser(
  db: Kysely<Database>,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('mediator_profiles')
    .select('id')
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.id);
}
