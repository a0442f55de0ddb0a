import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import {
  addTeamInterpreter,
  agreementContentFixture,
  caseVersion,
  concludeAgreed,
  countRows,
  createCommittee,
  createTeamCase,
  post,
  seedFxRates,
  type Committee,
  type TeamCase,
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

/** The fixture with every Arabic translation removed, or only point 2's. */
function withoutArabic(only?: 'points.2') {
  const c = agreementContentFixture();
  const drop = (x: { translations: Record<string, string> }) => {
    const { ar: _ar, ...rest } = x.translations;
    return { ...x, translations: rest };
  };
  if (only === 'points.2') {
    return { ...c, points: c.points.map((p) => (p.no === 2 ? { ...p, text: drop(p.text) } : p)) };
  }
  return {
    ...c,
    facts: drop(c.facts),
    disputedMatters: drop(c.disputedMatters),
    responsibilities: drop(c.responsibilities),
    performanceMethod: drop(c.performanceMethod),
    points: c.points.map((p) => ({ ...p, text: drop(p.text) })),
  };
}

/** For the append-only steps that do not take the case version. */
const postPlain = (path: string, headers: Record<string, string>, payload: unknown) =>
  t.app.inject({ method: 'POST', url: path, headers, payload: payload as object });

async function list(c: TeamCase) {
  const r = await t.app.inject({ url: url(c.id), headers: c.as.applicant });
  expect(r.statusCode).toBe(200);
  return r.json().items as {
    id: string;
    status: string;
    textHash: string | null;
    parties: { id: string; pointsConfirmed: number[] }[];
    readability: { partyId: string; languages: string[]; missingSections: string[] }[];
    translationStatus: {
      language: string;
      missingSections: string[];
      assignee: { userId: string; name: string } | null;
    }[];
    translations: {
      section: string;
      language: string;
      method: string;
      translatorName: string;
      translatorUserId: string | null;
      approved: boolean;
    }[];
    sightTranslations: {
      partyId: string;
      language: string;
      interpreterName: string;
      confirmed: boolean;
    }[];
  }[];
}

/** Drafts and freezes `content`; finalising with `sightTranslation` when a party can't read it. */
async function frozen(c: TeamCase, content: unknown, sightTranslation?: boolean) {
  const d = await post(t, url(c.id), k.as.mediator, { content });
  expect(d.statusCode, d.body).toBe(201);
  const id = d.json().agreementId as string;
  const f = await post(t, url(c.id, `/${id}/finalise`), k.as.mediator, { sightTranslation });
  expect(f.statusCode, f.body).toBe(200);
  return id;
}

describe('nobody confirms or signs what they cannot read', () => {
  it('finalising a text a party cannot read is refused, naming the party, sections and languages', async () => {
    const c = await createTeamCase(t.database.db, k);
    const d = await post(t, url(c.id), k.as.mediator, { content: withoutArabic('points.2') });
    const id = d.json().agreementId;
    const before = await countRows(t.database.db);
    const f = await post(t, url(c.id, `/${id}/finalise`), k.as.mediator);
    expect(f.statusCode).toBe(409);
    expect(f.json().error.code).toBe('TRANSLATION_MISSING');
    expect(f.json().error.details.parties).toEqual([
      { partyId: c.applicantPartyId, sections: ['points.2'], languages: ['ar'] },
    ]);
    expect(await countRows(t.database.db)).toEqual(before);
    const [a] = await list(c);
    expect(a!.status).toBe('draft');
    // The checklist says what is missing in Arabic; Chinese is complete.
    expect(a!.translationStatus).toEqual([
      { language: 'ar', missingSections: ['points.2'], assignee: null },
      { language: 'zh', missingSections: [], assignee: null },
    ]);
  });

  it('a party cannot confirm an untranslated point or sign; the other party can; nothing is written', async () => {
    const c = await createTeamCase(t.database.db, k);
    const id = await frozen(c, withoutArabic('points.2'), true);
    const ok = await post(t, url(c.id, `/${id}/confirmations`), c.as.applicant, {
      partyId: c.applicantPartyId,
      pointNo: 1,
    });
    expect(ok.statusCode).toBe(201);
    const before = await countRows(t.database.db);
    const refused = await post(t, url(c.id, `/${id}/confirmations`), c.as.applicant, {
      partyId: c.applicantPartyId,
      pointNo: 2,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'TRANSLATION_MISSING',
      details: { partyId: c.applicantPartyId, sections: ['points.2'], languages: ['ar'] },
    });
    // An officer recording a confirmation "given in person" is held to the same rule.
    const inPerson = await post(t, url(c.id, `/${id}/confirmations`), k.as.officer, {
      partyId: c.applicantPartyId,
      pointNo: 2,
    });
    expect(inPerson.json().error.code).toBe('TRANSLATION_MISSING');
    const sign = await post(t, url(c.id, `/${id}/signatures`), c.as.applicant, {
      signer: 'party',
      partyId: c.applicantPartyId,
    });
    expect(sign.json().error.code).toBe('TRANSLATION_MISSING');
    expect(await countRows(t.database.db)).toEqual(before);
    // The error is translated like every other: the party reads it in Arabic.
    const ar = await t.app.inject({
      method: 'POST',
      url: url(c.id, `/${id}/confirmations?lang=ar`),
      headers: c.as.applicant,
      payload: {
        version: await caseVersion(t.database.db, c.id),
        partyId: c.applicantPartyId,
        pointNo: 2,
      },
    });
    expect(ar.json().error.message).toMatch(/[\u0600-\u06FF]/);
    // The Chinese respondent reads every section in Chinese.
    for (const pointNo of [1, 2]) {
      const r = await post(t, url(c.id, `/${id}/confirmations`), c.as.respondent, {
        partyId: c.respondentPartyId,
        pointNo,
      });
      expect(r.statusCode).toBe(201);
    }
  });

  it('an interpreter of the team attests a sight translation; then the party confirms and signs', async () => {
    const c = await createTeamCase(t.database.db, k);
    const id = await frozen(c, withoutArabic(), true);
    // A mediator who does not speak Arabic cannot attest it.
    const notSpoken = await postPlain(url(c.id, `/${id}/sight-translations`), k.as.mediator, {
      partyId: c.applicantPartyId,
      language: 'ar',
    });
    expect(notSpoken.statusCode).toBe(403);
    const interpreter = await addTeamInterpreter(t.database.db, k, c.id, 'ar');
    // Only into a language the party reads.
    const wrongLanguage = await postPlain(url(c.id, `/${id}/sight-translations`), interpreter.as, {
      partyId: c.applicantPartyId,
      language: 'zh',
    });
    expect(wrongLanguage.statusCode).toBe(400);
    expect(wrongLanguage.json().error.field).toBe('language');
    const future = await postPlain(url(c.id, `/${id}/sight-translations`), interpreter.as, {
      partyId: c.applicantPartyId,
      language: 'ar',
      interpretedAt: '2999-01-01T00:00:00.000Z',
    });
    expect(future.json().error.field).toBe('interpretedAt');
    const attest = await postPlain(url(c.id, `/${id}/sight-translations`), interpreter.as, {
      partyId: c.applicantPartyId,
      language: 'ar',
    });
    expect(attest.statusCode, attest.body).toBe(201);
    expect(attest.json()).toMatchObject({ interpreterKind: 'roster', confirmed: true });
    const again = await postPlain(url(c.id, `/${id}/sight-translations`), interpreter.as, {
      partyId: c.applicantPartyId,
      language: 'ar',
    });
    expect(again.json().error.code).toBe('ALREADY_EXISTS');
    const [a] = await list(c);
    expect(a!.sightTranslations).toEqual([
      expect.objectContaining({
        partyId: c.applicantPartyId,
        language: 'ar',
        interpreterName: 'Layla Interpreter',
        confirmed: true,
      }),
    ]);
    expect(a!.readability.find((r) => r.partyId === c.applicantPartyId)!.missingSections).toEqual(
      [],
    );
    for (const pointNo of [1, 2]) {
      const r = await post(t, url(c.id, `/${id}/confirmations`), c.as.applicant, {
        partyId: c.applicantPartyId,
        pointNo,
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const s = await post(t, url(c.id, `/${id}/signatures`), c.as.applicant, {
      signer: 'party',
      partyId: c.applicantPartyId,
    });
    expect(s.statusCode, s.body).toBe(201);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('case_id', '=', c.id)
      .where('action', '=', 'translation.sight_attested')
      .execute();
    expect(audit).toHaveLength(1);
  });

  it('a machine translation counts for no one until a named person approves it', async () => {
    const c = await createTeamCase(t.database.db, k);
    const base = withoutArabic('points.2');
    const full = agreementContentFixture();
    const content = { ...base, points: full.points };
    const d = await post(t, url(c.id), k.as.mediator, {
      content,
      translatedBy: { ar: { name: 'acme-mt', method: 'machine' } },
    });
    const id = d.json().agreementId;
    const [draft] = await list(c);
    expect(
      draft!.readability.find((r) => r.partyId === c.applicantPartyId)!.missingSections,
    ).toEqual([
      'facts',
      'disputedMatters',
      'responsibilities',
      'points.1',
      'points.2',
      'performanceMethod',
    ]);
    expect(
      draft!.translations.find((x) => x.section === 'points.2' && x.language === 'ar'),
    ).toMatchObject({ method: 'machine', translatorName: 'acme-mt', approved: false });
    for (const section of [
      'facts',
      'disputedMatters',
      'responsibilities',
      'points.1',
      'points.2',
      'performanceMethod',
    ]) {
      const r = await postPlain(url(c.id, `/${id}/translation-approvals`), k.as.lawyer, {
        section,
        language: 'ar',
      });
      expect(r.statusCode, r.body).toBe(200);
    }
    const twice = await postPlain(url(c.id, `/${id}/translation-approvals`), k.as.lawyer, {
      section: 'facts',
      language: 'ar',
    });
    expect(twice.statusCode).toBe(404);
    const [approved] = await list(c);
    expect(approved!.readability.every((r) => r.missingSections.length === 0)).toBe(true);
    expect(
      approved!.translations.find((x) => x.section === 'facts' && x.language === 'ar'),
    ).toMatchObject({ approved: true });
    expect((await post(t, url(c.id, `/${id}/finalise`), k.as.mediator)).statusCode).toBe(200);
  });
});

describe('translations are records', () => {
  it('records who translated; an unchanged translation keeps its translator across versions', async () => {
    const c = await createTeamCase(t.database.db, k);
    const d = await post(t, url(c.id), k.as.mediator, {
      content: agreementContentFixture(),
      translatedBy: { ar: { name: 'Sara Outside Translator' } },
    });
    const id = d.json().agreementId;
    const edited = agreementContentFixture();
    edited.points[0]!.text.translations.ar = 'يعيد البائع 12000 دولار أمريكي إلى المشتري.';
    const r = await post(t, url(c.id, `/${id}/revisions`), k.as.lawyer, { content: edited });
    expect(r.statusCode).toBe(201);
    const [, v2] = await list(c);
    const by = (section: string, language: string) =>
      v2!.translations.find((x) => x.section === section && x.language === language);
    expect(by('facts', 'ar')).toMatchObject({
      translatorName: 'Sara Outside Translator',
      method: 'human',
    });
    // Changed by the lawyer, who is credited; untouched ones keep the drafter.
    const drafter = by('facts', 'zh')!.translatorUserId;
    expect(drafter).not.toBeNull();
    expect(by('points.1', 'ar')!.translatorUserId).not.toBeNull();
    expect(by('points.1', 'ar')!.translatorUserId).not.toBe(drafter);
    expect(by('points.1', 'ar')!.translatorName).not.toBe('Sara Outside Translator');
    expect(by('points.2', 'ar')).toMatchObject({ translatorName: 'Sara Outside Translator' });
  });

  it('the hash binds every language: changing one translation changes it', async () => {
    const c1 = await createTeamCase(t.database.db, k);
    const c2 = await createTeamCase(t.database.db, k);
    const other = agreementContentFixture();
    other.facts.translations.ar = other.facts.translations.ar + ' ';
    await frozen(c1, agreementContentFixture());
    await frozen(c2, other);
    const [[a1], [a2]] = [await list(c1), await list(c2)];
    // Same case shape but different parties' ids: compare through a re-finalised twin instead.
    expect(a1!.textHash).not.toBe(a2!.textHash);
    const c3 = await createTeamCase(t.database.db, k);
    const d = await post(t, url(c3.id), k.as.mediator, { content: agreementContentFixture() });
    const id = d.json().agreementId;
    const f1 = await post(t, url(c3.id, `/${id}/finalise`), k.as.mediator);
    const r = await post(t, url(c3.id, `/${id}/revisions`), k.as.mediator, { content: other });
    const f2 = await post(t, url(c3.id, `/${r.json().agreementId}/finalise`), k.as.mediator);
    expect(f2.json().textHash).not.toBe(f1.json().textHash);
  });

  it('a frozen text revised after a confirmation becomes a new version; old confirmations no longer count', async () => {
    const c = await createTeamCase(t.database.db, k);
    const id = await frozen(c, agreementContentFixture());
    const conf = await post(t, url(c.id, `/${id}/confirmations`), c.as.applicant, {
      partyId: c.applicantPartyId,
      pointNo: 1,
    });
    expect(conf.statusCode).toBe(201);
    const fixed = agreementContentFixture();
    fixed.points[1]!.text.translations.ar = 'يعيد المشتري الأغطية المكسورة على نفقة البائع.';
    const r = await post(t, url(c.id, `/${id}/revisions`), k.as.mediator, { content: fixed });
    expect(r.statusCode).toBe(201);
    const v2 = r.json().agreementId;
    const [old, next] = await list(c);
    expect(old!.status).toBe('superseded');
    expect(old!.parties.find((p) => p.id === c.applicantPartyId)!.pointsConfirmed).toEqual([1]);
    expect(next!.status).toBe('draft');
    expect(next!.parties.every((p) => p.pointsConfirmed.length === 0)).toBe(true);
    // The superseded text takes no more confirmations, and the new one must be frozen first.
    const onOld = await post(t, url(c.id, `/${id}/confirmations`), c.as.applicant, {
      partyId: c.applicantPartyId,
      pointNo: 2,
    });
    expect(onOld.json().error.details.state).toBe('superseded');
    const onDraft = await post(t, url(c.id, `/${v2}/confirmations`), c.as.applicant, {
      partyId: c.applicantPartyId,
      pointNo: 1,
    });
    expect(onDraft.json().error.details.state).toBe('draft');
  });

  it('an agreement in effect cannot be revised in place', async () => {
    const c = await createTeamCase(t.database.db, k);
    const { agreementId } = await concludeAgreed(t, k, c);
    const r = await post(t, url(c.id, `/${agreementId}/revisions`), k.as.mediator, {
      content: agreementContentFixture(),
    });
    expect(r.statusCode).toBe(409);
  });

  it('the prevailing language is Chinese or a language of a party', async () => {
    const c = await createTeamCase(t.database.db, k);
    const en = await post(t, url(c.id), k.as.mediator, {
      content: { ...agreementContentFixture(), prevailingLanguage: 'en' },
    });
    expect(en.statusCode).toBe(400);
    expect(en.json().error.field).toBe('content.prevailingLanguage');
    expect(en.json().error.details).toEqual({
      reason: 'not_a_party_language',
      allowed: ['ar', 'zh'],
    });
    const ar = await post(t, url(c.id), k.as.mediator, {
      content: { ...agreementContentFixture(), prevailingLanguage: 'ar' },
    });
    expect(ar.statusCode).toBe(201);
  });
});

describe('asking for a translation, and who owes it', () => {
  it("a party's request notifies the team and officers once per version and language", async () => {
    const c = await createTeamCase(t.database.db, k);
    const id = await frozen(c, withoutArabic('points.2'), true);
    for (let i = 0; i < 2; i++) {
      const r = await postPlain(url(c.id, `/${id}/translation-requests`), c.as.applicant, {});
      expect(r.statusCode).toBe(202);
      expect(r.json()).toEqual({ requested: true, language: 'ar' });
    }
    const outbox = await t.database.db
      .selectFrom('outbox')
      .select('payload_json')
      .where('idempotency_key', 'like', 'case_event:translation.requested:%')
      .execute();
    const mine = outbox.filter((o) => JSON.parse(o.payload_json).caseId === c.id);
    expect(mine).toHaveLength(1);
    expect(JSON.parse(mine[0]!.payload_json).params).toMatchObject({
      subject: 'agreement',
      language: 'ar',
      partyId: c.applicantPartyId,
    });
    const notMine = await postPlain(url(c.id, `/${id}/translation-requests`), c.as.applicant, {
      language: 'ru',
    });
    expect(notMine.statusCode).toBe(400);
    const staff = await postPlain(url(c.id, `/${id}/translation-requests`), k.as.officer, {});
    expect(staff.statusCode).toBe(403);
  });

  it('the checklist names who owes the translation into a language', async () => {
    const c = await createTeamCase(t.database.db, k);
    await post(t, url(c.id), k.as.mediator, { content: withoutArabic() });
    const interpreter = await addTeamInterpreter(t.database.db, k, c.id, 'ar');
    const put = (language: string, assigneeUserId: string) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/cases/${c.id}/translation-assignments/${language}`,
        headers: k.as.officer,
        payload: { assigneeUserId },
      });
    const r = await put('ar', interpreter.userId);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toEqual({
      language: 'ar',
      assignee: { userId: interpreter.userId, name: 'Layla Interpreter' },
    });
    expect((await put('ru', interpreter.userId)).statusCode).toBe(400);
    const [a] = await list(c);
    expect(a!.translationStatus.find((s) => s.language === 'ar')).toEqual({
      language: 'ar',
      missingSections: [
        'facts',
        'disputedMatters',
        'responsibilities',
        'points.1',
        'points.2',
        'performanceMethod',
      ],
      assignee: { userId: interpreter.userId, name: 'Layla Interpreter' },
    });
  });
});
