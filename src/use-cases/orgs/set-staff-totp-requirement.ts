import { AppError } from '../../domain/app-error.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  applyStaffTotpRestrictionToLiveSessions,
  findOrgStaffTotpRequirement,
  listOrgSlugs,
  setOrgStaffTotpRequirement,
} from '../../db/repositories/staff-totp-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

export interface StaffTotpRequirementResult {
  orgSlug: string;
  requireStaffTotp: boolean;
  /** Live sessions that became restricted to enrolment, or were freed from it. */
  sessionsRestricted: number;
  sessionsFreed: number;
}

/**
 * `accord org set --require-staff-totp on|off`: whether the committee's directors and officers
 * must sign in with an authenticator code. The change reaches live sessions at once: an
 * unenrolled officer signed in before the switch is confined to enrolment like one signing in
 * after it. Without a slug, the database must hold exactly one organisation.
 */
export async function setStaffTotpRequirement(
  ctx: UseCaseContext,
  opts: { orgSlug?: string; required: boolean },
): Promise<StaffTotpRequirementResult> {
  let slug = opts.orgSlug;
  if (!slug) {
    const slugs = await listOrgSlugs(ctx.db, 2);
    if (slugs.length !== 1) throw new AppError('VALIDATION_FAILED', { field: 'org' });
    slug = slugs[0]!;
  }
  const at = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const org = await findOrgStaffTotpRequirement(trx, slug);
    if (!org) throw new AppError('NOT_FOUND', { field: 'org' });
    await setOrgStaffTotpRequirement(trx, org.id, opts.required);
    const sessions = await applyStaffTotpRestrictionToLiveSessions(trx);
    if (org.requireStaffTotp !== opts.required) {
      await appendAuditEvent(trx, {
        orgId: org.id,
        actorUserId: null,
        actorLabel: 'cli',
        action: opts.required ? 'org.staff_totp_required' : 'org.staff_totp_optional',
        entityType: 'organization',
        entityId: org.id,
        summary: { requireStaffTotp: opts.required },
        at,
      });
    }
    return {
      orgSlug: org.slug,
      requireStaffTotp: opts.required,
      sessionsRestricted: sessions.restricted,
      sessionsFreed: sessions.freed,
    };
  });
}
