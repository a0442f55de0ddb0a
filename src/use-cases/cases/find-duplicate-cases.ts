import type { Actor } from '../../domain/authorize-case-access.js';
import { addDays } from '../../domain/clock.js';
import {
  findCasesSharingParties,
  findCaseRow,
  listCaseParties,
} from '../../db/repositories/case-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { requireCaseRelation } from './require-visible-case.js';

export const DUPLICATE_WINDOW_DAYS = 90;

/**
 * Possible duplicates of a case, for the officer before accepting: other cases of the same
 * committee submitted within 90 days before this one that share a party (same e-mail, or the
 * same name in the same country). Each result says which party matched and how.
 */
export async function findDuplicateCases(
  ctx: UseCaseContext,
  opts: { actor: Actor; caseId: string },
) {
  await requireCaseRelation(ctx.db, opts.actor, opts.caseId, ['officer', 'director']);
  const c = (await findCaseRow(ctx.db, opts.caseId))!;
  const parties = await listCaseParties(ctx.db, opts.caseId);
  const rows = await findCasesSharingParties(ctx.db, {
    orgId: c.org_id,
    excludeCaseId: c.id,
    since: addDays(c.submitted_at, -DUPLICATE_WINDOW_DAYS),
    parties: parties.map((p) => ({ name: p.name, country: p.country, email: p.email })),
  });
  const byCase = new Map<
    string,
    { caseId: string; reference: string; status: string; submittedAt: string; matches: string[] }
  >();
  for (const r of rows) {
    const entry = byCase.get(r.caseId) ?? {
      caseId: r.caseId,
      reference: r.reference,
      status: r.status,
      submittedAt: r.submittedAt,
      matches: [],
    };
    for (const p of parties) {
      if (p.email && r.partyEmail && p.email.toLowerCase() === r.partyEmail.toLowerCase()) {
        entry.matches.push(`email:${p.id}`);
      }
      if (p.name.toLowerCase() === r.partyName.toLowerCase() && p.country === r.partyCountry) {
        entry.matches.push(`name_country:${p.id}`);
      }
    }
    entry.matches = [...new Set(entry.matches)];
    byCase.set(r.caseId, entry);
  }
  return [...byCase.values()];
}
