import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/domain/clock.js';
import { decryptField, encryptField } from '../../src/domain/encrypt-personal-data.js';
import { newId } from '../../src/domain/new-id.js';
import { findAuditChainBreak } from '../../src/db/repositories/audit-repository.js';
import { hashTableContents } from '../../src/db/repositories/trust-table-hash-repository.js';
import { exportPerson } from '../../src/use-cases/trust/export-person.js';
import { FIELD_KEY_FILE, loadFieldKeyring } from '../../src/use-cases/trust/load-field-keyring.js';
import { purgeCases } from '../../src/use-cases/trust/purge-cases.js';
import { rotateFieldKeys } from '../../src/use-cases/trust/rotate-field-keys.js';
import type { UseCaseContext } from '../../src/use-cases/use-case-context.js';
import { createCase, createMediator, createOrg, createUser } from '../support/factories.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { configFor, writeStoredDocument } from '../support/trust-factories.js';

let database: TestDatabase;
let ctx: UseCaseContext & { clock: ReturnType<typeof fixedClock> };
let orgId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  ctx = {
    db: database.db,
    clock: fixedClock('2026-06-01T00:00:00.000Z'),
    config: configFor(database),
  };
  orgId = (await createOrg(database.db)).id;
});
afterAll(async () => database.drop());

const ring = () => loadFieldKeyring(ctx.config);

async function setPartyPii(partyId: string, phone: string, passport: string) {
  await database.db
    .updateTable('case_parties')
    .set({
      phone_enc: encryptField(ring(), phone),
      phone_masked: '••••' + phone.slice(-4),
      id_document_type: 'passport',
      id_document_enc: encryptField(ring(), passport),
      id_document_masked: '••••' + passport.slice(-4),
    })
    .where('id', '=', partyId)
    .execute();
}

describe('field-key rotation', () => {
  it('re-encrypts every *_enc column under a new key; old ciphertexts stay readable', async () => {
    const c = await createCase(database.db, { orgId });
    await setPartyPii(c.partyIds[0]!, '+20 100 555 0101', 'A12345678');
    await setPartyPii(c.partyIds[1]!, '+86 139 0000 1111', 'E99887766');
    const user = await createUser(database.db, { orgId, role: 'officer' });
    await database.db
      .updateTable('users')
      .set({ totp_secret_enc: encryptField(ring(), 'JBSWY3DPEHPK3PXP') })
      .where('id', '=', user.id)
      .execute();
    const m = await createMediator(database.db, { orgId });
    await database.db
      .updateTable('mediator_profiles')
      .set({ phone_enc: encryptField(ring(), '+971 50 123 4567') })
      .where('id', '=', m.id)
      .execute();

    const oldCipher = (await database.db
      .selectFrom('case_parties')
      .select('id_document_enc')
      .where('id', '=', c.partyIds[0]!)
      .executeTakeFirstOrThrow())!.id_document_enc!;
    expect(oldCipher.startsWith('k1:')).toBe(true);

    const r = await rotateFieldKeys(ctx, { batchSize: 1 });
    expect(r.keyId).toBe('k2');
    expect(r.undecryptable).toBe(0);
    expect(r.reEncrypted['case_parties.phone_enc']).toBe(2);
    expect(r.reEncrypted['case_parties.id_document_enc']).toBe(2);
    expect(r.reEncrypted['users.totp_secret_enc']).toBe(1);
    expect(r.reEncrypted['mediator_profiles.phone_enc']).toBe(1);

    const parties = await database.db
      .selectFrom('case_parties')
      .select(['id', 'phone_enc', 'id_document_enc'])
      .where('case_id', '=', c.id)
      .execute();
    for (const p of parties) {
      expect(p.phone_enc!.startsWith('k2:')).toBe(true);
      expect(p.id_document_enc!.startsWith('k2:')).toBe(true);
    }
    const first = parties.find((p) => p.id === c.partyIds[0])!;
    expect(decryptField(ring(), first.id_document_enc!)).toBe('A12345678');
    // A value written before the rotation (e.g. by a process that had not yet seen it) still opens.
    expect(decryptField(ring(), oldCipher)).toBe('A12345678');
    // New writes use the new key.
    expect(encryptField(ring(), 'x').startsWith('k2:')).toBe(true);

    // The key file holds the new key only wrapped under the secret.
    const kf = readFileSync(join(ctx.config.dataDir, FIELD_KEY_FILE), 'utf8');
    expect(JSON.parse(kf).current).toBe('k2');
    expect(kf).not.toContain(ring().keys.get('k2')!.toString('base64'));

    const again = await rotateFieldKeys(ctx);
    expect(again.keyId).toBe('k3');
    const u = await database.db
      .selectFrom('users')
      .select('totp_secret_enc')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(u.totp_secret_enc!.startsWith('k3:')).toBe(true);
    expect(decryptField(ring(), u.totp_secret_enc!)).toBe('JBSWY3DPEHPK3PXP');
  });
});

