import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrg, createUser } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startServerProcess, type ServerProcess } from '../support/trust-server-process.js';

let database: TestDatabase;
let server: ServerProcess;
let orgId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  orgId = (await createOrg(database.db)).id;
  server = await startServerProcess(database, { ACCORD_LOG_LEVEL: 'debug' });
}, 180_000);
afterAll(async () => {
  await server?.kill();
  await database.drop();
});

const PASSPORT = 'X7K4Q9Z2M8';
const PHONE_DIGITS = '1005550143';

const application = (passport: string, extra: Record<string, unknown> = {}) => ({
  category: 'goods_quality',
  summary: 'Shipment of 400 lamps arrived broken',
  description: 'Half of the lamps arrived broken; the seller refuses a refund.',
  claimedAmount: { amount: '12000.00', currency: 'USD' },
  source: 'application',
  parties: [
    {
      role: 'applicant',
      kind: 'person',
      name: 'Omar Logtest',
      country: 'EG',
      languages: ['ar'],
      preferredLanguage: 'ar',
      email: 'omar.logtest@test.example',
      phone: `+20 ${PHONE_DIGITS}`,
      idDocument: { type: 'passport', number: passport },
      ...extra,
    },
    {
      role: 'respondent',
      kind: 'organization',
      name: '义乌日志测试商行',
      country: 'CN',
      languages: ['zh'],
      preferredLanguage: 'zh',
      email: 'seller.logtest@test.example',
    },
  ],
  consents: ['processing', 'cross_border'],
});

describe('personal data never reaches the log', () => {
  it('keeps passport and phone numbers out of the server output, and masks them in answers', async () => {
    const post = (body: unknown) =>
      fetch(`${server.url}/api/v1/cases`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    // Accepted, rejected by validation (unknown field), and malformed: every path that logs.
    const ok = await post(application(PASSPORT));
    expect(ok.status).toBe(201);
    const bad = await post(application(PASSPORT, { unexpected: PASSPORT }));
    expect(bad.status).toBe(400);
    const malformed = await fetch(`${server.url}/api/v1/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"parties":[{"idDocument":{"number":"${PASSPORT}"}`,
    });
    expect(malformed.status).toBe(400);
    // A failed sign-in whose "password" is the passport number.
    const user = await createUser(database.db, {});
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: PASSPORT }),
    });
    expect(login.status).toBe(401);

    // Stored encrypted: the plaintext appears in no column.
    const row = await database.db
      .selectFrom('case_parties')
      .selectAll()
      .where('name', '=', 'Omar Logtest')
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(PASSPORT);
    expect(JSON.stringify(row)).not.toContain(PHONE_DIGITS);
    expect(row.id_document_masked!.endsWith(PASSPORT.slice(-4))).toBe(true);

    // Answers carry only the masked form, even to the committee's own officer.
    const officer = await createUser(database.db, { orgId, role: 'officer' });
    const session = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: officer.email, password: officer.password }),
    });
    const { token } = (await session.json()) as { token: string };
    const { id } = (await ok.json()) as { id: string };
    const page = await fetch(`${server.url}/api/v1/cases/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(page.status).toBe(200);
    const pageText = await page.text();
    expect(pageText).toContain(PASSPORT.slice(-4));
    expect(pageText).not.toContain(PASSPORT);
    expect(pageText).not.toContain(PHONE_DIGITS);

    await new Promise((r) => setTimeout(r, 200));
    const log = server.output();
    expect(log).toContain('incoming request');
    expect(log).not.toContain(PASSPORT);
    expect(log).not.toContain(PHONE_DIGITS);
  });
});
