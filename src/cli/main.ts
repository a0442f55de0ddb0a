import { Command } from 'commander';
import { ConfigError, loadConfig, type Config } from '../config/load-config.js';
import { findAuditChainBreak, countAuditEvents } from '../db/repositories/audit-repository.js';
import { seedDemoCommittee } from '../seed/seed-demo-committee.js';
import { seedDemoHistory } from '../seed/seed-demo-history.js';
import { openDocumentStore } from '../documents/store/open-document-store.js';
import { generateCases, registerStatsCommands } from './stats-commands.js';
import { openDatabase } from './open-database.js';
import { startServer } from './start-server.js';
import { systemClock } from '../domain/clock.js';
import { connectDatabase } from '../db/connect-database.js';
import { createBackup } from '../use-cases/trust/create-backup.js';
import { restoreBackup } from '../use-cases/trust/restore-backup.js';
import { rotateFieldKeys } from '../use-cases/trust/rotate-field-keys.js';
import { exportPerson } from '../use-cases/trust/export-person.js';
import { purgeCases } from '../use-cases/trust/purge-cases.js';
import { serveCluster } from './serve-cluster.js';
import { setStaffTotpRequirement } from '../use-cases/orgs/set-staff-totp-requirement.js';
import { AppError } from '../domain/app-error.js';

function requireConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
}

const program = new Command('accord').description('Accord: cross-border commercial mediation');

program
  .command('start')
  .description('migrate, seed the demo (unless ACCORD_DEMO=0) and serve HTTP')
  .action(async () => {
    await startServer(requireConfig());
  });

program
  .command('serve')
  .description('serve with several app processes on one port, plus a separate outbox worker')
  .option('--workers <n>', 'number of app processes', '2')
  .action(async (opts: { workers: string }) => {
    const n = Number(opts.workers);
    if (!Number.isInteger(n) || n < 1 || n > 64) {
      console.error('--workers must be a whole number from 1 to 64');
      process.exit(2);
    }
    await serveCluster(requireConfig(), n);
  });

program
  .command('migrate')
  .description('bring the database schema up to date')
  .action(async () => {
    const handle = await openDatabase(requireConfig());
    await handle.close();
    console.log('migrations: up to date');
  });

program
  .command('seed-demo')
  .description('create the demo committee and its case history if the database does not have them')
  .action(async () => {
    const config = requireConfig();
    const handle = await openDatabase(config);
    const r = await seedDemoCommittee(handle.db);
    const h = await seedDemoHistory(handle.db, { store: openDocumentStore(config) });
    await handle.close();
    console.log(r.created ? 'demo committee created' : 'demo committee already present');
    console.log(
      h.created ? `demo history created (${h.cases} cases)` : 'demo history already present',
    );
  });

