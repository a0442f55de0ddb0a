import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** Each organisation's time zone (IANA), which defines its calendar days for deadlines. */
export async function listOrgTimeZones(
  db: Kysely<Database>,
  orgIds: string[],
): Promise<Map<string, string>> {
  const ids = [...new Set(orgIds)];
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('organizations')
      .select(['id', 'time_zone'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, r.time_zone);
  }
  return out;
}
