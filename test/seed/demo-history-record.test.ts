import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { DEMO_PASSWORD, demoId, seedDemoCommittee } from '../../src/seed/seed-demo-committee.js';
import { seedDemoHistory } from '../../src/seed/seed-demo-history.js';
import { openDocumentStore } from '../../src/documents/store/open-document-store.js';
import { listCasePartiesForAgreement } from '../../src/db/repositories/agreement-repository.js';
import { assessAgreementReadability } from '../../src/use-cases/agreements/assess-agreement-readability.js';
import { computeAgreementText } from '../../src/use-cases/agreements/compute-agreement-text-hash.js';
import { parseSessionRecord } from '../../src/domain/session-record.js';
import { readableLanguages } from '../../src/domain/translation-coverage.js';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ now: '2026-11-28T06:00:00.000Z' });
  await seedDemoCommittee(t.database.db);
  await seedDemoHistory(t.database.db, {
    now: t.clock.now(),
    store: openDocumentStore(t.deps.config),
  });
}, 120_000);
afterAll(async () => t.close());

const signIn = async (email: string) => {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: DEMO_PASSWORD },
  });
  return { authorization: `Bearer ${r.json().token}` };
};

describe('the demo history in every party’s language', () => {
  it('every agreement in effect reads in a language of each party, with its translators, and its hash is the canonical text', async () => {
    const db = t.database.db;
    const rows = await db
      .selectFrom('agreements')
      .innerJoin('cases', 'cases.id', 'agreements.case_id')
      .selectAll('agreements')
      .select('cases.reference')
      .where('agreements.status', '=', 'in_effect')
      .execute();
    expect(rows.length).toBeGreaterThan(1000);
    let unreadable = 0;
    let badHash = 0;
    let uncredited = 0;
    for (const a of rows) {
      const parties = await listCasePartiesForAgreement(db, a.case_id);
      const r = await assessAgreementReadability(db, a, parties);
      unreadable += r.parties.filter((p) => p.missingSections.length > 0).length;
      if (r.translations.length === 0 || r.translations.some((x) => !x.translator_name))
        uncredited++;
      if ((await computeAgreementText(db, a, a.reference)).hash !== a.text_hash) badHash++;
    }
    expect({ unreadable, badHash, uncredited }).toEqual({
      unreadable: 0,
      badHash: 0,
      uncredited: 0,
    });
  });

  it('every session record reads in a language of each party who attended', async () => {
    const db = t.database.db;
    const sessions = await db
      .selectFrom('mediation_sessions')
      .select(['id', 'record_json'])
      .where('record_json', 'is not', null)
      .execute();
    const parties = new Map(
      (
        await db
          .selectFrom('case_parties')
          .select(['id', 'preferred_language', 'languages_json'])
          .execute()
      ).map((p) => [
        p.id,
        readableLanguages({
          preferredLanguage: p.preferred_language,
          languages: JSON.parse(p.languages_json) as string[],
        }),
      ]),
    );
    let unreadable = 0;
    for (const s of sessions) {
      const rec = parseSessionRecord(s.record_json!);
      const available = [rec.lang, ...Object.keys(rec.translations)];
      for (const a of rec.attendees.filter((x) => x.kind === 'party'))
        if (!parties.get(a.id)!.some((l) => available.includes(l))) unreadable++;
    }
    expect(sessions.length).toBeGreaterThan(1000);
    expect(unreadable).toBe(0);
  });

  it('the demo party cannot confirm the Chinese-only point of an open proposal (409 TRANSLATION_MISSING) until the Arabic-speaking mediator attests a sight translation', async () => {
    const caseId = demoId('case:show-ar-mediation');
    const party = await signIn('party@demo.example');
    const list = await t.app.inject({ url: `/api/v1/cases/${caseId}/agreements`, headers: party });
    expect(list.statusCode).toBe(200);
    const [a] = list.json().items;
    expect(a.status).toBe('final');
    expect(a.textUnchanged).toBe(true);
    const me = a.parties.find((p: { role: string }) => p.role === 'applicant');
    expect(a.readability.find((r: { partyId: string }) => r.partyId === me.id)).toEqual({
      partyId: me.id,
      languages: ['ar', 'en'],
      missingSections: ['points.2', 'performanceMethod'],
    });
    const caseVersion = async () =>
      (await t.app.inject({ url: `/api/v1/cases/${caseId}`, headers: party })).json().version;
    const confirm = (pointNo: number) =>
      caseVersion().then(async (version) =>
        t.app.inject({
          method: 'POST',
          url: `/api/v1/cases/${caseId}/agreements/${a.id}/confirmations`,
          headers: party,
          payload: { version, partyId: me.id, pointNo },
        }),
      );
    expect((await confirm(1)).statusCode).toBe(201);
    const refused = await confirm(2);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'TRANSLATION_MISSING',
      details: { partyId: me.id, sections: ['points.2'], languages: ['ar', 'en'] },
    });
    const mediator = await signIn('mediator@demo.example');
    const attest = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/agreements/${a.id}/sight-translations`,
      headers: mediator,
      payload: { partyId: me.id, language: 'ar' },
    });
    expect(attest.statusCode, attest.body).toBe(201);
    expect((await confirm(2)).statusCode).toBe(201);
    const sign = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/agreements/${a.id}/signatures`,
      headers: party,
      payload: { version: await caseVersion(), signer: 'party', partyId: me.id },
    });
    expect(sign.statusCode, sign.body).toBe(201);
  });

  it('the party account’s case shows a committee at work: translated messages, a team note, each side’s caucus, attachments to evidence at every visibility, and unread markers for the officer and the mediator', async () => {
    const caseId = demoId('case:show-ar-mediation');
    const view = async (email: string) => {
      const headers = await signIn(email);
      const m = await t.app.inject({ url: `/api/v1/cases/${caseId}/messages`, headers });
      const d = await t.app.inject({ url: `/api/v1/cases/${caseId}/documents`, headers });
      expect(m.statusCode).toBe(200);
      expect(d.statusCode).toBe(200);
      const items = m.json().items as {
        channel: string;
        language: string;
        translations: { language: string; translatedBy: { name: string } }[];
        attachments: { id: string; visibility: string }[];
      }[];
      const unread = Object.fromEntries(
        (m.json().channels as { channel: string; unread: number }[]).map((c) => [
          c.channel,
          c.unread,
        ]),
      );
      const docs = (d.json().items as { visibility: string; channel: string | null }[]).map(
        (x) => `${x.visibility}${x.channel ? ':' + x.channel : ''}`,
      );
      return { items, unread, docs: docs.sort() };
    };
    const officer = await view('officer@demo.example');
    expect(officer.items.map((x) => x.channel).sort()).toEqual(
      [
        'caucus_applicant',
        'caucus_applicant',
        'caucus_respondent',
        'everyone',
        'everyone',
        'everyone',
        'everyone',
        'team',
      ].sort(),
    );
    expect(officer.unread).toEqual({
      everyone: 2,
      team: 1,
      caucus_applicant: 2,
      caucus_respondent: 1,
    });
    expect(officer.docs).toEqual(['all', 'all:caucus_applicant', 'committee', 'team']);
    // Both languages of the parties, and the mediator's translations with his name.
    expect(new Set(officer.items.map((x) => x.language))).toEqual(new Set(['ar', 'zh']));
    const translators = officer.items.flatMap((x) =>
      x.translations.map((y) => y.translatedBy.name),
    );
    expect(translators.length).toBeGreaterThan(3);
    expect(new Set(translators)).toEqual(new Set(['Karim Haddad']));
    expect(officer.items.flatMap((x) => x.attachments.map((a) => a.visibility)).sort()).toEqual([
      'all',
      'all',
      'team',
    ]);

    const mediator = await view('mediator@demo.example');
    expect(mediator.unread).toEqual({
      everyone: 1,
      team: 0,
      caucus_applicant: 1,
      caucus_respondent: 1,
    });
    expect(mediator.docs).toEqual(['all', 'all:caucus_applicant', 'team']);

    // The applicant reads the shared thread and its own caucus, never the team or the other side.
    const party = await view('party@demo.example');
    expect(new Set(party.items.map((x) => x.channel))).toEqual(
      new Set(['everyone', 'caucus_applicant']),
    );
    expect(party.unread).toEqual({ everyone: 1, caucus_applicant: 0 });
    expect(party.docs).toEqual(['all', 'all:caucus_applicant']);

    // The seeded files open: the demo seeds with the document store, as the app does.
    const headers = await signIn('officer@demo.example');
    const invoice = officer.items.flatMap((x) => x.attachments)[0]!;
    const content = await t.app.inject({
      url: `/api/v1/cases/${caseId}/documents/${invoice.id}/content`,
      headers,
    });
    expect(content.statusCode).toBe(200);
    expect(content.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the Russian case has a draft mid-translation, with the translation owed by its lead', async () => {
    const caseId = demoId('case:show-ru');
    const officer = await signIn('officer@demo.example');
    const [a] = (
      await t.app.inject({ url: `/api/v1/cases/${caseId}/agreements`, headers: officer })
    ).json().items;
    expect(a.status).toBe('draft');
    const ru = a.translationStatus.find((s: { language: string }) => s.language === 'ru');
    expect(ru.missingSections).toEqual([
      'disputedMatters',
      'responsibilities',
      'performanceMethod',
    ]);
  });
});

