import { AppError } from '../../domain/app-error.js';
import { decryptField, type FieldKeyring } from '../../domain/encrypt-personal-data.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import { findPersonIds, listPersonRows } from '../../db/repositories/trust-person-repository.js';
import type { UseCaseContext } from '../use-case-context.js';
import { loadFieldKeyring } from './load-field-keyring.js';

export interface PersonExport {
  subject: { email?: string; name?: string };
  generatedAt: string;
  /** Table name → the rows about the person, with encrypted fields opened. */
  records: Record<string, Record<string, unknown>[]>;
}

/** Credentials are not "information about" the person and would let the reader sign in. */
const credentialColumns = new Set(['password_hash', 'token_hash', 'totp_secret_enc']);

function openRow(ring: FieldKeyring, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (credentialColumns.has(k)) {
      out[k.replace(/_(hash|enc)$/, '_set')] = v !== null && v !== undefined;
    } else if (k.endsWith('_enc') && typeof v === 'string') {
      let plain: string;
      try {
        plain = decryptField(ring, v);
      } catch {
        plain = '[undecryptable: key not in the ring]';
      }
      out[k.slice(0, -4)] = plain;
    } else {
      out[k] = v;
    }
  }
  return out;
}

/**
 * `accord export-person`: everything held about one person (PIPL right of access), found by
 * e-mail or exact name across users, case parties and mediators and every row pointing at
 * them. Encrypted fields are opened, because the export is for the person. The export itself
 * is audited in each organisation it touches, without the data.
 */
export async function exportPerson(
  ctx: UseCaseContext,
  opts: { email?: string; name?: string; operator: string },
): Promise<PersonExport> {
  if (!opts.email && !opts.name) throw new AppError('VALIDATION_FAILED', { field: 'email' });
  const ids = await findPersonIds(ctx.db, opts);
  const rows = await listPersonRows(ctx.db, ids);
  const ring = loadFieldKeyring(ctx.config);
  const records = Object.fromEntries(
    Object.entries(rows).map(([table, list]) => [table, list.map((r) => openRow(ring, r))]),
  );
  const at = ctx.clock.now().toISOString();
  const orgIds = new Set<string>();
  for (const list of Object.values(rows)) {
    for (const r of list) if (typeof r.org_id === 'string') orgIds.add(r.org_id);
  }
  if (orgIds.size) {
    await ctx.db.transaction().execute(async (trx) => {
      for (const orgId of [...orgIds].sort()) {
        await appendAuditEvent(trx, {
          orgId,
          actorUserId: null,
          actorLabel: opts.operator,
          action: 'person.exported',
          entityType: 'person',
          summary: {
            users: ids.userIds.length,
            parties: ids.partyIds.length,
            mediators: ids.mediatorIds.length,
          },
          at,
        });
      }
    });
  }
  return {
    subject: {
      ...(opts.email ? { email: opts.email } : {}),
      ...(opts.name ? { name: opts.name } : {}),
    },
    generatedAt: at,
    records,
  };
}
