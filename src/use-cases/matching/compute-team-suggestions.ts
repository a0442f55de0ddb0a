import { findOrgSettings } from '../../db/repositories/org-settings-repository.js';
import type { Kysely } from 'kysely';
import { countAvailableDays } from '../../domain/availability/mediator-availability.js';
import { familyOf } from '../../domain/language-families.js';
import {
  formatMatchingReason,
  type ExclusionCode,
} from '../../domain/matching/matching-messages.js';
import { resolveMatchingWeights } from '../../domain/matching/matching-weights.js';
import { normalizePartyName } from '../../domain/matching/normalize-party-name.js';
import {
  rankCandidates,
  scoreCandidate,
  type CaseNeeds,
} from '../../domain/matching/score-candidate.js';
import type { Locale } from '../../domain/messages/supported-locales.js';
import { AppError } from '../../domain/app-error.js';
import type { Database } from '../../db/schema.js';
import {
  findFallbackCandidateIds,
  findLanguageCandidateIds,
  findMatchingCase,
  findObjectedMediatorIds,
  findOpposingPartyNames,
  loadMediatorCaseLoads,
  type MatchingCase,
} from '../../db/repositories/mediator-matching-repository.js';
import { findMediatorProfiles } from '../../db/repositories/mediator-profile-repository.js';
import { findRelationshipsByNameKeys } from '../../db/repositories/mediator-relationship-repository.js';
import { loadMediatorAvailabilities } from '../mediators/load-mediator-availability.js';

/** Who may lead a team, and who is the "1+1" lawyer. */
export const leadKinds = ['foreign', 'notary', 'market_operator'];
export const lawyerKinds = ['lawyer'];
/**
 * Candidate generation never scans the roster: the index lookups (by language, then by
 * family) return at most CANDIDATE_CAP mediators per list. With fewer than MIN_LANGUAGE_CANDIDATES leads by
 * language, and always for lawyers (whose first job is Chinese law), a bounded fallback adds
 * the FALLBACK_CAP least recently assigned mediators of the kind, read in index order.
 */
export const CANDIDATE_CAP = 200;
export const MIN_LANGUAGE_CANDIDATES = 10;
export const FALLBACK_CAP = 30;

export interface SuggestedCandidate {
  mediatorId: string;
  displayName: string;
  kind: string;
  nationality: string;
  score: number;
  atLimit: boolean;
  reasons: { code: string; text: string; points: number }[];
  summary: string;
}

export interface ExcludedCandidate {
  mediatorId: string;
  displayName: string;
  kind: string;
  reasons: { code: ExclusionCode; text: string }[];
}

/** The languages and countries a case needs its team to cover. */
export function caseNeedsOf(c: MatchingCase): CaseNeeds {
  const foreign = c.parties.filter((p) => p.isForeign);
  const source = foreign.length > 0 ? foreign : c.parties;
  return {
    category: c.category,
    nationalCategory: c.nationalCategory,
    languages: [...new Set(source.flatMap((p) => p.languages))],
    countries: [...new Set(foreign.map((p) => p.country))],
  };
}

/**
 * Ranks lead and lawyer candidates for a case, with reasons in `locale`. No authorisation:
 * callers (suggest-team, propose-team, the benchmark) decide who may ask.
 */
