import type { CaseDetail } from './case-types';

/** The officer's lifecycle actions on a case (being built in this session). */
export function CaseActionsPanel(_props: { detail: CaseDetail; onDone(): void }) {
  return null;
}
