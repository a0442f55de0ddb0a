import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** Fields covered by the hash. Changing any of them in the database breaks the chain. */
export interface AuditEventContent {
  orgId: string;
  seq: number;
  caseId: string | null;
  actorUserId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  summaryJson: string;
  createdAt: string;
}

/** JSON with sorted keys, so that the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return '{' + entries.map(([k, v]) => JSON.stringify(k) + ':' + canonicalJson(v)).join(',') + '}';
}

export function hashAuditEvent(prevHash: string, e: AuditEventContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalJson(e)).digest('hex');
}

/** Keys whose values never enter the audit trail, whatever a caller passes in a summary. */
const redactedKeys = /pass(word)?|secret|token|id_?document|idDocument|passport|phone|totp/i;

export function redactSummary(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(redactSummary);
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [
      k,
      redactedKeys.test(k) ? '[redacted]' : redactSummary(v),
    ]),
  );
}
