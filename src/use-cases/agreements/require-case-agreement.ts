import type { Kysely } from 'kysely';
import { AppError } from '../../domain/app-error.js';
import type { Database } from '../../db/schema.js';
import { findAgreement, type AgreementRow } from '../../db/repositories/agreement-repository.js';

/** The agreement if it belongs to the case; another case's agreement is simply not found. */
export async function requireCaseAgreement(
  db: Kysely<Database>,
  caseId: string,
  agreementId: string,
): Promise<AgreementRow> {
  const a = await findAgreement(db, agreementId);
  if (!a || a.case_id !== caseId) throw new AppError('NOT_FOUND');
  return a;
}

/** Refuses, naming the agreement's state, unless the agreement is in one of `allowed`. */
export function requireAgreementStatus(a: AgreementRow, ...allowed: string[]): void {
  if (!allowed.includes(a.status)) {
    throw new AppError('INVALID_TRANSITION', {
      params: { state: a.status },
      details: { state: a.status, entity: 'agreement', allowed },
    });
  }
}
