import type { Actor } from '../../domain/authorize-case-access.js';
import { listMediatorProfiles } from '../../db/repositories/mediator-profile-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { presentMediator } from './present-mediator.js';
import { requireRosterManager } from './require-roster-access.js';

export async function listMediators(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    orgId: string;
    kind?: string;
    language?: string;
    active?: boolean;
    limit: number;
    cursor?: string;
  },
) {
  requireRosterManager(opts.actor, opts.orgId);
  const rows = await listMediatorProfiles(ctx.db, {
    orgId: opts.orgId,
    kind: opts.kind,
    language: opts.language,
    active: opts.active,
    limit: opts.limit + 1,
    after: opts.cursor,
  });
  const page = rows.slice(0, opts.limit);
  return {
    items: page.map((m) => presentMediator(ctx.config, m)),
    nextCursor: rows.length > opts.limit ? page[page.length - 1]!.id : null,
  };
}
