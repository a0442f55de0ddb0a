import type { Actor } from '../../domain/authorize-case-access.js';
import { attestSightTranslation } from '../translations/attest-sight-translation.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireRecordedSession } from './require-recorded-session.js';
import { requireCaseRelation } from './require-visible-case.js';

/**
 * An interpreter of the team attests that they read the current version of a session record
 * (笔录) aloud to a party in a language it reads: the party may then confirm it. A correction is
 * a new version and needs a new attestation.
 */
export async function attestSessionSightTranslation(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    sessionId: string;
    partyId: string;
    language: string;
    interpretedAt?: string;
  },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['mediator']);
  const s = await requireRecordedSession(ctx, opts.caseId, opts.sessionId);
  return attestSightTranslation(ctx, {
    actor: opts.actor,
    caseId: opts.caseId,
    partyId: opts.partyId,
    language: opts.language,
    interpretedAt: opts.interpretedAt,
    target: { kind: 'session_record', id: s.id, version: s.record_version },
  });
}
