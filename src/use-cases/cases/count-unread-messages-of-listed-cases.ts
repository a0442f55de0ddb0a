import type { Actor, CaseRelation } from '../../domain/authorize-case-access.js';
import { readableChannels } from '../../domain/message-channels.js';
import { listCasesOnTeam } from '../../db/repositories/case-repository.js';
import { countUnreadMessagesOfCases } from '../../db/repositories/message-read-position-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * The actor's unread messages on each case of a listed page, across the channels the actor may
 * read there (message-channels.ts, the rule the thread itself applies). Part of the list answer
 * rather than a second endpoint: it costs two queries per page whatever its length (the team
 * rows of the page, then one grouped count), and the lists show it in the same render.
 * The cases were already found visible to the actor, so only the relations that change the
 * readable channels are worked out here.
 */
export async function countUnreadMessagesOfListedCases(
  ctx: UseCaseContext,
  actor: Actor,
  cases: { id: string; orgId: string }[],
  parties: { case_id: string; user_id: string | null; role: string }[],
): Promise<Map<string, number>> {
  if (cases.length === 0) return new Map();
  const onTeam = await listCasesOnTeam(
    ctx.db,
    cases.map((c) => c.id),
    actor.mediatorIds,
  );
  const groups = new Map<string, { caseIds: string[]; channels: string[] }>();
  for (const c of cases) {
    // A mediator's membership of the committee is not a seat on this case's team.
    const relations: CaseRelation[] = actor.memberships
      .filter((m) => m.orgId === c.orgId && m.role !== 'mediator')
      .map((m) => m.role as CaseRelation);
    if (onTeam.has(c.id)) relations.push('mediator');
    const sides = parties
      .filter((p) => p.case_id === c.id && p.user_id === actor.userId)
      .map((p) => p.role);
    if (sides.length > 0) relations.push('party');
    const channels = readableChannels(relations, sides);
    const key = channels.join(',');
    const g = groups.get(key) ?? { caseIds: [], channels };
    g.caseIds.push(c.id);
    groups.set(key, g);
  }
  return countUnreadMessagesOfCases(ctx.db, actor.userId, [...groups.values()]);
}
