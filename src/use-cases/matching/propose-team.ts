import type { Actor } from '../../domain/authorize-case-access.js';
import type { Locale } from '../../domain/messages/supported-locales.js';
import type { UseCaseContext } from '../use-case-context.js';
import { suggestTeam } from './suggest-team.js';

/**
 * "Propose team": the best lead with the best lawyer, conflicts and objections already
 * excluded. Nothing is stored; the officer confirms it through PUT /api/v1/cases/{id}/team.
 */
export async function proposeTeam(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; locale: Locale },
) {
  const s = await suggestTeam(ctx, { ...opts, limit: 3 });
  const lead = s.leads[0] ?? null;
  const lawyer = s.lawyers.find((l) => l.mediatorId !== lead?.mediatorId) ?? null;
  return {
    caseId: s.caseId,
    lead,
    lawyer,
    alternatives: { leads: s.leads.slice(1), lawyers: s.lawyers.filter((l) => l !== lawyer) },
    excluded: s.excluded,
  };
}
