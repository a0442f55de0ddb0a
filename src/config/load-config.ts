import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { z } from 'zod';

/** Every environment variable Accord reads, validated once at start-up. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  ACCORD_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL, or absent for SQLite')
    .optional(),
  ACCORD_DEMO: z.enum(['0', '1', 'true', 'false']).default('1'),
  ACCORD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  ACCORD_PUBLIC_URL: z.string().url().optional(),
  ACCORD_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  ACCORD_MAIL_FROM: z.string().min(3).default('Accord <no-reply@accord.localhost>'),
  ACCORD_SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(12),
  // Parties (no staff role) stay signed in this many days past their last visit (sliding), so a
  // party who opens an e-mail weeks later is not sent back to a sign-in form. Staff keep the TTL above.
  ACCORD_PARTY_SESSION_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  ACCORD_LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info'),
  ACCORD_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(50 * 1024 * 1024)
    .default(1024 * 1024),
  ACCORD_UPLOAD_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(500 * 1024 * 1024)
    .default(20 * 1024 * 1024),
  ACCORD_WORKER: z.enum(['0', '1', 'true', 'false']).default('1'),
  // How long closed cases are kept before `accord purge` may delete them (PIPL: no longer than needed).
  ACCORD_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(10),
  // Anonymous applications (POST /api/v1/cases) per IP address per hour, across all processes;
  // 0 turns the limit off. Staff entering walk-in cases are never limited.
  ACCORD_INTAKE_PER_IP_PER_HOUR: z.coerce.number().int().min(0).max(100_000).default(20),
  // Uploaded and generated documents: the data directory, or an S3-compatible bucket (ADR 0012).
  ACCORD_DOCUMENT_STORE: z.enum(['dir', 's3']).default('dir'),
  ACCORD_S3_ENDPOINT: z
    .string()
    .regex(/^https?:\/\/[^/]+\/?$/, 'must be an http(s):// URL of the S3 server, without a path')
    .optional(),
  ACCORD_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name (3–63 a-z 0-9 . -)')
    .optional(),
  ACCORD_S3_REGION: z.string().min(1).default('us-east-1'),
  ACCORD_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  ACCORD_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  ACCORD_S3_FORCE_PATH_STYLE: z.enum(['0', '1', 'true', 'false']).optional(),
  // The reverse proxies in front: their X-Forwarded-For names the client (docs/deploy.md §1).
  ACCORD_TRUST_PROXY: z
    .string()
    .refine(
      (v) => v === 'false' || v.split(',').every((a) => isAddressOrRange(a.trim())),
      "must be the proxies' addresses or CIDR ranges, separated by commas",
    )
    .optional(),
});

function isAddressOrRange(v: string): boolean {
  const [address, bits, ...rest] = v.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  return (
    bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128))
  );
}

export type Env = z.infer<typeof envSchema>;

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
  demo: boolean;
  secret: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  sessionTtlHours: number;
  partySessionDays: number;
  logLevel: Env['ACCORD_LOG_LEVEL'];
  bodyLimitBytes: number;
  uploadLimitBytes: number;
  runWorker: boolean;
  retentionYears: number;
  intakePerIpPerHour: number;
  documentStore: DocumentStoreConfig;
  /** Fastify's trustProxy: false (the default, no proxy) or the proxies' addresses / ranges. */
  trustProxy: false | string[];
}

export type DocumentStoreConfig =
  | { kind: 'dir' }
  | {
      kind: 's3';
      endpoint: string | undefined;
      bucket: string;
      region: string;
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      forcePathStyle: boolean;
    };

export class ConfigError extends Error {
  constructor(public readonly issues: { variable: string; message: string }[]) {
    super(
      'Invalid configuration:\n' + issues.map((i) => `  ${i.variable}: ${i.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

const truthy = (v: string) => v === '1' || v === 'true';

/** Reads the secret from the environment or from `<dataDir>/secret`, creating it on first start. */
function requireSecret(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv) return fromEnv;
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  // 0600: the secret encrypts personal data at rest, so other local users must not read it.
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/** The S3 settings are checked together: a bucket for s3, both halves of a key pair or none. */
function documentStoreOf(e: Env): DocumentStoreConfig | { variable: string; message: string }[] {
  if (e.ACCORD_DOCUMENT_STORE === 'dir') return { kind: 'dir' };
  const issues: { variable: string; message: string }[] = [];
  if (!e.ACCORD_S3_BUCKET) {
    issues.push({
      variable: 'ACCORD_S3_BUCKET',
      message: 'is required when ACCORD_DOCUMENT_STORE=s3',
    });
  }
  if (!e.ACCORD_S3_ACCESS_KEY_ID !== !e.ACCORD_S3_SECRET_ACCESS_KEY) {
    issues.push({
      variable: e.ACCORD_S3_ACCESS_KEY_ID
        ? 'ACCORD_S3_SECRET_ACCESS_KEY'
        : 'ACCORD_S3_ACCESS_KEY_ID',
      message: 'set both ACCORD_S3_ACCESS_KEY_ID and ACCORD_S3_SECRET_ACCESS_KEY, or neither',
    });
  }
  if (issues.length > 0) return issues;
  return {
    kind: 's3',
    endpoint: e.ACCORD_S3_ENDPOINT?.replace(/\/$/, ''),
    bucket: e.ACCORD_S3_BUCKET!,
    region: e.ACCORD_S3_REGION,
    credentials: e.ACCORD_S3_ACCESS_KEY_ID
      ? {
          accessKeyId: e.ACCORD_S3_ACCESS_KEY_ID,
          secretAccessKey: e.ACCORD_S3_SECRET_ACCESS_KEY!,
        }
      : undefined,
    // Self-hosted servers (MinIO, Ceph…) are addressed by path; AWS itself by virtual host.
    forcePathStyle: e.ACCORD_S3_FORCE_PATH_STYLE
      ? truthy(e.ACCORD_S3_FORCE_PATH_STYLE)
      : e.ACCORD_S3_ENDPOINT !== undefined,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => ({ variable: String(i.path[0]), message: i.message })),
    );
  }
  const e = parsed.data;
  const documentStore = documentStoreOf(e);
  if (Array.isArray(documentStore)) throw new ConfigError(documentStore);
  const dataDir = resolve(e.ACCORD_DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: e.DATABASE_URL
      ? { engine: 'postgres', url: e.DATABASE_URL }
      : { engine: 'sqlite', file: join(dataDir, 'accord.sqlite') },
    demo: truthy(e.ACCORD_DEMO),
    secret: requireSecret(dataDir, e.ACCORD_SECRET),
    publicUrl: e.ACCORD_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    smtpUrl: e.ACCORD_SMTP_URL,
    mailFrom: e.ACCORD_MAIL_FROM,
    sessionTtlHours: e.ACCORD_SESSION_TTL_HOURS,
    partySessionDays: e.ACCORD_PARTY_SESSION_DAYS,
    logLevel: e.ACCORD_LOG_LEVEL,
    bodyLimitBytes: e.ACCORD_BODY_LIMIT_BYTES,
    uploadLimitBytes: e.ACCORD_UPLOAD_LIMIT_BYTES,
    runWorker: truthy(e.ACCORD_WORKER),
    retentionYears: e.ACCORD_RETENTION_YEARS,
    intakePerIpPerHour: e.ACCORD_INTAKE_PER_IP_PER_HOUR,
    documentStore,
    trustProxy: trustProxyOf(e.ACCORD_TRUST_PROXY),
  };
}

function trustProxyOf(v: string | undefined): false | string[] {
  if (v === undefined || v === 'false') return false;
  return v.split(',').map((a) => a.trim());
}
