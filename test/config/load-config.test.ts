import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

const dir = () => mkdtempSync(join(tmpdir(), 'accord-config-'));

describe('configuration', () => {
  it('has working defaults: port 3000, SQLite under the data dir, demo on', () => {
    const d = dir();
    const c = loadConfig({ ACCORD_DATA_DIR: d });
    expect(c.port).toBe(3000);
    expect(c.database).toEqual({ engine: 'sqlite', file: join(d, 'accord.sqlite') });
    expect(c.demo).toBe(true);
  });

  it('generates a secret once and keeps it, readable by the owner only', () => {
    const d = dir();
    const a = loadConfig({ ACCORD_DATA_DIR: d });
    const b = loadConfig({ ACCORD_DATA_DIR: d });
    expect(a.secret).toBe(b.secret);
    expect(readFileSync(join(d, 'secret'), 'utf8').trim()).toBe(a.secret);
    expect(statSync(join(d, 'secret')).mode & 0o077).toBe(0);
  });

  it('keeps parties signed in 30 days past their last visit unless told otherwise', () => {
    expect(loadConfig({ ACCORD_DATA_DIR: dir() }).partySessionDays).toBe(30);
    expect(
      loadConfig({ ACCORD_DATA_DIR: dir(), ACCORD_PARTY_SESSION_DAYS: '7' }).partySessionDays,
    ).toBe(7);
  });

  it('selects PostgreSQL from DATABASE_URL', () => {
    const c = loadConfig({ ACCORD_DATA_DIR: dir(), DATABASE_URL: 'postgres://u@h:5432/db' });
    expect(c.database).toEqual({ engine: 'postgres', url: 'postgres://u@h:5432/db' });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['DATABASE_URL', 'mysql://x'],
    ['ACCORD_DEMO', 'maybe'],
    ['ACCORD_SECRET', 'short'],
    ['ACCORD_SMTP_URL', 'http://mail'],
    ['ACCORD_PARTY_SESSION_DAYS', '0'],
    ['ACCORD_PARTY_SESSION_DAYS', '365'],
  ])('rejects %s=%s and names the variable', (name, value) => {
    try {
      loadConfig({ ACCORD_DATA_DIR: dir(), [name]: value });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues.map((i) => i.variable)).toContain(name);
      expect((e as Error).message).toContain(name);
    }
  });

  it('keeps documents in the data dir unless ACCORD_DOCUMENT_STORE=s3', () => {
    expect(loadConfig({ ACCORD_DATA_DIR: dir() }).documentStore).toEqual({ kind: 'dir' });
    const c = loadConfig({
      ACCORD_DATA_DIR: dir(),
      ACCORD_DOCUMENT_STORE: 's3',
      ACCORD_S3_ENDPOINT: 'http://minio.internal:9000/',
      ACCORD_S3_BUCKET: 'accord-documents',
      ACCORD_S3_ACCESS_KEY_ID: 'AKIDEXAMPLE',
      ACCORD_S3_SECRET_ACCESS_KEY: 'secret-example',
    });
    expect(c.documentStore).toEqual({
      kind: 's3',
      endpoint: 'http://minio.internal:9000',
      bucket: 'accord-documents',
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret-example' },
      forcePathStyle: true,
    });
    // AWS itself: virtual-host addressing and the SDK's own credential chain.
    const aws = loadConfig({
      ACCORD_DATA_DIR: dir(),
      ACCORD_DOCUMENT_STORE: 's3',
      ACCORD_S3_BUCKET: 'accord-documents',
      ACCORD_S3_REGION: 'ap-east-1',
    }).documentStore;
    expect(aws).toMatchObject({
      forcePathStyle: false,
      credentials: undefined,
      region: 'ap-east-1',
    });
  });

  it.each([
    [{ ACCORD_DOCUMENT_STORE: 'nfs' }, 'ACCORD_DOCUMENT_STORE'],
    [{ ACCORD_DOCUMENT_STORE: 's3' }, 'ACCORD_S3_BUCKET'],
    [{ ACCORD_DOCUMENT_STORE: 's3', ACCORD_S3_BUCKET: 'Bad_Bucket' }, 'ACCORD_S3_BUCKET'],
    [{ ACCORD_S3_ENDPOINT: 'minio:9000' }, 'ACCORD_S3_ENDPOINT'],
    [
      { ACCORD_DOCUMENT_STORE: 's3', ACCORD_S3_BUCKET: 'b-1', ACCORD_S3_ACCESS_KEY_ID: 'AKID' },
      'ACCORD_S3_SECRET_ACCESS_KEY',
    ],
  ])('rejects the document store settings %j, naming %s', (env, variable) => {
    try {
      loadConfig({ ACCORD_DATA_DIR: dir(), ...env });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      expect((e as ConfigError).issues.map((i) => i.variable)).toContain(variable);
    }
  });

  it('stops the process with a message naming the variable', () => {
    const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', 'migrate'], {
      env: { ...process.env, ACCORD_DATA_DIR: dir(), PORT: 'not-a-port' },
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PORT');
  }, 30_000);
});
