import type { Actor } from '../../domain/authorize-case-access.js';
import { requestTranslation } from '../translations/request-translation.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireRecordedSession } from './require-recorded-session.js';
import { requireCaseRelation } from './require-visible-case.js';

/**
 * A party asks for a session record (笔录) in one of its languages (its preferred one by
 * default): the team and the officers are told once per record version, party and language.
 * Staff who see the case are refused (403): they translate rather than ask.
 */
export async function requestSessionTranslation(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; sessionId: string; language?: string },
) {
  // Who may ask is settled before anything about the session is told.
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['party']);
  const s = await requireRecordedSession(ctx, opts.caseId, opts.sessionId);
  return requestTranslation(ctx, {
    actor: opts.actor,
    caseId: opts.caseId,
    language: opts.language,
    target: { kind: 'session_record', id: s.id, version: s.record_version },
  });
}
