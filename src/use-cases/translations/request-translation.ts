import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { baseLanguage, readableLanguages } from '../../domain/translation-coverage.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { listOwnCaseParties } from '../../db/repositories/session-repository.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';
import type { SightTranslationTarget } from './attest-sight-translation.js';

/**
 * A party asks for a text they cannot read (an agreement version, a session record) in one of
 * their languages: the team and the officers are notified. Asking again for the same version
 * and language notifies nobody twice.
 */
export async function requestTranslation(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; target: SightTranslationTarget; language?: string },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['party']);
  const [party] = await listOwnCaseParties(ctx.db, opts.caseId, opts.actor.userId);
  if (!party) throw new AppError('FORBIDDEN');
  const allowed = readableLanguages({
    preferredLanguage: party.preferred_language,
    languages: JSON.parse(party.languages_json) as string[],
  });
  const language = baseLanguage(opts.language ?? party.preferred_language);
  if (!allowed.includes(language))
    throw new AppError('VALIDATION_FAILED', {
      field: 'language',
      details: { reason: 'not_a_language_of_the_party', allowed },
    });
  const at = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await appendAuditEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'translation.requested',
      entityType: opts.target.kind,
      entityId: opts.target.id,
      summary: { version: opts.target.version, partyId: party.id, language },
      at,
    });
    await emitCaseEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      event: 'translation.requested',
      params: {
        subject: opts.target.kind,
        subjectId: opts.target.id,
        language,
        partyId: party.id,
        actorUserId: opts.actor.userId,
      },
      at,
      dedupeKey: `${opts.target.kind}:${opts.target.id}:${opts.target.version}:${party.id}:${language}`,
    });
  });
  return { requested: true as const, language };
}