export async function computeTeamSuggestions(
  db: Kysely<Database>,
  o: { caseId: string; now: string; locale: Locale; limit: number },
) {
  const c = await findMatchingCase(db, o.caseId);
  if (!c) throw new AppError('NOT_FOUND');
  const needs = caseNeedsOf(c);
  const families = [
    ...new Set(needs.languages.map((l) => familyOf(l)).filter((f): f is string => !!f)),
  ];
  const org = await findOrgSettings(db, c.orgId);
  const weights = resolveMatchingWeights(org?.settings.matchingWeights);

  const leadIds = await findLanguageCandidateIds(db, {
    orgId: c.orgId,
    kinds: leadKinds,
    languages: needs.languages,
    families,
    cap: CANDIDATE_CAP,
  });
  if (leadIds.length < MIN_LANGUAGE_CANDIDATES) {
    leadIds.push(
      ...(await findFallbackCandidateIds(db, {
        orgId: c.orgId,
        kinds: leadKinds,
        cap: FALLBACK_CAP,
      })),
    );
  }
  const lawyerIds = [
    ...(await findLanguageCandidateIds(db, {
      orgId: c.orgId,
      kinds: lawyerKinds,
      languages: needs.languages,
      families,
      cap: CANDIDATE_CAP,
    })),
    ...(await findFallbackCandidateIds(db, {
      orgId: c.orgId,
      kinds: lawyerKinds,
      cap: FALLBACK_CAP,
    })),
  ];
  const ids = [...new Set([...leadIds, ...lawyerIds])];
  const profiles = (await findMediatorProfiles(db, ids)).filter((p) => p.active);

  const weekEnd = new Date(new Date(o.now).getTime() + 7 * 86_400_000).toISOString();
  const partyKeys = new Map(c.parties.map((p) => [normalizePartyName(p.name), p.name]));
  const [loads, availability, objected, relationships, opposing] = await Promise.all([
    loadMediatorCaseLoads(db, { mediatorIds: profiles.map((p) => p.id), category: c.category }),
    loadMediatorAvailabilities(db, {
      orgId: c.orgId,
      mediators: profiles.map((p) => ({ id: p.id, timeZone: p.timeZone })),
      from: o.now,
      to: weekEnd,
    }),
    findObjectedMediatorIds(db, c.id),
    findRelationshipsByNameKeys(db, { orgId: c.orgId, nameKeys: [...partyKeys.keys()] }),
    findOpposingPartyNames(db, {
      orgId: c.orgId,
      userIds: profiles.map((p) => p.userId).filter((u): u is string => !!u),
      excludeCaseId: c.id,
    }),
  ]);

  const text = (
    code: Parameters<typeof formatMatchingReason>[1],
    params: Record<string, string | number>,
  ) => formatMatchingReason(o.locale, code, params);
  // Time-zone arithmetic is the costly part of scoring; most candidates share the same facts
  // (same zone, no declared pattern, no leave), so each distinct availability is counted once.
  const daysBySignature = new Map<string, number>();
  const availableDaysOf = (av: Parameters<typeof countAvailableDays>[0]) => {
    const key = JSON.stringify(av);
    let days = daysBySignature.get(key);
    if (days === undefined) {
      days = countAvailableDays(av, o.now, 7);
      daysBySignature.set(key, days);
    }
    return days;
  };
  const excluded: ExcludedCandidate[] = [];
  const scored: (ReturnType<typeof scoreCandidate> & { profile: (typeof profiles)[number] })[] = [];
  for (const p of profiles) {
    const reasons: ExcludedCandidate['reasons'] = [];
    if (objected.includes(p.id)) reasons.push({ code: 'objection', text: text('objection', {}) });
    for (const r of relationships.filter((r) => r.mediatorId === p.id)) {
      reasons.push({
        code: 'declaredRelationship',
        text: text('declaredRelationship', { name: r.name, relation: r.relation }),
      });
    }
    for (const opp of opposing.filter((x) => x.userId === p.userId)) {
      const key = normalizePartyName(opp.opposingName);
      if (partyKeys.has(key)) {
        reasons.push({
          code: 'priorOppositeParty',
          text: text('priorOppositeParty', { name: partyKeys.get(key)! }),
        });
      }
    }
    if (reasons.length > 0) {
      excluded.push({ mediatorId: p.id, displayName: p.displayName, kind: p.kind, reasons });
      continue;
    }
    const load = loads.get(p.id)!;
    const lastAssignedAt =
      [load.lastAssignedAt, p.lastAssignedAt]
        .filter((x): x is string => !!x)
        .sort()
        .pop() ?? null;
    scored.push({
      ...scoreCandidate(
        {
          id: p.id,
          displayName: p.displayName,
          kind: p.kind,
          nationality: p.nationality,
          languages: p.languages,
          expertise: p.expertise,
          caseLimit: p.caseLimit,
          openCases: load.openCases,
          lastAssignedAt,
          availableDays: availableDaysOf(availability.get(p.id)!),
          pastConcluded: load.pastConcluded,
          pastAgreed: load.pastAgreed,
        },
        needs,
        weights,
      ),
      profile: p,
    });
  }

  const present = (s: (typeof scored)[number]): SuggestedCandidate => {
    const reasons = s.reasons.map((r) => ({
      code: r.code,
      text: text(r.code, r.params),
      points: r.points,
    }));
    return {
      mediatorId: s.id,
      displayName: s.profile.displayName,
      kind: s.profile.kind,
      nationality: s.profile.nationality,
      score: s.score,
      atLimit: s.atLimit,
      reasons,
      summary: reasons.map((r) => r.text).join('; '),
    };
  };
  const ranked = rankCandidates(scored);
  return {
    caseId: c.id,
    orgId: c.orgId,
    needs,
    weights,
    leads: ranked
      .filter((s) => leadKinds.includes(s.profile.kind))
      .slice(0, o.limit)
      .map(present),
    lawyers: ranked
      .filter((s) => lawyerKinds.includes(s.profile.kind))
      .slice(0, o.limit)
      .map(present),
    excluded: excluded.sort((a, b) => a.displayName.localeCompare(b.displayName)),
  };
}
