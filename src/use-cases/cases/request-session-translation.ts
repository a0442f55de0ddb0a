import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isKnownLanguage } from '../../domain/language-families.js';
import { baseLanguage } from '../../domain/translation-coverage.js';
import { emitCaseEvent } from '../../db/repositories/emit-case-event.js';
import { findSession, listOwnCaseParties } from '../../db/repositories/session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireCaseRelation } from './require-visible-case.js';

/**
 * A party asks the committee for a translation of a session record (笔录) into a language it
 * reads: the team and the officers are told (`translation.requested`). Only parties ask, for
 * themselves; staff who see the case translate rather than ask (403). One notice per session,
 * record version, party and language, however often the button is pressed; a correction is a
 * new text and may be asked for again.
 */
export async function requestSessionTranslation(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; sessionId: string; language: string },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['party']);
  const language = baseLanguage(opts.language);
  if (!isKnownLanguage(language)) throw new AppError('VALIDATION_FAILED', { field: 'language' });
  const s = await findSession(ctx.db, opts.caseId, opts.sessionId);
  if (!s) throw new AppError('NOT_FOUND');
  if (s.status !== 'held' || !s.record_json) {
    throw new AppError('INVALID_TRANSITION', {
      params: { state: s.status },
      details: { state: s.status, entity: 'session' },
    });
  }
  const own = await listOwnCaseParties(ctx.db, opts.caseId, opts.actor.userId);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of own) {
      await emitCaseEvent(trx, {
        orgId: c.orgId,
        caseId: opts.caseId,
        event: 'translation.requested',
        params: {
          subject: 'session_record',
          language,
          partyId: p.id,
          sessionId: s.id,
          recordVersion: s.record_version,
        },
        at,
        dedupeKey: `session_record:${s.id}:${s.record_version}:${p.id}:${language}`,
      });
    }
  });
  return { requested: true as const, language };
}
