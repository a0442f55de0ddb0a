import type { Kysely } from 'kysely';
import { hotStatement } from '../name-hot-statements.js';
import type { Database } from '../schema.js';
import type { CaseRow } from './case-repository.js';

export interface CasePagePartyRow {
  id: string;
  user_id: string | null;
  role: string;
  kind: string;
  name: string;
  country: string;
  languages_json: string;
  preferred_language: string;
  is_foreign: number;
  email: string | null;
  phone_masked: string | null;
  id_document_type: string | null;
  id_document_masked: string | null;
  address: string | null;
  agent_name: string | null;
}

export interface CasePage {
  case: CaseRow;
  parties: CasePagePartyRow[];
  team: {
    mediator_id: string;
    role: string;
    display_name: string;
    kind: string;
    nationality: string;
    /** The member's sign-in account, if the roster profile has one. */
    user_id: string | null;
    assigned_at: string;
  }[];
  objections: {
    id: string;
    party_id: string;
    mediator_id: string;
    reason: string;
    created_at: string;
    resolved_at: string | null;
  }[];
  agreement: {
    id: string;
    version: number;
    status: string;
    oral: number;
    amount_minor: number | null;
    currency: string | null;
    effective_at: string | null;
    content_json: string;
  } | null;
  filings: {
    id: string;
    kind: string;
    status: string;
    court_id: string;
    court_name: string;
    filed_at: string;
    accepted_at: string | null;
    court_case_number: string | null;
    result: string | null;
    result_at: string | null;
  }[];
  followUps: {
    id: string;
    due_on: string;
    done_at: string | null;
    method: string | null;
    satisfaction: number | null;
  }[];
  instalments: {
    id: string;
    agreement_id: string;
    seq: number;
    due_on: string;
    amount_minor: number;
    paid_minor: number;
    currency: string;
    status: string;
  }[];
  payments: {
    id: string;
    instalment_id: string | null;
    amount_minor: number;
    currency: string;
    amount_cny_minor: number;
    paid_on: string;
  }[];
  timeline: {
    seq: number;
    action: string;
    actor_label: string;
    created_at: string;
    summary_json: string;
  }[];
  extensions: {
    seq: number;
    previous_due_at: string;
    new_due_at: string;
    reason: string;
    created_at: string;
  }[];
  appeal: {
    reason: string;
    created_at: string;
    decision: string | null;
    decision_reason: string | null;
    decided_at: string | null;
  } | null;
}

/** The JSON object and ordered JSON array functions differ by name between the engines. */
interface JsonFunctions {
  object: string;
  /** A JSON array of objects with these `'key', expr` pairs, in `orderBy` order. */
  orderedArray: (pairs: string, orderBy: string[]) => string;
}

/** The key under which SQLite hands each list item's sort key to `inOrder` (see below). */
const ORDER_KEY = '_order';

const sqliteJson: JsonFunctions = {
  object: 'json_object',
  // An ORDER BY inside the aggregate gives each list its own temporary B-tree: the nine of
  // them were a quarter of this statement's time (76 µs against 58 µs, same case, same run).
  // The order is not left to the scan either (SQLite leaves an aggregate's input order
  // undefined): each item carries its sort key, and `inOrder` sorts the few items in JS.
  // json_group_array of no rows is '[]'.
  orderedArray: (pairs, orderBy) =>
    `json_group_array(json_object(${pairs}, '${ORDER_KEY}', json_array(${orderBy.join(', ')})))`,
};

const postgresJson: JsonFunctions = {
  object: 'json_build_object',
  orderedArray: (pairs, orderBy) =>
    `coalesce(json_agg(json_build_object(${pairs}) order by ${orderBy.join(', ')}), '[]'::json)`,
};

/**
 * Every column of `cases`, named: a named PostgreSQL statement must not `select *` (ADR 0019).
 * The type below fails to compile when a column is added to the schema and not here.
 */
