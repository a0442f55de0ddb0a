import type { Actor } from '../../domain/authorize-case-access.js';
import { listMediatorRelationships as listRows } from '../../db/repositories/mediator-relationship-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireAccessibleMediator } from './require-roster-access.js';

export async function listMediatorRelationships(
  ctx: UseCaseContext,
  opts: { actor: Actor; mediatorId: string },
) {
  const m = await requireAccessibleMediator(ctx.db, opts.actor, opts.mediatorId, {
    allowSelf: true,
  });
  const rows = await listRows(ctx.db, m.id);
  return rows.map(({ nameKey: _nameKey, ...r }) => r);
}
