import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import {
  defaultMatchingWeights,
  resolveMatchingWeights,
} from '../../domain/matching/matching-weights.js';
import { findOrgSettings } from '../../db/repositories/org-settings-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireOrgRole } from './require-org-role.js';

/** The settings a director tunes, as the committee's staff may read them. */
export async function showOrgSettings(ctx: UseCaseContext, o: { actor: Actor; orgId: string }) {
  requireOrgRole(o.actor, o.orgId, 'director', 'officer');
  const org = await findOrgSettings(ctx.db, o.orgId);
  if (!org) throw new AppError('NOT_FOUND');
  return {
    timeZone: org.timeZone,
    // Public figures are on unless the director switched them off.
    publicFigures: org.settings.publicFigures !== false,
    matchingWeights: resolveMatchingWeights(org.settings.matchingWeights),
    defaultMatchingWeights,
  };
}
