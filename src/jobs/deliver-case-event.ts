import { createHash } from 'node:crypto';
import type { CaseEventName, CaseEventPayload } from '../domain/case-events.js';
import { matchLocale, type Locale } from '../domain/messages/supported-locales.js';
import { appendAuditEvent } from '../db/repositories/audit-repository.js';
import {
  beginOutboxDelivery,
  findOutboxDelivery,
  finishOutboxDelivery,
} from '../db/repositories/outbox-delivery-repository.js';
import { insertNotificationOnce } from '../db/repositories/notification-repository.js';
import {
  findCaseForNotification,
  findMessageAuthorUserId,
  findSessionForNotification,
  listFiledCourtIds,
  listStaffContacts,
  markPartyEmailBounced,
  type CaseForNotification,
  type UserContact,
} from '../db/repositories/notification-recipient-repository.js';
import type { OutboxRow } from '../db/repositories/outbox-repository.js';
import type { NotificationKind } from '../mail/notification-catalog.js';
import {
  parseEmailPreferences,
  requiredKinds,
  wantsEmail,
  type EmailPreferences,
} from '../mail/notification-preferences.js';
import { renderEmail, renderNotificationTitle } from '../mail/render-notification.js';
import { buildSessionInvite } from '../mail/build-session-ics.js';
import { PARTY_INVITE_TTL_DAYS } from '../use-cases/auth/create-party-invite.js';
import type { UseCaseContext } from '../use-cases/use-case-context.js';
import { RecipientRejectedError, type MailSender } from './mail/create-mail-sender.js';

type Group =
  | 'applicants'
  | 'invitee'
  | 'reporter'
  | 'parties'
  | 'side'
  | 'team'
  | 'officers'
  | 'directors'
  | 'courts';

/**
 * Who hears of each event. Police referrals go to staff only: telling a suspected fraudster
 * would defeat the referral. Reminders depend on their kind (see `reminderAudience`).
 */
const audience: Record<Exclude<CaseEventName, 'deadline.reminder'>, Group[]> = {
  'case.submitted': ['applicants', 'officers'],
  'case.accepted': ['parties'],
  'case.rejected': ['parties'],
  // The director decides an appeal against a rejection (DESIGN §2: reasoned decisions).
  'case.rejection_appealed': ['directors'],
  'case.rejection_appeal_decided': ['parties'],
  // Only the invited party: the link in it signs that party in.
  'party.invited': ['invitee'],
  'team.assigned': ['parties', 'team'],
  'team.objection_raised': ['officers'],
  'session.scheduled': ['parties', 'team'],
  'session.changed': ['parties', 'team'],
  'session.cancelled': ['parties', 'team'],
  'session.recorded': ['parties', 'team'],
  'message.posted': ['parties', 'team'],
  'evidence.uploaded': ['team', 'officers'],
  'agreement.ready_to_sign': ['parties', 'team'],
  'translation.requested': ['team', 'officers'],
  'agreement.in_effect': ['parties', 'team', 'officers'],
  'case.concluded': ['parties', 'team', 'officers'],
  'confirmation.filed': ['parties', 'officers', 'courts'],
  'confirmation.accepted': ['parties', 'team', 'officers'],
  'confirmation.decided': ['parties', 'team', 'officers'],
  'referral.made': ['parties', 'officers', 'courts'],
  'referral.decided': ['parties', 'officers'],
  'payment.recorded': ['parties', 'officers'],
  'payment.reported': ['team', 'officers'],
  'payment.verified': ['parties', 'officers'],
  // Only the party whose report it was: the other side has no say in it.
  'payment.disputed': ['reporter'],
  'instalment.due_soon': ['parties'],
  'instalment.missed': ['parties', 'officers'],
  'follow_up.due': ['officers', 'team'],
  // The director answers for every referral to the police the committee makes.
  'police.referred': ['officers', 'directors'],
};

