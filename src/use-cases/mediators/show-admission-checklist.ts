import type { Actor } from '../../domain/authorize-case-access.js';
import type { UseCaseContext } from '../use-case-context.js';
import { buildAdmissionChecklist } from './admission-checklist.js';
import { requireAccessibleMediator } from './require-roster-access.js';

export async function showAdmissionChecklist(
  ctx: UseCaseContext,
  opts: { actor: Actor; mediatorId: string },
) {
  const m = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: true,
  });
  return buildAdmissionChecklist(ctx.db, m);
}
