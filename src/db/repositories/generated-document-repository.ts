import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface GeneratedDocumentRow {
  id: string;
  orgId: string;
  caseId: string;
  kind: string;
  filename: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdBy: string | null;
  at: string;
}

/** A stored, immutable generated document (signed or filed), if one was made before. */
export async function findImmutableDocument(
  db: Kysely<Database>,
  o: { caseId: string; kind: string; filename: string },
) {
  return db
    .selectFrom('documents')
    .select(['id', 'sha256', 'storage_key', 'size_bytes'])
    .where('case_id', '=', o.caseId)
    .where('kind', '=', o.kind)
    .where('filename', '=', o.filename)
    .where('immutable', '=', 1)
    .orderBy('created_at')
    .limit(1)
    .executeTakeFirst();
}

export async function insertGeneratedDocument(
  trx: Kysely<Database>,
  r: GeneratedDocumentRow,
): Promise<void> {
  await trx
    .insertInto('documents')
    .values({
      id: r.id,
      org_id: r.orgId,
      case_id: r.caseId,
      kind: r.kind,
      filename: r.filename,
      media_type: 'application/pdf',
      size_bytes: r.sizeBytes,
      sha256: r.sha256,
      storage_key: r.storageKey,
      // Generated papers are the committee's records; parties receive them through the case.
      visibility: 'all',
      uploaded_by: r.createdBy,
      immutable: 1,
      created_at: r.at,
    })
    .execute();
}

/**
 * Whether `hash` is the SHA-256 of a signed agreement text or of an immutable document.
 * Answers a bare yes/no: the verification page must reveal nothing about the case.
 */
export async function isKnownDocumentHash(db: Kysely<Database>, hash: string): Promise<boolean> {
  const agreement = await db
    .selectFrom('agreements')
    .select('id')
    .where('text_hash', '=', hash)
    .where('status', 'in', ['final', 'in_effect', 'superseded'])
    .limit(1)
    .executeTakeFirst();
  if (agreement) return true;
  const doc = await db
    .selectFrom('documents')
    .select('id')
    .where('sha256', '=', hash)
    .where('immutable', '=', 1)
    .limit(1)
    .executeTakeFirst();
  return Boolean(doc);
}
