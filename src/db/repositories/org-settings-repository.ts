import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/** The organisation's settings document, or nothing if the organisation does not exist. */
export async function findOrgSettings(
  db: Kysely<Database>,
  orgId: string,
): Promise<{ timeZone: string; settings: Record<string, unknown> } | undefined> {
  const r = await db
    .selectFrom('organizations')
    .select(['time_zone', 'settings_json'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    timeZone: r.time_zone,
    settings: JSON.parse(r.settings_json) as Record<string, unknown>,
  };
}

/**
 * Replaces one key of settings_json, leaving the others as they are. Call it inside the
 * transaction that appends the audit row: on PostgreSQL that append locks the org row, so two
 * concurrent settings writes cannot lose each other's keys.
 */
export async function setOrgSetting(
  trx: Kysely<Database>,
  o: { orgId: string; key: string; value: unknown },
): Promise<void> {
  const current = await findOrgSettings(trx, o.orgId);
  const settings = { ...(current?.settings ?? {}), [o.key]: o.value };
  await trx
    .updateTable('organizations')
    .set({ settings_json: JSON.stringify(settings) })
    .where('id', '=', o.orgId)
    .execute();
}
