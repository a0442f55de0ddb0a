import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface MediatorRelationship {
  id: string;
  mediatorId: string;
  kind: string;
  name: string;
  nameKey: string;
  relation: string;
  createdAt: string;
}

export async function insertMediatorRelationship(
  trx: Kysely<Database>,
  r: MediatorRelationship & { orgId: string },
): Promise<void> {
  await trx
    .insertInto('mediator_relationships')
    .values({
      id: r.id,
      org_id: r.orgId,
      mediator_id: r.mediatorId,
      kind: r.kind,
      name: r.name,
      name_key: r.nameKey,
      relation: r.relation,
      created_at: r.createdAt,
    })
    .execute();
}

export async function deleteMediatorRelationship(
  trx: Kysely<Database>,
  o: { mediatorId: string; id: string },
): Promise<boolean> {
  const r = await trx
    .deleteFrom('mediator_relationships')
    .where('id', '=', o.id)
    .where('mediator_id', '=', o.mediatorId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

const toRelationship = (r: {
  id: string;
  mediator_id: string;
  kind: string;
  name: string;
  name_key: string;
  relation: string;
  created_at: string;
}): MediatorRelationship => ({
  id: r.id,
  mediatorId: r.mediator_id,
  kind: r.kind,
  name: r.name,
  nameKey: r.name_key,
  relation: r.relation,
  createdAt: r.created_at,
});

export async function listMediatorRelationships(
  db: Kysely<Database>,
  mediatorId: string,
): Promise<MediatorRelationship[]> {
  const rows = await db
    .selectFrom('mediator_relationships')
    .selectAll()
    .where('mediator_id', '=', mediatorId)
    .orderBy('created_at')
    .execute();
  return rows.map(toRelationship);
}

/** Declared relationships in the org whose normalised name is one of `nameKeys` (index lookup). */
export async function findRelationshipsByNameKeys(
  db: Kysely<Database>,
  o: { orgId: string; nameKeys: string[] },
): Promise<MediatorRelationship[]> {
  if (o.nameKeys.length === 0) return [];
  const rows = await db
    .selectFrom('mediator_relationships')
    .selectAll()
    .where('org_id', '=', o.orgId)
    .where('name_key', 'in', o.nameKeys)
    .execute();
  return rows.map(toRelationship);
}
