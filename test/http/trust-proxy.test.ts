import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../src/config/load-config.js';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';

/** The address a failed sign-in was counted against (login_failures scope `ip:<address>`). */
async function countedAddress(t: TestApp, remoteAddress: string, forwardedFor?: string) {
  const email = `nobody-${Math.random().toString(16).slice(2)}@test.example`;
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    remoteAddress,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
    payload: { email, password: 'wrong-password-123' },
  });
  expect(r.statusCode).toBe(401);
  const rows = await t.database.db
    .selectFrom('login_failures')
    .select('scope')
    .where('scope', 'like', 'ip:%')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((row) => row.scope.slice(3));
}

describe('client addresses behind a reverse proxy (ACCORD_TRUST_PROXY)', () => {
  let behindProxy: TestApp;
  let direct: TestApp;
  beforeAll(async () => {
    behindProxy = await buildTestApp({ config: { trustProxy: ['10.0.0.0/8'] } });
    direct = await buildTestApp();
  });
  afterAll(async () => {
    await behindProxy.close();
    await direct.close();
  });

  it('takes the client from X-Forwarded-For when the connection comes from a listed proxy', async () => {
    expect(await countedAddress(behindProxy, '10.0.1.5', '203.0.113.7')).toContain('203.0.113.7');
  });

  it('ignores X-Forwarded-For from anyone else, so a client cannot choose its own address', async () => {
    const seen = await countedAddress(behindProxy, '198.51.100.9', '203.0.113.8');
    expect(seen).toContain('198.51.100.9');
    expect(seen).not.toContain('203.0.113.8');
  });

  it('ignores X-Forwarded-For entirely by default', async () => {
    const seen = await countedAddress(direct, '10.0.1.5', '203.0.113.9');
    expect(seen).toContain('10.0.1.5');
    expect(seen).not.toContain('203.0.113.9');
  });

  it('accepts addresses and CIDR ranges, and names the variable for anything else', () => {
    const dir = behindProxy.database.dataDir;
    expect(loadConfig({ ACCORD_DATA_DIR: dir }).trustProxy).toBe(false);
    expect(
      loadConfig({ ACCORD_DATA_DIR: dir, ACCORD_TRUST_PROXY: '10.0.0.0/8, 192.168.1.10,::1' })
        .trustProxy,
    ).toEqual(['10.0.0.0/8', '192.168.1.10', '::1']);
    for (const bad of ['yes', '10.0.0.0/33', 'proxy.internal', '10.0.0.1/8/2']) {
      expect(() => loadConfig({ ACCORD_DATA_DIR: dir, ACCORD_TRUST_PROXY: bad })).toThrow(
        ConfigError,
      );
      expect(() => loadConfig({ ACCORD_DATA_DIR: dir, ACCORD_TRUST_PROXY: bad })).toThrow(
        /ACCORD_TRUST_PROXY/,
      );
    }
  });
});
