import { describe, expect, it } from 'vitest';
import { buildSessionIcs } from '../../src/web/pages/party/build-session-ics.js';
import { listNextSteps } from '../../src/web/pages/party/list-next-steps.js';
import type {
  Agreement,
  PartyCaseDetail,
  PartySession,
  Performance,
} from '../../src/web/pages/party/party-types.js';

const me = 'party-me';
const other = 'party-other';
const now = new Date('2026-03-10T08:00:00.000Z');

function detail(o: Partial<PartyCaseDetail> = {}): PartyCaseDetail {
  return {
    id: 'case-1',
    reference: 'YW-2026-0001',
    status: 'in_mediation',
    category: 'goods_quality',
    summary: 's',
    submittedAt: '2026-02-01T00:00:00.000Z',
    acceptedAt: '2026-02-02T00:00:00.000Z',
    mediationDueAt: '2026-03-02T00:00:00.000Z',
    overdue: false,
    claimedAmount: null,
    version: 7,
    description: 'd',
    parties: [
      { ...party(me), isYou: true },
      { ...party(other), isYou: false },
    ],
    team: [],
    timeline: [],
    allowedActions: [],
    relations: ['party'],
    concludedAt: null,
    deadlines: { mediationDueAt: null },
    agreement: null,
    courtFilings: [],
    instalments: [],
    ...o,
  };
}

function party(id: string) {
  return {
    id,
    role: id === me ? 'applicant' : 'respondent',
    kind: 'person',
    name: id,
    country: 'EG',
    languages: ['ar'],
    preferredLanguage: 'ar',
    email: null,
  };
}

const text = (t: string) => ({ lang: 'en', text: t, translations: {} });

function agreement(o: Partial<Agreement> & { confirmed?: number[] } = {}): Agreement {
  return {
    id: 'a-1',
    version: 1,
    status: 'final',
    oral: false,
    content: {
      facts: text('f'),
      disputedMatters: text('d'),
      responsibilities: text('r'),
      points: [
        { no: 1, text: text('one') },
        { no: 2, text: text('two') },
        { no: 3, text: text('three') },
      ],
      amount: null,
      currency: null,
      performanceMethod: text('p'),
      instalments: [],
      prevailingLanguage: 'zh',
    },
    textHash: 'ab'.repeat(32),
    effectiveAt: null,
    parties: [
      { id: me, role: 'applicant', name: me, pointsConfirmed: o.confirmed ?? [] },
      { id: other, role: 'respondent', name: other, pointsConfirmed: [1, 2, 3] },
    ],
    signatures: [],
    ...o,
  };
}

function session(o: Partial<PartySession>): PartySession {
  return {
    id: 's-1',
    status: 'scheduled',
    startsAt: '2026-03-12T02:00:00.000Z',
    timeZone: 'Asia/Shanghai',
    durationMinutes: 90,
    mode: 'in_person',
    room: 'Room 2',
    meetingUrl: null,
    participants: [],
    record: null,
    ...o,
  };
}

/** A held session's record; only who attended and who confirmed matter to the next steps. */
function record(o: {
  attendees: { kind: string; id: string }[];
  confirmedBy: { kind: string; id: string; at: string }[];
  fullyConfirmed: boolean;
}): NonNullable<PartySession['record']> {
  return {
    version: 1,
    language: 'zh',
    text: '双方到场。',
    translations: [],
    recordedAt: '2026-03-05T04:00:00.000Z',
    recordedByName: null,
    interpreterAbsence: null,
    revisions: [],
    readableByMe: true,
    myLanguages: ['zh'],
    sightTranslatedForMe: false,
    ...o,
    attendees: o.attendees.map((a) => ({ ...a, name: 'Ahmed', role: 'applicant' })),
  };
}

