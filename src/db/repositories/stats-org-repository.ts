import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface StatsOrg {
  id: string;
  slug: string;
  name: string;
  nameEn: string;
  settingsJson: string;
}

/** The organisation with this slug, or without a slug the first one created. */
export async function findOrgForPublicFigures(
  db: Kysely<Database>,
  slug: string | undefined,
): Promise<StatsOrg | undefined> {
  let q = db.selectFrom('organizations').select(['id', 'slug', 'name', 'name_en', 'settings_json']);
  q =
    slug === undefined
      ? q.orderBy('created_at').orderBy('id').limit(1)
      : q.where('slug', '=', slug);
  const r = await q.executeTakeFirst();
  return (
    r && { id: r.id, slug: r.slug, name: r.name, nameEn: r.name_en, settingsJson: r.settings_json }
  );
}

export async function findOrgNames(
  db: Kysely<Database>,
  orgId: string,
): Promise<{ name: string; nameEn: string } | undefined> {
  const r = await db
    .selectFrom('organizations')
    .select(['name', 'name_en'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  return r && { name: r.name, nameEn: r.name_en };
}

/** Display names of mediator profiles, for labelling a breakdown by mediator. */
export async function findMediatorNames(
  db: Kysely<Database>,
  ids: string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('mediator_profiles')
    .select(['id', 'display_name'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
