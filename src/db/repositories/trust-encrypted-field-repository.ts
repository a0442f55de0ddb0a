import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';

/**
 * Generic access to every encrypted column (`*_enc`) for key rotation. The columns are found
 * by introspection, so a table added later with an `*_enc` column is rotated too.
 */
export interface EncryptedColumn {
  table: string;
  column: string;
}

export async function listEncryptedColumns(db: Kysely<Database>): Promise<EncryptedColumn[]> {
  const tables = await db.introspection.getTables();
  const out: EncryptedColumn[] = [];
  for (const t of tables) {
    if (!t.columns.some((c) => c.name === 'id')) continue;
    for (const c of t.columns)
      if (c.name.endsWith('_enc')) out.push({ table: t.name, column: c.name });
  }
  return out.sort((a, b) => (a.table + a.column < b.table + b.column ? -1 : 1));
}

/** Rows whose value is not yet under `keyId`, after `afterId` in id order. */
export async function listValuesNotUnderKey(
  db: Kysely<Database>,
  col: EncryptedColumn,
  keyId: string,
  afterId: string,
  limit: number,
): Promise<{ id: string; value: string }[]> {
  const { rows } = await sql<{ id: string; value: string }>`
    select id, ${sql.ref(col.column)} as value from ${sql.table(col.table)}
    where ${sql.ref(col.column)} is not null
      and ${sql.ref(col.column)} not like ${keyId + ':%'}
      and id > ${afterId}
    order by id limit ${limit}`.execute(db);
  return rows;
}

/** Replaces a value only if it is still the one read, so a concurrent edit is never overwritten. */
export async function replaceEncryptedValue(
  db: Kysely<Database>,
  col: EncryptedColumn,
  id: string,
  from: string,
  to: string,
): Promise<boolean> {
  const r = await sql`
    update ${sql.table(col.table)} set ${sql.ref(col.column)} = ${to}
    where id = ${id} and ${sql.ref(col.column)} = ${from}`.execute(db);
  return Number(r.numAffectedRows ?? 0) === 1;
}

export async function countValuesNotUnderKey(
  db: Kysely<Database>,
  col: EncryptedColumn,
  keyId: string,
): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    select count(*) as n from ${sql.table(col.table)}
    where ${sql.ref(col.column)} is not null and ${sql.ref(col.column)} not like ${keyId + ':%'}`.execute(
    db,
  );
  return Number(rows[0]?.n ?? 0);
}
