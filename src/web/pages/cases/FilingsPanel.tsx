import type { CaseDetail } from './case-types';

/** Court filings, payments and follow-up for the committee's staff (being built in this session). */
export function FilingsPanel(_props: { detail: CaseDetail; onDone(): void }) {
  return null;
}
