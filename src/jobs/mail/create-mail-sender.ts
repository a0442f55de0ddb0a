import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import { devMailboxDir, devMailboxFileId, type DevMailboxEntry } from '../../mail/dev-mailbox.js';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per (outbox row, recipient), so that a re-send after a crash is recognisable. */
  messageId: string;
  language: string;
  attachments?: { filename: string; content: string; contentType: string }[];
}

/** The receiving server refused this recipient for good (5xx on RCPT TO): a bounce, not a fault. */
export class RecipientRejectedError extends Error {
  constructor(
    message: string,
    readonly responseCode: number,
  ) {
    super(message);
    this.name = 'RecipientRejectedError';
  }
}

export interface MailSender {
  readonly kind: 'smtp' | 'dev-mailbox';
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export interface SmtpTimeouts {
  connectionMs: number;
  greetingMs: number;
  socketMs: number;
}

export const defaultSmtpTimeouts: SmtpTimeouts = {
  connectionMs: 30_000,
  greetingMs: 30_000,
  socketMs: 60_000,
};

function toNodemailer(m: OutgoingMail) {
  return {
    from: m.from,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId: m.messageId,
    headers: { 'Content-Language': m.language, 'Auto-Submitted': 'auto-generated' },
    attachments: m.attachments?.map((a) => ({
      filename: a.filename,
      content: a.content,
      contentType: a.contentType,
    })),
  };
}

export function createSmtpSender(
  url: string,
  timeouts: SmtpTimeouts = defaultSmtpTimeouts,
): MailSender {
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: timeouts.connectionMs,
    greetingTimeout: timeouts.greetingMs,
    socketTimeout: timeouts.socketMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    kind: 'smtp',
    async send(m) {
      try {
        await transport.sendMail(toNodemailer(m));
      } catch (e) {
        const err = e as { command?: string; responseCode?: number; message?: string };
        if (err.command === 'RCPT TO' && (err.responseCode ?? 0) >= 500) {
          throw new RecipientRejectedError(err.message ?? 'recipient rejected', err.responseCode!);
        }
        throw e;
      }
    },
    close: () => transport.close(),
  };
}

/**
 * Without ACCORD_SMTP_URL, mail is written to <dataDir>/mailbox/ as a real RFC 5322 message
 * (.eml) plus a JSON summary the UI lists. The file name derives from the Message-ID, so a
 * re-send after a crash overwrites rather than duplicates.
 */
export function createDevMailboxSender(dataDir: string, now: () => Date): MailSender {
  const dir = devMailboxDir(dataDir);
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    kind: 'dev-mailbox',
    async send(m) {
      const info = (await transport.sendMail(toNodemailer(m))) as { message: Buffer };
      mkdirSync(dir, { recursive: true });
      const id = devMailboxFileId(m.messageId);
      const entry: DevMailboxEntry = {
        id,
        messageId: m.messageId,
        to: m.to,
        subject: m.subject,
        language: m.language,
        savedAt: now().toISOString(),
        text: m.text,
        html: m.html,
        attachments: (m.attachments ?? []).map((a) => a.filename),
      };
      for (const [ext, content] of [
        ['eml', info.message],
        ['json', JSON.stringify(entry)],
      ] as const) {
        const tmp = join(dir, `.${id}.${ext}.tmp`);
        writeFileSync(tmp, content);
        renameSync(tmp, join(dir, `${id}.${ext}`));
      }
    },
    close: () => transport.close(),
  };
}

export function createMailSender(
  config: { smtpUrl: string | undefined; dataDir: string },
  now: () => Date,
  timeouts?: SmtpTimeouts,
): MailSender {
  return config.smtpUrl
    ? createSmtpSender(config.smtpUrl, timeouts)
    : createDevMailboxSender(config.dataDir, now);
}
