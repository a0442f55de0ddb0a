import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { lockOrgAuditChain, type AuditChainHead } from '../../db/repositories/audit-repository.js';
import {
  insertIntakes,
  takeCaseSeqsAndAuditHead,
  type IntakeRows,
} from '../../db/repositories/case-repository.js';

/** An application with everything built that needs no lock; it is completed under the lock. */
export interface PreparedApplication<R> {
  orgId: string;
  /** The year of its case number (in the committee's time zone). */
  year: number;
  /** Its rows and answer, given its case number and the audit chain head it follows. */
  complete(seq: number, auditHead: AuditChainHead | undefined): { rows: IntakeRows; result: R };
}

interface Waiting {
  application: PreparedApplication<unknown>;
  resolve(result: unknown): void;
  reject(error: unknown): void;
}

/** At most this many applications share a transaction (bounded statement parameters). */
const MAX_BATCH = 32;

// Per database handle and committee: the applications waiting for the running transaction.
const queues = new WeakMap<Kysely<Database>, Map<string, Waiting[]>>();

/**
 * Files applications to one committee in shared transactions (group commit). Every case
 * writer holds the committee's lock from its case number to its commit (the audit chain and
 * the reference counter are per committee), so applications to a committee are filed one
 * transaction at a time, and each one's commit (a disk flush) is time the others wait. While a
 * transaction runs, the applications that arrive queue; the next transaction numbers and
 * writes all of them, in the same lock order, and answers each only after its commit. If a
 * shared transaction fails, its applications are filed again one by one, so one bad
 * application fails alone. Within one process only: app processes still take turns on the lock.
 */
export function fileApplication<R>(
  db: Kysely<Database>,
  application: PreparedApplication<R>,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    let byOrg = queues.get(db);
    if (!byOrg) queues.set(db, (byOrg = new Map()));
    const waiting: Waiting = {
      application: application as PreparedApplication<unknown>,
      resolve: resolve as (r: unknown) => void,
      reject,
    };
    const queue = byOrg.get(application.orgId);
    if (queue) {
      queue.push(waiting);
      return;
    }
    const fresh = [waiting];
    byOrg.set(application.orgId, fresh);
    void drain(db, byOrg, application.orgId, fresh);
  });
}

async function drain(
  db: Kysely<Database>,
  byOrg: Map<string, Waiting[]>,
  orgId: string,
  queue: Waiting[],
): Promise<void> {
  while (queue.length > 0) {
    // One counter row per transaction: a batch holds applications of one numbering year.
    const year = queue[0]!.application.year;
    const batch: Waiting[] = [];
    for (let i = 0; i < queue.length && batch.length < MAX_BATCH;) {
      if (queue[i]!.application.year === year) batch.push(...queue.splice(i, 1));
      else i++;
    }
    try {
      const results = await fileTogether(db, orgId, year, batch);
      batch.forEach((w, i) => w.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        continue;
      }
      for (const w of batch) {
        try {
          w.resolve((await fileTogether(db, orgId, year, [w]))[0]);
        } catch (alone) {
          w.reject(alone);
        }
      }
    }
  }
  byOrg.delete(orgId);
}

function fileTogether(
  db: Kysely<Database>,
  orgId: string,
  year: number,
  batch: Waiting[],
): Promise<unknown[]> {
  return db.transaction().execute(async (trx) => {
    // Before any write: the same lock order as every other case-writing transaction.
    await lockOrgAuditChain(trx, orgId);
    const { lastSeq, auditHead } = await takeCaseSeqsAndAuditHead(trx, orgId, year, batch.length);
    let head = auditHead;
    const done = batch.map((w, i) => {
      const d = w.application.complete(lastSeq - batch.length + 1 + i, head);
      head = { seq: Number(d.rows.audit.seq), hash: d.rows.audit.hash };
      return d;
    });
    await insertIntakes(
      trx,
      done.map((d) => d.rows),
    );
    return done.map((d) => d.result);
  });
}
