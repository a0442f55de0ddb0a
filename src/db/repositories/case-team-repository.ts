import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { newId } from '../../domain/new-id.js';

export async function listActiveTeam(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('case_team_members as t')
    .innerJoin('mediator_profiles as m', 'm.id', 't.mediator_id')
    .select([
      't.id',
      't.mediator_id',
      't.role',
      't.assigned_at',
      'm.display_name',
      'm.kind',
      'm.nationality',
      'm.user_id',
    ])
    .where('t.case_id', '=', caseId)
    .where('t.removed_at', 'is', null)
    .orderBy('t.assigned_at')
    .orderBy('t.id')
    .execute();
}

export async function findMediatorProfiles(db: Kysely<Database>, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('mediator_profiles')
    .select(['id', 'org_id', 'kind', 'active', 'display_name', 'user_id'])
    .where('id', 'in', ids)
    .execute();
}

/**
 * Removes members (with the reason). A mediator's open cases are counted from the live team
 * rows (loadMediatorCaseLoads), so nothing else changes.
 */
export async function removeTeamMembers(
  trx: Kysely<Database>,
  opts: { memberIds: string[]; reason: string; at: string },
): Promise<void> {
  if (opts.memberIds.length === 0) return;
  await trx
    .updateTable('case_team_members')
    .set({ removed_at: opts.at, removed_reason: opts.reason })
    .where('id', 'in', opts.memberIds)
    .execute();
}

export async function addTeamMembers(
  trx: Kysely<Database>,
  opts: {
    orgId: string;
    caseId: string;
    members: { mediatorId: string; role: string }[];
    by: string;
    at: string;
  },
): Promise<void> {
  for (const m of opts.members) {
    await trx
      .insertInto('case_team_members')
      .values({
        id: newId(),
        org_id: opts.orgId,
        case_id: opts.caseId,
        mediator_id: m.mediatorId,
        role: m.role,
        assigned_at: opts.at,
        assigned_by: opts.by,
      })
      .execute();
    await trx
      .updateTable('mediator_profiles')
      .set({ last_assigned_at: opts.at })
      .where('id', '=', m.mediatorId)
      .execute();
  }
}

export async function listTeamObjections(db: Kysely<Database>, caseId: string) {
  return db
    .selectFrom('team_objections')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();
}

export async function insertTeamObjection(
  trx: Kysely<Database>,
  o: {
    orgId: string;
    caseId: string;
    partyId: string;
    mediatorId: string;
    reason: string;
    at: string;
  },
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('team_objections')
    .values({
      id,
      org_id: o.orgId,
      case_id: o.caseId,
      party_id: o.partyId,
      mediator_id: o.mediatorId,
      reason: o.reason,
      created_at: o.at,
    })
    .execute();
  return id;
}

export async function resolveTeamObjections(
  trx: Kysely<Database>,
  caseId: string,
  mediatorIds: string[],
  at: string,
): Promise<void> {
  if (mediatorIds.length === 0) return;
  await trx
    .updateTable('team_objections')
    .set({ resolved_at: at })
    .where('case_id', '=', caseId)
    .where('mediator_id', 'in', mediatorIds)
    .where('resolved_at', 'is', null)
    .execute();
}