describe('the demo history’s balances', () => {
  it('for every case with an agreement in effect, still owed = agreed − payments received', async () => {
    const db = t.database.db;
    const director = await signIn('director@demo.example');
    const rows = await db
      .selectFrom('agreements')
      .select(['case_id', 'amount_minor', 'currency'])
      .where('status', '=', 'in_effect')
      .where('amount_minor', 'is not', null)
      .execute();
    const paid = new Map<string, number>();
    for (const p of await db.selectFrom('payments').select(['case_id', 'amount_minor']).execute())
      paid.set(p.case_id, (paid.get(p.case_id) ?? 0) + Number(p.amount_minor));
    // Every case is checked through the API on SQLite; a sample of 200 on PostgreSQL keeps the
    // run short (the computation is the same code on both).
    const sample = rows.filter((_, i) => t.deps.engine === 'sqlite' || i % 8 === 0);
    let wrong = 0;
    let owing = 0;
    for (const a of sample) {
      const r = await t.app.inject({
        url: `/api/v1/cases/${a.case_id}/performance`,
        headers: director,
      });
      const owed = Math.round(Number(r.json().outstanding) * 100);
      const expected = Math.max(0, Number(a.amount_minor) - (paid.get(a.case_id) ?? 0));
      if (owed !== expected) wrong++;
      if (expected > 0) owing++;
    }
    expect(owing).toBeGreaterThan(0);
    expect(wrong).toBe(0);
  });
});

