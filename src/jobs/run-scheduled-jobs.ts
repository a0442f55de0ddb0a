import { markBreachedCases } from '../use-cases/performance/mark-breached-cases.js';
import type { UseCaseContext } from '../use-cases/use-case-context.js';
import type { WorkerLog } from './run-outbox-worker.js';
import { scheduleDeadlineReminders } from './schedule-deadline-reminders.js';

/**
 * The periodic part of the worker: queue deadline reminders, then mark cases breached whose
 * instalments stayed unpaid past the grace period (which queues its own notices). Both are
 * idempotent, so every worker may run them; the outbox keys keep the notices single.
 */
export async function runScheduledJobs(ctx: UseCaseContext, log: WorkerLog): Promise<void> {
  const reminders = await scheduleDeadlineReminders(ctx);
  const breach = await markBreachedCases(ctx);
  if (reminders > 0 || breach.breachedCaseIds.length > 0) {
    log.info(
      { reminders, breached: breach.breachedCaseIds.length, skipped: breach.skippedCaseIds.length },
      'deadline scheduler pass',
    );
  }
}
