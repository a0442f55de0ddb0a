/**
 * What a breakdown can group by. The first three are kept in the roll-up tables; the others
 * are many-valued per case (a case has several parties, languages and mediators), so a case
 * counts once in each of its groups and the groups do not add up to the total.
 */
export const statsDimensions = [
  'category',
  'national_category',
  'source',
  'month',
  'year',
  'country',
  'language',
  'family',
  'mediator',
] as const;
export type StatsDimension = (typeof statsDimensions)[number];

export const rollupDimensions: readonly StatsDimension[] = [
  'category',
  'national_category',
  'source',
  'month',
  'year',
];

/** Public figures never show a group of fewer cases than this, so nobody can be re-identified. */
export const PUBLIC_MIN_GROUP = 5;
