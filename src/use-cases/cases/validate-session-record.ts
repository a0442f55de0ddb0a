import { AppError } from '../../domain/app-error.js';
import type { Actor, CaseRelation } from '../../domain/authorize-case-access.js';
import { isKnownLanguage } from '../../domain/language-families.js';
import type { SessionRecord } from '../../domain/session-record.js';
import { findPartiesWithoutCommonLanguage } from '../../domain/session-record-language.js';
import {
  listCasePartyLanguages,
  listMediatorLanguageCodes,
} from '../../db/repositories/session-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireCasePeople, type CasePerson, type PersonRef } from './require-case-people.js';

export interface SessionRecordInput {
  attendees: PersonRef[];
  /** "三必": whether the interpreter was present. Recorded either way, never assumed. */
  interpreterPresent: boolean;
  /** Why no interpreter was present although one was needed; officers and directors only. */
  interpreterAbsenceReason?: string;
  minutes: { language: string; text: string };
  translations: { language: string; text: string }[];
}

/**
 * Checks a record before it is entered or corrected: known languages, attendees of the case,
 * and the interpreter rule. A party that no attending team member speaks to in its language
 * needs the interpreter present, or a reason recorded by an officer or director (a mediator
 * does not excuse their own session's missing interpreter); otherwise INTERPRETER_REQUIRED
 * naming those parties. A correction keeps the reason of the version it corrects unless a new
 * one is given.
 */
export async function validateSessionRecord(
  ctx: UseCaseContext,
  opts: {
    actor: Actor;
    relations: readonly CaseRelation[];
    caseId: string;
    record: SessionRecordInput;
    previousAbsence?: SessionRecord['interpreterAbsence'];
  },
): Promise<{ attendees: CasePerson[]; interpreterAbsence?: SessionRecord['interpreterAbsence'] }> {
  const rec = opts.record;
  if (!isKnownLanguage(rec.minutes.language)) {
    throw new AppError('VALIDATION_FAILED', { field: 'minutes.language' });
  }
  rec.translations.forEach((t, i) => {
    if (!isKnownLanguage(t.language) || t.language === rec.minutes.language) {
      throw new AppError('VALIDATION_FAILED', { field: `translations.${i}.language` });
    }
  });
  const attendees = await requireCasePeople(ctx.db, opts.caseId, rec.attendees, 'attendees');
  if (attendees.length === 0) throw new AppError('VALIDATION_FAILED', { field: 'attendees' });

  const partyIds = attendees.filter((a) => a.kind === 'party').map((a) => a.id);
  const parties = (await listCasePartyLanguages(ctx.db, opts.caseId))
    .filter((p) => partyIds.includes(p.id))
    .map((p) => ({
      id: p.id,
      preferredLanguage: p.preferred_language,
      languages: JSON.parse(p.languages_json) as string[],
    }));
  const spoken = await listMediatorLanguageCodes(
    ctx.db,
    attendees.filter((a) => a.kind === 'mediator').map((a) => a.id),
  );
  const uncovered = findPartiesWithoutCommonLanguage(parties, spoken);
  if (uncovered.length === 0 || rec.interpreterPresent) return { attendees };

  const reason = rec.interpreterAbsenceReason?.trim();
  const mayExcuse = opts.relations.some((r) => r === 'officer' || r === 'director');
  if (reason && mayExcuse) {
    return {
      attendees,
      interpreterAbsence: {
        reason,
        recordedBy: opts.actor.userId,
        recordedByName: opts.actor.displayName,
      },
    };
  }
  if (!reason && opts.previousAbsence)
    return { attendees, interpreterAbsence: opts.previousAbsence };
  throw new AppError('INTERPRETER_REQUIRED', {
    params: { count: uncovered.length },
    // officerOnly: a reason was given, but by someone who may not give it.
    details: { parties: uncovered, ...(reason ? { officerOnly: true } : {}) },
  });
}
