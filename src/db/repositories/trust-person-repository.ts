import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { normalizeEmail } from './user-repository.js';

/**
 * Finds every row held about one person, for a PIPL access request (`accord export-person`)
 * and for checks that a purge left nothing behind. The person is found by e-mail or exact
 * name as a user, a case party or a mediator; then every table is searched by introspection
 * for rows pointing at those ids, so tables added by later features are covered too.
 */
export interface PersonIds {
  userIds: string[];
  partyIds: string[];
  mediatorIds: string[];
}

export async function findPersonIds(
  db: Kysely<Database>,
  by: { email?: string; name?: string },
): Promise<PersonIds> {
  const email = by.email ? normalizeEmail(by.email) : undefined;
  const name = by.name?.trim();
  const users = await db
    .selectFrom('users')
    .select('id')
    .where((eb) =>
      eb.or([
        ...(email ? [eb('email', '=', email)] : []),
        ...(name ? [eb('display_name', '=', name)] : []),
      ]),
    )
    .execute();
  const userIds = users.map((u) => u.id);
  const parties = await db
    .selectFrom('case_parties')
    .select('id')
    .where((eb) =>
      eb.or([
        ...(email ? [eb(eb.fn('lower', ['email']), '=', email)] : []),
        ...(name ? [eb('name', '=', name)] : []),
        ...(userIds.length ? [eb('user_id', 'in', userIds)] : []),
      ]),
    )
    .execute();
  const mediators = await db
    .selectFrom('mediator_profiles')
    .select('id')
    .where((eb) =>
      eb.or([
        ...(email ? [eb(eb.fn('lower', ['email']), '=', email)] : []),
        ...(name ? [eb('display_name', '=', name)] : []),
        ...(userIds.length ? [eb('user_id', 'in', userIds)] : []),
      ]),
    )
    .execute();
  return {
    userIds,
    partyIds: parties.map((p) => p.id),
    mediatorIds: mediators.map((m) => m.id),
  };
}

/** Columns that point at a person, by the kind of id they hold. */
const personColumns: Record<string, keyof PersonIds> = {
  user_id: 'userIds',
  actor_user_id: 'userIds',
  author_user_id: 'userIds',
  party_id: 'partyIds',
  mediator_id: 'mediatorIds',
};
const ownTables: Record<string, keyof PersonIds> = {
  users: 'userIds',
  case_parties: 'partyIds',
  mediator_profiles: 'mediatorIds',
};

/** Every row, table by table, that is the person or points at the person. */
export async function listPersonRows(
  db: Kysely<Database>,
  ids: PersonIds,
): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {};
  const tables = await db.introspection.getTables();
  for (const t of tables.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const conditions = [];
    const own = ownTables[t.name];
    if (own && ids[own].length) {
      conditions.push(sql`id in (${sql.join(ids[own])})`);
    }
    for (const c of t.columns) {
      const kind = personColumns[c.name];
      if (kind && ids[kind].length) {
        conditions.push(sql`${sql.ref(c.name)} in (${sql.join(ids[kind])})`);
      }
    }
    if (conditions.length === 0) continue;
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${sql.table(t.name)} where ${sql.join(conditions, sql` or `)}`.execute(db);
    if (rows.length) out[t.name] = rows;
  }
  return out;
}
