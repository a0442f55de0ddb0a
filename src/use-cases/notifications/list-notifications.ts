import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { IntlMessageFormat } from 'intl-messageformat';
import { matchLocale, type Locale } from '../../domain/messages/supported-locales.js';
import { accountLockedNotice } from '../../mail/account-notice-catalog.js';
import { MAX_FAILURES_PER_ACCOUNT } from '../auth/sign-in.js';
import {
  countUnreadNotifications,
  listNotificationsOfUser,
  type NotificationRow,
} from '../../db/repositories/notification-repository.js';
import { notificationKinds, type NotificationKind } from '../../mail/notification-catalog.js';
import { renderNotificationBody, renderNotificationTitle } from '../../mail/render-notification.js';
import type { UseCaseContext } from '../use-case-context.js';

const encodeCursor = (r: NotificationRow) =>
  Buffer.from(JSON.stringify([r.created_at, r.id])).toString('base64url');

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && typeof v[0] === 'string' && typeof v[1] === 'string') {
      return { createdAt: v[0], id: v[1] };
    }
  } catch {
    // fall through: a cursor we did not make
  }
  throw new AppError('VALIDATION_FAILED', { field: 'cursor' });
}

const isKind = (k: string): k is NotificationKind =>
  (notificationKinds as readonly string[]).includes(k);

function renderAccountLocked(
  locale: Locale,
  timeZone: string,
  params: Record<string, string | number | boolean>,
): { title: string; body: string } {
  const notice = accountLockedNotice[locale];
  const until = new Intl.DateTimeFormat(locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(new Date(String(params.lockedUntil)));
  const body = new IntlMessageFormat(notice.body, locale).format({
    failures: typeof params.failures === 'number' ? params.failures : MAX_FAILURES_PER_ACCOUNT,
    until,
  });
  return { title: notice.subject, body: String(body) };
}

/** The actor's notifications, newest first, rendered in the actor's language. */
export async function listNotifications(
  ctx: UseCaseContext,
  o: { actor: Actor; unreadOnly: boolean; limit: number; cursor?: string; lang?: string },
) {
  const asked = o.lang === undefined ? undefined : matchLocale(o.lang);
  if (o.lang !== undefined && !asked) throw new AppError('VALIDATION_FAILED', { field: 'lang' });
  const rows = await listNotificationsOfUser(ctx.db, {
    userId: o.actor.userId,
    unreadOnly: o.unreadOnly,
    limit: o.limit + 1,
    before: o.cursor ? decodeCursor(o.cursor) : undefined,
  });
  const page = rows.slice(0, o.limit);
  const locale = asked ?? matchLocale(o.actor.locale) ?? 'en';
  return {
    items: page.map((r) => {
      const params = JSON.parse(r.params_json) as Record<string, string | number | boolean>;
      const kind = r.kind;
      // The lock notice is the one in-app notice outside the case events (sign-in.ts writes it
      // beside the e-mail); it reads as the e-mail does rather than as its bare kind.
      if (kind === 'account_locked')
        return {
          id: r.id,
          kind,
          caseId: r.case_id,
          ...renderAccountLocked(locale, o.actor.timeZone, params),
          params,
          createdAt: r.created_at,
          readAt: r.read_at,
        };
      return {
        id: r.id,
        kind,
        caseId: r.case_id,
        title: isKind(kind) ? renderNotificationTitle(locale, kind) : kind,
        body: isKind(kind)
          ? renderNotificationBody(locale, kind, {
              dueOn: '',
              days: 0,
              overdue: false,
              seq: '',
              reference: '',
              ...params,
              // A Latin-and-Chinese reference inside an Arabic or Persian sentence keeps its own
              // order (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE).
              ...(typeof params.reference === 'string'
                ? { reference: `\u2068${params.reference}\u2069` }
                : {}),
            })
          : '',
        params,
        createdAt: r.created_at,
        readAt: r.read_at,
      };
    }),
    nextCursor: rows.length > o.limit ? encodeCursor(page[page.length - 1]!) : null,
    unreadCount: await countUnreadNotifications(ctx.db, o.actor.userId),
  };
}
