import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema.js';
import { appendAuditEvent } from '../db/repositories/audit-repository.js';
import { upsertFxRates } from '../db/repositories/fx-rate-repository.js';
import { agreementContent, type AgreementContent } from '../domain/agreement-content.js';
import { hashAgreementText } from '../domain/agreement-text-hash.js';
import type { CaseStatus } from '../domain/case-status.js';
import {
  nationalCategoryOf,
  type CaseSource,
  type CommercialSubcategory,
} from '../domain/dispute-categories.js';
import { convertToCnyMinor, formatMinor } from '../domain/money.js';
import {
  sessionParticipantsJson,
  sessionRecordJson,
  type SessionPerson,
} from '../domain/session-record.js';
import { buildSearchText } from '../domain/search-tokens.js';
import { agreementSections } from '../domain/translation-coverage.js';
import {
  demoLanguagesFor,
  demoTexts,
  demoTextsZh,
  type DemoTextLanguage,
} from './demo-agreement-texts.js';
import { demoForeignMediators, demoPartTimeMediators } from './demo-roster.js';
import {
  demoBuyerCountries,
  demoFxAnchors,
  demoNames,
  operatorNames,
  type DemoBuyerCountry,
} from './demo-parties.js';
import type { DocumentStore } from '../documents/store/document-store.js';
import { demoMediationConversation, demoPerformanceConversation } from './demo-conversation.js';
import { demoAccounts, demoId, demoIds } from './seed-demo-committee.js';
import { pick, seededRandom } from './seeded-random.js';

/**
 * The demo committee's case history, 2013 to the present, generated deterministically from a
 * fixed seed. Run through the statistics definitions (DESIGN §4) it reproduces the committee's
 * published figures (DESIGN §6): through 2025, 1567 cases accepted, a 96.3 % success rate and
 * CNY 192 million recovered; in 2025, 130 successful mediations and CNY 20.96 million agreed.
 * Those figures are reached here, by choosing how many cases fail and by scaling amounts;
 * the statistics code only reads what this writes.
 */
export const DEMO_HISTORY_SEED = 20_131_101;

const TARGET = {
  acceptedThrough2025: 1567,
  successRate: 0.963,
  recoveredThrough2025Fen: 192_000_000_00,
  succeeded2025: 130,
  agreed2025Fen: 20_960_000_00,
};

/** Cases accepted per year before 2025: growth, a dip in 2020, a plateau. */
const acceptedPerYear: Record<number, number> = {
  2013: 78,
  2014: 95,
  2015: 110,
  2016: 120,
  2017: 130,
  2018: 138,
  2019: 145,
  2020: 102,
  2021: 115,
  2022: 121,
  2023: 137,
  2024: 142,
};

const categoryWeights: [CommercialSubcategory, number][] = [
  ['goods_quality', 30],
  ['payment', 22],
  ['delivery', 15],
  ['deposit', 12],
  ['agency', 8],
  ['intellectual_property', 5],
  ['contract_other', 8],
];
const sourceWeights: [CaseSource, number][] = [
  ['application', 70],
  ['own_initiative', 8],
  ['court_referral', 14],
  ['police_referral', 4],
  ['government_referral', 4],
];

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const dateOf = (ms: number) => iso(ms).slice(0, 10);
/** An instant during Yiwu office hours (10:00–17:00 Asia/Shanghai), so UTC and local days agree. */
const officeTime = (rand: () => number, dayMs: number) =>
  dayMs + (2 + Math.floor(rand() * 7)) * 3_600_000 + Math.floor(rand() * 60) * 60_000;
const dayStart = (y: number, m: number, d: number) => Date.UTC(y, m, d);

function weighted<T>(rand: () => number, items: [T, number][]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return items[items.length - 1]![0];
}