program
  .command('generate')
  .description('create synthetic data for scale tests: a roster of N mediators and/or N cases')
  .option('--mediators <n>', 'mediators to create', (v) => Number.parseInt(v, 10))
  .option('--cases <n>', 'cases (with history) to create', (v) => Number.parseInt(v, 10))
  .option(
    '--org-size <n>',
    'mediators per synthetic committee',
    (v) => Number.parseInt(v, 10),
    2000,
  )
  .option('--orgs <n>', 'organisations the cases spread over', (v) => Number.parseInt(v, 10), 200)
  .option('--seed <n>', 'random seed', (v) => Number.parseInt(v, 10), 1)
  .action(
    async (o: {
      mediators?: number;
      cases?: number;
      orgSize: number;
      orgs: number;
      seed: number;
    }) => {
      const positive = (v: number | undefined) =>
        v === undefined || (Number.isSafeInteger(v) && v > 0);
      if (
        (o.mediators === undefined && o.cases === undefined) ||
        !positive(o.mediators) ||
        !positive(o.cases) ||
        !(o.orgSize > 0) ||
        !(o.orgs > 0)
      ) {
        console.error('give --mediators N and/or --cases N, each a positive whole number');
        process.exit(2);
      }
      const config = requireConfig();
      if (o.mediators !== undefined) {
        const { insertSyntheticRoster } =
          await import('../db/repositories/mediator-bulk-repository.js');
        const { seededRandom } = await import('../seed/seeded-random.js');
        const handle = await openDatabase(config);
        const t0 = performance.now();
        const mediators = o.mediators;
        const r = await insertSyntheticRoster(handle.db, {
          count: mediators,
          orgSize: o.orgSize,
          rand: seededRandom(o.seed),
          at: systemClock.now().toISOString(),
          onProgress: (done) => process.stderr.write(`\r${done} / ${mediators}`),
        });
        await handle.close();
        process.stderr.write('\n');
        console.log(
          `${r.mediators} mediators in ${r.orgIds.length} synthetic committees (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
        );
      }
      if (o.cases !== undefined)
        await generateCases(config, { cases: o.cases, orgs: o.orgs, seed: o.seed });
    },
  );

registerStatsCommands(program, requireConfig);

program
  .command('worker')
  .description('deliver queued e-mail and notifications, and run the deadline scheduler')
  .option('--once', 'deliver what is due now, then exit')
  .option('--poll-ms <ms>', 'idle wait between polls', (v) => Number(v))
  .option('--lease-seconds <s>', 'how long a claimed row stays locked to this worker', (v) =>
    Number(v),
  )
  .action(async (o: { once?: boolean; pollMs?: number; leaseSeconds?: number }) => {
    const { runWorkerProcess } = await import('../jobs/run-worker-process.js');
    await runWorkerProcess(requireConfig(), o);
  });

// Reference FX rates (CNY per unit) behind agreed and recovered amounts (issue 3).
program
  .command('fx')
  .description('reference exchange rates (CNY per unit of a currency, by day)')
  .command('import <csv>')
  .description('import rates from a CSV file with the header currency,date,cny_per_unit')
  .option('--source <label>', 'where the rates come from (stored with each rate)')
  .action(async (file: string, o: { source?: string }) => {
    const { readFileSync } = await import('node:fs');
    const { basename } = await import('node:path');
    const { importFxRates } = await import('../use-cases/performance/import-fx-rates.js');
    const { isAppError } = await import('../domain/app-error.js');
    const clock = (await import('../domain/clock.js')).systemClock;
    const config = requireConfig();
    const handle = await openDatabase(config);
    try {
      const r = await importFxRates(
        { db: handle.db, clock, config },
        { csv: readFileSync(file, 'utf8'), source: o.source ?? basename(file) },
      );
      console.log(
        `imported ${r.imported} rates for ${r.currencies.join(', ')} (${r.from} to ${r.to})`,
      );
    } catch (e) {
      if (!isAppError(e)) throw e;
      console.error(`not imported: ${e.field ?? e.code} ${JSON.stringify(e.details ?? '')}`);
      process.exitCode = 1;
    } finally {
      await handle.close();
    }
  });

const org = program.command('org').description("an organisation's settings");
org
  .command('set')
  .description('change a setting of the organisation (the only one, or the one named by --org)')
  .option('--org <slug>', "the organisation's slug (needed when there are several)")
  .requiredOption(
    '--require-staff-totp <on|off>',
    'directors and officers must sign in with an authenticator code (default on; demo off)',
  )
  .action(async (opts: { org?: string; requireStaffTotp: string }) => {
    if (opts.requireStaffTotp !== 'on' && opts.requireStaffTotp !== 'off') {
      console.error('--require-staff-totp must be on or off');
      process.exit(2);
    }
    const handle = await openDatabase(requireConfig());
    try {
      const r = await setStaffTotpRequirement(
        { db: handle.db, clock: systemClock, config: requireConfig() },
        { orgSlug: opts.org, required: opts.requireStaffTotp === 'on' },
      );
      console.log(
        `${r.orgSlug}: staff two-factor sign-in ${r.requireStaffTotp ? 'required' : 'optional'}` +
          ` (${r.sessionsRestricted} live sessions restricted to enrolment, ${r.sessionsFreed} freed)`,
      );
    } catch (e) {
      console.error(
        e instanceof AppError && e.field === 'org'
          ? e.code === 'NOT_FOUND'
            ? `error: no organisation with slug "${opts.org}"`
            : 'error: several organisations exist; name one with --org <slug>'
          : `error: ${e instanceof Error ? e.message : String(e)}`,
      );
      process.exitCode = 1;
    } finally {
      await handle.close();
    }
  });

const audit = program.command('audit').description('the audit trail');
audit
  .command('verify')
  .description("check every organisation's hash chain; prints ok or the first broken link")
  .action(async () => {
    const handle = await openDatabase(requireConfig());
    try {
      const broken = await findAuditChainBreak(handle.db);
      if (broken) {
        console.log(`broken: org ${broken.orgId} seq ${broken.seq} (${broken.reason})`);
        process.exitCode = 1;
      } else {
        console.log(`ok (${await countAuditEvents(handle.db)} events)`);
      }
    } finally {
      await handle.close();
    }
  });

// Trust: backups, key rotation, personal-data export and retention (issue 9).
/** Operator errors (a non-empty target, a tampered archive) print one line, not a stack. */
const reportFailure = (e: unknown) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
};
// The platform administrator creates committees through POST /api/v1/orgs (issue #17 item 7).
const admin = program.command('admin').description('platform administrators');
admin
  .command('create')
  .description(
    'make the account with this address a platform administrator (created if new) and e-mail it a sign-in link',
  )
  .requiredOption('--email <address>', "the administrator's e-mail address")
  .option('--name <name>', 'the display name of a new account')
  .action(async (opts: { email: string; name?: string }) => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(opts.email)) {
      console.error('--email must be an e-mail address');
      process.exit(2);
    }
    const config = requireConfig();
    const handle = await openDatabase(config);
    try {
      const { createPlatformAdmin } =
        await import('../use-cases/platform/create-platform-admin.js');
      const r = await createPlatformAdmin(
        { db: handle.db, clock: systemClock, config },
        { email: opts.email, name: opts.name },
      );
      // The link goes by e-mail (the outbox worker sends it); nothing secret is printed.
      console.log(
        `${r.created ? 'created' : 'promoted'} platform administrator ${r.userId}; sign-in link queued by e-mail`,
      );
    } catch (e) {
      reportFailure(e);
    } finally {
      await handle.close();
    }
  });

// Jobs of no committee (sign-in links, org 'platform') that the worker gave up on: no director
// sees them, so the operator does, here.
const outbox = program.command('outbox').description('queued e-mail and notifications');
outbox
  .command('dead')
  .description(
    "sign-in links (jobs of no committee) the worker gave up on; a committee's own are on its director's page",
  )
  .option('--limit <n>', 'rows to show, newest first', '50')
  .action(async (o: { limit: string }) => {
    const limit = Number(o.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      console.error('--limit must be a whole number from 1 to 1000');
      process.exit(2);
    }
    const config = requireConfig();
    const handle = await openDatabase(config);
    try {
      const { listPlatformDeadOutboxRows } =
        await import('../use-cases/notifications/list-platform-dead-outbox-rows.js');
      const r = await listPlatformDeadOutboxRows(
        { db: handle.db, clock: systemClock, config },
        { limit },
      );
      for (const row of r.items) {
        console.log(
          [row.id, row.kind, `${row.attempts} attempts`, row.createdAt, row.lastError ?? ''].join(
            '\t',
          ),
        );
      }
      console.log(`${r.items.length} dead${r.nextCursor ? ' (more: raise --limit)' : ''}`);
    } catch (e) {
      reportFailure(e);
    } finally {
      await handle.close();
    }
  });
outbox
  .command('retry')
  .argument('<id>', 'a row listed by accord outbox dead')
  .description('queue a dead sign-in link again, once the cause (e.g. the SMTP relay) is fixed')
  .action(async (id: string) => {
    const config = requireConfig();
    const handle = await openDatabase(config);
    try {
      const { retryPlatformDeadOutboxRow } =
        await import('../use-cases/notifications/retry-platform-dead-outbox-row.js');
      await retryPlatformDeadOutboxRow(
        { db: handle.db, clock: systemClock, config },
        { id, operator: `cli:${process.env.USER ?? 'operator'}` },
      );
      console.log(`${id}: queued again`);
    } catch (e) {
      reportFailure(
        e instanceof AppError && e.code === 'NOT_FOUND'
          ? new Error(`no dead sign-in link ${id} (a committee's rows are its director's)`)
          : e instanceof AppError && e.code === 'INVALID_TRANSITION'
            ? new Error(`${id} is not dead`)
            : e,
      );
    } finally {
      await handle.close();
    }
  });

program
  .command('backup')
  .argument('<file>', 'the archive to write (must not exist)')
  .description('consistent online backup of the database and the document store')
  .action(async (file: string) => {
    const config = requireConfig();
    const handle = await openDatabase(config);
    try {
      const m = await createBackup({ db: handle.db, clock: systemClock, config }, { file });
      console.log(`backup written: ${file} (${m.entries.length} files, ${m.engine})`);
    } catch (e) {
      reportFailure(e);
    } finally {
      await handle.close();
    }
  });
program
  .command('restore')
  .argument('<file>', 'an archive written by accord backup')
  .description('restore a backup into an empty data dir and an empty database')
  .action(async (file: string) => {
    const config = requireConfig();
    // Never migrate or create the target before the restore: it must start empty.
    const handle = config.database.engine === 'postgres' ? connectDatabase(config.database) : null;
    try {
      const m = await restoreBackup({ db: handle?.db, clock: systemClock, config }, { file });
      console.log(`restored ${m.entries.length} files from a backup of ${m.createdAt}`);
    } catch (e) {
      reportFailure(e);
    } finally {
      await handle?.close();
    }
  });

const keys = program
  .command('keys')
  .description('field-encryption keys (identity documents, phones)');
keys
  .command('rotate')
  .description('make a new key current and re-encrypt every encrypted field in batches')
  .option('--batch-size <n>', 'rows per transaction', '500')
  .action(async (o: { batchSize: string }) => {
    const config = requireConfig();
    const handle = await openDatabase(config);
    try {
      const r = await rotateFieldKeys(
        { db: handle.db, clock: systemClock, config },
        { batchSize: Math.max(1, Number(o.batchSize) || 500) },
      );
      for (const [col, n] of Object.entries(r.reEncrypted))
        console.log(`${col}: ${n} re-encrypted`);
      console.log(
        `current key: ${r.keyId}; undecryptable values left as they were: ${r.undecryptable}`,
      );
      if (r.undecryptable > 0) process.exitCode = 1;
    } catch (e) {
      reportFailure(e);
    } finally {
      await handle.close();
    }
  });
program
  .command('export-person')
  .description('everything held about one person, as JSON on stdout (PIPL access request)')
  .option('--email <email>', "the person's e-mail address")
  .option('--name <name>', "the person's exact name")
  .action(async (o: { email?: string; name?: string }) => {
    if (!o.email && !o.name) return reportFailure(new Error('give --email or --name'));
    const config = requireConfig();
    const handle = await openDatabase(config);
    try {
      const r = await exportPerson(
        { db: handle.db, clock: systemClock, config },
        { ...o, operator: `cli:${process.env.USER ?? 'operator'}` },
      );
      console.log(JSON.stringify(r, null, 2));
    } catch (e) {
      reportFailure(e);
    } finally {
      await handle.close();
    }
  });
program
  .command('purge')
  .description('delete closed cases past ACCORD_RETENTION_YEARS, leaving an audit tombstone')
  .option('--dry-run', 'list what would be purged, change nothing')
  .action(async (o: { dryRun?: boolean }) => {
    const config = requireConfig();
    const handle = await openDatabase(config);
    try {
      const r = await purgeCases(
        { db: handle.db, clock: systemClock, config },
        { dryRun: Boolean(o.dryRun), operator: `cli:${process.env.USER ?? 'operator'}` },
      );
      for (const c of r.cases) console.log(`${c.reference}\t${c.status}\tclosed ${c.closed_at}`);
      console.log(
        `${r.dryRun ? 'would purge' : 'purged'} ${r.cases.length} cases closed before ${r.cutoff}` +
          (r.dryRun
            ? ''
            : ` (${Object.values(r.deletedRows).reduce((a, b) => a + b, 0)} rows, ${r.deletedFiles} files)`),
      );
    } catch (e) {
      reportFailure(e);
    } finally {
      await handle.close();
    }
  });

await program.parseAsync(process.argv);
