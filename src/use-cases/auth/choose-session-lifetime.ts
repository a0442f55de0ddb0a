import type { Actor } from '../../domain/authorize-case-access.js';
import type { UseCaseContext } from '../use-case-context.js';

/** A party is a user with no staff role and no roster profile: only case_parties link them. The
 * platform administrator has neither either, but is no party: staff sessions, no passkeys. */
export const isPartyOnly = (
  a: Pick<Actor, 'memberships' | 'mediatorIds' | 'platformAdmin'>,
): boolean => a.memberships.length === 0 && a.mediatorIds.length === 0 && a.platformAdmin !== true;

/**
 * How long a new session lives. Parties slide (ACCORD_PARTY_SESSION_DAYS past the last visit,
 * renewed with use) because they come back from e-mails weeks apart and have no password to
 * type; staff keep the fixed ACCORD_SESSION_TTL_HOURS, which two-factor sign-in relies on.
 */
export function chooseSessionLifetime(
  ctx: Pick<UseCaseContext, 'config'>,
  actor: Pick<Actor, 'memberships' | 'mediatorIds' | 'platformAdmin'>,
  now: Date,
): { expiresAt: string; slidingDays: number | null } {
  if (isPartyOnly(actor)) {
    const days = ctx.config.partySessionDays;
    return {
      expiresAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
      slidingDays: days,
    };
  }
  return {
    expiresAt: new Date(now.getTime() + ctx.config.sessionTtlHours * 3_600_000).toISOString(),
    slidingDays: null,
  };
}
