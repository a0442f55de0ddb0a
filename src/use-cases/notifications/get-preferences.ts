import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { findUserPreferences } from '../../db/repositories/notification-preference-repository.js';
import {
  emailCategories,
  parseEmailPreferences,
  requiredKinds,
  type EmailCategory,
} from '../../mail/notification-preferences.js';
import type { UseCaseContext } from '../use-case-context.js';

export interface Preferences {
  locale: string;
  timeZone: string;
  email: Record<EmailCategory, boolean>;
  /** Notices sent whatever the choice, because the law attaches consequences to them. */
  alwaysSent: string[];
}

const alwaysSent = [...requiredKinds].sort();

function present(row: {
  locale: string;
  time_zone: string;
  email_preferences_json: string;
}): Preferences {
  const prefs = parseEmailPreferences(row.email_preferences_json);
  const email = Object.fromEntries(emailCategories.map((c) => [c, prefs[c] !== false])) as Record<
    EmailCategory,
    boolean
  >;
  return { locale: row.locale, timeZone: row.time_zone, email, alwaysSent };
}

export async function getPreferences(
  ctx: UseCaseContext,
  o: { actor: Actor },
): Promise<Preferences> {
  const row = await findUserPreferences(ctx.db, o.actor.userId);
  if (!row) throw new AppError('NOT_FOUND');
  return present(row);
}