describe('what the party must do next', () => {
  it('asks for the points still unconfirmed, then the signature, never both', () => {
    const some = listNextSteps({
      detail: detail(),
      agreement: agreement({ confirmed: [2] }),
      sessions: [],
      performance: null,
      now,
    });
    expect(some).toEqual([{ kind: 'confirmPoints', remaining: 2 }]);
    const all = listNextSteps({
      detail: detail(),
      agreement: agreement({ confirmed: [1, 2, 3] }),
      sessions: [],
      performance: null,
      now,
    });
    expect(all).toEqual([{ kind: 'signAgreement' }]);
    const signed = listNextSteps({
      detail: detail(),
      agreement: agreement({
        confirmed: [1, 2, 3],
        signatures: [
          {
            signerKind: 'party',
            partyId: me,
            signerName: me,
            method: 'electronic',
            signedAt: now.toISOString(),
          },
        ],
      }),
      sessions: [],
      performance: null,
      now,
    });
    expect(signed).toEqual([]);
    // A draft or an oral agreement is nothing for the party to confirm online.
    expect(
      listNextSteps({
        detail: detail(),
        agreement: agreement({ status: 'draft' }),
        sessions: [],
        performance: null,
        now,
      }),
    ).toEqual([]);
    expect(
      listNextSteps({
        detail: detail(),
        agreement: agreement({ oral: true }),
        sessions: [],
        performance: null,
        now,
      }),
    ).toEqual([]);
  });

  it('asks for a translation instead of a confirmation the party could not give', () => {
    const unreadable = agreement({ confirmed: [1] });
    unreadable.readability = [
      { partyId: me, languages: ['ar'], missingSections: ['points.2'] },
      { partyId: other, languages: ['zh'], missingSections: [] },
    ];
    expect(
      listNextSteps({
        detail: detail(),
        agreement: unreadable,
        sessions: [],
        performance: null,
        now,
      }),
    ).toEqual([{ kind: 'awaitAgreementTranslation' }]);
    const held = session({
      status: 'held',
      startsAt: '2026-03-05T02:00:00.000Z',
      record: {
        ...record({
          attendees: [{ kind: 'party', id: me }],
          confirmedBy: [],
          fullyConfirmed: false,
        }),
        readableByMe: false,
      },
    });
    expect(
      listNextSteps({
        detail: detail(),
        agreement: null,
        sessions: [held],
        performance: null,
        now,
      }),
    ).toEqual([
      { kind: 'awaitRecordTranslation', at: '2026-03-05T02:00:00.000Z', timeZone: 'Asia/Shanghai' },
    ]);
  });

  it('lists upcoming sessions, records to confirm and instalments by date, overdue ones flagged', () => {
    const performance: Performance = {
      status: 'performing',
      currency: 'USD',
      outstanding: '12000.00',
      instalments: [
        {
          id: 'i2',
          seq: 2,
          dueOn: '2026-04-20',
          amount: '6000.00',
          paid: '0.00',
          currency: 'USD',
          status: 'due',
        },
        {
          id: 'i1',
          seq: 1,
          dueOn: '2026-03-01',
          amount: '6000.00',
          paid: '0.00',
          currency: 'USD',
          status: 'missed',
        },
        {
          id: 'i0',
          seq: 0,
          dueOn: '2026-02-01',
          amount: '1.00',
          paid: '1.00',
          currency: 'USD',
          status: 'paid',
        },
      ],
      payments: [],
      followUps: [],
      paymentReports: [],
    };
    const steps = listNextSteps({
      detail: detail(),
      agreement: null,
      sessions: [
        session({ id: 'later', startsAt: '2026-03-20T02:00:00.000Z' }),
        session({ id: 'past', startsAt: '2026-03-01T02:00:00.000Z' }),
        session({
          id: 'held',
          status: 'held',
          startsAt: '2026-03-05T02:00:00.000Z',
          record: record({
            attendees: [{ kind: 'party', id: me }],
            confirmedBy: [],
            fullyConfirmed: false,
          }),
        }),
        session({
          id: 'held-confirmed',
          status: 'held',
          startsAt: '2026-03-06T02:00:00.000Z',
          record: record({
            attendees: [{ kind: 'party', id: me }],
            confirmedBy: [{ kind: 'party', id: me, at: now.toISOString() }],
            fullyConfirmed: false,
          }),
        }),
      ],
      performance,
      now,
    });
    expect(steps).toEqual([
      {
        kind: 'instalment',
        seq: 1,
        dueOn: '2026-03-01',
        amount: '6000.00',
        currency: 'USD',
        overdue: true,
      },
      { kind: 'confirmRecord', at: '2026-03-05T02:00:00.000Z', timeZone: 'Asia/Shanghai' },
      { kind: 'attendSession', at: '2026-03-20T02:00:00.000Z', timeZone: 'Asia/Shanghai' },
      {
        kind: 'instalment',
        seq: 2,
        dueOn: '2026-04-20',
        amount: '6000.00',
        currency: 'USD',
        overdue: false,
      },
    ]);
  });

  it('offers the appeal on a rejected case until the party has appealed', () => {
    const steps = (allowedActions: string[]) =>
      listNextSteps({
        detail: detail({ status: 'rejected', allowedActions }),
        agreement: null,
        sessions: [],
        performance: null,
        now,
      });
    expect(steps(['appeal_rejection'])).toEqual([{ kind: 'appealRejection' }]);
    // Once appealed, the server no longer lists the step: nothing is left to do but wait.
    expect(steps([])).toEqual([]);
  });

  it('offers judicial confirmation within 30 days of the agreement taking effect, unless already filed', () => {
    const effective = agreement({ status: 'in_effect', effectiveAt: '2026-03-02T02:00:00.000Z' });
    const open = detail({ status: 'agreed', allowedActions: ['apply_confirmation'] });
    expect(
      listNextSteps({ detail: open, agreement: effective, sessions: [], performance: null, now }),
    ).toEqual([{ kind: 'applyConfirmation', by: '2026-04-01T02:00:00.000Z' }]);
    const filed = { ...open, courtFilings: [{ id: 'f', kind: 'confirmation', status: 'filed' }] };
    expect(
      listNextSteps({ detail: filed, agreement: effective, sessions: [], performance: null, now }),
    ).toEqual([]);
    const late = new Date('2026-04-02T00:00:00.000Z');
    expect(
      listNextSteps({
        detail: open,
        agreement: effective,
        sessions: [],
        performance: null,
        now: late,
      }),
    ).toEqual([]);
  });
});

describe('a session as an .ics file', () => {
  it('is a valid VEVENT in UTC, escaped and folded', () => {
    const ics = buildSessionIcs(
      session({ room: 'Docking centre, room 3; east wing', durationMinutes: 90 }),
      {
        summary: 'جلسة وساطة، القضية YW-2026-0001',
        description:
          'Ahmed Hassan, 义乌市佳美贸易有限公司, Omar Mediator, 李律师, and a long list of names',
        now,
      },
    );
    const lines = ics.split('\r\n');
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(lines).toContain('DTSTART:20260312T020000Z');
    expect(lines).toContain('DTEND:20260312T033000Z');
    expect(lines).toContain('UID:s-1@accord');
    expect(lines).toContain('LOCATION:Docking centre\\, room 3\\; east wing');
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    // Unfolded, the description is whole again.
    const unfolded = ics.replace(/\r\n /g, '');
    expect(unfolded).toContain(
      'DESCRIPTION:Ahmed Hassan\\, 义乌市佳美贸易有限公司\\, Omar Mediator\\, 李律师\\, and a long list of names',
    );
  });
});
