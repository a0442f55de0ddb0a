import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { isoNow } from '../../domain/clock.js';
import { newId } from '../../domain/new-id.js';
import { baseLanguage, readableLanguages } from '../../domain/translation-coverage.js';
import { listCasePartiesForAgreement } from '../../db/repositories/agreement-repository.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  findSpeakingProfileOfUser,
  insertSightTranslation,
  listSightTranslations,
  type SightTranslationSubject,
} from '../../db/repositories/sight-translation-repository.js';
import { requireCaseRelation } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

export interface SightTranslationTarget {
  kind: SightTranslationSubject;
  /** The agreement version's id, or the session's id. */
  id: string;
  /** The agreement version, or the session record's version: a new version needs a new one. */
  version: number;
}

/**
 * An interpreter attests that they translated a text aloud (sight translation) for one party,
 * into a language that party reads: from then on the party may confirm or sign it although no
 * written version in their language exists. The interpreter attests for themselves, signed in
 * as a member of the case's team (a roster interpreter assigned as the team's interpreter, or a
 * mediator) whose roster profile speaks the language; that is the interpreter's own
 * confirmation in Accord. The caller resolves `target` (the case's agreement or session).
 */
export async function attestSightTranslation(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    caseId: string;
    target: SightTranslationTarget;
    partyId: string;
    language: string;
    /** When the interpretation took place; now by default, never in the future. */
    interpretedAt?: string;
  },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['mediator']);
  const at = isoNow(ctx.clock);
  const interpretedAt = opts.interpretedAt ?? at;
  if (interpretedAt > at) throw new AppError('VALIDATION_FAILED', { field: 'interpretedAt' });
  const language = baseLanguage(opts.language);
  const party = (await listCasePartiesForAgreement(ctx.db, opts.caseId)).find(
    (p) => p.id === opts.partyId,
  );
  if (!party) throw new AppError('VALIDATION_FAILED', { field: 'partyId' });
  if (!readableLanguages(party).includes(language))
    throw new AppError('VALIDATION_FAILED', {
      field: 'language',
      details: { reason: 'not_a_language_of_the_party', allowed: readableLanguages(party) },
    });
  const profile = await findSpeakingProfileOfUser(ctx.db, {
    orgId: c.orgId,
    userId: opts.actor.userId,
    language,
  });
  if (!profile || !c.teamMediatorIds.includes(profile.id))
    throw new AppError('FORBIDDEN', { details: { reason: 'does_not_speak_language', language } });
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await listSightTranslations(trx, {
      subjectKind: opts.target.kind,
      subjectId: opts.target.id,
      subjectVersion: opts.target.version,
    });
    if (existing.some((s) => s.party_id === party.id && s.language === language))
      throw new AppError('ALREADY_EXISTS');
    const id = newId();
    const interpreterKind = profile.kind === 'interpreter' ? 'roster' : 'team';
    await insertSightTranslation(trx, {
      id,
      org_id: c.orgId,
      case_id: opts.caseId,
      subject_kind: opts.target.kind,
      subject_id: opts.target.id,
      subject_version: opts.target.version,
      party_id: party.id,
      language,
      interpreter_kind: interpreterKind,
      interpreter_mediator_id: profile.id,
      interpreter_user_id: opts.actor.userId,
      interpreter_name: profile.display_name,
      recorded_by: opts.actor.userId,
      interpreted_at: interpretedAt,
      confirmed_at: at,
      created_at: at,
    });
    await appendAuditEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'translation.sight_attested',
      entityType: opts.target.kind,
      entityId: opts.target.id,
      summary: {
        version: opts.target.version,
        partyId: party.id,
        language,
        interpreterKind,
        interpretedAt,
      },
      at,
    });
    return { id, interpreterName: profile.display_name, interpreterKind, confirmed: true };
  });
}