function gaussian(rand: () => number): number {
  const u = Math.max(rand(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Demo rates on the first of every month, interpolated between yearly anchors with a wobble. */
function demoFxRates(): { currency: string; onDate: string; cnyPerUnit: string; source: string }[] {
  const rand = seededRandom(DEMO_HISTORY_SEED + 7);
  const out: { currency: string; onDate: string; cnyPerUnit: string; source: string }[] = [];
  for (const [currency, anchors] of Object.entries(demoFxAnchors)) {
    for (let i = 0; i < anchors.length - 1; i++) {
      const [y, a] = anchors[i]!;
      const [, b] = anchors[i + 1]!;
      for (let m = 0; m < 12; m++) {
        const v = (a + ((b - a) * m) / 12) * (1 + (rand() - 0.5) * 0.01);
        out.push({
          currency,
          onDate: `${y}-${String(m + 1).padStart(2, '0')}-01`,
          cnyPerUnit: v.toFixed(6),
          source: 'demo',
        });
      }
    }
  }
  // The day before the history starts, so every 2013 date finds a rate.
  for (const [currency, anchors] of Object.entries(demoFxAnchors)) {
    out.push({
      currency,
      onDate: '2012-12-31',
      cnyPerUnit: anchors[0]![1].toFixed(6),
      source: 'demo',
    });
  }
  return out;
}

interface FxTable {
  rateOn(currency: string, date: string): string;
}

function fxTable(rates: ReturnType<typeof demoFxRates>): FxTable {
  const byCurrency = new Map<string, { onDate: string; rate: string }[]>();
  for (const r of rates) {
    const list = byCurrency.get(r.currency) ?? [];
    list.push({ onDate: r.onDate, rate: r.cnyPerUnit });
    byCurrency.set(r.currency, list);
  }
  for (const l of byCurrency.values()) l.sort((a, b) => (a.onDate < b.onDate ? -1 : 1));
  return {
    rateOn(currency, date) {
      if (currency === 'CNY') return '1';
      const list = byCurrency.get(currency)!;
      let found = list[0]!.rate;
      for (const r of list) {
        if (r.onDate <= date) found = r.rate;
        else break;
      }
      return found;
    },
  };
}

interface PartyPlan {
  role: 'applicant' | 'respondent';
  kind: 'person' | 'organization';
  name: string;
  country: string;
  languages: string[];
  preferred: string;
  userId?: string;
}

interface PaymentPlan {
  paidMs: number;
  fraction: number;
  minor?: number;
  cnyMinor?: number;
  rate?: string;
}

interface CasePlan {
  key: string;
  buyer: DemoBuyerCountry;
  category: CommercialSubcategory;
  source: CaseSource;
  submittedMs: number;
  acceptedMs: number | null;
  rejected: boolean;
  concludedMs: number | null;
  outcome: 'agreed' | 'failed' | 'withdrawn' | 'rejected' | null;
  /** Final state; for closed history derived from the outcome and payments. */
  status: CaseStatus;
  targetCnyFen: number;
  currency: string;
  claimedFactor: number;
  agreedMinor?: number;
  agreedCnyMinor?: number;
  agreedRate?: string;
  payPattern: 'full' | 'partial' | 'little';
  payments: PaymentPlan[];
  parties: PartyPlan[];
  leadKey: string;
  lawyerKey: string;
  interpreterKey: string | null;
  sessions: number;
  maritime: boolean;
  policeReferral: boolean;
  confirmation: 'none' | 'confirmed' | 'filed';
  extended: boolean;
}

const foreignByLanguage = (lang: string) =>
  demoForeignMediators.filter((m) =>
    m.languages.some((l) => l.code === lang && l.proficiency === 'native'),
  );

function planParties(rand: () => number, buyer: DemoBuyerCountry): PartyPlan[] {
  const names = demoNames[buyer.names];
  const buyerIsOrg = rand() < 0.35;
  const person = `${pick(rand, names.given)} ${pick(rand, names.family)}`;
  const buyerName = buyerIsOrg
    ? `${pick(rand, names.family)} Trading ${pick(rand, ['LLC', 'Co.', 'Ltd', 'Import & Export'])}`
    : person;
  const operator = `义乌市${pick(rand, operatorNames.surnames)}氏${pick(rand, operatorNames.trades)}${pick(rand, operatorNames.suffixes)}`;
  const foreign: Omit<PartyPlan, 'role'> = {
    kind: buyerIsOrg ? 'organization' : 'person',
    name: buyerName,
    country: buyer.country,
    languages: buyer.languages,
    preferred: buyer.languages[0]!,
  };
  const chinese: Omit<PartyPlan, 'role'> = {
    kind: 'organization',
    name: operator,
    country: 'CN',
    languages: ['zh'],
    preferred: 'zh',
  };
  // Most disputes are brought by the buyer; one in five by the operator (unpaid goods).
  return rand() < 0.8
    ? [
        { role: 'applicant', ...foreign },
        { role: 'respondent', ...chinese },
      ]
    : [
        { role: 'applicant', ...chinese },
        { role: 'respondent', ...foreign },
      ];
}

const lawyers = demoPartTimeMediators().filter((m) => m.kind === 'lawyer');
const interpreters = demoPartTimeMediators().filter((m) => m.kind === 'interpreter');

function planCase(
  rand: () => number,
  key: string,
  acceptedDayMs: number | null,
  submittedDayMs: number,
): CasePlan {
  const buyer = weighted(
    rand,
    demoBuyerCountries.map((b) => [b, b.weight] as [DemoBuyerCountry, number]),
  );
  const category = weighted(rand, categoryWeights);
  const source = weighted(rand, sourceWeights);
  const parties = planParties(rand, buyer);
  const foreignLang = buyer.languages[0]!;
  const matching = foreignByLanguage(foreignLang);
  const lead =
    foreignLang === 'ar' && rand() < 0.3
      ? demoForeignMediators[0]!
      : matching.length > 0 && rand() < 0.85
        ? pick(rand, matching)
        : pick(rand, demoForeignMediators);
  const lawyer = rand() < 0.12 ? lawyers[0]! : pick(rand, lawyers);
  // Long-tailed amounts: a median near CNY 60,000, a few disputes in the millions.
  const target = Math.min(
    3_000_000,
    Math.max(3_000, Math.exp(Math.log(60_000) + 1.1 * gaussian(rand))),
  );
  const currency = rand() < 0.3 ? 'CNY' : pick(rand, buyer.currencies);
  const durationDays = rand() < 0.08 ? 31 + Math.floor(rand() * 25) : 3 + Math.floor(rand() * 26);
  const payR = rand();
  const acceptedMs = acceptedDayMs === null ? null : officeTime(rand, acceptedDayMs);
  const plan: CasePlan = {
    key,
    buyer,
    category,
    source,
    submittedMs: officeTime(rand, submittedDayMs),
    acceptedMs,
    rejected: acceptedDayMs === null,
    concludedMs: acceptedMs === null ? null : officeTime(rand, acceptedDayMs! + durationDays * DAY),
    outcome: acceptedMs === null ? 'rejected' : 'agreed',
    status: 'fulfilled',
    targetCnyFen: Math.round(target) * 100,
    currency,
    claimedFactor: 1 + rand() * 0.6,
    payPattern: payR < 0.87 ? 'full' : payR < 0.95 ? 'partial' : 'little',
    payments: [],
    parties,
    leadKey: lead.key,
    lawyerKey: lawyer.key,
    interpreterKey: rand() < 0.3 ? pick(rand, interpreters).key : null,
    sessions: 1 + (rand() < 0.4 ? 1 : 0),
    maritime: category === 'delivery' && rand() < 0.15,
    policeReferral: rand() < 0.01,
    confirmation: rand() < 0.1 ? 'confirmed' : 'none',
    extended: durationDays > 30,
  };
  if (acceptedMs !== null && rand() < 0.015) {
    plan.outcome = 'withdrawn';
    plan.concludedMs = officeTime(rand, acceptedDayMs! + Math.min(durationDays, 10) * DAY);
  }
  // Payment schedule as fractions of the agreed amount; amounts are fixed after calibration.
  const n = plan.payPattern === 'full' ? 1 + Math.floor(rand() * 3) : 1 + Math.floor(rand() * 2);
  const share =
    plan.payPattern === 'full'
      ? 1
      : plan.payPattern === 'partial'
        ? 0.4 + rand() * 0.5
        : rand() * 0.3;
  const firstPay = (plan.concludedMs ?? 0) + (5 + Math.floor(rand() * 40)) * DAY;
  for (let i = 0; i < n; i++) {
    plan.payments.push({ paidMs: firstPay + i * 30 * DAY, fraction: share / n });
  }
  return plan;
}

function randomDayInYear(rand: () => number, year: number, untilMs?: number): number {
  const start = dayStart(year, 0, 1);
  const end = Math.min(dayStart(year + 1, 0, 1), untilMs ?? Infinity);
  return start + Math.floor(rand() * Math.floor((end - start) / DAY)) * DAY;
}

/** Whole-history plan for 2013–2025, calibrated to the published figures. */
function planHistory(fx: FxTable): CasePlan[] {
  const rand = seededRandom(DEMO_HISTORY_SEED);
  const plans: CasePlan[] = [];
  const preTotal = Object.values(acceptedPerYear).reduce((s, n) => s + n, 0);
  const perYear = { ...acceptedPerYear, 2025: TARGET.acceptedThrough2025 - preTotal };
  for (const [y, count] of Object.entries(perYear)) {
    const year = Number(y);
    const days = Array.from({ length: count }, () => randomDayInYear(rand, year)).sort(
      (a, b) => a - b,
    );
    for (const [i, d] of days.entries()) {
      plans.push(planCase(rand, `${year}-${i}`, d, d - (1 + Math.floor(rand() * 5)) * DAY));
    }
    // Applications the committee declined (outside its remit, no dispute, already in court).
    const rejected = Math.round(count * 0.05);
    for (let i = 0; i < rejected; i++) {
      const d = randomDayInYear(rand, year);
      const p = planCase(rand, `${year}-r${i}`, null, d);
      p.concludedMs = p.submittedMs + 2 * DAY;
      plans.push(p);
    }
  }

  const end2024 = dayStart(2025, 0, 1);
  const end2025 = dayStart(2026, 0, 1);
  const concludedBy = (p: CasePlan, before: number) =>
    p.acceptedMs !== null &&
    p.outcome !== 'withdrawn' &&
    p.outcome !== 'rejected' &&
    p.concludedMs! < before;
  const in2025 = plans.filter((p) => concludedBy(p, end2025) && p.concludedMs! >= end2024);
  const through2025 = plans.filter((p) => concludedBy(p, end2025));

  // Failures: exactly enough that 2025 has 130 successes and the overall rate rounds to 0.963.
  const failed2025 = in2025.length - TARGET.succeeded2025;
  if (failed2025 < 0) throw new Error('demo history: too few cases concluded in 2025');
  let failedTotal = Math.round(through2025.length * (1 - TARGET.successRate));
  const rate = (f: number) =>
    Math.round(((through2025.length - f) / through2025.length) * 1000) / 1000;
  while (rate(failedTotal) > TARGET.successRate) failedTotal++;
  while (rate(failedTotal) < TARGET.successRate) failedTotal--;
  const shuffle = <T>(xs: T[]) => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  for (const p of shuffle([...in2025]).slice(0, failed2025)) p.outcome = 'failed';
  const earlier = through2025.filter((p) => p.concludedMs! < end2024);
  for (const p of shuffle([...earlier]).slice(0, failedTotal - failed2025)) p.outcome = 'failed';

  // Amounts: 2025's agreements sum to exactly CNY 20.96 million; earlier ones are scaled so
  // that payments received through 2025 come to CNY 192 million.
  const agreed = plans.filter((p) => p.outcome === 'agreed');
  const agreedIn2025 = agreed.filter((p) => p.concludedMs! >= end2024 && p.concludedMs! < end2025);
  const agreedBefore = agreed.filter((p) => p.concludedMs! < end2024);
  const scaleTargets = (ps: CasePlan[], totalFen: number) => {
    const sum = ps.reduce((s, p) => s + p.targetCnyFen, 0);
    for (const p of ps) p.targetCnyFen = Math.round((p.targetCnyFen * totalFen) / sum);
  };
  scaleTargets(agreedIn2025, TARGET.agreed2025Fen);
  for (const p of agreed) fixAgreedAmount(p, fx);
  // Exact total for 2025: the rounding remainder goes to the largest yuan agreement.
  const remainder = TARGET.agreed2025Fen - agreedIn2025.reduce((s, p) => s + p.agreedCnyMinor!, 0);
  const cnyCase = agreedIn2025
    .filter((p) => p.currency === 'CNY')
    .sort((a, b) => b.agreedMinor! - a.agreedMinor!)[0]!;
  cnyCase.agreedMinor! += remainder;
  cnyCase.agreedCnyMinor! += remainder;

  const recoveredThrough2025 = (ps: CasePlan[]) => {
    for (const p of ps) fixPayments(p, fx);
    return ps.reduce(
      (s, p) =>
        s + p.payments.filter((x) => x.paidMs < end2025).reduce((t, x) => t + x.cnyMinor!, 0),
      0,
    );
  };
  const from2025 = recoveredThrough2025(agreedIn2025);
  // Two passes: conversion at payment-day rates moves the total slightly after scaling.
  for (let pass = 0; pass < 3; pass++) {
    const before = recoveredThrough2025(agreedBefore);
    const factor = (TARGET.recoveredThrough2025Fen - from2025) / before;
    if (Math.abs(factor - 1) < 1e-6) break;
    for (const p of agreedBefore) {
      p.targetCnyFen = Math.round(p.targetCnyFen * factor);
      fixAgreedAmount(p, fx);
    }
  }
  recoveredThrough2025(agreedBefore);
  // Accepted late in 2025 and agreed in 2026: outside every calibrated figure.
  for (const p of agreed.filter((x) => x.concludedMs! >= end2025)) {
    fixAgreedAmount(p, fx);
    fixPayments(p, fx);
  }
  return plans;
}

/** The agreement amount in the case's currency, and its CNY value on the agreement day. */
function fixAgreedAmount(p: CasePlan, fx: FxTable): void {
  const date = dateOf(p.concludedMs!);
  const rate = fx.rateOn(p.currency, date);
  const minor =
    p.currency === 'CNY'
      ? p.targetCnyFen
      : Math.max(100, Math.round(p.targetCnyFen / Number(rate)));
  p.agreedMinor = minor;
  p.agreedRate = rate;
  p.agreedCnyMinor = convertToCnyMinor({ amountMinor: minor, currency: p.currency }, rate);
}

function fixPayments(p: CasePlan, fx: FxTable): void {
  let left = p.agreedMinor!;
  for (const [i, x] of p.payments.entries()) {
    const last = i === p.payments.length - 1;
    const minor =
      last && p.payPattern === 'full'
        ? left
        : Math.min(left, Math.round(p.agreedMinor! * x.fraction));
    left -= minor;
    x.minor = minor;
    x.rate = fx.rateOn(p.currency, dateOf(x.paidMs));
    x.cnyMinor = convertToCnyMinor({ amountMinor: minor, currency: p.currency }, x.rate);
  }
}

/** 2026 to the present: ordinary concluded cases and the open caseload. */
function planCurrentYear(fx: FxTable, nowMs: number): CasePlan[] {
  const rand = seededRandom(DEMO_HISTORY_SEED + 2026);
  const plans: CasePlan[] = [];
  const yearStart = dayStart(2026, 0, 1);
  if (nowMs <= yearStart + 20 * DAY) return plans;
  const horizon = Math.min(nowMs, dayStart(2027, 0, 1));
  const count = Math.round((125 * (horizon - yearStart)) / (365 * DAY));
  const days = Array.from({ length: count }, () =>
    randomDayInYear(rand, 2026, horizon - 2 * DAY),
  ).sort((a, b) => a - b);
  for (const [i, d] of days.entries()) {
    const p = planCase(rand, `2026-${i}`, d, d - (1 + Math.floor(rand() * 4)) * DAY);
    if (p.outcome === 'agreed' && rand() < 0.04) p.outcome = 'failed';
    plans.push(p);
  }
  for (const p of plans) {
    if (p.outcome === 'agreed') {
      fixAgreedAmount(p, fx);
      fixPayments(p, fx);
    }
  }
  return plans;
}

/** Hand-placed cases the demo walkthrough needs (DESIGN §6 and the issue). */
function planShowcase(fx: FxTable, nowMs: number): CasePlan[] {
  const rand = seededRandom(DEMO_HISTORY_SEED + 99);
  const today = Math.floor(nowMs / DAY) * DAY;
  const country = (c: string) => demoBuyerCountries.find((b) => b.country === c)!;
  const make = (
    key: string,
    c: string,
    opts: Partial<CasePlan> & {
      acceptedAgo: number | null;
      submittedAgo: number;
      applicantName?: string;
      userId?: string;
    },
  ): CasePlan => {
    const p = planCase(
      rand,
      key,
      opts.acceptedAgo === null ? null : today - opts.acceptedAgo * DAY,
      today - opts.submittedAgo * DAY,
    );
    const buyer = country(c);
    p.buyer = buyer;
    p.parties = planParties(rand, buyer);
    p.parties[0]!.role = 'applicant';
    p.parties[1]!.role = 'respondent';
    if (p.parties[0]!.country === 'CN')
      p.parties.reverse().forEach((x, i) => (x.role = i === 0 ? 'applicant' : 'respondent'));
    if (opts.applicantName) {
      p.parties[0]!.name = opts.applicantName;
      p.parties[0]!.kind = 'person';
    }
    if (opts.userId) p.parties[0]!.userId = opts.userId;
    p.rejected = false;
    p.policeReferral = false;
    p.confirmation = 'none';
    Object.assign(p, opts);
    return p;
  };
  const out: CasePlan[] = [];
  // The party account's live case: an Arabic-speaking buyer and a Chinese operator, agreement
  // in effect, judicial confirmation filed with the Yiwu court and not yet decided.
  const ahmed = make('show-ahmed', 'EG', {
    acceptedAgo: 40,
    submittedAgo: 43,
    applicantName: 'Ahmed Mansour',
    userId: demoIds.user('party@demo.example'),
    category: 'goods_quality',
    currency: 'USD',
    targetCnyFen: 186_000_00,
    outcome: 'agreed',
    leadKey: 'f01',
    lawyerKey: lawyers[0]!.key,
    interpreterKey: interpreters[1]!.key,
    confirmation: 'filed',
    payPattern: 'partial',
    status: 'performing',
  });
  ahmed.concludedMs = officeTime(rand, today - 12 * DAY);
  ahmed.payments = [
    { paidMs: today - 5 * DAY, fraction: 0.4 },
    { paidMs: today + 25 * DAY, fraction: 0.6 },
  ];
  out.push(ahmed);
  // A new application from an Arabic speaker, for the matching suggestion.
  out.push(
    make('show-new-arabic', 'SA', {
      acceptedAgo: null,
      submittedAgo: 1,
      applicantName: 'Khaled Al-Otaibi',
      category: 'deposit',
      outcome: null,
      status: 'submitted',
    }),
  );
  // The open caseload in every UI language and in various states.
  const open: [string, string, CaseStatus, number][] = [
    ['show-ru', 'RU', 'in_mediation', 9],
    ['show-es', 'MX', 'accepted', 3],
    ['show-fr', 'SN', 'in_mediation', 14],
    ['show-fa', 'IR', 'agreed', 20],
    ['show-tr', 'TR', 'performing', 33],
    ['show-en', 'NG', 'submitted', 0],
    ['show-ar-mediation', 'AE', 'in_mediation', 6],
    ['show-ar-overdue', 'IQ', 'in_mediation', 38],
    ['show-ur', 'PK', 'breached', 70],
    ['show-sw', 'KE', 'failed', 26],
  ];
  for (const [key, c, status, ago] of open) {
    const p = make(key, c, {
      acceptedAgo: status === 'submitted' ? null : ago,
      submittedAgo: ago + 2,
      status,
      outcome: ['agreed', 'performing', 'breached'].includes(status)
        ? 'agreed'
        : status === 'failed'
          ? 'failed'
          : null,
      leadKey:
        c === 'AE' || c === 'IQ'
          ? 'f01'
          : (foreignByLanguage(country(c).languages[0]!)[0]?.key ?? 'f01'),
      lawyerKey:
        key === 'show-ar-mediation' || key === 'show-fa' ? lawyers[0]!.key : lawyers[3]!.key,
      // The party account's second case: a proposal it cannot read in full yet.
      ...(key === 'show-ar-mediation'
        ? { applicantName: 'Ahmed Mansour', userId: demoIds.user('party@demo.example') }
        : {}),
    } as Partial<CasePlan> & { acceptedAgo: number | null; submittedAgo: number });
    if (p.outcome === 'agreed' || p.outcome === 'failed') {
      p.concludedMs = officeTime(rand, today - Math.floor(ago / 2) * DAY);
    } else {
      p.concludedMs = null;
    }
    if (status === 'submitted') p.rejected = false;
    out.push(p);
  }
  for (const p of out) {
    if (p.outcome === 'agreed') {
      fixAgreedAmount(p, fx);
      fixPayments(p, fx);
    }
  }
  return out;
}

const mediatorId = (key: string) => demoIds.mediatorProfile(key);
const mediatorNames = new Map(
  [...demoForeignMediators, ...demoPartTimeMediators()].map((m) => [m.key, m.name]),
);
const mediatorName = (key: string) => mediatorNames.get(key)!;

/**
 * The languages a demo case's texts are written in besides Chinese: English for the committee's
 * staff, and every language of the demo texts that one of the parties reads, so that each party
 * reads the agreement and the session records in a language of their own.
 */
function textLanguagesOf(p: CasePlan): DemoTextLanguage[] {
  return [
    ...new Set<DemoTextLanguage>([
      'en',
      ...demoLanguagesFor(p.parties.flatMap((x) => x.languages)),
    ]),
  ];
}

/** A demo text in Chinese with its translations into `langs`. */
function demoText(
  langs: readonly DemoTextLanguage[],
  pick: (t: (typeof demoTexts)['en']) => string,
  zh: string,
) {
  return {
    lang: 'zh',
    text: zh,
    translations: Object.fromEntries(langs.map((l) => [l, pick(demoTexts[l])])),
  };
}

function agreementContentOf(
  p: CasePlan,
  o: {
    amountMinor?: number;
    instalments?: AgreementContent['instalments'];
    /** Only these sections reach the parties' languages (a demo draft mid-translation). */
    translatedSections?: readonly string[];
  } = {},
): AgreementContent {
  const amount = formatMinor(o.amountMinor ?? p.agreedMinor!, p.currency);
  const category = p.category;
  const all = textLanguagesOf(p);
  const t = (key: string, pick: (x: (typeof demoTexts)['en']) => string, zh: string) =>
    demoText(!o.translatedSections || o.translatedSections.includes(key) ? all : [], pick, zh);
  const content = {
    facts: t(
      'facts',
      (x) => x.facts(x.category[category]),
      demoTextsZh.facts(demoTextsZh.category[category]),
    ),
    disputedMatters: t('disputedMatters', (x) => x.disputedMatters, demoTextsZh.disputedMatters),
    responsibilities: t(
      'responsibilities',
      (x) => x.responsibilities,
      demoTextsZh.responsibilities,
    ),
    points: [
      {
        no: 1,
        text: t(
          'points.1',
          (x) => x.pays(p.currency, amount),
          demoTextsZh.pays(p.currency, amount),
        ),
      },
      { no: 2, text: t('points.2', (x) => x.noFurtherClaims, demoTextsZh.noFurtherClaims) },
    ],
    amount,
    currency: p.currency,
    performanceMethod: t(
      'performanceMethod',
      (x) => x.performanceMethod,
      demoTextsZh.performanceMethod,
    ),
    instalments: o.instalments ?? [],
    prevailingLanguage: 'zh',
  };
  return agreementContent.parse(content);
}

/**
 * Open demo cases with a proposal on the table, mid-translation, so the screens show both
 * states: the demo party's second case has a frozen text whose last point and performance
 * terms exist only in Chinese (the party cannot confirm them until an interpreter attests a
 * sight translation or the team translates them); the Russian case has a draft the team is
 * still translating.
 */
const openDrafts: Record<string, { status: 'draft' | 'final'; translatedSections: string[] }> = {
  'show-ar-mediation': {
    status: 'final',
    translatedSections: ['facts', 'disputedMatters', 'responsibilities', 'points.1'],
  },
  'show-ru': { status: 'draft', translatedSections: ['facts', 'points.1', 'points.2'] },
};

const demoUserOfMediator = (key: string): string | null => {
  const a = demoAccounts.find((x) => x.mediatorKey === key);
  return a ? demoIds.user(a.email) : null;
};

/** The hash finalising stores (computeAgreementText): the canonical text with the parties. */
function canonicalTextHash(
  reference: string,
  caseParties: readonly Insertable<Database['case_parties']>[],
  content: AgreementContent,
): string {
  return hashAgreementText({
    caseReference: reference,
    agreementVersion: 1,
    oral: false,
    parties: caseParties.map((x) => ({
      id: x.id,
      role: x.role,
      kind: x.kind,
      name: x.name,
      country: x.country,
      address: x.address ?? null,
      agentName: x.agent_name ?? null,
      idDocumentType: x.id_document_type ?? null,
      idDocumentMasked: x.id_document_masked ?? null,
    })),
    content,
  });
}

/**
 * Who translated each section of a demo agreement: the lead mediator into a language they
 * speak, otherwise the case's interpreter, otherwise the lead (a foreign mediator speaks at
 * least three languages).
 */
function agreementTranslationRows(
  p: CasePlan,
  orgId: string,
  agreementId: string,
  content: AgreementContent,
  at: string,
): Insertable<Database['agreement_translations']>[] {
  const lead = demoForeignMediators.find((m) => m.key === p.leadKey);
  const translatorOf = (lang: string) =>
    lead?.languages.some((l) => l.code === lang) || !p.interpreterKey
      ? mediatorName(p.leadKey)
      : mediatorName(p.interpreterKey);
  return agreementSections(content).flatMap((s) =>
    Object.keys(s.text.translations).map((language) => ({
      id: demoId(`agreement-translation:${agreementId}:${s.key}:${language}`),
      org_id: orgId,
      agreement_id: agreementId,
      section: s.key,
      language,
      method: 'human',
      translator_user_id: null,
      translator_name: translatorOf(language),
      created_at: at,
      approved_by: null,
      approved_name: null,
      approved_at: null,
    })),
  );
}

const categoryEn: Record<CommercialSubcategory, string> = {
  goods_quality: 'the quality of the goods',
  payment: 'payment',
  delivery: 'delivery',
  deposit: 'a deposit',
  agency: 'an agency commission',
  intellectual_property: 'intellectual property',
  contract_other: 'performance of the contract',
};

async function insertMany<T extends keyof Database>(
  trx: Kysely<Database>,
  table: T,
  rows: Insertable<Database[T]>[],
  chunk = 200,
): Promise<void> {
  for (let i = 0; i < rows.length; i += chunk) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + chunk) as never)
      .execute();
  }
}

