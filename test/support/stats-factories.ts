import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import { newId } from '../../src/domain/new-id.js';
import {
  nationalCategoryOf,
  type CaseCategory,
  type CaseSource,
} from '../../src/domain/dispute-categories.js';
import type { CaseStatus } from '../../src/domain/case-status.js';

let n = 0;

export interface StatsCaseInput {
  orgId: string;
  status?: CaseStatus;
  category?: CaseCategory;
  source?: CaseSource;
  submittedAt?: string;
  acceptedAt?: string | null;
  mediationDueAt?: string | null;
  concludedAt?: string | null;
  outcome?: 'agreed' | 'failed' | 'withdrawn' | 'rejected' | null;
  agreedAt?: string | null;
  agreed?: { minor: number; currency: string; cnyMinor: number } | null;
  parties?: { country: string; languages: string[] }[];
  mediatorIds?: string[];
}

/**
 * A case row with exactly the facts the statistics read, written straight to the tables
 * (the triggers then update the roll-ups as they would for a use case's write).
 */
export async function createStatsCase(db: Kysely<Database>, o: StatsCaseInput) {
  const id = newId();
  const category = o.category ?? 'goods_quality';
  const submittedAt = o.submittedAt ?? o.acceptedAt ?? '2024-01-01T02:00:00.000Z';
  await db
    .insertInto('cases')
    .values({
      id,
      org_id: o.orgId,
      reference: `STATS-${++n}-${id.slice(0, 6)}`,
      status: o.status ?? 'accepted',
      source: o.source ?? 'application',
      category,
      national_category: nationalCategoryOf(category),
      summary: 'statistics fixture',
      description: 'statistics fixture',
      submitted_at: submittedAt,
      accepted_at: o.acceptedAt ?? null,
      mediation_due_at: o.mediationDueAt ?? null,
      concluded_at: o.concludedAt ?? null,
      outcome: o.outcome ?? null,
      agreed_at: o.agreedAt ?? null,
      agreed_amount_minor: o.agreed?.minor ?? null,
      agreed_currency: o.agreed?.currency ?? null,
      agreed_amount_cny_minor: o.agreed?.cnyMinor ?? null,
      created_at: submittedAt,
      updated_at: submittedAt,
    })
    .execute();
  const parties = o.parties ?? [
    { country: 'EG', languages: ['ar'] },
    { country: 'CN', languages: ['zh'] },
  ];
  for (const [i, p] of parties.entries()) {
    await db
      .insertInto('case_parties')
      .values({
        id: newId(),
        org_id: o.orgId,
        case_id: id,
        role: i === 0 ? 'applicant' : 'respondent',
        kind: 'person',
        name: `Party ${n}.${i}`,
        country: p.country,
        languages_json: JSON.stringify(p.languages),
        preferred_language: p.languages[0]!,
        is_foreign: p.country === 'CN' ? 0 : 1,
        created_at: submittedAt,
      })
      .execute();
    for (const language of p.languages) {
      await db
        .insertInto('case_languages')
        .values({ org_id: o.orgId, case_id: id, language })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  for (const mediatorId of o.mediatorIds ?? []) {
    await db
      .insertInto('case_team_members')
      .values({
        id: newId(),
        org_id: o.orgId,
        case_id: id,
        mediator_id: mediatorId,
        role: 'lead',
        assigned_at: submittedAt,
      })
      .execute();
  }
  return { id };
}

export async function createStatsPayment(
  db: Kysely<Database>,
  o: {
    orgId: string;
    caseId: string;
    paidOn: string;
    minor: number;
    currency: string;
    cnyMinor: number;
  },
) {
  const id = newId();
  await db
    .insertInto('payments')
    .values({
      id,
      org_id: o.orgId,
      case_id: o.caseId,
      amount_minor: o.minor,
      currency: o.currency,
      amount_cny_minor: o.cnyMinor,
      fx_rate: o.currency === 'CNY' ? '1' : String(o.cnyMinor / o.minor),
      paid_on: o.paidOn,
      recorded_at: o.paidOn + 'T08:00:00.000Z',
    })
    .execute();
  return { id };
}
