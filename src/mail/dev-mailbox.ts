import { readdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

/** The file-backed dev mailbox: where mail goes when no SMTP server is configured. */
export interface DevMailboxEntry {
  id: string;
  messageId: string;
  to: string;
  subject: string;
  language: string;
  savedAt: string;
  text: string;
  html: string;
  attachments: string[];
}

export const devMailboxDir = (dataDir: string): string => join(dataDir, 'mailbox');

export const devMailboxFileId = (messageId: string): string =>
  createHash('sha256').update(messageId).digest('hex').slice(0, 32);

/** The newest `limit` messages of the dev mailbox. */
export function readDevMailbox(dataDir: string, limit: number): DevMailboxEntry[] {
  const dir = devMailboxDir(dataDir);
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('.'));
  } catch {
    return [];
  }
  return files
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as DevMailboxEntry)
    .sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : a.id < b.id ? 1 : -1))
    .slice(0, limit);
}
