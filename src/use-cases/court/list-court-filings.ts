import type { Actor } from '../../domain/authorize-case-access.js';
import { isAcceptanceLate } from '../../domain/suggest-confirmation-court.js';
import {
  listCourtFilingsOfCase,
  listCourtFilingsOfCourts,
  type CourtFilingRow,
} from '../../db/repositories/court-filing-repository.js';
import { requireVisibleCase } from '../cases/require-visible-case.js';
import type { UseCaseContext } from '../use-case-context.js';

export interface CourtFilingView {
  id: string;
  caseId: string;
  courtId: string;
  kind: string;
  status: string;
  agreementId: string | null;
  reason: string | null;
  package: unknown;
  filedAt: string;
  acceptedAt: string | null;
  acceptedLate: boolean | null;
  courtCaseNumber: string | null;
  result: string | null;
  resultAt: string | null;
  resultNotes: string | null;
}

export function presentCourtFiling(f: CourtFilingRow): CourtFilingView {
  return {
    id: f.id,
    caseId: f.case_id,
    courtId: f.court_id,
    kind: f.kind,
    status: f.status,
    agreementId: f.agreement_id,
    reason: f.reason,
    package: JSON.parse(f.package_json) as unknown,
    filedAt: f.filed_at,
    acceptedAt: f.accepted_at,
    acceptedLate: f.accepted_at ? isAcceptanceLate(f.filed_at, f.accepted_at) : null,
    courtCaseNumber: f.court_case_number,
    result: f.result,
    resultAt: f.result_at,
    resultNotes: f.result_notes,
  };
}

/**
 * The case's court filings. A court liaison sees only the filings made with its own court;
 * the package (which holds parties' service details) goes to the committee and that court only.
 */
export async function listCaseCourtFilings(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string },
): Promise<CourtFilingView[]> {
  const c = await requireVisibleCase(ctx.db, opts.actor, opts.caseId);
  const staff = c.relations.some((r) => r === 'director' || r === 'officer');
  const myCourts = opts.actor.memberships
    .filter((m) => m.orgId === c.orgId && m.role === 'court_liaison' && m.courtId)
    .map((m) => m.courtId!);
  const onlyLiaison = c.relations.every((r) => r === 'court_liaison');
  const rows = await listCourtFilingsOfCase(ctx.db, opts.caseId);
  return rows
    .filter((f) => !onlyLiaison || myCourts.includes(f.court_id))
    .map((f) => {
      const v = presentCourtFiling(f);
      return staff || myCourts.includes(f.court_id) ? v : { ...v, package: null };
    });
}

/** A liaison's docket: filings with the liaison's court(s), optionally by status. */
export async function listCourtDocket(
  ctx: UseCaseContext,
  opts: { actor: Actor; status?: string },
): Promise<(CourtFilingView & { caseReference: string })[]> {
  const courtIds = opts.actor.memberships
    .filter((m) => m.role === 'court_liaison' && m.courtId)
    .map((m) => m.courtId!);
  const rows = await listCourtFilingsOfCourts(ctx.db, courtIds, opts.status);
  return rows.map((r) => ({ ...presentCourtFiling(r), caseReference: r.case_reference }));
}
