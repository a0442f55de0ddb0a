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

/**
 * The user's unread messages per case, for a page of cases, in one grouped query: messages by
 * others after the user's read position in their channel, in the channels the user may read
 * there. `readable` groups the cases by the channels readable on them (a handful of distinct
 * sets: every channel for the team and staff, the shared thread plus one caucus for a party), so
 * the filter stays small however long the page. Cases without unread messages are absent.
 */
export async function countUnreadMessagesOfCases(
  db: Kysely<Database>,
  userId: string,
  readable: { caseIds: string[]; channels: string[] }[],
): Promise<Map<string, number>> {
  const groups = readable.filter((g) => g.caseIds.length > 0 && g.channels.length > 0);
  if (groups.length === 0) return new Map();
  const rows = await db
    .selectFrom('messages as m')
    .leftJoin('message_read_positions as p', (j) =>
      j
        .onRef('p.case_id', '=', 'm.case_id')
        .onRef('p.channel', '=', 'm.visibility')
        .on('p.user_id', '=', userId),
    )
    .select(['m.case_id', (eb) => eb.fn.countAll<number | string>().as('unread')])
    .where('m.case_id', 'in', [...new Set(groups.flatMap((g) => g.caseIds))])
    .where((eb) =>
      eb.or(
        groups.map((g) =>
          eb.and([eb('m.case_id', 'in', g.caseIds), eb('m.visibility', 'in', g.channels)]),
        ),
      ),
    )
    .where((eb) =>
      eb.or([eb('m.author_user_id', 'is', null), eb('m.author_user_id', '!=', userId)]),
    )
    // After the read position, ordered by time then id, as summariseUnread counts on the page.
    .where((eb) =>
      eb.or([
        eb('p.last_read_at', 'is', null),
        eb('m.created_at', '>', eb.ref('p.last_read_at')),
        eb.and([
          eb('m.created_at', '=', eb.ref('p.last_read_at')),
          eb('m.id', '>', eb.ref('p.last_read_message_id')),
        ]),
      ]),
    )
    .groupBy('m.case_id')
    .execute();
  return new Map(rows.map((r) => [r.case_id, Number(r.unread)]));
}
