import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, DocumentsTable } from '../schema.js';

export type DocumentRow = Selectable<DocumentsTable>;

export async function insertDocument(
  trx: Kysely<Database>,
  row: Insertable<DocumentsTable>,
): Promise<void> {
  await trx.insertInto('documents').values(row).execute();
}

export async function findCaseDocument(
  db: Kysely<Database>,
  caseId: string,
  documentId: string,
  kind: string,
): Promise<DocumentRow | undefined> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('id', '=', documentId)
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function listCaseDocuments(
  db: Kysely<Database>,
  caseId: string,
  kind: string,
  visibilities: string[],
  /** The caucus channels the viewer reads; files of any other caucus are left out. */
  channels: string[],
): Promise<DocumentRow[]> {
  if (visibilities.length === 0) return [];
  return db
    .selectFrom('documents')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('kind', '=', kind)
    .where('visibility', 'in', visibilities)
    .where((eb) =>
      channels.length === 0
        ? eb('channel', 'is', null)
        : eb.or([eb('channel', 'is', null), eb('channel', 'in', channels)]),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** Links documents to the message they are attached to; only ones not yet attached. */
export async function attachDocumentsToMessage(
  trx: Kysely<Database>,
  documentIds: string[],
  messageId: string,
): Promise<number> {
  if (documentIds.length === 0) return 0;
  const r = await trx
    .updateTable('documents')
    .set({ message_id: messageId })
    .where('id', 'in', documentIds)
    .where('message_id', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export async function listDocumentsOfMessages(
  db: Kysely<Database>,
  messageIds: string[],
): Promise<DocumentRow[]> {
  if (messageIds.length === 0) return [];
  return db
    .selectFrom('documents')
    .selectAll()
    .where('message_id', 'in', messageIds)
    .orderBy('created_at')
    .execute();
}

/** Sets a document's visibility if it is still `previous`; whether it changed. */
export async function updateDocumentVisibility(
  trx: Kysely<Database>,
  documentId: string,
  previous: string,
  next: string,
): Promise<boolean> {
  const r = await trx
    .updateTable('documents')
    .set({ visibility: next })
    .where('id', '=', documentId)
    .where('visibility', '=', previous)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
