import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import type { Database } from '../../db/schema.js';
import { requireVisibleCase } from '../cases/require-visible-case.js';
import {
  findCourtFiling,
  type CourtFilingRow,
} from '../../db/repositories/court-filing-repository.js';

/**
 * A filing that the actor, as liaison of the court it was filed with, may act on. Whoever
 * cannot see the case gets NOT_FOUND; whoever can see it but is not that court, FORBIDDEN.
 */
export async function requireLiaisonFiling(
  db: Kysely<Database>,
  actor: Actor,
  filingId: string,
): Promise<CourtFilingRow> {
  const f = await findCourtFiling(db, filingId);
  if (!f) throw new AppError('NOT_FOUND');
  const isLiaison = actor.memberships.some(
    (m) => m.orgId === f.org_id && m.role === 'court_liaison' && m.courtId === f.court_id,
  );
  if (!isLiaison) {
    // Those who see the case see the filing, but only the court records what the court did.
    await requireVisibleCase(db, actor, f.case_id);
    throw new AppError('FORBIDDEN');
  }
  return f;
}

export function requireFilingStatus(f: CourtFilingRow, ...allowed: string[]): void {
  if (!allowed.includes(f.status))
    throw new AppError('INVALID_TRANSITION', {
      params: { state: f.status },
      details: { state: f.status, entity: 'court_filing', allowed },
    });
}
