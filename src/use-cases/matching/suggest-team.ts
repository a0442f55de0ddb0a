import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import type { Locale } from '../../domain/messages/supported-locales.js';
import { requireVisibleCase } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import { computeTeamSuggestions } from './compute-team-suggestions.js';

/**
 * GET team-suggestions: ranked leads and lawyers with reasons. The case must be visible
 * (else 404); only the director and officers form teams (a visible case otherwise: 403).
 */
export async function suggestTeam(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; locale: Locale; limit?: number },
) {
  const c = await requireVisibleCase(ctx.db, opts.actor, opts.caseId);
  if (!c.relations.some((r) => r === 'director' || r === 'officer')) {
    throw new AppError('FORBIDDEN');
  }
  return computeTeamSuggestions(ctx.db, {
    caseId: c.caseId,
    now: ctx.clock.now().toISOString(),
    locale: opts.locale,
    limit: opts.limit ?? 10,
  });
}
