import type { Actor } from '../../domain/authorize-case-access.js';
import { describePasskeyKind, type PasskeyKind } from '../../domain/describe-passkey-kind.js';
import { listWebauthnCredentialsOfUser } from '../../db/repositories/passkey-repository.js';
import type { UseCaseContext } from '../use-case-context.js';

export interface PasskeySummary {
  id: string;
  name: string | null;
  kind: PasskeyKind;
  createdAt: string;
  lastUsedAt: string | null;
}

/** `GET /api/v1/me/passkeys`: the signed-in user's passkeys, oldest first (staff: none). */
export async function listPasskeys(
  ctx: UseCaseContext,
  opts: { actor: Actor },
): Promise<PasskeySummary[]> {
  const rows = await listWebauthnCredentialsOfUser(ctx.db, opts.actor.userId);
  return rows.map((p) => ({
    id: p.id,
    name: p.name,
    kind: describePasskeyKind({
      transports: parseTransports(p.transports_json),
      deviceType: p.device_type,
      backedUp: Number(p.backed_up) === 1,
    }),
    createdAt: p.created_at,
    lastUsedAt: p.last_used_at,
  }));
}

function parseTransports(json: string): string[] {
  const v: unknown = JSON.parse(json);
  return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
}
