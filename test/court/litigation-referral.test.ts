import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import {
  countRows,
  createCommittee,
  createTeamCase,
  post,
  type Committee,
} from '../support/agreement-factories.js';
import { newId } from '../../src/domain/new-id.js';

let t: TestApp;
let k: Committee;
beforeAll(async () => {
  t = await buildTestApp();
  k = await createCommittee(t.database.db);
});
afterAll(async () => t.close());

async function failedCase() {
  const c = await createTeamCase(t.database.db, k);
  const r = await post(t, `/api/v1/cases/${c.id}/outcome/failed`, k.as.mediator, {
    reason: 'The seller denies the defects.',
  });
  expect(r.statusCode).toBe(200);
  return c;
}

describe('litigation referral (诉调对接)', () => {
  it('a failed case goes to court with summary, parties with service addresses, dossier and reason', async () => {
    const c = await failedCase();
    await t.database.db
      .updateTable('case_parties')
      .set({
        address: 'Room 5, 12 Tahrir St, Cairo',
        phone_masked: '••••5678',
        phone_enc: 'k1:secret',
        id_document_enc: 'k1:secret-id',
        id_document_masked: '••••5678',
      })
      .where('id', '=', c.applicantPartyId)
      .execute();
    await t.database.db
      .insertInto('documents')
      .values({
        id: newId(),
        org_id: k.orgId,
        case_id: c.id,
        kind: 'evidence',
        filename: 'photos.pdf',
        media_type: 'application/pdf',
        size_bytes: 1234,
        sha256: 'a'.repeat(64),
        storage_key: 'aa/' + 'a'.repeat(64),
        visibility: 'all',
        created_at: '2026-02-01T00:00:00.000Z',
      })
      .execute();
    const r = await post(t, `/api/v1/cases/${c.id}/referrals`, k.as.officer, {
      courtId: k.seatCourtId,
      reason: 'Mediation failed; the buyer seeks a refund through the court.',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().status).toBe('referred');
    const list = await t.app.inject({
      url: `/api/v1/cases/${c.id}/court-filings`,
      headers: k.as.seatLiaison,
    });
    expect(list.statusCode).toBe(200);
    const f = list.json().items[0];
    expect(f.kind).toBe('litigation');
    expect(f.reason).toContain('refund');
    const pkg = f.package;
    expect(pkg.caseSummary).toMatchObject({
      summary: 'Test dispute',
      statusAtReferral: 'failed',
      outcomeReason: 'The seller denies the defects.',
      claimed: { amount: '12000.00', currency: 'USD' },
    });
    const applicant = pkg.parties.find((p: { role: string }) => p.role === 'applicant');
    expect(applicant.service).toEqual({
      address: 'Room 5, 12 Tahrir St, Cairo',
      email: expect.stringContaining('@'),
      phoneMasked: '••••5678',
    });
    expect(JSON.stringify(pkg)).not.toContain('secret');
    expect(pkg.dossier.documents).toEqual([
      expect.objectContaining({ filename: 'photos.pdf', sha256: 'a'.repeat(64) }),
    ]);

    // The liaison records the court's case number, and later the outcome.
    const acc = await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.id}/acceptance`,
      headers: k.as.seatLiaison,
      payload: { courtCaseNumber: '(2026)浙0782民初456号' },
    });
    expect(acc.statusCode).toBe(200);
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.id}/result`,
      headers: k.as.seatLiaison,
      payload: { result: 'confirmed' },
    });
    expect(bad.statusCode).toBe(400);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.id}/result`,
      headers: k.as.seatLiaison,
      payload: { result: 'judgment', notes: 'Seller ordered to refund USD 9,000.' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('decided');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/v1/court-filings/${f.id}/result`,
      headers: k.as.seatLiaison,
      payload: { result: 'dismissed' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.state).toBe('decided');
    // The maritime court's liaison does not see this filing or case.
    const other = await t.app.inject({
      url: `/api/v1/cases/${c.id}/court-filings`,
      headers: k.as.maritimeLiaison,
    });
    expect(other.statusCode).toBe(404);
  });

  it('only failed, breached or agreed cases can be referred; bad input is 400 and writes nothing', async () => {
    const inMediation = await createTeamCase(t.database.db, k);
    const before = await countRows(t.database.db);
    const r = await post(t, `/api/v1/cases/${inMediation.id}/referrals`, k.as.officer, {
      courtId: k.seatCourtId,
      reason: 'x',
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.details.state).toBe('in_mediation');
    const c = await failedCase();
    const mid = await countRows(t.database.db);
    const noReason = await post(t, `/api/v1/cases/${c.id}/referrals`, k.as.officer, {
      courtId: k.seatCourtId,
    });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.field).toBe('reason');
    const unknownCourt = await post(t, `/api/v1/cases/${c.id}/referrals`, k.as.officer, {
      courtId: newId(),
      reason: 'x',
    });
    expect(unknownCourt.statusCode).toBe(400);
    expect(unknownCourt.json().error.field).toBe('courtId');
    expect(await countRows(t.database.db)).toEqual(mid);
    expect(before.filings).toBe(mid.filings);
    const byMediator = await post(t, `/api/v1/cases/${c.id}/referrals`, k.as.mediator, {
      courtId: k.seatCourtId,
      reason: 'x',
    });
    expect(byMediator.statusCode).toBe(403);
    const stranger = await post(t, `/api/v1/cases/${c.id}/referrals`, k.as.strangerOfficer, {
      courtId: k.seatCourtId,
      reason: 'x',
    });
    expect(stranger.statusCode).toBe(404);
  });

  it('lists the courts a failed case may go to: the competent ones first, with their reason', async () => {
    const c = await failedCase();
    const maritime = await createTeamCase(t.database.db, k, {
      maritime: true,
      referringCourtId: k.otherCourtId,
    });
    const list = async (caseId: string, as = k.as.officer) =>
      t.app.inject({ url: `/api/v1/cases/${caseId}/referral/courts`, headers: as });
    const r = await list(c.id);
    expect(r.statusCode).toBe(200);
    const items = r.json().items as { id: string; reason: string }[];
    expect(items[0]).toMatchObject({ id: k.seatCourtId, reason: 'seat_court' });
    expect(items.map((x) => x.id).sort()).toEqual(
      [k.seatCourtId, k.maritimeCourtId, k.otherCourtId].sort(),
    );
    expect(items.slice(1).map((x) => x.reason)).toEqual(['other', 'other']);
    const m = (await list(maritime.id)).json().items as { id: string; reason: string }[];
    expect(m.map((x) => [x.id, x.reason])).toEqual([
      [k.maritimeCourtId, 'maritime'],
      [k.otherCourtId, 'referring_court'],
      [k.seatCourtId, 'seat_court'],
    ]);
    expect((await list(c.id, k.as.strangerOfficer)).statusCode).toBe(404);
  });
});
