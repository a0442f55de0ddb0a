import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import {
  agreementContentFixture,
  caseVersion,
  concludeAgreed,
  countRows,
  createCommittee,
  createTeamCase,
  post,
  seedFxRates,
  type Committee,
} from '../support/agreement-factories.js';

let t: TestApp;
let k: Committee;
beforeAll(async () => {
  t = await buildTestApp();
  k = await createCommittee(t.database.db);
  await seedFxRates(t.database.db);
});
afterAll(async () => t.close());

const url = (caseId: string, rest = '') => `/api/v1/cases/${caseId}/agreements${rest}`;

describe('drafting and versions', () => {
  it('the team drafts; an edit is a new version and the old draft is kept as superseded', async () => {
    const c = await createTeamCase(t.database.db, k);
    const d = await post(t, url(c.id), k.as.lawyer, { content: agreementContentFixture() });
    expect(d.statusCode).toBe(201);
    expect(d.json().agreementVersion).toBe(1);
    const second = await post(t, url(c.id), k.as.mediator, { content: agreementContentFixture() });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ALREADY_EXISTS');

    const edited = agreementContentFixture({
      amount: '11000.00',
      instalments: [{ seq: 1, dueOn: '2026-03-30', amount: '11000.00' }],
    });
    const r = await post(t, url(c.id, `/${d.json().agreementId}/revisions`), k.as.mediator, {
      content: edited,
    });
    expect(r.statusCode).toBe(201);
    expect(r.json().agreementVersion).toBe(2);
    const list = await t.app.inject({ url: url(c.id), headers: c.as.applicant });
    expect(list.statusCode).toBe(200);
    const items = list.json().items;
    expect(items.map((a: { status: string }) => a.status)).toEqual(['superseded', 'draft']);
    expect(items[1].supersedesId).toBe(d.json().agreementId);
    expect(items[1].content.amount).toBe('11000.00');
  });

  it('rejects contents that break Art. 29 rules, naming the field, and writes nothing', async () => {
    const c = await createTeamCase(t.database.db, k);
    const before = await countRows(t.database.db);
    const cases: [unknown, string][] = [
      [
        agreementContentFixture({
          instalments: [{ seq: 1, dueOn: '2026-03-20', amount: '100.00' }],
        }),
        'content.instalments',
      ],
      [agreementContentFixture({ currency: 'ZZZ' }), 'content.currency'],
      [agreementContentFixture({ amount: '12000.001' }), 'content.amount'],
      [
        agreementContentFixture({
          amount: '100.00',
          instalments: [{ seq: 1, dueOn: '2026-02-30', amount: '100.00' }],
        }),
        'content.instalments.0.dueOn',
      ],
      [{ ...agreementContentFixture(), points: [] }, 'content.points'],
      [
        {
          ...agreementContentFixture(),
          points: [{ no: 2, text: { lang: 'en', text: 'x', translations: {} } }],
        },
        'content.points.0.no',
      ],
      // Unknown nested keys are rejected, not dropped from the text the parties will sign.
      [{ ...agreementContentFixture(), penalty: '5%' }, 'content.penalty'],
      [
        {
          ...agreementContentFixture(),
          points: [{ no: 1, text: { lang: 'en', text: 'x', translations: {} }, note: 'x' }],
        },
        'content.points.0.note',
      ],
      [
        {
          ...agreementContentFixture(),
          facts: { lang: 'en', text: 'x', translations: {}, author: 'x' },
        },
        'content.facts.author',
      ],
      [
        {
          ...agreementContentFixture(),
          instalments: [{ seq: 1, dueOn: '2026-03-20', amount: '12000.00', late: true }],
        },
        'content.instalments.0.late',
      ],
      [
        { ...agreementContentFixture(), facts: { lang: 'qq', text: 'x', translations: {} } },
        'content.facts.lang',
      ],
      [
        {
          ...agreementContentFixture(),
          facts: { lang: 'en', text: 'x', translations: { xx: 'y' } },
        },
        'content.facts.translations.xx',
      ],
      [{ ...agreementContentFixture(), prevailingLanguage: 'zz' }, 'content.prevailingLanguage'],
    ];
    for (const [content, field] of cases) {
      const r = await post(t, url(c.id), k.as.mediator, { content });
      expect(r.statusCode, field).toBe(400);
      expect(r.json().error.code).toBe('VALIDATION_FAILED');
      expect(r.json().error.field).toBe(field);
    }
    const unknownField = await post(t, url(c.id), k.as.mediator, {
      content: agreementContentFixture(),
      extra: 1,
    });
    expect(unknownField.statusCode).toBe(400);
    expect(await countRows(t.database.db)).toEqual(before);
  });

  it('a stale case version gets 409 VERSION_CONFLICT and writes nothing', async () => {
    const c = await createTeamCase(t.database.db, k);
    const v = await caseVersion(t.database.db, c.id);
    const before = await countRows(t.database.db);
    const r = await post(t, url(c.id), k.as.mediator, {
      version: v - 1 || 99,
      content: agreementContentFixture(),
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('VERSION_CONFLICT');
    expect(await countRows(t.database.db)).toEqual(before);
    expect(await caseVersion(t.database.db, c.id)).toBe(v);
  });

  it('drafting outside mediation is INVALID_TRANSITION naming the state', async () => {
    const c = await createTeamCase(t.database.db, k, { status: 'accepted' });
    const r = await post(t, url(c.id), k.as.mediator, { content: agreementContentFixture() });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('INVALID_TRANSITION');
    expect(r.json().error.details.state).toBe('accepted');
    expect(r.json().error.message).toContain('accepted');
  });
});

describe('authorisation', () => {
  it('others see 404; parties may read but not draft (403); a party confirms only its own points', async () => {
    const c = await createTeamCase(t.database.db, k);
    for (const as of [k.as.outsiderMediator, k.as.strangerOfficer, k.as.seatLiaison]) {
      const r = await t.app.inject({ url: url(c.id), headers: as });
      expect(r.statusCode).toBe(404);
      const w = await post(t, url(c.id), as, { content: agreementContentFixture() });
      expect(w.statusCode).toBe(404);
    }
    const byParty = await post(t, url(c.id), c.as.applicant, {
      content: agreementContentFixture(),
    });
    expect(byParty.statusCode).toBe(403);
    expect((await t.app.inject({ url: url(c.id) })).statusCode).toBe(401);

    const d = await post(t, url(c.id), k.as.mediator, { content: agreementContentFixture() });
    const id = d.json().agreementId;
    await post(t, url(c.id, `/${id}/finalise`), k.as.mediator);
    const other = await post(t, url(c.id, `/${id}/confirmations`), c.as.applicant, {
      partyId: c.respondentPartyId,
      pointNo: 1,
    });
    expect(other.statusCode).toBe(403);
    const sealByMediator = await post(t, url(c.id, `/${id}/seal`), k.as.mediator);
    expect(sealByMediator.statusCode).toBe(403);
    // Another case's agreement id under this case is not found.
    const c2 = await createTeamCase(t.database.db, k);
    const cross = await post(t, url(c2.id, `/${id}/finalise`), k.as.mediator);
    expect(cross.statusCode).toBe(404);
  });
});

describe('confirmation, signature and seal', () => {
  it('signing a draft is INVALID_TRANSITION naming the state; unconfirmed signing and early sealing are refused', async () => {
    const c = await createTeamCase(t.database.db, k);
    const d = await post(t, url(c.id), k.as.mediator, { content: agreementContentFixture() });
    const id = d.json().agreementId;
    const early = await post(t, url(c.id, `/${id}/signatures`), c.as.applicant, {
      signer: 'party',
      partyId: c.applicantPartyId,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('INVALID_TRANSITION');
    expect(early.json().error.details.state).toBe('draft');
    const confirmDraft = await post(t, url(c.id, `/${id}/confirmations`), c.as.applicant, {
      partyId: c.applicantPartyId,
      pointNo: 1,
    });
    expect(confirmDraft.statusCode).toBe(409);

    expect((await post(t, url(c.id, `/${id}/finalise`), k.as.mediator)).statusCode).toBe(200);
    const unconfirmed = await post(t, url(c.id, `/${id}/signatures`), c.as.applicant, {
      signer: 'party',
      partyId: c.applicantPartyId,
    });
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error.code).toBe('AGREEMENT_INCOMPLETE');
    const seal = await post(t, url(c.id, `/${id}/seal`), k.as.officer);
    expect(seal.statusCode).toBe(409);
    expect(seal.json().error.code).toBe('AGREEMENT_INCOMPLETE');
    expect(seal.json().error.details.confirmations).toHaveLength(2);
    const noPoint = await post(t, url(c.id, `/${id}/confirmations`), c.as.applicant, {
      partyId: c.applicantPartyId,
      pointNo: 3,
    });
    expect(noPoint.statusCode).toBe(400);
    expect(noPoint.json().error.field).toBe('pointNo');
    // A frozen text not yet sealed can still be corrected: a new draft version replaces it.
    const edit = await post(t, url(c.id, `/${id}/revisions`), k.as.mediator, {
      content: agreementContentFixture(),
    });
    expect(edit.statusCode).toBe(201);
    const list = await t.app.inject({ url: url(c.id), headers: c.as.applicant });
    expect(list.json().items.map((a: { status: string }) => a.status)).toEqual([
      'superseded',
      'draft',
    ]);
  });

  it('takes effect with every confirmation, every signature and the seal; CNY at the agreement-day rate', async () => {
    const c = await createTeamCase(t.database.db, k);
    const { agreementId, seal } = await concludeAgreed(t, k, c);
    // USD 12,000 × 7.1234 (rate of 2026-03-02, the agreement day in Shanghai) = CNY 85,480.80
    expect(seal.amountCnyMinor).toBe(8_548_080);
    expect(seal.fxRate).toBe('7.1234');
    expect(seal.followUpDueOn).toBe('2026-05-04');
    const db = t.database.db;
    const row = await db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('agreed');
    expect(row.outcome).toBe('agreed');
    expect(row.agreed_amount_minor).toBe(1_200_000);
    expect(row.agreed_currency).toBe('USD');
    expect(row.agreed_amount_cny_minor).toBe(8_548_080);
    expect(row.concluded_at).toBe(t.clock.now().toISOString());

    const list = (await t.app.inject({ url: url(c.id), headers: k.as.officer })).json().items;
    const a = list[0];
    expect(a.status).toBe('in_effect');
    expect(a.textHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.textUnchanged).toBe(true);
    expect(a.signatures.map((s: { signerKind: string }) => s.signerKind).sort()).toEqual([
      'mediator',
      'party',
      'party',
    ]);
    for (const s of a.signatures) expect(s.textHash).toBe(a.textHash);
    expect(
      a.parties.every((p: { pointsConfirmed: number[] }) => p.pointsConfirmed.length === 2),
    ).toBe(true);
    const sig = await db
      .selectFrom('agreement_signatures')
      .select(['ip'])
      .where('agreement_id', '=', agreementId)
      .execute();
    expect(sig.every((s) => s.ip === '127.0.0.1')).toBe(true);
    const instalments = await db
      .selectFrom('instalments')
      .selectAll()
      .where('case_id', '=', c.id)
      .orderBy('seq')
      .execute();
    expect(instalments.map((i) => [i.due_on, i.amount_minor, i.status])).toEqual([
      ['2026-03-20', 600_000, 'due'],
      ['2026-04-20', 600_000, 'due'],
    ]);
    const events = await db
      .selectFrom('outbox')
      .select('payload_json')
      .where('org_id', '=', k.orgId)
      .execute();
    const names = events.map((e) => JSON.parse(e.payload_json).event);
    expect(names).toContain('agreement.in_effect');
    expect(names).toContain('case.concluded');

    // In effect = immutable: no edit, no signature, no second seal.
    for (const [path, as, body] of [
      [`/${agreementId}/revisions`, k.as.mediator, { content: agreementContentFixture() }],
      [`/${agreementId}/signatures`, k.as.lawyer, { signer: 'mediator' }],
      [`/${agreementId}/finalise`, k.as.mediator, {}],
    ] as const) {
      const r = await post(t, url(c.id, path), as, body);
      expect(r.statusCode).toBe(409);
      expect(r.json().error.code).toBe('INVALID_TRANSITION');
    }
  });

  it('a change to the parties’ details after finalising invalidates the text (AGREEMENT_TEXT_CHANGED)', async () => {
    const c = await createTeamCase(t.database.db, k);
    const d = await post(t, url(c.id), k.as.mediator, { content: agreementContentFixture() });
    const id = d.json().agreementId;
    const fin = await post(t, url(c.id, `/${id}/finalise`), k.as.mediator);
    for (const n of [1, 2]) {
      await post(t, url(c.id, `/${id}/confirmations`), c.as.applicant, {
        partyId: c.applicantPartyId,
        pointNo: n,
      });
    }
    await t.database.db
      .updateTable('case_parties')
      .set({ address: 'Changed address' })
      .where('id', '=', c.applicantPartyId)
      .execute();
    const sign = await post(t, url(c.id, `/${id}/signatures`), c.as.applicant, {
      signer: 'party',
      partyId: c.applicantPartyId,
    });
    expect(sign.statusCode).toBe(409);
    expect(sign.json().error.code).toBe('AGREEMENT_TEXT_CHANGED');
    const list = (await t.app.inject({ url: url(c.id), headers: k.as.officer })).json().items;
    expect(list[0].textHash).toBe(fin.json().textHash);
    expect(list[0].textUnchanged).toBe(false);
  });

  it('an officer records a paper signature; a second signature by the same party is refused', async () => {
    const c = await createTeamCase(t.database.db, k);
    const d = await post(t, url(c.id), k.as.mediator, { content: agreementContentFixture() });
    const id = d.json().agreementId;
    await post(t, url(c.id, `/${id}/finalise`), k.as.mediator);
    for (const n of [1, 2]) {
      await post(t, url(c.id, `/${id}/confirmations`), k.as.mediator, {
        partyId: c.respondentPartyId,
        pointNo: n,
      });
    }
    const electronicForOther = await post(t, url(c.id, `/${id}/signatures`), k.as.officer, {
      signer: 'party',
      partyId: c.respondentPartyId,
    });
    expect(electronicForOther.statusCode).toBe(403);
    const paper = await post(t, url(c.id, `/${id}/signatures`), k.as.officer, {
      signer: 'party',
      partyId: c.respondentPartyId,
      method: 'seal',
    });
    expect(paper.statusCode).toBe(201);
    const again = await post(t, url(c.id, `/${id}/signatures`), c.as.respondent, {
      signer: 'party',
      partyId: c.respondentPartyId,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_EXISTS');
    const notTeam = await post(t, url(c.id, `/${id}/signatures`), k.as.officer, {
      signer: 'mediator',
    });
    expect(notTeam.statusCode).toBe(403);
  });

  it('an oral agreement needs every party’s confirmation and the mediator’s signature, no party signatures', async () => {
    const c = await createTeamCase(t.database.db, k);
    const d = await post(t, url(c.id), k.as.mediator, {
      content: agreementContentFixture({ amount: null }),
      oral: true,
    });
    expect(d.statusCode).toBe(201);
    const id = d.json().agreementId;
    await post(t, url(c.id, `/${id}/finalise`), k.as.mediator);
    const partySign = await post(t, url(c.id, `/${id}/signatures`), c.as.applicant, {
      signer: 'party',
      partyId: c.applicantPartyId,
    });
    expect(partySign.statusCode).toBe(400);
    await post(t, url(c.id, `/${id}/signatures`), k.as.mediator, { signer: 'mediator' });
    const tooEarly = await post(t, url(c.id, `/${id}/seal`), k.as.officer);
    expect(tooEarly.json().error.code).toBe('AGREEMENT_INCOMPLETE');
    for (const [partyId, as] of [
      [c.applicantPartyId, c.as.applicant],
      [c.respondentPartyId, c.as.respondent],
    ] as const) {
      for (const n of [1, 2]) {
        expect(
          (await post(t, url(c.id, `/${id}/confirmations`), as, { partyId, pointNo: n }))
            .statusCode,
        ).toBe(201);
      }
    }
    const seal = await post(t, url(c.id, `/${id}/seal`), k.as.officer);
    expect(seal.statusCode).toBe(200);
    expect(seal.json().amountCnyMinor).toBeNull();
    const row = await t.database.db
      .selectFrom('cases')
      .select(['status', 'agreed_amount_cny_minor'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'agreed', agreed_amount_cny_minor: null });
  });

  it('refuses to seal without a stored FX rate for the agreement day, writing nothing', async () => {
    const c = await createTeamCase(t.database.db, k);
    const content = agreementContentFixture({
      amount: '500000',
      currency: 'JPY',
      instalments: [{ seq: 1, dueOn: '2026-04-01', amount: '500000' }],
    });
    await expect(concludeAgreed(t, k, c, content)).rejects.toThrow(/no_fx_rate/);
    const row = await t.database.db
      .selectFrom('cases')
      .select('status')
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('in_mediation');
    const a = await t.database.db
      .selectFrom('agreements')
      .select('status')
      .where('case_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(a.status).toBe('final');
  });
});

describe('failed outcome', () => {
  it('records failure with reason, who and when; a second conclusion is INVALID_TRANSITION', async () => {
    const c = await createTeamCase(t.database.db, k);
    const bad = await post(t, `/api/v1/cases/${c.id}/outcome/failed`, k.as.mediator, {
      reason: '',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('reason');
    const r = await post(t, `/api/v1/cases/${c.id}/outcome/failed`, k.as.mediator, {
      reason: 'The seller refuses any refund.',
    });
    expect(r.statusCode).toBe(200);
    expect(r.json().status).toBe('failed');
    const row = await t.database.db
      .selectFrom('cases')
      .selectAll()
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.outcome).toBe('failed');
    expect(row.outcome_reason).toBe('The seller refuses any refund.');
    expect(row.concluded_at).toBe(t.clock.now().toISOString());
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id'])
      .where('case_id', '=', c.id)
      .execute();
    expect(audit.find((a) => a.action === 'case.conclude_failed')?.actor_user_id).toBeTruthy();
    const again = await post(t, `/api/v1/cases/${c.id}/outcome/failed`, k.as.officer, {
      reason: 'x',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details.state).toBe('failed');
    const byParty = await post(t, `/api/v1/cases/${c.id}/outcome/failed`, c.as.applicant, {
      reason: 'x',
    });
    expect(byParty.statusCode).toBe(403);
  });
});