describe('export-person', () => {
  it('gathers the account, every party record and what points at them, with fields opened', async () => {
    const person = await createUser(database.db, { email: 'amira.export@test.example' });
    const stranger = await createUser(database.db, { email: 'someone.else@test.example' });
    const c1 = await createCase(database.db, {
      orgId,
      parties: [
        {
          role: 'applicant',
          name: 'Amira Export',
          email: 'Amira.Export@test.example',
          country: 'EG',
          languages: ['ar'],
        },
        {
          role: 'respondent',
          name: 'Other Co',
          country: 'CN',
          email: 'other@test.example',
          userId: stranger.id,
        },
      ],
    });
    const c2 = await createCase(database.db, {
      orgId,
      parties: [
        {
          role: 'applicant',
          name: 'Amira E.',
          email: null,
          userId: person.id,
          country: 'EG',
          languages: ['ar'],
        },
        { role: 'respondent', name: 'Third Co', country: 'CN' },
      ],
    });
    await setPartyPii(c1.partyIds[0]!, '+20 100 555 0199', 'P55554444');
    await database.db
      .insertInto('consents')
      .values({
        id: newId(),
        org_id: orgId,
        case_id: c1.id,
        party_id: c1.partyIds[0]!,
        kind: 'cross_border',
        text_version: 'v1',
        given_at: '2026-01-01T00:00:00.000Z',
      })
      .execute();

    const out = await exportPerson(ctx, { email: 'amira.export@test.example', operator: 'test' });
    expect(out.records.users!.map((u) => u.id)).toEqual([person.id]);
    expect(out.records.users![0]!.password_hash).toBeUndefined();
    expect(out.records.users![0]!.password_set).toBe(true);
    const partyIds = out.records.case_parties!.map((p) => p.id).sort();
    expect(partyIds).toEqual([c1.partyIds[0]!, c2.partyIds[0]!].sort());
    const p1 = out.records.case_parties!.find((p) => p.id === c1.partyIds[0])!;
    expect(p1.id_document).toBe('P55554444');
    expect(p1.phone).toBe('+20 100 555 0199');
    expect(p1.id_document_enc).toBeUndefined();
    expect(out.records.consents!.map((x) => x.party_id)).toEqual([c1.partyIds[0]]);
    const text = JSON.stringify(out);
    expect(text).not.toContain(stranger.id);
    expect(text).not.toContain('Other Co');

    const audit = await database.db
      .selectFrom('audit_events')
      .select(['action', 'summary_json'])
      .where('action', '=', 'person.exported')
      .execute();
    expect(audit.length).toBe(1);
    expect(audit[0]!.summary_json).not.toContain('amira');
  });
});