const caseColumns = [
  'id',
  'org_id',
  'reference',
  'status',
  'source',
  'referring_court_id',
  'category',
  'national_category',
  'is_maritime',
  'summary',
  'description',
  'claimed_amount_minor',
  'claimed_currency',
  'has_foreign_party',
  'search_text',
  'submitted_at',
  'decided_at',
  'accepted_at',
  'decision_reason',
  'mediation_due_at',
  'concluded_at',
  'outcome',
  'outcome_reason',
  'agreed_at',
  'agreed_amount_minor',
  'agreed_currency',
  'agreed_amount_cny_minor',
  'recovered_cny_minor',
  'closed_at',
  'version',
  'created_at',
  'updated_at',
] as const satisfies readonly (keyof CaseRow)[];
type UnlistedCaseColumn = Exclude<keyof CaseRow, (typeof caseColumns)[number]>;
const everyCaseColumnListed: [UnlistedCaseColumn] extends [never] ? true : UnlistedCaseColumn =
  true;
void everyCaseColumnListed;

/** `'col', alias.col, …`: each JSON object keeps the column names the repository used to return. */
const fields = (alias: string, columns: string[]) =>
  columns.map((c) => `'${c}', ${alias}.${c}`).join(', ');

/**
 * The text of the case page query for one engine: the case row, and each list beside it as one
 * JSON column, each sub-select correlated to the case so the query has a single parameter.
 * Built once per engine at load time: nothing in it comes from a request.
 */
function casePageSql(j: JsonFunctions): string {
  const obj = (alias: string, columns: string[]) => `${j.object}(${fields(alias, columns)})`;
  return `
    select ${caseColumns.map((c) => `c.${c}`).join(', ')},
      (select ${j.orderedArray(
        fields('p', [
          'id',
          'user_id',
          'role',
          'kind',
          'name',
          'country',
          'languages_json',
          'preferred_language',
          'is_foreign',
          'email',
          'phone_masked',
          'id_document_type',
          'id_document_masked',
          'address',
          'agent_name',
        ]),
        ['p.created_at', 'p.role', 'p.id'],
      )}
        from case_parties p where p.case_id = c.id) as parties_json,
      (select ${j.orderedArray(
        `${fields('t', ['mediator_id', 'role'])}, ${fields('m', [
          'display_name',
          'kind',
          'nationality',
          'user_id',
        ])}, ${fields('t', ['assigned_at'])}`,
        ['t.assigned_at', 't.id'],
      )}
        from case_team_members t join mediator_profiles m on m.id = t.mediator_id
        where t.case_id = c.id and t.removed_at is null) as team_json,
      (select ${j.orderedArray(
        fields('o', ['id', 'party_id', 'mediator_id', 'reason', 'created_at', 'resolved_at']),
        ['o.created_at'],
      )}
        from team_objections o where o.case_id = c.id) as objections_json,
      (select ${obj('a', [
        'id',
        'version',
        'status',
        'oral',
        'amount_minor',
        'currency',
        'effective_at',
        'content_json',
      ])}
        from agreements a where a.case_id = c.id order by a.version desc limit 1) as agreement_json,
      (select ${j.orderedArray(
        `${fields('f', ['id', 'kind', 'status', 'court_id'])}, 'court_name', k.name, ${fields('f', [
          'filed_at',
          'accepted_at',
          'court_case_number',
          'result',
          'result_at',
        ])}`,
        ['f.filed_at'],
      )}
        from court_filings f join courts k on k.id = f.court_id where f.case_id = c.id) as filings_json,
      (select ${j.orderedArray(fields('u', ['id', 'due_on', 'done_at', 'method', 'satisfaction']), [
        'u.due_on',
      ])}
        from follow_ups u where u.case_id = c.id) as follow_ups_json,
      (select ${j.orderedArray(
        fields('i', [
          'id',
          'agreement_id',
          'seq',
          'due_on',
          'amount_minor',
          'paid_minor',
          'currency',
          'status',
        ]),
        ['i.seq'],
      )}
        from instalments i where i.case_id = c.id) as instalments_json,
      (select ${j.orderedArray(
        fields('y', [
          'id',
          'instalment_id',
          'amount_minor',
          'currency',
          'amount_cny_minor',
          'paid_on',
        ]),
        ['y.paid_on', 'y.recorded_at'],
      )}
        from payments y where y.case_id = c.id) as payments_json,
      (select ${j.orderedArray(
        fields('e', ['seq', 'action', 'actor_label', 'created_at', 'summary_json']),
        ['e.seq'],
      )}
        from (select seq, action, actor_label, created_at, summary_json from audit_events
          where case_id = c.id order by seq limit 1000) e) as timeline_json,
      (select ${j.orderedArray(
        fields('x', ['seq', 'previous_due_at', 'new_due_at', 'reason', 'created_at']),
        ['x.seq'],
      )}
        from case_deadline_extensions x where x.case_id = c.id) as extensions_json,
      (select ${obj('r', ['reason', 'created_at', 'decision', 'decision_reason', 'decided_at'])}
        from case_rejection_appeals r where r.case_id = c.id limit 1) as appeal_json
    from cases c
    where c.id = `;
}

