import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { parseSessionRecord } from '../../domain/session-record.js';
import { sessionRecordSections } from '../../domain/session-record-language.js';
import { findUnreadableSections, readableLanguages } from '../../domain/translation-coverage.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  insertSessionConfirmation,
  listOwnCaseParties,
} from '../../db/repositories/session-repository.js';
import { listSightTranslations } from '../../db/repositories/sight-translation-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireRecordedSession } from './require-recorded-session.js';
import { requireVisibleCase } from './require-visible-case.js';

/**
 * An attendee confirms the session record as their own (the signature line of the 笔录). Only
 * people recorded as attending may confirm, each once per record version, for themselves.
 * Append-only, so it does not take the case version: attendees confirm independently of each
 * other. A party confirms only what it could read: the minutes in a language it reads, or an
 * interpreter's attested sight translation of this version for it; otherwise
 * TRANSLATION_MISSING. Team mediators wrote the record and are not asked.
 */
export async function confirmSessionRecord(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; sessionId: string },
) {
  const c = await requireVisibleCase(ctx.db, opts.actor, opts.caseId);
  // Only parties and team mediators ever attend; anyone else is refused before being told
  // anything about the session.
  if (!c.relations.some((r) => r === 'party' || r === 'mediator')) throw new AppError('FORBIDDEN');
  const s = await requireRecordedSession(ctx, opts.caseId, opts.sessionId);
  const record = parseSessionRecord(s.record_json);
  const ownParties = await listOwnCaseParties(ctx.db, opts.caseId, opts.actor.userId);
  const mine = record.attendees.filter((a) =>
    a.kind === 'party'
      ? ownParties.some((p) => p.id === a.id)
      : opts.actor.mediatorIds.includes(a.id),
  );
  if (mine.length === 0) throw new AppError('FORBIDDEN');
  const partiesConfirming = ownParties.filter((p) =>
    mine.some((a) => a.kind === 'party' && a.id === p.id),
  );
  if (partiesConfirming.length > 0) {
    const sight = await listSightTranslations(ctx.db, {
      subjectKind: 'session_record',
      subjectId: s.id,
      subjectVersion: s.record_version,
    });
    for (const p of partiesConfirming) {
      const missing = findUnreadableSections(
        sessionRecordSections(record),
        readableLanguages({
          preferredLanguage: p.preferred_language,
          languages: JSON.parse(p.languages_json) as string[],
        }),
        {
          sightTranslated: sight.some((t) => t.party_id === p.id && t.confirmed_at !== null)
            ? new Set(['minutes'])
            : undefined,
        },
      );
      if (missing) {
        throw new AppError('TRANSLATION_MISSING', {
          params: { count: missing.sections.length },
          details: { partyId: p.id, ...missing },
        });
      }
    }
  }
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const a of mine) {
      const added = await insertSessionConfirmation(trx, {
        orgId: c.orgId,
        sessionId: s.id,
        recordVersion: s.record_version,
        attendeeKind: a.kind,
        attendeeId: a.id,
        userId: opts.actor.userId,
        at,
      });
      if (!added) continue;
      await appendAuditEvent(trx, {
        orgId: c.orgId,
        caseId: opts.caseId,
        actorUserId: opts.actor.userId,
        actorLabel: opts.actor.displayName,
        action: 'session.confirm_record',
        entityType: 'session',
        entityId: s.id,
        summary: { attendee: a },
        at,
      });
    }
  });
  return { confirmed: mine.map((a) => ({ kind: a.kind, id: a.id })) };
}
