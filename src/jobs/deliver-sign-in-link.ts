import { createHash } from 'node:crypto';
import { IntlMessageFormat } from 'intl-messageformat';
import { decryptField } from '../domain/encrypt-personal-data.js';
import { matchLocale, rtlLocales } from '../domain/messages/supported-locales.js';
import { newId } from '../domain/new-id.js';
import {
  beginOutboxDelivery,
  findOutboxDelivery,
  finishOutboxDelivery,
} from '../db/repositories/outbox-delivery-repository.js';
import type { OutboxRow } from '../db/repositories/outbox-repository.js';
import {
  expireUnusedSignInLinks,
  insertSignInLink,
  listInvitedPartiesByEmail,
} from '../db/repositories/sign-in-link-repository.js';
import { findUserByEmail, insertUser } from '../db/repositories/user-repository.js';
import { signInLinkEmail } from '../mail/sign-in-link-catalog.js';
import { hashToken, newSessionToken } from '../use-cases/auth/issue-session-token.js';
import type { SignInLinkJob } from '../use-cases/auth/request-sign-in-link.js';
import { loadFieldKeyring } from '../use-cases/trust/load-field-keyring.js';
import type { UseCaseContext } from '../use-cases/use-case-context.js';
import type { MailSender } from './mail/create-mail-sender.js';

/** How long an e-mailed sign-in link works: long enough for slow mail, short for a shared inbox. */
export const SIGN_IN_LINK_TTL_HOURS = 2;

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const localeOfLanguage = (language: string) => (language === 'zh' ? 'zh-CN' : language);

/**
 * Delivers a `sign_in_link` outbox row. Here, after the anonymous request was answered, the
 * address is looked up: an account (users.email) or a case party the committee invited. For
 * anyone else nothing is sent. A party without an account gets one (passwordless, as an
 * invitation would create it); its cases join the account when the link is opened.
 */
export async function deliverSignInLink(
  ctx: UseCaseContext,
  sender: MailSender,
  row: OutboxRow,
): Promise<void> {
  const job = JSON.parse(row.payload_json) as SignInLinkJob;
  const email = decryptField(loadFieldKeyring(ctx.config), job.emailEnc);
  const recipientKey = `email:${email}`;
  const done = await findOutboxDelivery(ctx.db, row.id, recipientKey);
  if (done && (done.status === 'sent' || done.status === 'bounced')) return;

  const existing = await findUserByEmail(ctx.db, email);
  if (existing?.disabled_at) return;
  const parties = existing ? [] : await listInvitedPartiesByEmail(ctx.db, email);
  if (!existing && parties.length === 0) return; // unknown address: nothing to send

  const now = ctx.clock.now();
  const at = now.toISOString();
  const token = newSessionToken();
  const newest = parties[0];
  const user = await ctx.db.transaction().execute(async (trx) => {
    let u = existing ?? (await findUserByEmail(trx, email));
    if (!u && newest) {
      await insertUser(trx, {
        id: newId(),
        email,
        passwordHash: null,
        displayName: newest.name,
        locale: localeOfLanguage(newest.preferred_language),
        at,
      });
      u = await findUserByEmail(trx, email);
    }
    if (!u) throw new Error('sign-in link: the account could not be created');
    await expireUnusedSignInLinks(trx, { userId: u.id, at });
    await insertSignInLink(trx, {
      id: newId(),
      userId: u.id,
      tokenHash: hashToken(token),
      nextPath: job.next,
      at,
      expiresAt: new Date(now.getTime() + SIGN_IN_LINK_TTL_HOURS * 3_600_000).toISOString(),
    });
    return u;
  });

  const locale = matchLocale(user.locale) ?? 'en';
  const texts = signInLinkEmail[locale];
  const body = String(
    new IntlMessageFormat(texts.body, locale).format({ hours: SIGN_IN_LINK_TTL_HOURS }),
  );
  const url = `${ctx.config.publicUrl}/sign-in/${token}`;
  const dir = rtlLocales.includes(locale) ? 'rtl' : 'ltr';
  const align = dir === 'rtl' ? 'right' : 'left';
  const host = new URL(ctx.config.publicUrl).hostname || 'accord.localhost';
  const messageId = `<${row.id}.${createHash('sha256').update(recipientKey).digest('hex').slice(0, 16)}@${host}>`;
  const text = [body, '', `${texts.button}: ${url}`, '', texts.ignore].join('\n');
  const html = `<!doctype html>
<html lang="${locale}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(texts.subject)}</title></head>
<body dir="${dir}" style="font-family:system-ui,sans-serif;line-height:1.5;text-align:${align};color:#1f1f1f">
<h1 style="font-size:20px">${escapeHtml(texts.subject)}</h1>
<p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:8px 16px;background:#0b5cad;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(texts.button)}</a></p>
<p style="font-size:13px;color:#595959">${escapeHtml(texts.ignore)}</p>
</body>
</html>`;

  await beginOutboxDelivery(ctx.db, {
    orgId: row.org_id,
    outboxId: row.id,
    recipientKey,
    messageId,
    at: ctx.clock.now().toISOString(),
  });
  await sender.send({
    from: ctx.config.mailFrom,
    to: email,
    subject: texts.subject,
    text,
    html,
    messageId,
    language: locale,
  });
  await finishOutboxDelivery(ctx.db, {
    outboxId: row.id,
    recipientKey,
    status: 'sent',
    at: ctx.clock.now().toISOString(),
  });
}
