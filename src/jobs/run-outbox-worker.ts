import {
  claimDueOutboxRows,
  markOutboxDone,
  markOutboxFailed,
  type OutboxRow,
} from '../db/repositories/outbox-repository.js';
import type { UseCaseContext } from '../use-cases/use-case-context.js';
import { deliverCaseEvent } from './deliver-case-event.js';
import type { MailSender } from './mail/create-mail-sender.js';
import { runScheduledJobs } from './run-scheduled-jobs.js';
import { deliverAccountNotice } from './deliver-account-notice.js';
import { deliverSignInLink } from './deliver-sign-in-link.js';
import { SIGN_IN_LINK_OUTBOX_KIND } from '../use-cases/auth/request-sign-in-link.js';

export interface WorkerOptions {
  batchSize: number;
  /** How long a claimed row stays ours; a worker that dies releases its rows when this runs out. */
  leaseMs: number;
  /** After this many failed attempts a row is parked as 'dead' for the director. */
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  pollMs: number;
  schedulerEveryMs: number;
}

export const defaultWorkerOptions: WorkerOptions = {
  batchSize: 20,
  leaseMs: 5 * 60_000,
  maxAttempts: 8,
  backoffBaseMs: 30_000,
  backoffMaxMs: 6 * 3_600_000,
  pollMs: 1_000,
  schedulerEveryMs: 60_000,
};

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const silentLog: WorkerLog = { info: () => {}, warn: () => {} };

/** Exponential back-off: base, 2×base, 4×base, … capped. */
export const backoffMs = (
  attempts: number,
  o: Pick<WorkerOptions, 'backoffBaseMs' | 'backoffMaxMs'>,
) => Math.min(o.backoffBaseMs * 2 ** Math.max(0, attempts - 1), o.backoffMaxMs);

async function deliver(ctx: UseCaseContext, sender: MailSender, row: OutboxRow): Promise<void> {
  if (row.kind === 'case_event') {
    await deliverCaseEvent(ctx, sender, row);
    return;
  }
  if (row.kind === 'account_locked') {
    await deliverAccountNotice(ctx, sender, row);
    return;
  }
  if (row.kind === SIGN_IN_LINK_OUTBOX_KIND) {
    await deliverSignInLink(ctx, sender, row);
    return;
  }
  throw new Error(`no handler for outbox kind "${row.kind}"`);
}

export interface BatchResult {
  claimed: number;
  done: number;
  retried: number;
  dead: number;
}

/** Claims one batch of due rows and delivers them; every failure is recorded on its row. */
export async function processOutboxBatch(
  ctx: UseCaseContext,
  sender: MailSender,
  opts: WorkerOptions = defaultWorkerOptions,
  log: WorkerLog = silentLog,
): Promise<BatchResult> {
  const now = ctx.clock.now();
  const rows = await claimDueOutboxRows(ctx.db, {
    now: now.toISOString(),
    leaseUntil: new Date(now.getTime() + opts.leaseMs).toISOString(),
    limit: opts.batchSize,
  });
  const result: BatchResult = { claimed: rows.length, done: 0, retried: 0, dead: 0 };
  for (const row of rows) {
    try {
      await deliver(ctx, sender, row);
      await markOutboxDone(ctx.db, row.id, ctx.clock.now().toISOString());
      result.done++;
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      const dead = row.attempts >= opts.maxAttempts;
      const runAfter = new Date(
        ctx.clock.now().getTime() + backoffMs(row.attempts, opts),
      ).toISOString();
      await markOutboxFailed(ctx.db, { id: row.id, error, runAfter, dead });
      if (dead) result.dead++;
      else result.retried++;
      log.warn(
        { outboxId: row.id, kind: row.kind, attempts: row.attempts, dead, error },
        'outbox delivery failed',
      );
    }
  }
  return result;
}

/** Runs the scheduler once and then batches until nothing is due (tests and `accord worker --once`). */
export async function drainOutbox(
  ctx: UseCaseContext,
  sender: MailSender,
  opts: WorkerOptions = defaultWorkerOptions,
  log: WorkerLog = silentLog,
): Promise<BatchResult> {
  await runScheduledJobs(ctx, log);
  const total: BatchResult = { claimed: 0, done: 0, retried: 0, dead: 0 };
  for (;;) {
    const r = await processOutboxBatch(ctx, sender, opts, log);
    total.claimed += r.claimed;
    total.done += r.done;
    total.retried += r.retried;
    total.dead += r.dead;
    if (r.claimed === 0) return total;
  }
}

export interface RunningWorker {
  /** Finishes the batch in hand, then stops; call before closing the database. */
  stop(): Promise<void>;
}

/** The long-running loop of `accord worker` and of `accord start` when ACCORD_WORKER is on. */
export function startOutboxWorker(
  ctx: UseCaseContext,
  sender: MailSender,
  opts: WorkerOptions = defaultWorkerOptions,
  log: WorkerLog = silentLog,
): RunningWorker {
  let stopping = false;
  let wake: (() => void) | undefined;
  let lastSchedule = 0;
  const loop = (async () => {
    while (!stopping) {
      let claimed = 0;
      try {
        if (Date.now() - lastSchedule >= opts.schedulerEveryMs) {
          lastSchedule = Date.now();
          await runScheduledJobs(ctx, log);
        }
        claimed = (await processOutboxBatch(ctx, sender, opts, log)).claimed;
      } catch (e) {
        // A database outage must not kill the loop; it retries on the next poll.
        log.warn(
          { error: e instanceof Error ? e.message : String(e) },
          'outbox worker pass failed',
        );
      }
      if (claimed === 0 && !stopping) {
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, opts.pollMs);
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        wake = undefined;
      }
    }
  })();
  log.info({ sender: sender.kind }, 'outbox worker started');
  return {
    async stop() {
      stopping = true;
      wake?.();
      await loop;
      sender.close();
    },
  };
}
