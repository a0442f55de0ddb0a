import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Languages needed by the org's cases submitted or accepted in [fromIso, toIso), with the
 * number of distinct cases needing each.
 */
export async function countCasesByLanguage(
  db: Kysely<Database>,
  o: { orgId: string; fromIso: string; toIso: string },
): Promise<{ language: string; cases: number }[]> {
  const rows = await db
    .selectFrom('case_languages as cl')
    .innerJoin('cases as c', 'c.id', 'cl.case_id')
    .select((eb) => ['cl.language', eb.fn.count<number>('cl.case_id').distinct().as('cases')])
    .where('cl.org_id', '=', o.orgId)
    .where((eb) =>
      eb.or([
        eb.and([eb('c.submitted_at', '>=', o.fromIso), eb('c.submitted_at', '<', o.toIso)]),
        eb.and([eb('c.accepted_at', '>=', o.fromIso), eb('c.accepted_at', '<', o.toIso)]),
      ]),
    )
    .groupBy('cl.language')
    .orderBy('cl.language')
    .execute();
  return rows.map((r) => ({ language: r.language, cases: Number(r.cases) }));
}

/** Active mediators of the org per language they speak. */
export async function countActiveMediatorsByLanguage(
  db: Kysely<Database>,
  orgId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('mediator_languages as ml')
    .innerJoin('mediator_profiles as m', 'm.id', 'ml.mediator_id')
    .select((eb) => ['ml.language', eb.fn.count<number>('ml.mediator_id').distinct().as('n')])
    .where('ml.org_id', '=', orgId)
    .where('m.active', '=', 1)
    .groupBy('ml.language')
    .execute();
  return new Map(rows.map((r) => [r.language, Number(r.n)]));
}

/** Active mediators of the org per ISO 639-5 family of a language they speak. */
export async function countActiveMediatorsByFamily(
  db: Kysely<Database>,
  orgId: string,
): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('mediator_languages as ml')
    .innerJoin('mediator_profiles as m', 'm.id', 'ml.mediator_id')
    .select((eb) => ['ml.family', eb.fn.count<number>('ml.mediator_id').distinct().as('n')])
    .where('ml.org_id', '=', orgId)
    .where('m.active', '=', 1)
    .where('ml.family', 'is not', null)
    .groupBy('ml.family')
    .execute();
  return new Map(rows.map((r) => [r.family!, Number(r.n)]));
}
