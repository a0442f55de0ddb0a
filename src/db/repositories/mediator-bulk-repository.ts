import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.js';
import { familyOf } from '../../domain/language-families.js';
import { newId } from '../../domain/new-id.js';
import { nationalCategoryOf, type CaseCategory } from '../../domain/dispute-categories.js';

/**
 * Synthetic rosters for scale tests and the match benchmark (`accord generate`), written with
 * multi-row inserts inside transactions of CHUNK_ROWS profiles, so a million mediators take
 * minutes, not hours. Everything here is marked synthetic (org slug `synthetic-…`).
 */
const CHUNK_PROFILES = 400;
const PROFILES_PER_TRANSACTION = 20_000;

/** Languages of the synthetic world with the country they are most spoken in, roughly weighted. */
const languagePool: [language: string, country: string, weight: number][] = [
  ['ar', 'EG', 10],
  ['ar', 'SA', 4],
  ['ar', 'MA', 3],
  ['ru', 'RU', 8],
  ['en', 'GB', 4],
  ['en', 'US', 4],
  ['en', 'NG', 3],
  ['es', 'ES', 3],
  ['es', 'MX', 3],
  ['es', 'CO', 2],
  ['fr', 'FR', 3],
  ['fr', 'SN', 2],
  ['pt', 'BR', 3],
  ['fa', 'IR', 4],
  ['ur', 'PK', 4],
  ['hi', 'IN', 4],
  ['bn', 'BD', 2],
  ['tr', 'TR', 4],
  ['uz', 'UZ', 2],
  ['kk', 'KZ', 2],
  ['uk', 'UA', 2],
  ['pl', 'PL', 1],
  ['de', 'DE', 2],
  ['it', 'IT', 1],
  ['sw', 'KE', 2],
  ['sw', 'TZ', 1],
  ['am', 'ET', 1],
  ['ha', 'NG', 1],
  ['id', 'ID', 2],
  ['ms', 'MY', 1],
  ['vi', 'VN', 2],
  ['th', 'TH', 1],
  ['ko', 'KR', 2],
  ['ja', 'JP', 1],
  ['mn', 'MN', 1],
  ['he', 'IL', 1],
  ['ps', 'AF', 1],
  ['az', 'AZ', 1],
  ['ka', 'GE', 1],
  ['hy', 'AM', 1],
];
const totalWeight = languagePool.reduce((s, l) => s + l[2], 0);
const categories: CaseCategory[] = [
  'goods_quality',
  'payment',
  'delivery',
  'deposit',
  'agency',
  'intellectual_property',
  'contract_other',
];
const proficiencyOrder = ['native', 'fluent', 'working'] as const;

function weightedLanguage(rand: () => number): [string, string] {
  let x = rand() * totalWeight;
  for (const [lang, country, w] of languagePool) {
    x -= w;
    if (x <= 0) return [lang, country];
  }
  return ['en', 'GB'];
}

function syntheticMediator(rand: () => number, orgId: string, n: number, at: string) {
  const r = rand();
  const kind =
    r < 0.3
      ? 'foreign'
      : r < 0.7
        ? 'lawyer'
        : r < 0.8
          ? 'notary'
          : r < 0.9
            ? 'market_operator'
            : 'interpreter';
  const languages: { code: string; proficiency: string }[] = [];
  let nationality = 'CN';
  if (kind === 'foreign' || kind === 'interpreter') {
    const [lang, country] = weightedLanguage(rand);
    languages.push({ code: lang, proficiency: 'native' });
    nationality = kind === 'foreign' ? country : 'CN';
    languages.push({ code: 'zh', proficiency: kind === 'foreign' ? 'fluent' : 'native' });
  } else {
    languages.push({ code: 'zh', proficiency: 'native' });
  }
  const extra = Math.floor(rand() * 3);
  for (let i = 0; i < extra; i++) {
    const [lang] = weightedLanguage(rand);
    if (!languages.some((l) => l.code === lang)) {
      languages.push({ code: lang, proficiency: proficiencyOrder[1 + Math.floor(rand() * 2)]! });
    }
  }
  const expertise = categories.filter(() => rand() < 0.3);
  return {
    profile: {
      id: newId(),
      org_id: orgId,
      display_name: `Synthetic mediator ${n}`,
      kind,
      nationality,
      languages_json: JSON.stringify(languages),
      expertise_json: JSON.stringify(expertise),
      case_limit: 3 + Math.floor(rand() * 6),
      time_zone: 'Asia/Shanghai',
      created_at: at,
      updated_at: at,
    },
    languages,
  };
}

