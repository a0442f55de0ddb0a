import { sql, type Kysely } from 'kysely';
import { setOrgSetting } from './org-settings-repository.js';
import type { Database } from '../schema.js';

export interface MatchingCase {
  id: string;
  orgId: string;
  status: string;
  category: string;
  nationalCategory: string;
  parties: {
    id: string;
    role: string;
    kind: string;
    name: string;
    country: string;
    languages: string[];
    isForeign: boolean;
    userId: string | null;
  }[];
}

export async function findMatchingCase(
  db: Kysely<Database>,
  caseId: string,
): Promise<MatchingCase | undefined> {
  const c = await db
    .selectFrom('cases')
    .select(['id', 'org_id', 'status', 'category', 'national_category'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!c) return undefined;
  const parties = await db
    .selectFrom('case_parties')
    .select(['id', 'role', 'kind', 'name', 'country', 'languages_json', 'is_foreign', 'user_id'])
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return {
    id: c.id,
    orgId: c.org_id,
    status: c.status,
    category: c.category,
    nationalCategory: c.national_category,
    parties: parties.map((p) => ({
      id: p.id,
      role: p.role,
      kind: p.kind,
      name: p.name,
      country: p.country,
      languages: JSON.parse(p.languages_json) as string[],
      isForeign: p.is_foreign === 1,
      userId: p.user_id,
    })),
  };
}

/**
 * Active mediators of the given kinds who speak one of `languages` or a language of one of
 * `families`: two lookups on the (org_id, language) and (org_id, family) indexes, together at
 * most `cap` mediators, so the work is bounded by the cap and never by the size of the roster.
 */
export async function findLanguageCandidateIds(
  db: Kysely<Database>,
  o: { orgId: string; kinds: string[]; languages: string[]; families: string[]; cap: number },
): Promise<string[]> {
  const ids = new Set<string>();
  const lookups: { column: 'language' | 'family'; values: string[] }[] = [
    { column: 'language', values: o.languages },
    { column: 'family', values: o.families },
  ];
  for (const { column, values } of lookups) {
    // Exact speakers first; the family lookup only fills what the cap leaves.
    const room = o.cap - ids.size;
    if (values.length === 0 || room <= 0) continue;
    const rows = await db
      .selectFrom('mediator_languages as ml')
      .innerJoin('mediator_profiles as m', 'm.id', 'ml.mediator_id')
      .select('ml.mediator_id')
      .where('ml.org_id', '=', o.orgId)
      .where(`ml.${column}`, 'in', values)
      .where('m.active', '=', 1)
      .where('m.kind', 'in', o.kinds)
      .limit(room)
      .execute();
    for (const r of rows) ids.add(r.mediator_id);
  }
  return [...ids];
}

/** The bounded fallback: the least recently assigned active mediators of the kinds (index order). */
export async function findFallbackCandidateIds(
  db: Kysely<Database>,
  o: { orgId: string; kinds: string[]; cap: number },
): Promise<string[]> {
  const out: string[] = [];
  for (const kind of o.kinds) {
    const rows = await db
      .selectFrom('mediator_profiles')
      .select('id')
      .where('org_id', '=', o.orgId)
      .where('kind', '=', kind)
      .where('active', '=', 1)
      .orderBy('last_assigned_at')
      .limit(o.cap)
      .execute();
    out.push(...rows.map((r) => r.id));
  }
  return out;
}

/** Statuses in which a case counts against its mediators' case limit. */
export const openCaseStatuses = ['accepted', 'in_mediation'] as const;

export interface MediatorCaseLoad {
  openCases: number;
  lastAssignedAt: string | null;
  pastConcluded: number;
  pastAgreed: number;
}

/**
 * For each mediator: open cases now, the last assignment, and concluded and agreed cases in
 * `category` (from case_team_members through its mediator index).
 */
export async function loadMediatorCaseLoads(
  db: Kysely<Database>,
  o: { mediatorIds: string[]; category: string },
): Promise<Map<string, MediatorCaseLoad>> {
  const out = new Map<string, MediatorCaseLoad>();
  for (const id of o.mediatorIds) {
    out.set(id, { openCases: 0, lastAssignedAt: null, pastConcluded: 0, pastAgreed: 0 });
  }
  for (let i = 0; i < o.mediatorIds.length; i += 500) {
    const ids = o.mediatorIds.slice(i, i + 500);
    const rows = await db
      .selectFrom('case_team_members as t')
      .innerJoin('cases as c', 'c.id', 't.case_id')
      .select((eb) => [
        't.mediator_id',
        eb.fn.max('t.assigned_at').as('last_assigned_at'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when('c.status', 'in', [...openCaseStatuses])
              .then(sql<number>`1`)
              .else(sql<number>`0`)
              .end(),
          )
          .as('open_cases'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.and([
                  eb('c.category', '=', o.category),
                  eb('c.outcome', 'in', ['agreed', 'failed']),
                ]),
              )
              .then(sql<number>`1`)
              .else(sql<number>`0`)
              .end(),
          )
          .as('concluded'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('c.category', '=', o.category), eb('c.outcome', '=', 'agreed')]))
              .then(sql<number>`1`)
              .else(sql<number>`0`)
              .end(),
          )
          .as('agreed'),
      ])
      .where('t.mediator_id', 'in', ids)
      .where('t.removed_at', 'is', null)
      .groupBy('t.mediator_id')
      .execute();
    for (const r of rows) {
      out.set(r.mediator_id, {
        openCases: Number(r.open_cases ?? 0),
        lastAssignedAt: (r.last_assigned_at as string | null) ?? null,
        pastConcluded: Number(r.concluded ?? 0),
        pastAgreed: Number(r.agreed ?? 0),
      });
    }
  }
  return out;
}

export async function findObjectedMediatorIds(
  db: Kysely<Database>,
  caseId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('team_objections')
    .select('mediator_id')
    .where('case_id', '=', caseId)
    .execute();
  return [...new Set(rows.map((r) => r.mediator_id))];
}

/**
 * Earlier cases in which one of `userIds` was a party: the names of the parties on the other
 * side, per user. Reads case_parties through its user index.
 */
export async function findOpposingPartyNames(
  db: Kysely<Database>,
  o: { orgId: string; userIds: string[]; excludeCaseId: string },
): Promise<{ userId: string; opposingName: string }[]> {
  if (o.userIds.length === 0) return [];
  const own = await db
    .selectFrom('case_parties')
    .select(['case_id', 'role', 'user_id'])
    .where('user_id', 'in', o.userIds)
    .where('org_id', '=', o.orgId)
    .where('case_id', '!=', o.excludeCaseId)
    .execute();
  if (own.length === 0) return [];
  const others = await db
    .selectFrom('case_parties')
    .select(['case_id', 'role', 'name'])
    .where('case_id', 'in', [...new Set(own.map((r) => r.case_id))])
    .execute();
  const out: { userId: string; opposingName: string }[] = [];
  for (const mine of own) {
    for (const other of others) {
      if (other.case_id === mine.case_id && other.role !== mine.role) {
        out.push({ userId: mine.user_id!, opposingName: other.name });
      }
    }
  }
  return out;
}

/** Replaces settings_json.matchingWeights, leaving the org's other settings as they are. */
export async function updateOrgMatchingWeights(
  trx: Kysely<Database>,
  o: { orgId: string; weights: Record<string, number> },
): Promise<void> {
  await setOrgSetting(trx, { orgId: o.orgId, key: 'matchingWeights', value: o.weights });
}
