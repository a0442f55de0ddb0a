import type { Kysely, Selectable } from 'kysely';
import type { Database, NotificationsTable } from '../schema.js';

export type NotificationRow = Selectable<NotificationsTable>;

/**
 * Inserts an in-app notification once: the id is derived from (outbox row, user) by the
 * caller, so a retried outbox row does not notify twice.
 */
export async function insertNotificationOnce(
  db: Kysely<Database>,
  n: {
    id: string;
    orgId: string;
    userId: string;
    caseId: string | null;
    kind: string;
    params: Record<string, unknown>;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('notifications')
    .values({
      id: n.id,
      org_id: n.orgId,
      user_id: n.userId,
      case_id: n.caseId,
      kind: n.kind,
      params_json: JSON.stringify(n.params),
      created_at: n.at,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
}

/** Newest first; keyset cursor on (created_at, id). */
export async function listNotificationsOfUser(
  db: Kysely<Database>,
  o: {
    userId: string;
    unreadOnly: boolean;
    limit: number;
    before?: { createdAt: string; id: string };
  },
): Promise<NotificationRow[]> {
  let q = db.selectFrom('notifications').selectAll().where('user_id', '=', o.userId);
  if (o.unreadOnly) q = q.where('read_at', 'is', null);
  if (o.before) {
    const b = o.before;
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', b.createdAt),
        eb.and([eb('created_at', '=', b.createdAt), eb('id', '<', b.id)]),
      ]),
    );
  }
  return q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(o.limit).execute();
}

export async function countUnreadNotifications(
  db: Kysely<Database>,
  userId: string,
): Promise<number> {
  const r = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function findNotificationOfUser(
  db: Kysely<Database>,
  id: string,
  userId: string,
): Promise<NotificationRow | undefined> {
  return db
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function markNotificationRead(
  db: Kysely<Database>,
  o: { id: string; userId: string; at: string },
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: o.at })
    .where('id', '=', o.id)
    .where('user_id', '=', o.userId)
    .where('read_at', 'is', null)
    .execute();
}

export async function markAllNotificationsRead(
  db: Kysely<Database>,
  o: { userId: string; at: string },
): Promise<number> {
  const r = await db
    .updateTable('notifications')
    .set({ read_at: o.at })
    .where('user_id', '=', o.userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
