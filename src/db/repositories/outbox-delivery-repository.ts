import type { Kysely, Selectable } from 'kysely';
import type { Database, OutboxDeliveriesTable } from '../schema.js';
import { newId } from '../../domain/new-id.js';

export type OutboxDeliveryRow = Selectable<OutboxDeliveriesTable>;

export async function findOutboxDelivery(
  db: Kysely<Database>,
  outboxId: string,
  recipientKey: string,
): Promise<OutboxDeliveryRow | undefined> {
  return db
    .selectFrom('outbox_deliveries')
    .selectAll()
    .where('outbox_id', '=', outboxId)
    .where('recipient_key', '=', recipientKey)
    .executeTakeFirst();
}

/**
 * Records, before the SMTP send, that this recipient is being served. Committed on its own so
 * that after a crash the row shows the send may have happened: the retry then re-sends with
 * the same Message-ID, which receiving systems use to discard the duplicate.
 */
export async function beginOutboxDelivery(
  db: Kysely<Database>,
  d: { orgId: string; outboxId: string; recipientKey: string; messageId: string; at: string },
): Promise<void> {
  await db
    .insertInto('outbox_deliveries')
    .values({
      id: newId(),
      org_id: d.orgId,
      outbox_id: d.outboxId,
      recipient_key: d.recipientKey,
      message_id: d.messageId,
      status: 'sending',
      attempts: 1,
      created_at: d.at,
      updated_at: d.at,
    })
    .onConflict((oc) =>
      oc.columns(['outbox_id', 'recipient_key']).doUpdateSet((eb) => ({
        status: 'sending',
        attempts: eb('outbox_deliveries.attempts', '+', 1),
        updated_at: d.at,
      })),
    )
    .execute();
}

export async function finishOutboxDelivery(
  db: Kysely<Database>,
  d: {
    outboxId: string;
    recipientKey: string;
    status: 'sent' | 'bounced' | 'failed';
    error?: string;
    at: string;
  },
): Promise<void> {
  await db
    .updateTable('outbox_deliveries')
    .set({ status: d.status, last_error: d.error?.slice(0, 2000) ?? null, updated_at: d.at })
    .where('outbox_id', '=', d.outboxId)
    .where('recipient_key', '=', d.recipientKey)
    .execute();
}