describe('retention purge', () => {
  it('dry-run lists only closed cases past retention; purge deletes them FK-safely with a tombstone', async () => {
    const purgeOrg = (await createOrg(database.db)).id;
    const old = await createCase(database.db, { orgId: purgeOrg, status: 'fulfilled' });
    const recent = await createCase(database.db, { orgId: purgeOrg, status: 'fulfilled' });
    const openOld = await createCase(database.db, { orgId: purgeOrg, status: 'in_mediation' });
    const setClosed = (id: string, at: string | null) =>
      database.db
        .updateTable('cases')
        .set({ closed_at: at, updated_at: '2015-01-01T00:00:00.000Z' })
        .where('id', '=', id)
        .execute();
    await setClosed(old.id, '2015-03-01T00:00:00.000Z');
    await setClosed(recent.id, '2025-03-01T00:00:00.000Z');
    await setClosed(openOld.id, null);
    await setPartyPii(old.partyIds[0]!, '+20 100 555 0777', 'Z11112222');

    // Rows at several depths under the old case: agreement → signature/confirmation → party.
    const agreementId = newId();
    const at = '2015-02-01T00:00:00.000Z';
    await database.db
      .insertInto('agreements')
      .values({
        id: agreementId,
        org_id: purgeOrg,
        case_id: old.id,
        version: 1,
        status: 'in_effect',
        content_json: '{}',
        created_at: at,
        updated_at: at,
      })
      .execute();
    await database.db
      .insertInto('agreement_signatures')
      .values({
        id: newId(),
        org_id: purgeOrg,
        agreement_id: agreementId,
        signer_kind: 'party',
        party_id: old.partyIds[0]!,
        signer_name: 'x',
        signed_at: at,
        text_hash: 'h',
      })
      .execute();
    await database.db
      .insertInto('agreement_confirmations')
      .values({
        id: newId(),
        org_id: purgeOrg,
        agreement_id: agreementId,
        party_id: old.partyIds[0]!,
        point_no: 1,
        confirmed_at: at,
      })
      .execute();
    const kept = writeStoredDocument(ctx.config.dataDir);
    const gone = writeStoredDocument(ctx.config.dataDir);
    const key = (p: string) => p.slice(ctx.config.dataDir.length + 1);
    const doc = (caseId: string, d: { sha: string; path: string }) =>
      database.db
        .insertInto('documents')
        .values({
          id: newId(),
          org_id: purgeOrg,
          case_id: caseId,
          kind: 'evidence',
          filename: 'e.pdf',
          media_type: 'application/pdf',
          size_bytes: 3000,
          sha256: d.sha,
          storage_key: key(d.path),
          visibility: 'all',
          created_at: at,
        })
        .execute();
    await doc(old.id, gone);
    await doc(old.id, kept);
    await doc(recent.id, kept);
    const officer = await createUser(database.db, { orgId: purgeOrg, role: 'officer' });
    await database.db
      .insertInto('notifications')
      .values({
        id: newId(),
        org_id: purgeOrg,
        user_id: officer.id,
        case_id: old.id,
        kind: 'x',
        created_at: at,
      })
      .execute();

    const before = await hashTableContents(database.db);
    const dry = await purgeCases(ctx, { dryRun: true, operator: 'test' });
    expect(dry.cases.map((c) => c.status)).toEqual(['fulfilled']);
    expect(dry.cutoff).toBe('2016-06-01T00:00:00.000Z');
    expect(await hashTableContents(database.db)).toEqual(before);

    const reference = (
      await database.db
        .selectFrom('cases')
        .select('reference')
        .where('id', '=', old.id)
        .executeTakeFirstOrThrow()
    ).reference;
    const r = await purgeCases(ctx, { dryRun: false, operator: 'test' });
    expect(r.cases.map((c) => c.reference)).toEqual([reference]);
    expect(r.deletedRows.agreement_signatures).toBe(1);
    expect(r.deletedRows.case_parties).toBe(2);
    expect(r.deletedFiles).toBe(1);
    expect(existsSync(gone.path)).toBe(false);
    expect(existsSync(kept.path)).toBe(true);

    for (const table of [
      'cases',
      'case_parties',
      'agreements',
      'documents',
      'notifications',
      'case_languages',
    ] as const) {
      const left = await database.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where(table === 'cases' ? 'id' : 'case_id', '=', old.id)
        .executeTakeFirstOrThrow();
      expect(Number(left.n), table).toBe(0);
    }
    const others = await database.db
      .selectFrom('cases')
      .select('id')
      .where('org_id', '=', purgeOrg)
      .execute();
    expect(others.map((o) => o.id).sort()).toEqual([recent.id, openOld.id].sort());
    const tomb = await database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('org_id', '=', purgeOrg)
      .where('action', '=', 'case.purged')
      .execute();
    expect(tomb.length).toBe(1);
    expect(JSON.parse(tomb[0]!.summary_json)).toEqual({ reference });
    expect(await findAuditChainBreak(database.db)).toBeUndefined();
    // Nothing left to purge: running again is a no-op.
    expect((await purgeCases(ctx, { dryRun: false, operator: 'test' })).cases).toEqual([]);
  });
});