export interface SyntheticRosterResult {
  orgIds: string[];
  mediators: number;
}

/**
 * Inserts `count` synthetic mediators into new organisations of `orgSize` mediators each
 * (the national picture: many committees, each with its own roster).
 */
export async function insertSyntheticRoster(
  db: Kysely<Database>,
  o: {
    count: number;
    orgSize: number;
    rand: () => number;
    at: string;
    onProgress?: (done: number) => void;
  },
): Promise<SyntheticRosterResult> {
  const orgIds: string[] = [];
  let done = 0;
  while (done < o.count) {
    const batch = Math.min(PROFILES_PER_TRANSACTION, o.count - done);
    await db.transaction().execute(async (trx) => {
      let written = 0;
      while (written < batch) {
        const n = done + written;
        if (n % o.orgSize === 0 || orgIds.length === 0) {
          const id = newId();
          await trx
            .insertInto('organizations')
            .values({
              id,
              slug: `synthetic-${id}`,
              name: `合成调解委员会 ${orgIds.length + 1}`,
              name_en: `Synthetic committee ${orgIds.length + 1}`,
              reference_prefix: '合调',
              created_at: o.at,
            })
            .execute();
          orgIds.push(id);
        }
        const orgId = orgIds[orgIds.length - 1]!;
        const untilOrgEnd = o.orgSize - (n % o.orgSize);
        const size = Math.min(CHUNK_PROFILES, batch - written, untilOrgEnd);
        const rows = Array.from({ length: size }, (_, i) =>
          syntheticMediator(o.rand, orgId, n + i + 1, o.at),
        );
        await trx
          .insertInto('mediator_profiles')
          .values(rows.map((r) => r.profile))
          .execute();
        await trx
          .insertInto('mediator_languages')
          .values(
            rows.flatMap((r) =>
              r.languages.map((l) => ({
                org_id: orgId,
                mediator_id: r.profile.id,
                language: l.code,
                family: familyOf(l.code) ?? null,
                proficiency: l.proficiency,
              })),
            ),
          )
          .execute();
        written += size;
      }
    });
    done += batch;
    o.onProgress?.(done);
  }
  // Fresh statistics, so both planners pick the language indexes on the grown tables.
  await sql`analyze`.execute(db);
  return { orgIds, mediators: done };
}

/** A synthetic accepted case in an org: one foreign applicant, one Chinese respondent. */
export async function insertSyntheticCase(
  db: Kysely<Database>,
  o: { orgId: string; rand: () => number; at: string },
): Promise<string> {
  const id = newId();
  const [lang, country] = weightedLanguage(o.rand);
  const category = categories[Math.floor(o.rand() * categories.length)]!;
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cases')
      .values({
        id,
        org_id: o.orgId,
        reference: `SYN-${id}`,
        status: 'accepted',
        source: 'application',
        category,
        national_category: nationalCategoryOf(category),
        summary: 'Synthetic dispute',
        description: 'Synthetic dispute for the match benchmark.',
        has_foreign_party: 1,
        submitted_at: o.at,
        accepted_at: o.at,
        created_at: o.at,
        updated_at: o.at,
      })
      .execute();
    await trx
      .insertInto('case_parties')
      .values([
        {
          id: newId(),
          org_id: o.orgId,
          case_id: id,
          role: 'applicant',
          kind: 'person',
          name: `Buyer ${id.slice(0, 6)}`,
          country,
          languages_json: JSON.stringify([lang]),
          preferred_language: lang,
          is_foreign: 1,
          created_at: o.at,
        },
        {
          id: newId(),
          org_id: o.orgId,
          case_id: id,
          role: 'respondent',
          kind: 'organization',
          name: `义乌商行 ${id.slice(0, 6)}`,
          country: 'CN',
          languages_json: JSON.stringify(['zh']),
          preferred_language: 'zh',
          is_foreign: 0,
          created_at: o.at,
        },
      ])
      .execute();
    await trx
      .insertInto('case_languages')
      .values(
        [...new Set([lang, 'zh'])].map((language) => ({ org_id: o.orgId, case_id: id, language })),
      )
      .execute();
  });
  return id;
}
