import type { CaseRelation } from './authorize-case-access.js';

/**
 * Who sees a case document: `all` everyone with access to the case (parties included),
 * `team` the mediation team and committee staff, `committee` committee staff only.
 */
export const documentVisibilities = ['all', 'team', 'committee'] as const;
export type DocumentVisibility = (typeof documentVisibilities)[number];

export function canSeeDocument(
  relations: readonly CaseRelation[],
  visibility: DocumentVisibility,
): boolean {
  const staff = relations.includes('officer') || relations.includes('director');
  if (visibility === 'committee') return staff;
  if (visibility === 'team') return staff || relations.includes('mediator');
  return relations.length > 0;
}

/** The visibilities the viewer may see, for filtering lists in SQL. */
export function visibleDocumentLevels(relations: readonly CaseRelation[]): DocumentVisibility[] {
  return documentVisibilities.filter((v) => canSeeDocument(relations, v));
}

/**
 * Whether the viewer may see this document: its visibility level, and for a file shared in a
 * private caucus, whether the viewer reads that caucus (`readable`, from message-channels.ts).
 */
export function canSeeCaseDocument(
  relations: readonly CaseRelation[],
  readable: readonly string[],
  d: { visibility: string; channel: string | null },
): boolean {
  return (
    canSeeDocument(relations, d.visibility as DocumentVisibility) &&
    (d.channel === null || readable.includes(d.channel))
  );
}
