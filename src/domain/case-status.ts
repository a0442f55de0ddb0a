/** Case states of DESIGN §2. These names are a public contract (API filters, exports). */
export const caseStatuses = [
  'submitted',
  'accepted',
  'rejected',
  'in_mediation',
  'agreed',
  'performing',
  'fulfilled',
  'breached',
  'failed',
  'withdrawn',
  'referred',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** States in which the case is finished for the committee (no further mediation work). */
export const closedStatuses: readonly CaseStatus[] = [
  'rejected',
  'fulfilled',
  'withdrawn',
  'referred',
];

export const openStatuses: readonly CaseStatus[] = caseStatuses.filter(
  (s) => !closedStatuses.includes(s),
);
