import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import type { CaseAccessFacts } from '../../domain/authorize-case-access.js';

/** Loads what the policy needs to decide who may see a case; undefined if no such case. */
export async function findCaseAccessFacts(
  db: Kysely<Database>,
  caseId: string,
): Promise<(CaseAccessFacts & { caseId: string; status: string; version: number }) | undefined> {
  const c = await db
    .selectFrom('cases')
    .select(['id', 'org_id', 'status', 'version'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!c) return undefined;
  const [team, filings, parties] = await Promise.all([
    db
      .selectFrom('case_team_members')
      .select('mediator_id')
      .where('case_id', '=', caseId)
      .where('removed_at', 'is', null)
      .execute(),
    db.selectFrom('court_filings').select('court_id').where('case_id', '=', caseId).execute(),
    db
      .selectFrom('case_parties')
      .select('user_id')
      .where('case_id', '=', caseId)
      .where('user_id', 'is not', null)
      .execute(),
  ]);
  return {
    caseId: c.id,
    orgId: c.org_id,
    status: c.status,
    version: c.version,
    teamMediatorIds: team.map((t) => t.mediator_id),
    filedCourtIds: filings.map((f) => f.court_id),
    partyUserIds: parties.map((p) => p.user_id!),
  };
}
