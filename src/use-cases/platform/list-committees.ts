import type { Actor } from '../../domain/authorize-case-access.js';
import { listCommittees } from '../../db/repositories/platform-org-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { computeStatsSummary } from '../stats/compute-stats-summary.js';
import { requirePlatformAdmin } from './require-platform-admin.js';

export interface CommitteeHeadline {
  id: string;
  slug: string;
  names: Record<string, string>;
  referencePrefix: string;
  timeZone: string;
  createdAt: string;
  year: number;
  casesAccepted: number;
  casesConcluded: number;
  successRate: number | null;
}

/**
 * GET /orgs: every committee with this year's headline figures from the statistics roll-ups
 * (the same definitions as /stats/summary). Counts only, never a case's contents.
 */
export async function listCommitteeHeadlines(
  ctx: UseCaseContext,
  o: { actor: Actor },
): Promise<CommitteeHeadline[]> {
  requirePlatformAdmin(o.actor);
  const now = ctx.clock.now().toISOString();
  const today = now.slice(0, 10);
  const year = Number(today.slice(0, 4));
  const rows = await listCommittees(ctx.db);
  const out: CommitteeHeadline[] = [];
  for (const r of rows) {
    const s = await computeStatsSummary(ctx.db, {
      scope: { orgIds: [r.id] },
      period: { from: `${year}-01-01`, to: today },
      nowIso: now,
    });
    let extra: Record<string, string> = {};
    try {
      extra = JSON.parse(r.names_json) as Record<string, string>;
    } catch {
      extra = {};
    }
    out.push({
      id: r.id,
      slug: r.slug,
      names: { ...extra, 'zh-CN': r.name, en: r.name_en },
      referencePrefix: r.reference_prefix,
      timeZone: r.time_zone,
      createdAt: r.created_at,
      year,
      casesAccepted: s.casesAccepted,
      casesConcluded: s.casesConcluded,
      successRate: s.casesConcluded > 0 ? s.successRate : null,
    });
  }
  return out;
}
