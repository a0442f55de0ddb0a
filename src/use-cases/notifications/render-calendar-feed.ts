import { AppError } from '../../domain/app-error.js';
import { matchLocale } from '../../domain/messages/supported-locales.js';
import {
  findActiveCalendarFeed,
  listSessionsOfMediatorUser,
} from '../../db/repositories/notification-calendar-repository.js';
import { buildCalendarFeed } from '../../mail/build-session-ics.js';
import { renderNotificationTitle } from '../../mail/render-notification.js';
import { hashToken } from '../auth/issue-session-token.js';
import type { UseCaseContext } from '../use-case-context.js';

const FEED_PAST_DAYS = 90;
const FEED_MAX_EVENTS = 1000;

/**
 * The ICS feed behind a personal token: the sessions of the mediator's cases from 90 days ago
 * on. An unknown or revoked token answers 404. Events name only the case reference.
 */
export async function renderCalendarFeed(
  ctx: UseCaseContext,
  o: { token: string },
): Promise<string> {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(o.token)) throw new AppError('NOT_FOUND');
  const feed = await findActiveCalendarFeed(ctx.db, hashToken(o.token));
  if (!feed) throw new AppError('NOT_FOUND');
  const since = new Date(ctx.clock.now().getTime() - FEED_PAST_DAYS * 86_400_000).toISOString();
  const sessions = await listSessionsOfMediatorUser(ctx.db, {
    orgId: feed.org_id,
    userId: feed.user_id,
    since,
    limit: FEED_MAX_EVENTS,
  });
  const locale = matchLocale(feed.locale) ?? 'en';
  const title = renderNotificationTitle(locale, 'session.scheduled');
  return buildCalendarFeed(
    sessions.map((s) => ({
      session: {
        id: s.id,
        caseId: s.case_id,
        reference: s.reference,
        startsAt: s.starts_at,
        durationMinutes: s.duration_minutes,
        mode: s.mode,
        room: s.room,
        meetingUrl: s.meeting_url,
        status: s.status,
        createdAt: s.created_at,
        updatedAt: s.updated_at,
      },
      caseUrl: `${ctx.config.publicUrl}/cases/${s.case_id}`,
      title: `${title} · ${s.reference}`,
    })),
    'Accord',
  );
}
