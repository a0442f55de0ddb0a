import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { consentTextVersions } from '../../domain/consent-texts.js';
import { newId } from '../../domain/new-id.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  countDeadlineExtensions,
  insertConsents,
  listCaseParties,
  listConsents,
} from '../../db/repositories/case-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireCaseRelation } from './require-visible-case.js';

/** Consents are per extension: a consent to the first extension does not cover the second. */
export const extensionConsentKind = (extensionNo: number) => `extension#${extensionNo}`;

/**
 * A party consents to extending the mediation period, or an officer records the consent a
 * party gave in person or by phone. Consenting twice to the same extension changes nothing.
 * Append-only, so it does not take the case version: parties consent independently.
 */
export async function recordExtensionConsent(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string; partyId?: string },
) {
  const c = await requireCaseRelation(ctx.db, opts.actor, opts.caseId, [
    'party',
    'officer',
    'director',
  ]);
  if (c.status !== 'accepted' && c.status !== 'in_mediation') {
    throw new AppError('INVALID_TRANSITION', {
      params: { state: c.status },
      details: { state: c.status, action: 'consent_extension' },
    });
  }
  const parties = await listCaseParties(ctx.db, opts.caseId);
  const isStaff = c.relations.includes('officer') || c.relations.includes('director');
  const party = opts.partyId
    ? parties.find((p) => p.id === opts.partyId)
    : parties.find((p) => p.user_id === opts.actor.userId);
  if (!party) throw new AppError('VALIDATION_FAILED', { field: 'partyId' });
  // A party speaks only for itself.
  if (!isStaff && party.user_id !== opts.actor.userId) throw new AppError('FORBIDDEN');
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const kind = extensionConsentKind((await countDeadlineExtensions(trx, opts.caseId)) + 1);
    const existing = (await listConsents(trx, opts.caseId)).find(
      (x) => x.kind === kind && x.party_id === party.id,
    );
    if (existing) return { consentId: existing.id, kind, created: false };
    const id = newId();
    await insertConsents(trx, [
      {
        id,
        org_id: c.orgId,
        case_id: opts.caseId,
        party_id: party.id,
        kind,
        text_version: consentTextVersions.extension,
        given_at: at,
      },
    ]);
    await appendAuditEvent(trx, {
      orgId: c.orgId,
      caseId: opts.caseId,
      actorUserId: opts.actor.userId,
      actorLabel: opts.actor.displayName,
      action: 'consent.extension',
      entityType: 'consent',
      entityId: id,
      summary: {
        partyId: party.id,
        kind,
        textVersion: consentTextVersions.extension,
        onBehalf: isStaff,
      },
      at,
    });
    return { consentId: id, kind, created: true };
  });
}
