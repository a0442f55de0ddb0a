import { createHash } from 'node:crypto';
import { IntlMessageFormat } from 'intl-messageformat';
import { matchLocale, rtlLocales } from '../domain/messages/supported-locales.js';
import {
  beginOutboxDelivery,
  findOutboxDelivery,
  finishOutboxDelivery,
} from '../db/repositories/outbox-delivery-repository.js';
import type { OutboxRow } from '../db/repositories/outbox-repository.js';
import { findUserById } from '../db/repositories/user-repository.js';
import { accountLockedNotice } from '../mail/account-notice-catalog.js';
import type { UseCaseContext } from '../use-cases/use-case-context.js';
import type { MailSender } from './mail/create-mail-sender.js';

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/**
 * Delivers an `account_locked` outbox row: one e-mail to the account's owner in their language,
 * recorded in outbox_deliveries like case events, so a retry never sends it twice.
 */
export async function deliverAccountNotice(
  ctx: UseCaseContext,
  sender: MailSender,
  row: OutboxRow,
): Promise<void> {
  const payload = JSON.parse(row.payload_json) as {
    userId: string;
    lockedUntil: string;
    failures: number;
  };
  const user = await findUserById(ctx.db, payload.userId);
  if (!user) return; // the account was removed since; nobody to tell
  const recipientKey = `email:${user.email.toLowerCase()}`;
  const done = await findOutboxDelivery(ctx.db, row.id, recipientKey);
  if (done && (done.status === 'sent' || done.status === 'bounced')) return;

  const locale = matchLocale(user.locale) ?? 'en';
  const until = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: user.time_zone,
  }).format(new Date(payload.lockedUntil));
  const notice = accountLockedNotice[locale];
  const body = String(
    new IntlMessageFormat(notice.body, locale).format({ failures: payload.failures, until }),
  );
  const dir = rtlLocales.includes(locale) ? 'rtl' : 'ltr';
  const host = new URL(ctx.config.publicUrl).hostname || 'accord.localhost';
  const messageId = `<${row.id}.${createHash('sha256').update(recipientKey).digest('hex').slice(0, 16)}@${host}>`;
  const at = () => ctx.clock.now().toISOString();

  await beginOutboxDelivery(ctx.db, {
    orgId: row.org_id,
    outboxId: row.id,
    recipientKey,
    messageId,
    at: at(),
  });
  await sender.send({
    from: ctx.config.mailFrom,
    to: user.email,
    subject: notice.subject,
    text: body,
    html: `<!doctype html><html lang="${locale}" dir="${dir}"><body dir="${dir}"><p>${escapeHtml(body)}</p></body></html>`,
    messageId,
    language: locale,
  });
  await finishOutboxDelivery(ctx.db, { outboxId: row.id, recipientKey, status: 'sent', at: at() });
}