const casePageQuery = hotStatement('case_page', {
  sqlite: `${casePageSql(sqliteJson)}?`,
  postgres: `${casePageSql(postgresJson)}$1`,
});

type JsonColumn = string | object | null;

/** SQLite returns JSON as text; pg parses json columns itself. */
const fromJson = <T>(v: JsonColumn): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

type SortKey = (string | number | null)[];

/** SQLite's order for the values a sort key holds: NULL, then numbers, then text (BINARY). */
function compareSortKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (typeof x !== typeof y) return typeof x === 'number' ? -1 : 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * A list in its SQL order. From SQLite each item carries its sort key (see `sqliteJson`); the
 * keys are ASCII (timestamps, dates, UUIDs, roles) or integers, where JS and BINARY agree. From
 * PostgreSQL the list is already ordered and has no keys.
 */
function inOrder<T>(v: JsonColumn): T[] {
  const list = fromJson<(T & { [ORDER_KEY]?: SortKey })[]>(v);
  if (list.length > 1 && list[0]![ORDER_KEY]) {
    list.sort((a, b) => compareSortKeys(a[ORDER_KEY]!, b[ORDER_KEY]!));
  }
  return list;
}

/**
 * Everything the case page shows, in one round trip; undefined if there is no such case. The
 * caller decides what the actor may see from `parties`, `team` and `filings` before anything
 * leaves the process (they are the access facts, see `casePageAccessFacts`).
 */
export async function findCasePage(
  db: Kysely<Database>,
  caseId: string,
): Promise<CasePage | undefined> {
  const { rows } = await db.executeQuery(
    casePageQuery.compile<
      CaseRow & {
        parties_json: JsonColumn;
        team_json: JsonColumn;
        objections_json: JsonColumn;
        agreement_json: JsonColumn;
        filings_json: JsonColumn;
        follow_ups_json: JsonColumn;
        instalments_json: JsonColumn;
        payments_json: JsonColumn;
        timeline_json: JsonColumn;
        extensions_json: JsonColumn;
        appeal_json: JsonColumn;
      }
    >(db, [caseId]),
  );
  const row = rows[0];
  if (!row) return undefined;
  // The row is the case as it is: copying 40 columns without the JSON ones costs more than
  // carrying them along, and the page names every field it shows.
  return {
    case: row,
    parties: inOrder(row.parties_json),
    team: inOrder(row.team_json),
    objections: inOrder(row.objections_json),
    agreement: fromJson(row.agreement_json),
    filings: inOrder(row.filings_json),
    followUps: inOrder(row.follow_ups_json),
    instalments: inOrder(row.instalments_json),
    payments: inOrder(row.payments_json),
    timeline: inOrder(row.timeline_json),
    extensions: inOrder(row.extensions_json),
    appeal: fromJson(row.appeal_json),
  };
}
