import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import {
  addTeamMembers,
  findMediatorProfiles,
  listActiveTeam,
  listTeamObjections,
  removeTeamMembers,
  resolveTeamObjections,
} from '../../db/repositories/case-team-repository.js';
import { findCaseRow } from '../../db/repositories/case-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { applyCaseTransition } from './apply-case-transition.js';
import { requireCaseRelation } from './require-visible-case.js';

export const teamRoles = ['lead', 'lawyer', 'third', 'interpreter'] as const;
export type TeamRole = (typeof teamRoles)[number];
export type TeamInput = Partial<Record<TeamRole, string>>;

const invalid = (field: string, reason: string) =>
  new AppError('VALIDATION_FAILED', { field, details: { reason } });

/**
 * Sets the whole team of a case (DESIGN §3). A lead mediator is always needed; when any party is
 * foreign, a lawyer too (the "1+1" pairing). Members must be distinct active mediators of the
 * case's committee, the lawyer a lawyer by profile, and nobody a party has objected to on this
 * case. Unchanged members keep their assignment; removed ones give their open case back.
 */
export async function setCaseTeam(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; version: number; team: TeamInput },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['officer', 'director']);
  const c = (await findCaseRow(ctx.db, opts.caseId))!;
  const wanted = teamRoles
    .filter((r) => opts.team[r])
    .map((role) => ({ role, mediatorId: opts.team[role]! }));
  if (!opts.team.lead) throw invalid('lead', 'lead_required');
  if (c.has_foreign_party && !opts.team.lawyer) throw invalid('lawyer', 'one_plus_one_required');
  const ids = wanted.map((w) => w.mediatorId);
  const dup = wanted.find((w, i) => ids.indexOf(w.mediatorId) !== i);
  if (dup) throw invalid(dup.role, 'duplicate_member');
  const profiles = new Map((await findMediatorProfiles(ctx.db, ids)).map((p) => [p.id, p]));
  for (const w of wanted) {
    const p = profiles.get(w.mediatorId);
    if (!p || p.org_id !== c.org_id || !p.active) throw invalid(w.role, 'not_an_active_mediator');
    if (w.role === 'lawyer' && p.kind !== 'lawyer') throw invalid(w.role, 'not_a_lawyer');
  }
  const objected = new Set(
    (await listTeamObjections(ctx.db, opts.caseId)).map((o) => o.mediator_id),
  );
  const refused = wanted.find((w) => objected.has(w.mediatorId));
  if (refused) throw invalid(refused.role, 'objected_by_party');

  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const current = await listActiveTeam(trx, opts.caseId);
    const key = (m: { role: string; mediatorId: string }) => `${m.role}:${m.mediatorId}`;
    const wantedKeys = new Set(wanted.map(key));
    const currentKeys = new Set(
      current.map((m) => key({ role: m.role, mediatorId: m.mediator_id })),
    );
    const removed = current.filter(
      (m) => !wantedKeys.has(key({ role: m.role, mediatorId: m.mediator_id })),
    );
    const added = wanted.filter((w) => !currentKeys.has(key(w)));
    const r = await applyCaseTransition(trx, {
      caseId: opts.caseId,
      action: 'assign_team',
      expectedVersion: opts.version,
      actor: opts.actor,
      at,
      summary: {
        added: added.map((a) => ({ role: a.role, mediatorId: a.mediatorId })),
        removed: removed.map((m) => ({ role: m.role, mediatorId: m.mediator_id })),
      },
    });
    await removeTeamMembers(trx, {
      memberIds: removed.map((m) => m.id),
      reason: 'replaced',
      at,
    });
    await addTeamMembers(trx, {
      orgId: r.orgId,
      caseId: opts.caseId,
      members: added,
      by: opts.actor.userId,
      at,
    });
    await resolveTeamObjections(
      trx,
      opts.caseId,
      removed.map((m) => m.mediator_id),
      at,
    );
    if (added.length || removed.length) {
      await emitCaseEvent(trx, {
        orgId: r.orgId,
        caseId: opts.caseId,
        event: 'team.assigned',
        params: { members: wanted.length },
        at,
        dedupeKey: `${opts.caseId}:v${r.version}`,
      });
    }
    return r;
  });
}
