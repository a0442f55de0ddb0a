import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CaseAccessFacts } from '../../domain/authorize-case-access.js';

/**
 * Loads what the policy needs to decide who may see a case; undefined if no such case. Every
 * case route asks this first, so it is one round trip: the case row joined to the list of its
 * team mediators, filed courts and party users (one row each, or one row of nulls).
 */
export async function findCaseAccessFacts(
  db: Kysely<Database>,
  caseId: string,
): Promise<(CaseAccessFacts & { caseId: string; status: string; version: number }) | undefined> {
  const { rows } = await sql<{
    id: string;
    org_id: string;
    status: string;
    version: number;
    kind: 'team' | 'court' | 'party' | null;
    ref: string | null;
  }>`
    select c.id, c.org_id, c.status, c.version, x.kind, x.ref
    from cases c
    left join (
      select 'team' as kind, mediator_id as ref from case_team_members
        where case_id = ${caseId} and removed_at is null
      union all
      select 'court', court_id from court_filings where case_id = ${caseId}
      union all
      select 'party', user_id from case_parties where case_id = ${caseId} and user_id is not null
    ) x on 1 = 1
    where c.id = ${caseId}`.execute(db);
  const c = rows[0];
  if (!c) return undefined;
  const refs = (kind: 'team' | 'court' | 'party') =>
    rows.filter((r) => r.kind === kind).map((r) => r.ref!);
  return {
    caseId: c.id,
    orgId: c.org_id,
    status: c.status,
    version: Number(c.version),
    teamMediatorIds: refs('team'),
    filedCourtIds: refs('court'),
    partyUserIds: refs('party'),
  };
}
