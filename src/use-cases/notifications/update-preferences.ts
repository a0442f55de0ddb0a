import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import type { Locale } from '../../domain/messages/supported-locales.js';
import {
  findUserPreferences,
  updateUserPreferences,
} from '../../db/repositories/notification-preference-repository.js';
import {
  parseEmailPreferences,
  type EmailPreferences,
} from '../../mail/notification-preferences.js';
import type { UseCaseContext } from '../use-case-context.js';
import { getPreferences, type Preferences } from './get-preferences.js';

/** IANA names only; Intl knows them all (and their aliases, e.g. Asia/Calcutta). */
export function isValidTimeZone(tz: string): boolean {
  if (!/^[A-Za-z]+(?:[/_+-][A-Za-z0-9_+-]+)*$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Changes the actor's language, time zone and e-mail choices. Fields left out keep their value.
 * Switching a category off never stops the notices in `alwaysSent`. A personal setting, not
 * committee data: no audit row.
 */
export async function updatePreferences(
  ctx: UseCaseContext,
  o: { actor: Actor; locale?: Locale; timeZone?: string; email?: EmailPreferences },
): Promise<Preferences> {
  if (o.timeZone !== undefined && !isValidTimeZone(o.timeZone)) {
    throw new AppError('VALIDATION_FAILED', { field: 'timeZone' });
  }
  const row = await findUserPreferences(ctx.db, o.actor.userId);
  if (!row) throw new AppError('NOT_FOUND');
  const merged = { ...parseEmailPreferences(row.email_preferences_json), ...o.email };
  await updateUserPreferences(ctx.db, {
    userId: o.actor.userId,
    locale: o.locale ?? row.locale,
    timeZone: o.timeZone ?? row.time_zone,
    emailPreferencesJson: JSON.stringify(merged),
    at: ctx.clock.now().toISOString(),
  });
  return getPreferences(ctx, o);
}
