import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { eligibleConfirmationCourts } from '../../domain/suggest-confirmation-court.js';
import { findCaseCore } from '../../db/repositories/agreement-repository.js';
import { listCourtsOfOrg } from '../../db/repositories/court-filing-repository.js';
import { requireVisibleCase } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * The courts of the committee a case may be referred to for litigation (诉调对接). A failed case
 * has no agreement in effect, so the confirmation suggestion cannot name them; the competent
 * courts follow the same rules (maritime court, referring court, seat court) and come first,
 * with their reason, then every other court of the committee with the reason `other`.
 */
export async function listReferralCourts(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string },
) {
  await requireVisibleCase(ctx.db, opts.actor, opts.caseId);
  const c = await findCaseCore(ctx.db, opts.caseId);
  if (!c) throw new AppError('NOT_FOUND');
  const courts = await listCourtsOfOrg(ctx.db, c.org_id);
  const eligible = eligibleConfirmationCourts(
    { referringCourtId: c.referring_court_id, isMaritime: c.is_maritime === 1 },
    courts.map((x) => ({ id: x.id, kind: x.kind, isSeatCourt: x.is_seat_court === 1 })),
  );
  const reasonOf = (id: string) => eligible.find((e) => e.courtId === id)?.reason ?? 'other';
  const rank = (id: string) => {
    const i = eligible.findIndex((e) => e.courtId === id);
    return i < 0 ? eligible.length : i;
  };
  return [...courts]
    .sort((a, b) => rank(a.id) - rank(b.id))
    .map((x) => ({
      id: x.id,
      name: x.name,
      nameEn: x.name_en,
      kind: x.kind,
      reason: reasonOf(x.id),
    }));
}
