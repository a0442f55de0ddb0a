import { closedStatuses } from '../../domain/case-status.js';
import { appendAuditEvent } from '../../db/repositories/audit-repository.js';
import {
  deleteCaseTree,
  isStorageKeyReferenced,
  listCasesClosedBefore,
  loadCaseDeletionGraph,
  type PurgeCandidate,
} from '../../db/repositories/trust-purge-repository.js';
import { openDocumentStore } from '../../documents/store/open-document-store.js';
import type { UseCaseContext } from '../use-case-context.js';

export interface PurgeReport {
  cutoff: string;
  dryRun: boolean;
  cases: Pick<PurgeCandidate, 'reference' | 'status' | 'closed_at'>[];
  deletedRows: Record<string, number>;
  deletedFiles: number;
}

/** The instant before which a closed case is past retention: now minus whole calendar years. */
export function retentionCutoff(now: Date, years: number): string {
  const d = new Date(now.getTime());
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString();
}

/**
 * `accord purge [--dry-run]`: deletes closed cases older than the retention period
 * (ACCORD_RETENTION_YEARS) with everything attached, one transaction per case, and leaves a
 * `case.purged` tombstone in the audit trail holding only the reference. Document files no
 * other row still uses are removed after the commit (a crash in between leaves an orphan
 * file, never a row without its file).
 */
export async function purgeCases(
  ctx: UseCaseContext,
  opts: { dryRun: boolean; operator: string },
): Promise<PurgeReport> {
  const cutoff = retentionCutoff(ctx.clock.now(), ctx.config.retentionYears);
  const candidates = await listCasesClosedBefore(ctx.db, closedStatuses, cutoff);
  const report: PurgeReport = {
    cutoff,
    dryRun: opts.dryRun,
    cases: candidates.map((c) => ({
      reference: c.reference,
      status: c.status,
      closed_at: c.closed_at,
    })),
    deletedRows: {},
    deletedFiles: 0,
  };
  if (opts.dryRun || candidates.length === 0) return report;

  const graph = await loadCaseDeletionGraph(ctx.db);
  const store = openDocumentStore(ctx.config);
  for (const c of candidates) {
    const at = ctx.clock.now().toISOString();
    const { counts, storageKeys } = await ctx.db.transaction().execute(async (trx) => {
      const r = await deleteCaseTree(trx, graph, c.id);
      await appendAuditEvent(trx, {
        orgId: c.org_id,
        caseId: c.id,
        actorUserId: null,
        actorLabel: opts.operator,
        action: 'case.purged',
        entityType: 'case',
        entityId: c.id,
        summary: { reference: c.reference },
        at,
      });
      return r;
    });
    for (const [table, n] of Object.entries(counts)) {
      report.deletedRows[table] = (report.deletedRows[table] ?? 0) + n;
    }
    for (const key of new Set(storageKeys)) {
      if (await isStorageKeyReferenced(ctx.db, key)) continue;
      await store.delete(key);
      report.deletedFiles++;
    }
  }
  return report;
}
