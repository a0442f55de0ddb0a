import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, MessagesTable } from '../schema.js';

export type MessageRow = Selectable<MessagesTable>;

export async function insertMessage(
  trx: Kysely<Database>,
  row: Insertable<MessagesTable>,
): Promise<void> {
  await trx.insertInto('messages').values(row).execute();
}

export async function findMessage(
  db: Kysely<Database>,
  caseId: string,
  messageId: string,
): Promise<MessageRow | undefined> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('id', '=', messageId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

/** Replaces the translations only if nobody changed them since `previous` was read. */
export async function updateMessageTranslations(
  trx: Kysely<Database>,
  messageId: string,
  previous: string,
  next: string,
): Promise<boolean> {
  const r = await trx
    .updateTable('messages')
    .set({ translations_json: next })
    .where('id', '=', messageId)
    .where('translations_json', '=', previous)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function listMessages(
  db: Kysely<Database>,
  caseId: string,
  visibilities: string[],
): Promise<MessageRow[]> {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('case_id', '=', caseId)
    .where('visibility', 'in', visibilities)
    .orderBy('created_at')
    .orderBy('id')
    .limit(2000)
    .execute();
}

/** The roles (applicant, respondent) of the parties of a case that this user is. */
export async function listOwnCaseSides(
  db: Kysely<Database>,
  caseId: string,
  userId: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('case_parties')
    .select('role')
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .execute();
  return [...new Set(rows.map((r) => r.role))];
}
