import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describePasskeyKind } from '../../src/domain/describe-passkey-kind.js';
import { sessionFor, type Headers } from '../support/agreement-factories.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createCase, createOrg, createUser } from '../support/factories.js';
import { createPasskey } from '../support/passkey-factories.js';

let t: TestApp;
let orgId: string;
let party: { id: string; as: Headers };
let other: { id: string; as: Headers };

beforeAll(async () => {
  t = await buildTestApp();
  const db = t.database.db;
  orgId = (await createOrg(db)).id;
  const a = await createUser(db, { name: 'Shirin Ahmadi' });
  const b = await createUser(db, { name: 'Ivan Petrov' });
  await createCase(db, {
    orgId,
    parties: [
      { role: 'applicant', name: 'Shirin Ahmadi', country: 'IR', userId: a.id },
      { role: 'respondent', kind: 'organization', name: '义乌测试商行', country: 'CN' },
    ],
  });
  party = { id: a.id, as: await sessionFor(db, a.id) };
  other = { id: b.id, as: await sessionFor(db, b.id) };
});
afterAll(async () => {
  await t.close();
});

const call = (
  method: 'GET' | 'DELETE' | 'PATCH',
  url: string,
  as: Headers,
  payload?: Record<string, unknown>,
) => t.app.inject({ method, url, headers: as, ...(payload ? { payload } : {}) });

interface Listed {
  id: string;
  name: string | null;
  kind: string;
  createdAt: string;
  lastUsedAt: string | null;
}
const listOf = async (as: Headers) =>
  ((await call('GET', '/api/v1/me/passkeys', as)).json() as { passkeys: Listed[] }).passkeys;

const auditActions = async () =>
  (
    await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id', 'org_id'])
      .where('action', 'like', 'user.passkey_%')
      .orderBy('seq')
      .execute()
  ).map((r) => `${r.action} ${r.actor_user_id === party.id} ${r.org_id === orgId}`);

describe('passkeys a party manages', () => {
  it('lists, names and removes only its own passkeys; another account gets 404; audited', async () => {
    const db = t.database.db;
    const phone = await createPasskey(db, party.id, {
      transports: ['internal', 'hybrid'],
      deviceType: 'multiDevice',
      backedUp: true,
      at: '2026-03-01T08:00:00.000Z',
    });
    const key = await createPasskey(db, party.id, {
      transports: ['usb', 'nfc'],
      at: '2026-03-01T09:00:00.000Z',
    });
    const others = await createPasskey(db, other.id);

    expect(await listOf(party.as)).toEqual([
      {
        id: phone,
        name: null,
        kind: 'synced',
        createdAt: '2026-03-01T08:00:00.000Z',
        lastUsedAt: null,
      },
      {
        id: key,
        name: null,
        kind: 'security_key',
        createdAt: '2026-03-01T09:00:00.000Z',
        lastUsedAt: null,
      },
    ]);
    expect((await listOf(other.as)).map((p) => p.id)).toEqual([others]);

    // Named, with its blanks tidied; an empty name clears it.
    const named = await call('PATCH', `/api/v1/me/passkeys/${phone}`, party.as, {
      name: '  گوشی   من ',
    });
    expect(named.statusCode).toBe(204);
    expect((await listOf(party.as))[0]!.name).toBe('گوشی من');
    const tooLong = await call('PATCH', `/api/v1/me/passkeys/${key}`, party.as, {
      name: 'x'.repeat(61),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', field: 'name' } });

    // Another account's passkey is not there for this caller, whether named or removed.
    const renameOthers = await call('PATCH', `/api/v1/me/passkeys/${others}`, party.as, {
      name: 'mine now',
    });
    expect(renameOthers.statusCode).toBe(404);
    const removeOthers = await call('DELETE', `/api/v1/me/passkeys/${others}`, party.as);
    expect(removeOthers.statusCode).toBe(404);
    expect(removeOthers.json()).toMatchObject({ error: { code: 'NOT_FOUND' } });
    expect((await listOf(other.as)).map((p) => p.id)).toEqual([others]);

    const removed = await call('DELETE', `/api/v1/me/passkeys/${key}`, party.as);
    expect(removed.statusCode).toBe(204);
    expect((await listOf(party.as)).map((p) => p.id)).toEqual([phone]);
    const again = await call('DELETE', `/api/v1/me/passkeys/${key}`, party.as);
    expect(again.statusCode).toBe(404);

    // Sign-in options show the same list (the page reads it there).
    const options = await call('GET', '/api/v1/me/sign-in-options', party.as);
    expect((options.json() as { passkeys: Listed[] }).passkeys).toEqual(await listOf(party.as));

    expect(await auditActions()).toEqual([
      'user.passkey_renamed true true',
      'user.passkey_removed true true',
    ]);
  });

  it('describes a passkey by its kind when it has no name', () => {
    const kind = (transports: string[], deviceType = 'singleDevice', backedUp = false) =>
      describePasskeyKind({ transports, deviceType, backedUp });
    expect(kind(['internal'])).toBe('device');
    expect(kind(['internal', 'hybrid'], 'multiDevice', true)).toBe('synced');
    expect(kind([], 'singleDevice', true)).toBe('synced');
    expect(kind(['usb'])).toBe('security_key');
    expect(kind(['nfc', 'usb', 'internal'])).toBe('device');
    expect(kind([])).toBe('device');
  });
});
