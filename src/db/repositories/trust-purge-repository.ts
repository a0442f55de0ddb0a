import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { isPostgres } from '../detect-engine.js';

/**
 * Deletes a case and everything that hangs off it, children before parents, for retention
 * purges. The dependency graph is read from the database's own foreign keys (plus every
 * `case_id` column without one), so tables that later features add are purged too and the
 * order is always FK-safe. The audit trail is never deleted: its hash chain is the record
 * that the case existed and was purged.
 */
interface Edge {
  table: string;
  column: string;
  refTable: string;
}

const keptTables = new Set(['audit_events']);

async function listForeignKeys(db: Kysely<Database>): Promise<Edge[]> {
  if (isPostgres(db)) {
    const { rows } = await sql<Edge>`
      select cl.relname as "table", att.attname as "column", rcl.relname as "refTable"
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_class rcl on rcl.oid = c.confrelid
      join pg_attribute att on att.attrelid = c.conrelid and att.attnum = c.conkey[1]
      where c.contype = 'f' and cl.relnamespace = current_schema()::regnamespace`.execute(db);
    return rows;
  }
  const tables = await db.introspection.getTables();
  const out: Edge[] = [];
  for (const t of tables) {
    const { rows } = await sql<{ table: string; from: string }>`
      select "table", "from" from pragma_foreign_key_list(${t.name})`.execute(db);
    for (const r of rows) out.push({ table: t.name, column: r.from, refTable: r.table });
  }
  return out;
}

export interface CaseDeletionGraph {
  edges: Edge[];
  tablesWithId: Set<string>;
}

export async function loadCaseDeletionGraph(db: Kysely<Database>): Promise<CaseDeletionGraph> {
  const tables = await db.introspection.getTables();
  const edges = (await listForeignKeys(db)).filter((e) => !keptTables.has(e.table));
  for (const t of tables) {
    const hasCaseId = t.columns.some((c) => c.name === 'case_id');
    const linked = edges.some((e) => e.table === t.name && e.column === 'case_id');
    if (hasCaseId && !linked && !keptTables.has(t.name) && t.name !== 'cases') {
      edges.push({ table: t.name, column: 'case_id', refTable: 'cases' });
    }
  }
  const tablesWithId = new Set(
    tables.filter((t) => t.columns.some((c) => c.name === 'id')).map((t) => t.name),
  );
  return { edges, tablesWithId };
}

async function deleteReferencing(
  trx: Kysely<Database>,
  graph: CaseDeletionGraph,
  parent: string,
  ids: string[],
  counts: Record<string, number>,
  storageKeys: string[],
): Promise<void> {
  if (ids.length === 0) return;
  for (const e of graph.edges.filter((x) => x.refTable === parent)) {
    const inIds = sql`${sql.ref(e.column)} in (${sql.join(ids)})`;
    if (graph.tablesWithId.has(e.table)) {
      const { rows } = await sql<{ id: string }>`
        select id from ${sql.table(e.table)} where ${inIds}`.execute(trx);
      // A self-reference must not revisit the rows being deleted.
      const childIds = rows
        .map((r) => r.id)
        .filter((id) => !(e.table === parent && ids.includes(id)));
      if (childIds.length === 0) continue;
      await deleteReferencing(trx, graph, e.table, childIds, counts, storageKeys);
      if (e.table === 'documents') {
        const keys = await sql<{ storage_key: string }>`
          select storage_key from documents where id in (${sql.join(childIds)})`.execute(trx);
        storageKeys.push(...keys.rows.map((k) => k.storage_key));
      }
      const r =
        await sql`delete from ${sql.table(e.table)} where id in (${sql.join(childIds)})`.execute(
          trx,
        );
      counts[e.table] = (counts[e.table] ?? 0) + Number(r.numAffectedRows ?? 0);
    } else {
      const r = await sql`delete from ${sql.table(e.table)} where ${inIds}`.execute(trx);
      counts[e.table] = (counts[e.table] ?? 0) + Number(r.numAffectedRows ?? 0);
    }
  }
}

/** Deletes the case and its dependants; returns rows deleted per table and the freed storage keys. */
export async function deleteCaseTree(
  trx: Kysely<Database>,
  graph: CaseDeletionGraph,
  caseId: string,
): Promise<{ counts: Record<string, number>; storageKeys: string[] }> {
  const counts: Record<string, number> = {};
  const storageKeys: string[] = [];
  await deleteReferencing(trx, graph, 'cases', [caseId], counts, storageKeys);
  const r = await trx.deleteFrom('cases').where('id', '=', caseId).executeTakeFirst();
  counts.cases = Number(r.numDeletedRows);
  return { counts, storageKeys };
}

export interface PurgeCandidate {
  id: string;
  org_id: string;
  reference: string;
  status: string;
  closed_at: string;
}

/** Closed cases whose closing (or, for old rows, last update) is before `cutoff`. */
export async function listCasesClosedBefore(
  db: Kysely<Database>,
  statuses: readonly string[],
  cutoff: string,
): Promise<PurgeCandidate[]> {
  const rows = await db
    .selectFrom('cases')
    .select(['id', 'org_id', 'reference', 'status', 'closed_at', 'concluded_at', 'updated_at'])
    .where('status', 'in', [...statuses])
    .where((eb) => eb(eb.fn.coalesce('closed_at', 'concluded_at', 'updated_at'), '<', cutoff))
    .orderBy('org_id')
    .orderBy('reference')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    org_id: r.org_id,
    reference: r.reference,
    status: r.status,
    closed_at: r.closed_at ?? r.concluded_at ?? r.updated_at,
  }));
}

export async function isStorageKeyReferenced(
  db: Kysely<Database>,
  storageKey: string,
): Promise<boolean> {
  const r = await db
    .selectFrom('documents')
    .select('id')
    .where('storage_key', '=', storageKey)
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}
