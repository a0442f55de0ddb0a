import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { baseLanguage, readableLanguages } from '../../domain/translation-coverage.js';
import {
  listActiveTeamMediators,
  listCasePartiesForAgreement,
} from '../../db/repositories/agreement-repository.js';
import { upsertTranslationAssignment } from '../../db/repositories/agreement-translation-repository.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * The translation checklist's owner for one language of the case ("3 points missing in
 * Persian: Leila"): a member of the case's team with a sign-in account, the interpreter
 * included. Only languages a party reads can be assigned.
 */
export async function assignTranslation(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; language: string; assigneeUserId: string },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, [
    'director',
    'officer',
    'mediator',
  ]);
  const language = baseLanguage(opts.language);
  const parties = await listCasePartiesForAgreement(ctx.db, opts.caseId);
  if (!parties.some((p) => readableLanguages(p).includes(language)))
    throw new AppError('VALIDATION_FAILED', {
      field: 'language',
      details: { reason: 'not_a_language_of_the_parties' },
    });
  const member = (await listActiveTeamMediators(ctx.db, opts.caseId)).find(
    (m) => m.user_id !== null && m.user_id === opts.assigneeUserId,
  );
  if (!member) throw new AppError('VALIDATION_FAILED', { field: 'assigneeUserId' });
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await upsertTranslationAssignment(trx, {
      org_id: c.orgId,
      case_id: opts.caseId,
      language,
      assignee_user_id: opts.assigneeUserId,
      assigned_by: opts.actor.userId,
      assigned_at: at,
    });
    await appendAuditEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'translation.assigned',
      entityType: 'case',
      entityId: opts.caseId,
      summary: { language, assigneeUserId: opts.assigneeUserId },
      at,
    });
  });
  return { language, assignee: { userId: opts.assigneeUserId, name: member.display_name } };
}
