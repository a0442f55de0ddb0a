import type { Server, Socket } from 'node:net';
import type { Kysely } from 'kysely';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Database } from '../../src/db/schema.js';
import { emitCaseEvent } from '../../src/db/repositories/emit-case-event.js';
import type { CaseEventName, CaseEventPayload } from '../../src/domain/case-events.js';
import { newId } from '../../src/domain/new-id.js';

/** What the test SMTP server does with the next DATA command. */
export type SmtpBehaviour = 'accept' | 'refuse' | 'hang' | 'drop';

export interface TestSmtpServer {
  url: string;
  /** Messages the server accepted (answered 250), parsed, in arrival order. */
  accepted: ParsedMail[];
  behaviour: SmtpBehaviour;
  /** Addresses answered with 550 at RCPT TO (a permanent bounce). */
  rejectRecipients: Set<string>;
  /** Called when a message's data has arrived, before the server answers. */
  onMessage?: (count: number) => void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (port 0) that logs what it accepts and can misbehave on demand. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const sockets = new Set<Socket>();
  let received = 0;
  const state: TestSmtpServer = {
    url: '',
    accepted: [],
    behaviour: 'accept',
    rejectRecipients: new Set(),
    close: async () => {},
  };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onConnect(session: SMTPServerSession, cb: (err?: Error | null) => void) {
      cb();
    },
    onRcptTo(address, _session, cb) {
      if (state.rejectRecipients.has(address.address.toLowerCase())) {
        const err = new Error('mailbox unavailable') as Error & { responseCode: number };
        err.responseCode = 550;
        return cb(err);
      }
      cb();
    },
    onData(
      stream: SMTPServerDataStream,
      session: SMTPServerSession,
      cb: (err?: Error | null) => void,
    ) {
      const chunks: Buffer[] = [];
      const behaviour = state.behaviour;
      if (behaviour === 'drop') {
        // Cut the connection while the client is still sending the message.
        stream.once('data', () => {
          for (const s of sockets) s.destroy();
        });
        stream.on('data', () => {});
        return;
      }
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received++;
        state.onMessage?.(received);
        // onMessage may change the behaviour for the message in hand (e.g. to leave it unanswered).
        const now = state.behaviour === 'drop' ? behaviour : state.behaviour;
        if (now === 'hang') return; // never answer: the client must time out
        if (now === 'refuse') {
          const err = new Error('transaction failed') as Error & { responseCode: number };
          err.responseCode = 554;
          return cb(err);
        }
        void simpleParser(Buffer.concat(chunks)).then((parsed) => {
          state.accepted.push(parsed);
          cb();
        });
      });
    },
  });
  server.on('error', () => {});
  (server as unknown as { server: Server }).server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = (server as unknown as { server: Server }).server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  state.url = `smtp://127.0.0.1:${port}`;
  state.close = async () => {
    for (const s of sockets) s.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return state;
}

/** Queues a case event exactly as the lifecycle does: through emitCaseEvent in a transaction. */
export async function queueCaseEvent(
  db: Kysely<Database>,
  e: {
    orgId: string;
    caseId: string;
    event: CaseEventName;
    params?: CaseEventPayload['params'];
    at?: string;
    dedupeKey?: string;
  },
): Promise<string> {
  const dedupeKey = e.dedupeKey ?? newId();
  await db.transaction().execute((trx) =>
    emitCaseEvent(trx, {
      orgId: e.orgId,
      caseId: e.caseId,
      event: e.event,
      params: e.params ?? {},
      at: e.at ?? '2026-03-01T00:00:00.000Z',
      dedupeKey,
    }),
  );
  const row = await db
    .selectFrom('outbox')
    .select('id')
    .where('idempotency_key', '=', `case_event:${e.event}:${dedupeKey}`)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function createSession(
  db: Kysely<Database>,
  o: {
    orgId: string;
    caseId: string;
    startsAt: string;
    mode?: 'in_person' | 'online';
    room?: string | null;
    meetingUrl?: string | null;
    status?: string;
    durationMinutes?: number;
    createdAt?: string;
    updatedAt?: string;
  },
) {
  const id = newId();
  const createdAt = o.createdAt ?? '2026-03-01T00:00:00.000Z';
  await db
    .insertInto('mediation_sessions')
    .values({
      id,
      org_id: o.orgId,
      case_id: o.caseId,
      starts_at: o.startsAt,
      time_zone: 'Asia/Shanghai',
      duration_minutes: o.durationMinutes ?? 90,
      mode: o.mode ?? 'in_person',
      room: o.room === undefined ? 'Room 3, Yiwu Mediation Centre' : o.room,
      meeting_url: o.meetingUrl ?? null,
      status: o.status ?? 'scheduled',
      created_at: createdAt,
      updated_at: o.updatedAt ?? createdAt,
    })
    .execute();
  return { id };
}

export async function createAgreementInEffect(
  db: Kysely<Database>,
  o: { orgId: string; caseId: string; effectiveAt: string },
) {
  const id = newId();
  await db
    .insertInto('agreements')
    .values({
      id,
      org_id: o.orgId,
      case_id: o.caseId,
      version: 1,
      status: 'in_effect',
      content_json: '{}',
      effective_at: o.effectiveAt,
      created_at: o.effectiveAt,
      updated_at: o.effectiveAt,
    })
    .execute();
  return { id };
}

export async function createInstalment(
  db: Kysely<Database>,
  o: { orgId: string; caseId: string; agreementId: string; seq: number; dueOn: string },
) {
  const id = newId();
  await db
    .insertInto('instalments')
    .values({
      id,
      org_id: o.orgId,
      case_id: o.caseId,
      agreement_id: o.agreementId,
      seq: o.seq,
      due_on: o.dueOn,
      amount_minor: 100_000,
      currency: 'USD',
      status: 'due',
    })
    .execute();
  return { id };
}

export async function createFollowUp(
  db: Kysely<Database>,
  o: { orgId: string; caseId: string; dueOn: string },
) {
  const id = newId();
  await db
    .insertInto('follow_ups')
    .values({ id, org_id: o.orgId, case_id: o.caseId, due_on: o.dueOn })
    .execute();
  return { id };
}

export const outboxRows = (db: Kysely<Database>) =>
  db.selectFrom('outbox').selectAll().orderBy('created_at').orderBy('id').execute();
