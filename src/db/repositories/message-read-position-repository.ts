import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function listReadPositions(db: Kysely<Database>, caseId: string, userId: string) {
  const rows = await db
    .selectFrom('message_read_positions')
    .select(['channel', 'last_read_at', 'last_read_message_id'])
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => ({
    channel: r.channel,
    lastReadAt: r.last_read_at,
    lastReadMessageId: r.last_read_message_id,
  }));
}

/**
 * Moves the user's read position in a channel forward to the given message; never backward, so
 * that a stale tab marking an older message read does not bring back what was read since.
 */
export async function advanceReadPosition(
  db: Kysely<Database>,
  row: {
    orgId: string;
    caseId: string;
    userId: string;
    channel: string;
    lastReadAt: string;
    lastReadMessageId: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('message_read_positions')
    .values({
      org_id: row.orgId,
      case_id: row.caseId,
      user_id: row.userId,
      channel: row.channel,
      last_read_at: row.lastReadAt,
      last_read_message_id: row.lastReadMessageId,
      updated_at: row.at,
    })
    .onConflict((oc) =>
      oc
        .columns(['case_id', 'user_id', 'channel'])
        .doUpdateSet({
          last_read_at: row.lastReadAt,
          last_read_message_id: row.lastReadMessageId,
          updated_at: row.at,
        })
        .where((eb) =>
          eb.or([
            eb('message_read_positions.last_read_at', '<', row.lastReadAt),
            eb.and([
              eb('message_read_positions.last_read_at', '=', row.lastReadAt),
              eb('message_read_positions.last_read_message_id', '<', row.lastReadMessageId),
            ]),
          ]),
        ),
    )
    .execute();
}
