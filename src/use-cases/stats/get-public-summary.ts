import { AppError } from '../../domain/app-error.js';
import { findOrgForPublicFigures } from '../../db/repositories/stats-org-repository.js';
import { MAX_PERIOD_YEARS } from '../../domain/statistics/stats-period.js';
import {
  suppressSmallGroups,
  type PublicFigures,
} from '../../domain/statistics/suppress-small-groups.js';
import type { UseCaseContext } from '../use-case-context.js';
import { computeStatsSummary } from './compute-stats-summary.js';

export interface PublicSummary {
  org: { slug: string; name: string; nameEn: string };
  allTime: PublicFigures & { to: string };
  currentYear: PublicFigures & { year: number; to: string };
}

/**
 * The public page's headline figures: all time and the current year, with small groups
 * withheld. An organisation that switched them off (settings.publicFigures = false), or
 * does not exist, is NOT_FOUND; nothing about cases is exposed.
 */
export async function getPublicSummary(
  ctx: UseCaseContext,
  o: { orgSlug?: string },
): Promise<PublicSummary> {
  const org = await findOrgForPublicFigures(ctx.db, o.orgSlug);
  if (!org) throw new AppError('NOT_FOUND');
  let settings: { publicFigures?: unknown } = {};
  try {
    settings = JSON.parse(org.settingsJson) as typeof settings;
  } catch {
    settings = {};
  }
  if (settings.publicFigures === false) throw new AppError('NOT_FOUND');
  const nowIso = ctx.clock.now().toISOString();
  const today = nowIso.slice(0, 10);
  const year = Number(today.slice(0, 4));
  const scope = { orgIds: [org.id] };
  const [allTime, current] = await Promise.all([
    computeStatsSummary(ctx.db, {
      scope,
      period: { from: `${year - MAX_PERIOD_YEARS + 1}-01-01`, to: today },
      nowIso,
    }),
    computeStatsSummary(ctx.db, { scope, period: { from: `${year}-01-01`, to: today }, nowIso }),
  ]);
  return {
    org: { slug: org.slug, name: org.name, nameEn: org.nameEn },
    allTime: { ...suppressSmallGroups(allTime), to: today },
    currentYear: { ...suppressSmallGroups(current), year, to: today },
  };
}
