import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../support/build-test-app.js';
import { createCase, createMediator, createOrg, createUser } from '../support/factories.js';
import { bearerFor, createObjection, setLastAssignedAt } from '../support/mediator-factories.js';

let t: TestApp;
let orgId: string;
let officer: Record<string, string>;
let director: Record<string, string>;
const ids: Record<string, string> = {};
let caseId: string;
let casePartyIds: string[];

const suggestions = (id: string, headers: Record<string, string>, lang = 'en') =>
  t.app.inject({ url: `/api/v1/cases/${id}/team-suggestions?lang=${lang}`, headers });

beforeAll(async () => {
  // Thursday 2026-03-05, 02:00 UTC: the next 7 days are fully on call for anyone without a pattern.
  t = await buildTestApp({ now: '2026-03-05T02:00:00.000Z' });
  const db = t.database.db;
  orgId = (await createOrg(db)).id;
  officer = await bearerFor(t, await createUser(db, { orgId, role: 'officer' }));
  director = await bearerFor(t, await createUser(db, { orgId, role: 'director' }));
  const L = (code: string, proficiency: 'native' | 'fluent' | 'working') => ({ code, proficiency });
  // The fixed roster.
  ids.best = (
    await createMediator(db, {
      orgId,
      name: 'A Best',
      nationality: 'EG',
      languages: [L('ar', 'native'), L('zh', 'fluent'), L('en', 'working')],
      expertise: ['goods_quality'],
    })
  ).id;
  ids.second = (
    await createMediator(db, {
      orgId,
      name: 'B Second',
      nationality: 'SY',
      languages: [L('ar', 'native'), L('en', 'working')],
      expertise: ['delivery'],
    })
  ).id;
  ids.family = (
    await createMediator(db, {
      orgId,
      name: 'C Family',
      nationality: 'IL',
      languages: [L('he', 'native'), L('en', 'fluent')],
      expertise: ['payment'],
    })
  ).id;
  ids.none = (
    await createMediator(db, {
      orgId,
      name: 'E None',
      nationality: 'RU',
      languages: [L('ru', 'native')],
      expertise: [],
    })
  ).id;
  ids.atLimit = (
    await createMediator(db, {
      orgId,
      name: 'D At Limit',
      nationality: 'EG',
      languages: [L('ar', 'native'), L('zh', 'fluent')],
      expertise: ['goods_quality'],
      caseLimit: 1,
    })
  ).id;
  ids.lawyerPlain = (
    await createMediator(db, {
      orgId,
      name: 'L1 Plain',
      kind: 'lawyer',
      nationality: 'CN',
      languages: [L('zh', 'native'), L('en', 'working')],
      expertise: ['goods_quality'],
    })
  ).id;
  ids.lawyerArabic = (
    await createMediator(db, {
      orgId,
      name: 'L2 Arabic',
      kind: 'lawyer',
      nationality: 'CN',
      languages: [L('zh', 'native'), L('ar', 'working')],
      expertise: ['goods_quality'],
    })
  ).id;
  // D already carries one open case (its limit).
  await createCase(db, { orgId, status: 'in_mediation', teamMediatorIds: [ids.atLimit] });
  const c = await createCase(db, { orgId, status: 'accepted', category: 'goods_quality' });
  caseId = c.id;
  casePartyIds = c.partyIds;
});
afterAll(async () => t.close());

