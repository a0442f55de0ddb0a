import { randomUUID } from 'node:crypto';
import type { DatabaseHandle } from '../db/connect-database.js';
import {
  openCaseBulkLoader,
  type BulkCase,
  type BulkPayment,
} from '../db/repositories/case-bulk-repository.js';
import { nationalCategoryOf, type CommercialSubcategory } from '../domain/dispute-categories.js';
import { buildSearchText } from '../domain/search-tokens.js';
import { seededRandom } from './seeded-random.js';

/**
 * A synthetic national history for load tests and the statistics and list-search benchmarks:
 * N cases spread over many organisations from 2013 to `now`, growing year by year, with
 * payments. The columns the statistics read are meaningful, and each summary is a Chinese and
 * English phrase (place, goods, problem) with its real search text, so case lists and `q=`
 * searches have something to find. Rows go in through the bulk loader, which keeps the
 * statistics roll-ups exactly as the triggers would (case-bulk-repository.ts).
 */
export interface GenerateOptions {
  cases: number;
  orgs?: number;
  seed?: number;
  now?: Date;
  /** Cases per transaction. */
  batch?: number;
  onProgress?: (done: number) => void;
  /** Told when secondary indexes are dropped for the load and when they are rebuilt. */
  onIndexes?: (message: string) => void;
}

const places = ['义乌', '广州', '迪拜 Dubai', '开罗 Cairo', '莫斯科 Moscow', '伊斯坦布尔 Istanbul'];
const goods = [
  '纺织品 textiles',
  '小商品 sundries',
  '电子产品 electronics',
  '玩具 toys',
  '陶瓷 ceramics',
  '家具 furniture',
  '服装 garments',
  '灯具 lamps',
];
const problems = [
  '质量不合格 quality defects',
  '逾期交货 late delivery',
  '拖欠货款 unpaid invoice',
  '定金纠纷 deposit dispute',
];
/** Every summary with its search text, computed once (segmenting is the slow part). */
const summaries = places.flatMap((p) =>
  goods.flatMap((g) =>
    problems.map((x) => {
      const summary = `${p} ${g}: ${x}`;
      return { summary, searchText: buildSearchText([summary]) };
    }),
  ),
);

const categories: CommercialSubcategory[] = [
  'goods_quality',
  'payment',
  'delivery',
  'deposit',
  'agency',
  'intellectual_property',
  'contract_other',
];
const sources = [
  'application',
  'application',
  'application',
  'court_referral',
  'own_initiative',
  'police_referral',
  'government_referral',
];
const DAY = 86_400_000;
const BATCH = 20_000;

export async function generateSyntheticHistory(
  handle: DatabaseHandle,
  o: GenerateOptions,
): Promise<{ orgIds: string[]; cases: number; payments: number }> {
  const db = handle.db;
  const rand = seededRandom(o.seed ?? 42);
  const nowMs = (o.now ?? new Date()).getTime();
  const startMs = Date.UTC(2013, 0, 1);
  const span = nowMs - 2 * DAY - startMs;
  const run = randomUUID().slice(0, 8);
  const orgCount = o.orgs ?? 200;
  const orgIds = Array.from({ length: orgCount }, () => randomUUID());
  const at = new Date(startMs).toISOString();
  for (let i = 0; i < orgIds.length; i += 100) {
    await db
      .insertInto('organizations')
      .values(
        orgIds.slice(i, i + 100).map((id, k) => ({
          id,
          slug: `synthetic-${run}-${i + k + 1}`,
          name: `合成调解委员会 ${i + k + 1}`,
          name_en: `Synthetic committee ${i + k + 1}`,
          reference_prefix: '合调',
          settings_json: '{}',
          created_at: at,
        })),
      )
      .execute();
  }
  const loader = await openCaseBulkLoader(handle, { onIndexes: o.onIndexes });
  const batchSize = o.batch ?? BATCH;
  let payments = 0;
  try {
    for (let done = 0; done < o.cases;) {
      const n = Math.min(batchSize, o.cases - done);
      const cases: BulkCase[] = [];
      const pays: BulkPayment[] = [];
      for (let i = 0; i < n; i++) {
        // sqrt: later years have more cases (linear growth of the yearly count).
        const acceptedMs = startMs + Math.floor(Math.sqrt(rand()) * span);
        const id = randomUUID();
        const orgId = orgIds[Math.floor(rand() * orgCount)]!;
        const category = categories[Math.floor(rand() * categories.length)]!;
        const accepted = new Date(acceptedMs).toISOString();
        const dueMs = acceptedMs + 30 * DAY;
        const concludedMs = acceptedMs + (3 + Math.floor(rand() * 40)) * DAY;
        const r = rand();
        const outcome = r < 0.9 ? 'agreed' : r < 0.97 ? 'failed' : 'withdrawn';
        const concluded = concludedMs < nowMs;
        const amount = Math.round(Math.exp(Math.log(60_000) + (rand() - 0.5) * 3)) * 100;
        const status = !concluded
          ? rand() < 0.5
            ? 'accepted'
            : 'in_mediation'
          : outcome === 'agreed'
            ? 'fulfilled'
            : outcome === 'failed'
              ? 'referred'
              : 'withdrawn';
        const agreed = concluded && outcome === 'agreed';
        const text = summaries[Math.floor(rand() * summaries.length)]!;
        cases.push({
          id,
          org_id: orgId,
          reference: `G-${run}-${done + i}`,
          status,
          source: sources[Math.floor(rand() * sources.length)]!,
          category,
          national_category: nationalCategoryOf(category),
          summary: text.summary,
          description: '',
          search_text: text.searchText,
          claimed_amount_minor: amount,
          claimed_currency: 'CNY',
          submitted_at: accepted,
          decided_at: accepted,
          accepted_at: accepted,
          mediation_due_at: new Date(dueMs).toISOString(),
          concluded_at: concluded ? new Date(concludedMs).toISOString() : null,
          outcome: concluded ? outcome : null,
          agreed_at: agreed ? new Date(concludedMs).toISOString() : null,
          agreed_amount_minor: agreed ? amount : null,
          agreed_currency: agreed ? 'CNY' : null,
          agreed_amount_cny_minor: agreed ? amount : null,
          created_at: accepted,
          updated_at: accepted,
        });
        const paidMs = concludedMs + 10 * DAY;
        if (agreed && paidMs < nowMs) {
          pays.push({
            id: randomUUID(),
            org_id: orgId,
            case_id: id,
            amount_minor: amount,
            currency: 'CNY',
            amount_cny_minor: amount,
            fx_rate: '1',
            paid_on: new Date(paidMs).toISOString().slice(0, 10),
            recorded_at: new Date(paidMs).toISOString(),
          });
        }
      }
      await loader.load(cases, pays);
      payments += pays.length;
      done += n;
      o.onProgress?.(done);
    }
  } finally {
    await loader.close();
  }
  return { orgIds, cases: o.cases, payments };
}