describe('closing a demo case as fulfilled', () => {
  it('is neither offered nor done by the follow-up visit while an agreement without a plan is still owed', async () => {
    const db = t.database.db;
    const officer = await signIn('officer@demo.example');
    // A case being performed, owing part of an agreement without an instalment plan, whose
    // follow-up visit is still open (the demo's case 0106 of 2026 was one such).
    const candidates = await db
      .selectFrom('cases')
      .innerJoin('agreements', 'agreements.case_id', 'cases.id')
      .innerJoin('follow_ups', 'follow_ups.case_id', 'cases.id')
      .select(['cases.id', 'agreements.amount_minor', 'follow_ups.id as followUpId'])
      .where('cases.status', '=', 'performing')
      .where('agreements.status', '=', 'in_effect')
      .where('follow_ups.done_at', 'is', null)
      .execute();
    const plans = new Set(
      (await db.selectFrom('instalments').select('case_id').execute()).map((r) => r.case_id),
    );
    const c = candidates.find((x) => !plans.has(x.id));
    expect(c).toBeDefined();
    const url = `/api/v1/cases/${c!.id}`;
    const before = (await t.app.inject({ url, headers: officer })).json();
    const perf = (await t.app.inject({ url: `${url}/performance`, headers: officer })).json();
    expect(Number(perf.outstanding)).toBeGreaterThan(0);
    expect(before.allowedActions).not.toContain('fulfil');
    const visit = await t.app.inject({
      method: 'POST',
      url: `${url}/follow-ups/${c!.followUpId}`,
      headers: officer,
      payload: { version: before.version, method: 'phone', notes: 'Second payment promised.' },
    });
    expect(visit.statusCode).toBe(200);
    expect(visit.json().status).toBe('performing');
    const after = (await t.app.inject({ url, headers: officer })).json();
    expect(after.status).toBe('performing');
    expect(after.allowedActions).not.toContain('fulfil');

    // The rest arrives: a plan-less agreement takes a payment up to what is owed (it used to
    // refuse every payment as "more than owed"), and being paid in full it is fulfilled.
    const rest = await t.app.inject({
      method: 'POST',
      url: `${url}/payments`,
      headers: officer,
      payload: {
        version: after.version,
        amount: { amount: perf.outstanding, currency: perf.currency },
        paidOn: '2026-11-27',
      },
    });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json().status).toBe('fulfilled');
    const settled = (await t.app.inject({ url: `${url}/performance`, headers: officer })).json();
    expect(Number(settled.outstanding)).toBe(0);
  });
});
