import { DateTime } from 'luxon';
import { AppError } from '../../domain/app-error.js';
import type { Actor } from '../../domain/authorize-case-access.js';
import { familyName, familyOf, languageName } from '../../domain/language-families.js';
import type { Locale } from '../../domain/messages/supported-locales.js';
import {
  countActiveMediatorsByFamily,
  countActiveMediatorsByLanguage,
  countCasesByLanguage,
} from '../../db/repositories/mediator-coverage-repository.js';
import { findOrgSettings } from '../../db/repositories/org-settings-repository.js';
import { requireOrgRole, requireOwnOrgsWithRole } from '../orgs/require-org-role.js';
import type { UseCaseContext } from '../use-case-context.js';

/**
 * The recruiting report: which languages and families the org's cases needed in a period
 * (cases submitted or accepted in it), how many active mediators cover each, and the gaps.
 * Dates are whole days in the org's time zone, `to` inclusive.
 */
export async function languageCoverageReport(
  ctx: UseCaseContext,
  opts: { actor: Actor; orgId?: string; from: string; to: string; locale: Locale },
) {
  const orgId = opts.orgId ?? soleManagedOrg(opts.actor);
  requireOrgRole(opts.actor, orgId, 'director', 'officer');
  if (opts.to < opts.from) throw new AppError('VALIDATION_FAILED', { field: 'to' });
  const org = await findOrgSettings(ctx.db, orgId);
  const zone = org?.timeZone ?? 'Asia/Shanghai';
  const fromIso = DateTime.fromISO(opts.from, { zone }).toUTC().toISO()!;
  const toIso = DateTime.fromISO(opts.to, { zone }).plus({ days: 1 }).toUTC().toISO()!;

  const [needed, byLanguage, byFamily] = await Promise.all([
    countCasesByLanguage(ctx.db, { orgId, fromIso, toIso }),
    countActiveMediatorsByLanguage(ctx.db, orgId),
    countActiveMediatorsByFamily(ctx.db, orgId),
  ]);
  const languages = needed.map(({ language, cases }) => {
    const family = familyOf(language) ?? null;
    const mediators = byLanguage.get(language) ?? 0;
    const familyMediators = family ? (byFamily.get(family) ?? 0) : 0;
    return {
      language,
      name: languageName(language, opts.locale),
      family,
      familyName: family ? familyName(family, opts.locale) : null,
      cases,
      mediators,
      familyMediators,
      coverage: mediators > 0 ? 'exact' : familyMediators > 0 ? 'family' : 'none',
    };
  });
  const familyCases = new Map<string, number>();
  for (const l of languages) {
    if (l.family) familyCases.set(l.family, (familyCases.get(l.family) ?? 0) + l.cases);
  }
  const families = [...familyCases.entries()]
    .map(([family, cases]) => ({
      family,
      name: familyName(family, opts.locale),
      cases,
      mediators: byFamily.get(family) ?? 0,
    }))
    .sort((a, b) => b.cases - a.cases || a.family.localeCompare(b.family));
  const rosterFamilies = [...byFamily.entries()]
    .map(([family, mediators]) => ({ family, name: familyName(family, opts.locale), mediators }))
    .sort((a, b) => b.mediators - a.mediators || a.family.localeCompare(b.family));
  return {
    orgId,
    from: opts.from,
    to: opts.to,
    languages,
    families,
    rosterFamilies,
    gaps: {
      languages: languages.filter((l) => l.mediators === 0).map((l) => l.language),
      families: families.filter((f) => f.mediators === 0).map((f) => f.family),
    },
  };
}

function soleManagedOrg(actor: Actor): string {
  const orgs = requireOwnOrgsWithRole(actor, 'director', 'officer');
  // Staff of several committees must say which one the report is for.
  if (orgs.length > 1) throw new AppError('VALIDATION_FAILED', { field: 'orgId' });
  return orgs[0]!;
}
