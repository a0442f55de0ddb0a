import type { Actor } from '../../domain/authorize-case-access.js';
import {
  defaultMatchingWeights,
  resolveMatchingWeights,
} from '../../domain/matching/matching-weights.js';
import { findOrgSettings } from '../../db/repositories/org-settings-repository.js';
import { requireOrgRole } from '../orgs/require-org-role.js';
import type { UseCaseContext } from '../use-case-context.js';

export async function getMatchingWeights(
  ctx: UseCaseContext,
  opts: { actor: Actor; orgId: string },
) {
  requireOrgRole(opts.actor, opts.orgId, 'director', 'officer');
  const org = await findOrgSettings(ctx.db, opts.orgId);
  return {
    weights: resolveMatchingWeights(org?.settings.matchingWeights),
    defaults: defaultMatchingWeights,
  };
}