/** The final state of a case, given what happened by `nowMs`. */
function finalStatus(p: CasePlan, nowMs: number): CaseStatus {
  if (p.key.startsWith('show-')) return p.status;
  if (p.rejected) return 'rejected';
  if (p.outcome === 'withdrawn') return 'withdrawn';
  if (p.concludedMs! > nowMs)
    return p.sessions > 0 && p.acceptedMs! + 3 * DAY < nowMs ? 'in_mediation' : 'accepted';
  if (p.outcome === 'failed')
    return Number(p.key.split('-')[1] ?? 0) % 3 === 0 ? 'failed' : 'referred';
  const paid = p.payments.filter((x) => x.paidMs <= nowMs);
  if (p.payPattern === 'full')
    return paid.length === p.payments.length ? 'fulfilled' : paid.length ? 'performing' : 'agreed';
  return paid.length === p.payments.length ? 'referred' : 'performing';
}

export interface SeedHistoryResult {
  created: boolean;
  cases: number;
}

/**
 * Writes the demo history into a database that has the demo committee and no cases yet.
 * One transaction, multi-row inserts; the statistics triggers fill the roll-ups as it goes.
 */
export async function seedDemoHistory(
  db: Kysely<Database>,
  opts: { now?: Date; store?: Pick<DocumentStore, 'put'> } = {},
): Promise<SeedHistoryResult> {
  const orgId = demoIds.org;
  const org = await db
    .selectFrom('organizations')
    .select('id')
    .where('id', '=', orgId)
    .executeTakeFirst();
  if (!org) return { created: false, cases: 0 };
  const existing = await db
    .selectFrom('cases')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  if (existing) return { created: false, cases: 0 };

  const nowMs = (opts.now ?? new Date()).getTime();
  const rates = demoFxRates();
  const fx = fxTable(rates);
  const plans = [
    ...planHistory(fx),
    ...planCurrentYear(fx, nowMs),
    ...planShowcase(fx, nowMs),
  ].filter((p) => p.submittedMs <= nowMs);
  plans.sort((a, b) => a.submittedMs - b.submittedMs || (a.key < b.key ? -1 : 1));

  const cases: Insertable<Database['cases']>[] = [];
  const parties: Insertable<Database['case_parties']>[] = [];
  const languages: Insertable<Database['case_languages']>[] = [];
  const consents: Insertable<Database['consents']>[] = [];
  const team: Insertable<Database['case_team_members']>[] = [];
  const sessions: Insertable<Database['mediation_sessions']>[] = [];
  const sessionConfirmations: Insertable<Database['session_record_confirmations']>[] = [];
  const sessionRevisions: Insertable<Database['session_record_revisions']>[] = [];
  const agreements: Insertable<Database['agreements']>[] = [];
  const confirmations: Insertable<Database['agreement_confirmations']>[] = [];
  const agreementTranslations: Insertable<Database['agreement_translations']>[] = [];
  const translationAssignments: Insertable<Database['translation_assignments']>[] = [];
  const signatures: Insertable<Database['agreement_signatures']>[] = [];
  const payments: Insertable<Database['payments']>[] = [];
  const followUps: Insertable<Database['follow_ups']>[] = [];
  const filings: Insertable<Database['court_filings']>[] = [];
  const police: Insertable<Database['police_referrals']>[] = [];
  const audits: {
    at: string;
    caseId: string;
    action: string;
    summary: Record<string, unknown>;
    actor: string;
  }[] = [];
  const seqByYear = new Map<number, number>();
  const officer = demoIds.user('officer@demo.example');

  for (const p of plans) {
    const id = demoId('case:' + p.key);
    const year = new Date(p.submittedMs).getUTCFullYear();
    const seq = (seqByYear.get(year) ?? 0) + 1;
    seqByYear.set(year, seq);
    const reference = `(${year}) 义外调 No. ${String(seq).padStart(4, '0')}`;
    const status = finalStatus(p, nowMs);
    const concludedKnown = p.concludedMs !== null && p.concludedMs <= nowMs && p.outcome !== null;
    const concludedAt = concludedKnown ? iso(p.concludedMs!) : null;
    const outcome = concludedKnown ? p.outcome : null;
    const agreed = outcome === 'agreed';
    const paid = agreed ? p.payments.filter((x) => x.paidMs <= nowMs) : [];
    const submittedAt = iso(p.submittedMs);
    const acceptedAt = p.acceptedMs === null ? null : iso(p.acceptedMs);
    const claimed = Math.round(((p.agreedMinor ?? p.targetCnyFen) * p.claimedFactor) / 100) * 100;
    const summary = `${categoryEn[p.category]} — ${p.parties.find((x) => x.country !== 'CN')!.country}`;
    const closed = ['rejected', 'fulfilled', 'withdrawn', 'referred'].includes(status);
    cases.push({
      id,
      org_id: orgId,
      reference,
      status,
      source: p.source,
      referring_court_id:
        p.source === 'court_referral'
          ? p.maritime
            ? demoIds.ningboMaritimeCourt
            : demoIds.yiwuCourt
          : null,
      category: p.category,
      national_category: nationalCategoryOf(p.category),
      is_maritime: p.maritime ? 1 : 0,
      summary,
      description: `Dispute about ${categoryEn[p.category]} between a buyer from ${p.buyer.country} and a Yiwu market operator.`,
      claimed_amount_minor: claimed,
      claimed_currency: p.currency,
      has_foreign_party: 1,
      search_text: buildSearchText([reference, summary, ...p.parties.map((x) => x.name)]),
      submitted_at: submittedAt,
      decided_at: p.rejected ? iso(p.submittedMs + 2 * DAY) : acceptedAt,
      accepted_at: acceptedAt,
      decision_reason: p.rejected
        ? 'Outside the committee’s remit: the matter is already before a court.'
        : 'Commercial dispute with a foreign party; both parties agree to mediation.',
      mediation_due_at:
        acceptedAt === null ? null : iso(p.acceptedMs! + (p.extended ? 60 : 30) * DAY),
      concluded_at: p.rejected ? iso(p.submittedMs + 2 * DAY) : concludedAt,
      outcome: p.rejected ? 'rejected' : outcome,
      outcome_reason:
        outcome === 'failed'
          ? 'The parties could not agree on the amount.'
          : outcome === 'withdrawn'
            ? 'The applicant withdrew after a direct settlement.'
            : null,
      agreed_at: agreed ? concludedAt : null,
      agreed_amount_minor: agreed ? p.agreedMinor! : null,
      agreed_currency: agreed ? p.currency : null,
      agreed_amount_cny_minor: agreed ? p.agreedCnyMinor! : null,
      recovered_cny_minor: paid.reduce((s, x) => s + x.cnyMinor!, 0),
      closed_at: closed
        ? iso(Math.max(p.concludedMs ?? p.submittedMs, ...paid.map((x) => x.paidMs)))
        : null,
      version: 1,
      created_at: submittedAt,
      updated_at: submittedAt,
    });
    audits.push({
      at: submittedAt,
      caseId: id,
      action: 'case.submitted',
      summary: { after: { status: 'submitted' } },
      actor: 'system',
    });
    if (p.rejected) {
      audits.push({
        at: iso(p.submittedMs + 2 * DAY),
        caseId: id,
        action: 'case.reject',
        summary: { after: { status: 'rejected' } },
        actor: officer,
      });
    } else if (acceptedAt) {
      audits.push({
        at: acceptedAt,
        caseId: id,
        action: 'case.accept',
        summary: { after: { status: 'accepted' } },
        actor: officer,
      });
    }

    const partyIds: string[] = [];
    const people: SessionPerson[] = [];
    for (const [i, party] of p.parties.entries()) {
      const pid = demoId(`party:${p.key}:${i}`);
      partyIds.push(pid);
      people.push({ kind: 'party', id: pid, name: party.name, role: party.role });
      const local =
        party.name
          .toLowerCase()
          .replace(/[^a-z]+/g, '.')
          .replace(/^\.|\.$/g, '') || `operator${i}`;
      parties.push({
        id: pid,
        org_id: orgId,
        case_id: id,
        role: party.role,
        kind: party.kind,
        name: party.name,
        country: party.country,
        languages_json: JSON.stringify(party.languages),
        preferred_language: party.preferred,
        email: party.userId
          ? 'party@demo.example'
          : `${local}.${p.key.replace(/[^a-z0-9]/gi, '')}@parties.demo.example`,
        user_id: party.userId ?? null,
        is_foreign: party.country === 'CN' ? 0 : 1,
        created_at: submittedAt,
      });
      for (const kind of ['processing', 'cross_border']) {
        consents.push({
          id: demoId(`consent:${p.key}:${i}:${kind}`),
          org_id: orgId,
          case_id: id,
          party_id: pid,
          kind,
          text_version: '2013-01',
          given_at: submittedAt,
        });
      }
    }
    for (const language of new Set(p.parties.flatMap((x) => x.languages))) {
      languages.push({ org_id: orgId, case_id: id, language });
    }
    if (p.rejected || acceptedAt === null) continue;

    const members: [string, string][] = [
      [p.leadKey, 'lead'],
      [p.lawyerKey, 'lawyer'],
    ];
    if (p.interpreterKey) members.push([p.interpreterKey, 'interpreter']);
    for (const [k, role] of members) {
      people.push({ kind: 'mediator', id: mediatorId(k), name: mediatorName(k), role });
      team.push({
        id: demoId(`team:${p.key}:${role}`),
        org_id: orgId,
        case_id: id,
        mediator_id: mediatorId(k),
        role,
        assigned_at: iso(p.acceptedMs! + 3_600_000),
        assigned_by: officer,
      });
    }
    const endMs = Math.min(p.concludedMs ?? nowMs, nowMs);
    const heldSessions = status === 'accepted' ? 0 : p.sessions;
    for (let s = 0; s < heldSessions; s++) {
      const startsMs =
        p.acceptedMs! +
        Math.max(1, Math.floor(((endMs - p.acceptedMs!) / DAY) * ((s + 1) / (heldSessions + 1)))) *
          DAY;
      if (startsMs > nowMs) continue;
      const sessionId = demoId(`session:${p.key}:${s}`);
      const heldAt = iso(startsMs + 90 * 60_000);
      // Typed up by the officer from the minutes taken at the table, as record-session stores it.
      const recordJson = sessionRecordJson({
        lang: 'zh',
        text: demoTextsZh.minutes,
        // Read back to the parties in their languages before they signed it at the table.
        translations: demoText(textLanguagesOf(p), (x) => x.minutes, demoTextsZh.minutes)
          .translations,
        attendees: people,
        recordedBy: officer,
        recordedAt: heldAt,
      });
      sessionRevisions.push({
        id: demoId(`session-record:${p.key}:${s}`),
        org_id: orgId,
        session_id: sessionId,
        record_version: 1,
        record_json: recordJson,
        reason: null,
        created_by: officer,
        created_at: heldAt,
      });
      sessions.push({
        id: sessionId,
        org_id: orgId,
        case_id: id,
        starts_at: iso(startsMs),
        time_zone: 'Asia/Shanghai',
        duration_minutes: 90,
        mode: s === 0 || p.sessions === 1 ? 'in_person' : 'online',
        room: '调解室 2',
        status: 'held',
        participants_json: sessionParticipantsJson(people),
        record_json: recordJson,
        record_version: 1,
        interpreter_present: 1,
        held_at: heldAt,
        created_by: officer,
        created_at: iso(p.acceptedMs!),
        updated_at: heldAt,
      });
      // Everyone signed the paper record at the table; no one signed it in the application.
      for (const a of people) {
        sessionConfirmations.push({
          id: demoId(`session-confirmation:${p.key}:${s}:${a.id}`),
          org_id: orgId,
          session_id: sessionId,
          record_version: 1,
          attendee_kind: a.kind,
          attendee_id: a.id,
          user_id: null,
          confirmed_at: heldAt,
        });
      }
    }
    const draft = openDrafts[p.key];
    if (draft && status === 'in_mediation') {
      // A proposal on the table, mid-translation: the screens show both states.
      const agreementId = demoId(`agreement:${p.key}`);
      const amountMinor = Math.round(p.targetCnyFen / 700) * 100;
      const content = agreementContentOf(p, {
        amountMinor,
        instalments: [
          { seq: 1, dueOn: dateOf(nowMs + 30 * DAY), amount: formatMinor(amountMinor, p.currency) },
        ],
        translatedSections: draft.translatedSections,
      });
      const contentJson = JSON.stringify(content);
      const at = iso(nowMs - 2 * DAY);
      agreements.push({
        id: agreementId,
        org_id: orgId,
        case_id: id,
        version: 1,
        status: draft.status,
        oral: 0,
        content_json: contentJson,
        text_hash:
          draft.status === 'final'
            ? canonicalTextHash(
                reference,
                parties.filter((x) => x.case_id === id),
                content,
              )
            : null,
        amount_minor: amountMinor,
        currency: p.currency,
        prevailing_language: 'zh',
        created_by: mediatorId(p.leadKey),
        created_at: at,
        updated_at: at,
      });
      agreementTranslations.push(...agreementTranslationRows(p, orgId, agreementId, content, at));
      const lead = demoUserOfMediator(p.leadKey);
      for (const language of textLanguagesOf(p).filter((l) => l !== 'en'))
        if (lead)
          translationAssignments.push({
            org_id: orgId,
            case_id: id,
            language,
            assignee_user_id: lead,
            assigned_by: officer,
            assigned_at: at,
          });
    }
    if (!concludedAt) continue;
    audits.push({
      at: concludedAt,
      caseId: id,
      action:
        outcome === 'agreed'
          ? 'case.conclude_agreed'
          : outcome === 'failed'
            ? 'case.conclude_failed'
            : 'case.withdraw',
      summary: {
        after: {
          status: outcome === 'agreed' ? 'agreed' : outcome === 'failed' ? 'failed' : 'withdrawn',
        },
      },
      actor: officer,
    });
    if (outcome === 'failed' && status === 'referred') {
      filings.push({
        id: demoId(`filing:${p.key}:lit`),
        org_id: orgId,
        case_id: id,
        court_id: p.maritime ? demoIds.ningboMaritimeCourt : demoIds.yiwuCourt,
        kind: 'litigation',
        status: 'accepted',
        reason: 'Mediation failed; referred for litigation with the dossier.',
        package_json: '{}',
        filed_at: iso(p.concludedMs! + 3 * DAY),
        filed_by: officer,
        accepted_at: iso(p.concludedMs! + 6 * DAY),
        court_case_number: `(${new Date(p.concludedMs!).getUTCFullYear()})浙0782民初${1000 + seq}号`,
      });
    }
    if (p.policeReferral) {
      police.push({
        id: demoId(`police:${p.key}`),
        org_id: orgId,
        case_id: id,
        reason: 'Suspected contract fraud: goods paid for were never shipped.',
        referred_at: iso(p.acceptedMs! + DAY),
        referred_by: officer,
      });
    }
    if (!agreed) continue;

    const agreementId = demoId(`agreement:${p.key}`);
    const content = agreementContentOf(p);
    const contentJson = JSON.stringify(content);
    const textHash = canonicalTextHash(
      reference,
      parties.filter((x) => x.case_id === id),
      content,
    );
    agreements.push({
      id: agreementId,
      org_id: orgId,
      case_id: id,
      version: 1,
      status: 'in_effect',
      oral: 0,
      content_json: contentJson,
      text_hash: textHash,
      amount_minor: p.agreedMinor!,
      currency: p.currency,
      amount_cny_minor: p.agreedCnyMinor!,
      fx_rate: p.agreedRate!,
      prevailing_language: 'zh',
      sealed_by: officer,
      sealed_at: concludedAt,
      effective_at: concludedAt,
      created_by: mediatorId(p.leadKey),
      created_at: iso(p.concludedMs! - DAY),
      updated_at: concludedAt,
    });
    agreementTranslations.push(
      ...agreementTranslationRows(p, orgId, agreementId, content, iso(p.concludedMs! - DAY)),
    );
    for (const [i, pid] of partyIds.entries()) {
      for (const point of content.points) {
        confirmations.push({
          id: demoId(`confirm:${p.key}:${i}:${point.no}`),
          org_id: orgId,
          agreement_id: agreementId,
          party_id: pid,
          point_no: point.no,
          confirmed_at: iso(p.concludedMs! - 3_600_000),
          confirmed_by: mediatorId(p.leadKey),
        });
      }
      signatures.push({
        id: demoId(`sign:${p.key}:${i}`),
        org_id: orgId,
        agreement_id: agreementId,
        signer_kind: 'party',
        party_id: pid,
        signer_name: p.parties[i]!.name,
        method: i === 0 ? 'handwritten' : 'seal',
        signed_at: iso(p.concludedMs! - 1_800_000),
        text_hash: textHash,
      });
    }
    signatures.push({
      id: demoId(`sign:${p.key}:mediator`),
      org_id: orgId,
      agreement_id: agreementId,
      signer_kind: 'mediator',
      mediator_id: mediatorId(p.leadKey),
      signer_name: demoForeignMediators.find((m) => m.key === p.leadKey)?.name ?? p.leadKey,
      method: 'handwritten',
      signed_at: iso(p.concludedMs! - 1_200_000),
      text_hash: textHash,
    });
    for (const [i, x] of paid.entries()) {
      payments.push({
        id: demoId(`payment:${p.key}:${i}`),
        org_id: orgId,
        case_id: id,
        amount_minor: x.minor!,
        currency: p.currency,
        amount_cny_minor: x.cnyMinor!,
        fx_rate: x.rate!,
        paid_on: dateOf(x.paidMs),
        recorded_by: officer,
        recorded_at: iso(x.paidMs + 6 * 3_600_000),
      });
      audits.push({
        at: iso(x.paidMs + 6 * 3_600_000),
        caseId: id,
        action: 'case.record_payment',
        summary: { after: { amountCnyMinor: x.cnyMinor } },
        actor: officer,
      });
    }
    const followDue = p.concludedMs! + 30 * DAY;
    followUps.push({
      id: demoId(`follow:${p.key}`),
      org_id: orgId,
      case_id: id,
      due_on: dateOf(followDue),
      done_at: followDue <= nowMs ? iso(followDue) : null,
      method: followDue <= nowMs ? 'phone' : null,
      notes: followDue <= nowMs ? 'Both parties confirm performance as agreed.' : null,
      satisfaction: followDue <= nowMs ? 4 + (seq % 2) : null,
      recorded_by: followDue <= nowMs ? officer : null,
    });
    if (p.confirmation !== 'none') {
      const filed = p.concludedMs! + 7 * DAY;
      const court = p.maritime ? demoIds.ningboMaritimeCourt : demoIds.yiwuCourt;
      filings.push(
        p.confirmation === 'filed'
          ? {
              id: demoId(`filing:${p.key}:conf`),
              org_id: orgId,
              case_id: id,
              court_id: court,
              kind: 'confirmation',
              status: 'filed',
              agreement_id: agreementId,
              package_json: JSON.stringify({
                documents: ['application', 'agreement', 'identity', 'service_addresses'],
              }),
              filed_at: iso(Math.min(filed, nowMs - DAY)),
              filed_by: officer,
            }
          : {
              id: demoId(`filing:${p.key}:conf`),
              org_id: orgId,
              case_id: id,
              court_id: court,
              kind: 'confirmation',
              status: 'confirmed',
              agreement_id: agreementId,
              package_json: JSON.stringify({
                documents: ['application', 'agreement', 'identity', 'service_addresses'],
              }),
              filed_at: iso(filed),
              filed_by: officer,
              accepted_at: iso(filed + 2 * DAY),
              court_case_number: `(${new Date(filed).getUTCFullYear()})浙0782民特${200 + seq}号`,
              result: 'confirmed',
              result_at: iso(filed + 10 * DAY),
            },
      );
    }
    if (status === 'referred') {
      filings.push({
        id: demoId(`filing:${p.key}:lit`),
        org_id: orgId,
        case_id: id,
        court_id: demoIds.yiwuCourt,
        kind: 'litigation',
        status: 'accepted',
        reason: 'Agreement breached; referred for enforcement litigation.',
        package_json: '{}',
        filed_at: iso(p.payments[p.payments.length - 1]!.paidMs + 10 * DAY),
        filed_by: officer,
      });
    }
  }

  // The committee at work on the party account's two cases (demo-conversation.ts).
  const today = Math.floor(nowMs / DAY) * DAY;
  const conversations = [
    demoMediationConversation(orgId, demoId('case:show-ar-mediation'), today),
    demoPerformanceConversation(orgId, demoId('case:show-ahmed'), today, 5),
  ];
  // Files before rows, as upload-evidence does: a row never points at a missing file. Without a
  // store (tests of the data alone) the rows still name the content-addressed key.
  if (opts.store) {
    for (const f of conversations.flatMap((x) => x.files)) await opts.store.put(f.sha256, f.bytes);
  }

  await db.transaction().execute(async (trx) => {
    await upsertFxRates(trx, rates);
    await insertMany(trx, 'cases', cases, 100);
    await insertMany(trx, 'case_parties', parties);
    await insertMany(trx, 'case_languages', languages, 500);
    await insertMany(trx, 'consents', consents);
    await insertMany(trx, 'case_team_members', team);
    await insertMany(trx, 'mediation_sessions', sessions);
    await insertMany(trx, 'session_record_revisions', sessionRevisions, 500);
    await insertMany(trx, 'session_record_confirmations', sessionConfirmations, 500);
    await insertMany(trx, 'agreements', agreements, 100);
    await insertMany(trx, 'agreement_translations', agreementTranslations, 500);
    await insertMany(trx, 'translation_assignments', translationAssignments);
    await insertMany(trx, 'agreement_confirmations', confirmations);
    await insertMany(trx, 'agreement_signatures', signatures);
    await insertMany(trx, 'payments', payments);
    await insertMany(trx, 'follow_ups', followUps);
    await insertMany(trx, 'court_filings', filings);
    await insertMany(trx, 'police_referrals', police);
    await insertMany(
      trx,
      'messages',
      conversations.flatMap((x) => x.messages),
    );
    await insertMany(
      trx,
      'documents',
      conversations.flatMap((x) => x.documents),
    );
    await insertMany(
      trx,
      'message_read_positions',
      conversations.flatMap((x) => x.readPositions),
    );
    for (const [year, lastSeq] of seqByYear) {
      await trx
        .insertInto('case_reference_counters')
        .values({ org_id: orgId, year, last_seq: lastSeq })
        .onConflict((oc) => oc.columns(['org_id', 'year']).doUpdateSet({ last_seq: lastSeq }))
        .execute();
    }
    audits.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    for (const a of audits) {
      await appendAuditEvent(trx, {
        orgId,
        caseId: a.caseId,
        actorUserId: a.actor === 'system' ? null : a.actor,
        actorLabel: a.actor === 'system' ? 'system' : 'officer@demo.example',
        action: a.action,
        entityType: 'case',
        entityId: a.caseId,
        summary: a.summary,
        at: a.at,
      });
    }
  });
  return { created: true, cases: cases.length };
}