describe('team suggestions', () => {
  it('ranks leads by language, nationality, expertise and load; at-limit last', async () => {
    const res = await suggestions(caseId, officer);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.leads.map((l: { displayName: string }) => l.displayName)).toEqual([
      'A Best',
      'B Second',
      'C Family',
      'E None',
      'D At Limit',
    ]);
    const best = body.leads[0];
    expect(best.summary).toContain('speaks Arabic (native)');
    expect(best.summary).toContain('same nationality as a party (Egypt)');
    expect(best.summary).toContain('goods-quality expertise');
    expect(best.summary).toContain('0 open cases of 5');
    expect(best.summary).toContain('on call on 7 days of the next 7');
    // 40 (Arabic, native) + 10 (nationality) + 15 (expertise) + 10 (7/7 days) + 10 (no load)
    expect(best.score).toBe(85);
    const family = body.leads[2];
    expect(family.reasons[0].code).toBe('speaksFamily');
    expect(family.reasons[0].text).toBe(
      'speaks Hebrew (native), of the same family as Arabic: Semitic languages',
    );
    const atLimit = body.leads[4];
    expect(atLimit.atLimit).toBe(true);
    expect(atLimit.summary).toContain('at the case limit (1 of 1)');
    expect(atLimit.score).toBeGreaterThan(body.leads[1].score);
    expect(body.lawyers.map((l: { displayName: string }) => l.displayName)).toEqual([
      'L2 Arabic',
      'L1 Plain',
    ]);
    expect(body.excluded).toEqual([]);
  });

  it('gives the reasons in the caller’s language', async () => {
    const body = (await suggestions(caseId, officer, 'zh-CN')).json();
    expect(body.leads[0].summary).toContain('会说阿拉伯语（母语）');
    expect(body.leads[0].summary).toContain('擅长货物质量纠纷');
    const ar = (await suggestions(caseId, officer, 'ar')).json();
    expect(ar.leads[0].reasons[0].text).toContain('العربية');
  });

  it('breaks ties by least recently assigned', async () => {
    const db = t.database.db;
    const L = [{ code: 'sw', proficiency: 'native' as const }];
    const recent = await createMediator(db, {
      orgId,
      name: 'Recent',
      nationality: 'KE',
      languages: L,
    });
    const earlier = await createMediator(db, {
      orgId,
      name: 'Earlier',
      nationality: 'KE',
      languages: L,
    });
    await createMediator(db, {
      orgId,
      name: 'Never',
      nationality: 'KE',
      languages: L,
    });
    await setLastAssignedAt(db, recent.id, '2026-02-01T00:00:00.000Z');
    await setLastAssignedAt(db, earlier.id, '2025-06-01T00:00:00.000Z');
    const c = await createCase(db, {
      orgId,
      status: 'accepted',
      parties: [
        { role: 'applicant', name: 'Juma', country: 'KE', languages: ['sw'] },
        {
          role: 'respondent',
          kind: 'organization',
          name: '义乌某商行',
          country: 'CN',
          languages: ['zh'],
        },
      ],
    });
    const body = (await suggestions(c.id, officer)).json();
    const top3 = body.leads.slice(0, 3);
    expect(new Set(top3.map((l: { score: number }) => l.score)).size).toBe(1);
    expect(top3.map((l: { displayName: string }) => l.displayName)).toEqual([
      'Never',
      'Earlier',
      'Recent',
    ]);
  });

  it('excludes a declared relationship and an objection, with the reason shown', async () => {
    const declared = await t.app.inject({
      method: 'POST',
      url: `/api/v1/mediators/${ids.best}/relationships`,
      headers: officer,
      payload: { kind: 'company', name: '义乌测试商行 有限公司', relation: 'client' },
    });
    expect(declared.statusCode).toBe(201);
    await createObjection(t.database.db, {
      orgId,
      caseId,
      partyId: casePartyIds[0]!,
      mediatorId: ids.second!,
    });
    const body = (await suggestions(caseId, officer)).json();
    const leadNames = body.leads.map((l: { displayName: string }) => l.displayName);
    expect(leadNames).not.toContain('A Best');
    expect(leadNames).not.toContain('B Second');
    const reasons = Object.fromEntries(
      body.excluded.map((e: { displayName: string; reasons: { code: string; text: string }[] }) => [
        e.displayName,
        e.reasons,
      ]),
    );
    expect(reasons['A Best'][0].code).toBe('declaredRelationship');
    expect(reasons['A Best'][0].text).toBe(
      'declared a relationship (client) with 义乌测试商行 有限公司',
    );
    expect(reasons['B Second']).toEqual([
      { code: 'objection', text: 'a party objected to this mediator' },
    ]);

    const proposal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/team-proposal?lang=en`,
      headers: officer,
    });
    expect(proposal.statusCode).toBe(200);
    expect(proposal.json().lead.displayName).toBe('C Family');
    expect(proposal.json().lawyer.displayName).toBe('L2 Arabic');
  });

  it('excludes a mediator who was on the other side of a party in an earlier case', async () => {
    const db = t.database.db;
    const user = await createUser(db, { orgId, role: 'mediator' });
    const m = await createMediator(db, {
      orgId,
      userId: user.id,
      name: 'Former Party',
      nationality: 'MA',
      languages: [{ code: 'ar', proficiency: 'native' }],
    });
    await createCase(db, {
      orgId,
      status: 'withdrawn',
      parties: [
        { role: 'applicant', name: 'Said', country: 'MA', languages: ['ar'], userId: user.id },
        {
          role: 'respondent',
          kind: 'organization',
          name: 'Star Trading Co., Ltd.',
          country: 'CN',
          languages: ['zh'],
        },
      ],
    });
    const c = await createCase(db, {
      orgId,
      status: 'accepted',
      parties: [
        { role: 'applicant', name: 'Layla', country: 'MA', languages: ['ar'] },
        {
          role: 'respondent',
          kind: 'organization',
          name: 'STAR TRADING CO LTD',
          country: 'CN',
          languages: ['zh'],
        },
      ],
    });
    const body = (await suggestions(c.id, officer)).json();
    const ex = body.excluded.find((e: { mediatorId: string }) => e.mediatorId === m.id);
    expect(ex.reasons[0].code).toBe('priorOppositeParty');
    expect(ex.reasons[0].text).toContain('STAR TRADING CO LTD');
    expect(body.leads.some((l: { mediatorId: string }) => l.mediatorId === m.id)).toBe(false);
  });

  it('answers 404 for a case the caller may not see, 403 for a team mediator', async () => {
    const db = t.database.db;
    const otherOrg = (await createOrg(db)).id;
    const outsider = await bearerFor(t, await createUser(db, { orgId: otherOrg, role: 'officer' }));
    const res = await suggestions(caseId, outsider);
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('NOT_FOUND');
    expect((await suggestions('00000000-0000-4000-8000-000000000000', officer)).statusCode).toBe(
      404,
    );
    const proposal = await t.app.inject({
      method: 'POST',
      url: `/api/v1/cases/${caseId}/team-proposal`,
      headers: outsider,
    });
    expect(proposal.statusCode).toBe(404);

    const mu = await createUser(db, { orgId, role: 'mediator' });
    const mm = await createMediator(db, { orgId, userId: mu.id, name: 'On Team' });
    const teamCase = await createCase(db, {
      orgId,
      status: 'in_mediation',
      teamMediatorIds: [mm.id],
    });
    expect((await suggestions(teamCase.id, await bearerFor(t, mu))).statusCode).toBe(403);
  });

  it('lets the director tune the weights, and uses them', async () => {
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/matching-weights`,
      headers: director,
      payload: { expertise: 0, nationality: 0 },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json().weights.expertise).toBe(0);
    const denied = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/matching-weights`,
      headers: officer,
      payload: { expertise: 10 },
    });
    expect(denied.statusCode).toBe(403);
    const bad = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/orgs/${orgId}/matching-weights`,
      headers: director,
      payload: { charisma: 10 },
    });
    expect(bad.statusCode).toBe(400);
    const body = (await suggestions(caseId, officer)).json();
    const family = body.leads.find((l: { displayName: string }) => l.displayName === 'C Family');
    // 15 × 1 (Hebrew native, same family) + 10 (availability) + 10 (load); no expertise points.
    expect(family.score).toBe(35);
    const get = await t.app.inject({
      url: `/api/v1/orgs/${orgId}/matching-weights`,
      headers: officer,
    });
    expect(get.json().weights).toMatchObject({ expertise: 0, nationality: 0, languageExact: 40 });
  });
});
