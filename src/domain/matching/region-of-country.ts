import { createRequire } from 'node:module';

/**
 * The UN M49 sub-region of a country (EG → 015 Northern Africa, TR → 145 Western Asia),
 * from CLDR's territoryContainment (package cldr-core). Grouping and deprecated entries
 * (EU, UN, …) are skipped: only the geographic hierarchy counts as "the same region".
 */
const require = createRequire(import.meta.url);
const containment = (
  require('cldr-core/supplemental/territoryContainment.json') as {
    supplemental: { territoryContainment: Record<string, { _contains?: string[] }> };
  }
).supplemental.territoryContainment;

const subRegionOf = new Map<string, string>();
for (const [key, value] of Object.entries(containment)) {
  if (!/^\d{3}$/.test(key)) continue;
  for (const member of value._contains ?? []) {
    if (/^[A-Z]{2}$/.test(member)) subRegionOf.set(member, key);
  }
}

export function regionOfCountry(country: string): string | undefined {
  return subRegionOf.get(country.toUpperCase());
}