export const reminderKinds = ['mediation_due', 'confirmation_window', 'court_acceptance'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

const reminderAudience: Record<ReminderKind, Group[]> = {
  mediation_due: ['team', 'officers'],
  confirmation_window: ['parties', 'officers'],
  court_acceptance: ['officers', 'courts'],
};

interface Recipient {
  key: string;
  email: string | null;
  emailBounced: boolean;
  userId: string | null;
  partyId: string | null;
  locale: Locale;
  timeZone: string;
  prefs: EmailPreferences;
  kind: NotificationKind;
  followToken: string | undefined;
}

/** A stable UUID-shaped id from a string, so that re-processing inserts the same row. */
const stableId = (s: string): string => {
  const h = createHash('sha256').update(s).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

const localeOf = (tag: string | null | undefined): Locale => matchLocale(tag) ?? 'en';

function kindOf(p: CaseEventPayload): NotificationKind {
  if (p.event === 'deadline.reminder') {
    const k = String(p.params.kind ?? '');
    if (!(reminderKinds as readonly string[]).includes(k)) {
      throw new Error(`deadline.reminder with unknown kind "${k}"`);
    }
    return `reminder.${k as ReminderKind}`;
  }
  return p.event;
}

function groupsOf(p: CaseEventPayload): Group[] {
  if (p.event === 'deadline.reminder')
    return reminderAudience[String(p.params.kind) as ReminderKind];
  if (p.event === 'message.posted' && p.params.visibility === 'team') return ['team', 'officers'];
  // A private caucus: the team and the one side (`side`) whose caucus it is, never the other.
  if (p.event === 'message.posted' && typeof p.params.side === 'string') {
    return ['side', 'team', 'officers'];
  }
  // A party's post to everyone reaches the officers as well as the team.
  if (p.event === 'message.posted' && p.params.fromParty === true) {
    return ['parties', 'team', 'officers'];
  }
  return audience[p.event];
}

async function resolveRecipients(
  ctx: UseCaseContext,
  c: CaseForNotification,
  p: CaseEventPayload,
): Promise<Recipient[]> {
  const kind = kindOf(p);
  const out = new Map<string, Recipient>();
  const add = (r: Recipient) => {
    const k = r.userId ? `user:${r.userId}` : `email:${r.email!.toLowerCase()}`;
    if (!out.has(k)) out.set(k, { ...r, key: k });
  };
  const fromUser = (u: UserContact, k: NotificationKind): Recipient => ({
    key: '',
    email: u.email,
    emailBounced: false,
    userId: u.userId,
    partyId: null,
    locale: localeOf(u.locale),
    timeZone: u.timeZone,
    prefs: parseEmailPreferences(u.emailPreferencesJson),
    kind: k,
    followToken: undefined,
  });
  for (const g of groupsOf(p)) {
    if (
      g === 'parties' ||
      g === 'applicants' ||
      g === 'invitee' ||
      g === 'reporter' ||
      g === 'side'
    ) {
      for (const party of c.parties) {
        if (g === 'applicants' && party.role !== 'applicant') continue;
        if (g === 'side' && party.role !== p.params.side) continue;
        if ((g === 'invitee' || g === 'reporter') && party.id !== p.params.partyId) continue;
        const email = party.email ?? party.user?.email ?? null;
        if (!email && !party.user) continue;
        // Intake and invitations put each party's one-time follow-link token here (see
        // submit-case.ts, invite-party.ts).
        const token = p.params[`inviteToken_${party.id}`];
        add({
          key: '',
          email,
          emailBounced: party.emailBouncedAt !== null && email === party.email,
          userId: party.user?.userId ?? null,
          partyId: party.id,
          // The party chose a language at intake; an account's own setting wins once it exists.
          locale: party.user ? localeOf(party.user.locale) : localeOf(party.preferredLanguage),
          timeZone: party.user?.timeZone ?? c.orgTimeZone,
          prefs: party.user ? parseEmailPreferences(party.user.emailPreferencesJson) : {},
          kind,
          followToken: typeof token === 'string' ? token : undefined,
        });
      }
    } else if (g === 'team') {
      for (const m of c.team) {
        if (m.user) add({ ...fromUser(m.user, kind), timeZone: m.user.timeZone });
        else if (m.email) {
          add({
            key: '',
            email: m.email,
            emailBounced: false,
            userId: null,
            partyId: null,
            locale: 'zh-CN',
            timeZone: m.timeZone,
            prefs: {},
            kind,
            followToken: undefined,
          });
        }
      }
    } else if (g === 'officers') {
      const staffKind = kind === 'case.submitted' ? 'case.submitted.staff' : kind;
      for (const u of await listStaffContacts(ctx.db, { orgId: c.orgId, roles: ['officer'] })) {
        add(fromUser(u, staffKind));
      }
    } else if (g === 'directors') {
      for (const u of await listStaffContacts(ctx.db, { orgId: c.orgId, roles: ['director'] })) {
        add(fromUser(u, kind));
      }
    } else {
      const courtIds =
        typeof p.params.courtId === 'string'
          ? [p.params.courtId]
          : await listFiledCourtIds(
              ctx.db,
              c.id,
              p.event === 'referral.made' ? 'litigation' : undefined,
            );
      for (const u of await listStaffContacts(ctx.db, { orgId: c.orgId, courtIds })) {
        add(fromUser(u, kind));
      }
    }
  }
  // Nobody is told about their own action (or their own message).
  const actor =
    p.params.actorUserId ??
    p.params.authorUserId ??
    (p.event === 'message.posted' && typeof p.params.messageId === 'string'
      ? await findMessageAuthorUserId(ctx.db, p.params.messageId)
      : null);
  return [...out.values()].filter((r) => !actor || r.userId !== actor);
}

/** Parameters safe to keep in an in-app notification: never the sign-in tokens. */
function publicParams(p: CaseEventPayload, reference: string): Record<string, unknown> {
  const out: Record<string, unknown> = { reference };
  for (const [k, v] of Object.entries(p.params)) {
    if (k.startsWith('inviteToken') || k === 'actorUserId' || k === 'authorUserId') continue;
    out[k] = v;
  }
  return out;
}

function formatWhen(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(iso));
}

export interface DeliveryOutcome {
  emailsSent: number;
  emailsSkipped: number;
  bounced: number;
  notifications: number;
}

/**
 * Delivers one case-event outbox row: an in-app notification per user, and an e-mail per
 * address. Each e-mail is recorded in outbox_deliveries before and after the send, so a retry
 * of the row skips addresses already served. Throws if any e-mail failed for a reason that may
 * pass (refusal, timeout, dropped connection); the worker then retries the row later.
 */
export async function deliverCaseEvent(
  ctx: UseCaseContext,
  sender: MailSender,
  row: OutboxRow,
): Promise<DeliveryOutcome> {
  const payload = JSON.parse(row.payload_json) as CaseEventPayload;
  const c = await findCaseForNotification(ctx.db, payload.caseId);
  if (!c) throw new Error(`case ${payload.caseId} not found`);
  const recipients = await resolveRecipients(ctx, c, payload);
  const session =
    payload.event.startsWith('session.') && typeof payload.params.sessionId === 'string'
      ? await findSessionForNotification(ctx.db, payload.params.sessionId)
      : undefined;
  const caseUrl = `${ctx.config.publicUrl}/cases/${c.id}`;
  const mailHost = new URL(ctx.config.publicUrl).hostname || 'accord.localhost';
  const outcome: DeliveryOutcome = {
    emailsSent: 0,
    emailsSkipped: 0,
    bounced: 0,
    notifications: 0,
  };
  const failures: string[] = [];
  const at = () => ctx.clock.now().toISOString();

  for (const r of recipients) {
    if (r.userId) {
      await insertNotificationOnce(ctx.db, {
        id: stableId(`${row.id}:${r.userId}`),
        orgId: c.orgId,
        userId: r.userId,
        caseId: c.id,
        kind: r.kind,
        params: publicParams(payload, c.reference),
        at: row.created_at,
      });
      outcome.notifications++;
    }
    if (!r.email || r.emailBounced || !wantsEmail(r.prefs, r.kind)) {
      outcome.emailsSkipped++;
      continue;
    }
    const recipientKey = `email:${r.email.toLowerCase()}`;
    const done = await findOutboxDelivery(ctx.db, row.id, recipientKey);
    if (done && (done.status === 'sent' || done.status === 'bounced')) {
      outcome.emailsSkipped++;
      continue;
    }
    const messageId = `<${row.id}.${createHash('sha256').update(recipientKey).digest('hex').slice(0, 16)}@${mailHost}>`;
    const p = payload.params;
    const values = {
      dueOn: typeof p.dueOn === 'string' ? p.dueOn : '',
      days: typeof p.days === 'number' ? p.days : 0,
      overdue: p.overdue === true,
      seq: typeof p.seq === 'number' || typeof p.seq === 'string' ? p.seq : '',
      subject: typeof p.subject === 'string' ? p.subject : '',
      // A language code never reaches a person: its name in the reader's language.
      language:
        typeof p.language === 'string'
          ? (new Intl.DisplayNames([r.locale], { type: 'language' }).of(p.language) ?? p.language)
          : '',
    };
    const calendar = session
      ? buildSessionInvite(
          {
            id: session.id,
            caseId: c.id,
            reference: c.reference,
            startsAt: session.starts_at,
            durationMinutes: session.duration_minutes,
            mode: session.mode,
            room: session.room,
            meetingUrl: session.meeting_url,
            status: payload.event === 'session.cancelled' ? 'cancelled' : session.status,
            createdAt: session.created_at,
            updatedAt: session.updated_at,
          },
          {
            caseUrl,
            title: `${renderNotificationTitle(r.locale, 'session.scheduled')} · ${c.reference}`,
          },
        )
      : undefined;
    const rendered = renderEmail({
      locale: r.locale,
      kind: r.kind,
      reference: c.reference,
      orgName: c.orgName,
      values,
      caseUrl,
      follow: r.followToken
        ? {
            url: `${ctx.config.publicUrl}/follow/${r.followToken}`,
            validDays: PARTY_INVITE_TTL_DAYS,
          }
        : undefined,
      session: session
        ? {
            when: formatWhen(session.starts_at, r.locale, r.timeZone),
            timeZone: r.timeZone,
            where: session.mode === 'online' ? undefined : (session.room ?? undefined),
            onlineUrl: session.mode === 'online' ? (session.meeting_url ?? undefined) : undefined,
          }
        : undefined,
      required: requiredKinds.has(r.kind),
    });
    await beginOutboxDelivery(ctx.db, {
      orgId: c.orgId,
      outboxId: row.id,
      recipientKey,
      messageId,
      at: at(),
    });
    try {
      await sender.send({
        from: ctx.config.mailFrom,
        to: r.email,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId,
        language: r.locale,
        attachments: calendar
          ? [
              {
                filename: 'invite.ics',
                content: calendar.ics,
                contentType: `text/calendar; charset=utf-8; method=${calendar.method}`,
              },
            ]
          : undefined,
      });
      await finishOutboxDelivery(ctx.db, {
        outboxId: row.id,
        recipientKey,
        status: 'sent',
        at: at(),
      });
      outcome.emailsSent++;
    } catch (e) {
      if (e instanceof RecipientRejectedError) {
        outcome.bounced++;
        await ctx.db.transaction().execute(async (trx) => {
          await finishOutboxDelivery(trx, {
            outboxId: row.id,
            recipientKey,
            status: 'bounced',
            error: e.message,
            at: at(),
          });
          if (r.partyId) {
            const partyIds = await markPartyEmailBounced(trx, {
              orgId: c.orgId,
              caseId: c.id,
              email: r.email!,
              at: at(),
            });
            if (partyIds.length > 0) {
              await appendAuditEvent(trx, {
                orgId: c.orgId,
                caseId: c.id,
                actorUserId: null,
                actorLabel: 'system:mail',
                action: 'party.email_bounced',
                entityType: 'case_party',
                entityId: partyIds[0]!,
                summary: { partyIds, responseCode: e.responseCode },
                at: at(),
              });
            }
          }
        });
        continue;
      }
      const message = e instanceof Error ? e.message : String(e);
      await finishOutboxDelivery(ctx.db, {
        outboxId: row.id,
        recipientKey,
        status: 'failed',
        error: message,
        at: at(),
      });
      failures.push(message);
    }
  }
  if (failures.length > 0) {
    throw new Error(`${failures.length} of ${recipients.length} e-mails failed: ${failures[0]}`);
  }
  return outcome;
}
