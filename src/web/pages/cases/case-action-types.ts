import type { CaseDetail } from './case-types';

/** The parts of GET /api/v1/cases/:id that the officer's lifecycle actions read, beyond CaseDetail. */
export interface ActionsCaseDetail extends CaseDetail {
  relations: string[];
  deadlines: {
    mediationDueAt: string | null;
    extensions: { seq: number; newDueAt: string; reason: string; at: string }[];
  };
  appeal: {
    reason: string;
    createdAt: string;
    decision: string | null;
    decidedAt: string | null;
  } | null;
  courtFilings: { id: string; kind: string; status: string }[];
  /** Staff see each audited step's summary (the consent events name the party and the extension). */
  timeline: { seq: number; action: string; actor: string; at: string; summary?: unknown }[];
}

/** The committee's staff on this case: the only ones who act for the committee. */
export const isCommitteeStaff = (d: ActionsCaseDetail) =>
  d.relations.includes('officer') || d.relations.includes('director');

/** Mirrors closedStatuses in src/domain/case-status.ts (the web bundle cannot import server code). */
const closedStatuses = ['rejected', 'fulfilled', 'withdrawn', 'referred'];
export const isOpenCase = (d: CaseDetail) => !closedStatuses.includes(d.status);
