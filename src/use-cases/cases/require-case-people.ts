import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { Database } from '../../db/schema.js';
import { listCaseParties } from '../../db/repositories/case-repository.js';
import { listActiveTeam } from '../../db/repositories/case-team-repository.js';

export interface PersonRef {
  kind: 'party' | 'mediator';
  id: string;
}

export interface CasePerson extends PersonRef {
  name: string;
  /** applicant | respondent for parties; lead | lawyer | third | interpreter for the team. */
  role: string;
  userId: string | null;
}

/**
 * Resolves references to the case's parties and current team members; anything else (another
 * case's party, a removed mediator) is VALIDATION_FAILED on `field.<index>`. With no
 * references, everyone on the case.
 */
export async function requireCasePeople(
  db: Kysely<Database>,
  caseId: string,
  refs: PersonRef[] | undefined,
  field: string,
): Promise<CasePerson[]> {
  const [parties, team] = await Promise.all([
    listCaseParties(db, caseId),
    listActiveTeam(db, caseId),
  ]);
  const everyone: CasePerson[] = [
    ...parties.map((p) => ({
      kind: 'party' as const,
      id: p.id,
      name: p.name,
      role: p.role,
      userId: p.user_id,
    })),
    ...team.map((m) => ({
      kind: 'mediator' as const,
      id: m.mediator_id,
      name: m.display_name,
      role: m.role,
      userId: m.user_id,
    })),
  ];
  if (!refs) return everyone;
  const seen = new Set<string>();
  return refs.map((r, i) => {
    const p = everyone.find((e) => e.kind === r.kind && e.id === r.id);
    const key = `${r.kind}:${r.id}`;
    if (!p || seen.has(key)) throw new AppError('VALIDATION_FAILED', { field: `${field}.${i}` });
    seen.add(key);
    return p;
  });
}
