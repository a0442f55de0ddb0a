import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/db/schema.js';
import type { AgreementContent } from '../../src/domain/agreement-content.js';
import { newId } from '../../src/domain/new-id.js';
import {
  sessionParticipantsJson,
  sessionRecordJson,
  type SessionPerson,
  type SessionRecord,
} from '../../src/domain/session-record.js';
import { storageKeyOf } from '../../src/documents/store/document-store.js';
import type { CaseStatus } from '../../src/domain/case-status.js';
import {
  createCase,
  createCourt,
  createMediator,
  createOrg,
  type PartyInput,
} from './factories.js';

const AT = '2026-02-10T03:00:00.000Z';

/**
 * A content_json valid per src/domain/agreement-content.ts, with translations into `lang` (or
 * into each of several languages).
 */
export function agreementContentFor(
  lang: string | string[],
  o: Partial<AgreementContent> = {},
): AgreementContent {
  const foreign: Record<string, Record<string, string>> = {
    ar: {
      facts: 'اشترى المشتري ٥٠٠ كرتونة من الأحذية وتبين أن ١٢٠ منها معيبة.',
      matters: 'جودة البضائع وقيمة التعويض.',
      resp: 'يتحمل البائع مسؤولية العيوب.',
      point1: 'يدفع البائع للمشتري مبلغ ١٢٠٠٠ دولار أمريكي تعويضًا.',
      point2: 'يستعيد البائع البضائع المعيبة على نفقته.',
      perf: 'تحويل مصرفي على قسطين.',
    },
    ru: {
      facts: 'Покупатель приобрёл 500 коробок обуви, 120 из них оказались бракованными.',
      matters: 'Качество товара и размер компенсации.',
      resp: 'Продавец несёт ответственность за дефекты.',
      point1: 'Продавец выплачивает покупателю компенсацию 12 000 долларов США.',
      point2: 'Продавец за свой счёт забирает бракованный товар.',
      perf: 'Банковский перевод двумя платежами.',
    },
    fa: {
      facts: 'خریدار ۵۰۰ کارتن کفش خرید که ۱۲۰ کارتن آن معیوب بود.',
      matters: 'کیفیت کالا و میزان غرامت.',
      resp: 'فروشنده مسئولیت عیوب را بر عهده دارد.',
      point1: 'فروشنده مبلغ ۱۲۰۰۰ دلار آمریکا به عنوان غرامت به خریدار می‌پردازد.',
      point2: 'فروشنده کالاهای معیوب را با هزینه خود پس می‌گیرد.',
      perf: 'انتقال بانکی در دو قسط.',
    },
  };
  const langs = Array.isArray(lang) ? lang : [lang];
  const lt = (zh: string, key: string) => ({
    lang: 'zh',
    text: zh,
    translations: Object.fromEntries(langs.map((l) => [l, (foreign[l] ?? foreign.ar!)[key]!])),
  });
  return {
    facts: lt('买方购买鞋类500箱，其中120箱存在质量缺陷。', 'facts'),
    disputedMatters: lt('货物质量及赔偿金额。', 'matters'),
    responsibilities: lt('卖方对质量缺陷承担责任。', 'resp'),
    points: [
      { no: 1, text: lt('卖方向买方支付赔偿款12000美元。', 'point1') },
      { no: 2, text: lt('卖方自费取回有缺陷的货物。', 'point2') },
    ],
    amount: '12000.00',
    currency: 'USD',
    performanceMethod: lt('银行转账，分两期支付。', 'perf'),
    instalments: [
      { seq: 1, dueOn: '2026-03-01', amount: '6000.00' },
      { seq: 2, dueOn: '2026-04-01', amount: '6000.00' },
    ],
    prevailingLanguage: 'zh',
    ...o,
  };
}

export async function createAgreement(
  db: Kysely<Database>,
  o: {
    orgId: string;
    caseId: string;
    status?: 'proposal' | 'draft' | 'final' | 'in_effect';
    content: AgreementContent;
    version?: number;
    sealed?: boolean;
  },
) {
  const id = newId();
  const status = o.status ?? 'in_effect';
  const signed = status === 'in_effect' || status === 'final';
  const textHash = signed
    ? createHash('sha256').update(JSON.stringify(o.content)).digest('hex')
    : null;
  await db
    .insertInto('agreements')
    .values({
      id,
      org_id: o.orgId,
      case_id: o.caseId,
      version: o.version ?? 1,
      status,
      content_json: JSON.stringify(o.content),
      text_hash: textHash,
      amount_minor: o.content.amount ? Math.round(Number(o.content.amount) * 100) : null,
      currency: o.content.currency,
      prevailing_language: o.content.prevailingLanguage,
      sealed_at: status === 'in_effect' ? AT : null,
      effective_at: status === 'in_effect' ? AT : null,
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  return { id, textHash };
}

export async function signAgreement(
  db: Kysely<Database>,
  o: {
    orgId: string;
    agreementId: string;
    textHash: string;
    partyId?: string;
    mediatorId?: string;
    name: string;
  },
) {
  await db
    .insertInto('agreement_signatures')
    .values({
      id: newId(),
      org_id: o.orgId,
      agreement_id: o.agreementId,
      signer_kind: o.partyId ? 'party' : 'mediator',
      party_id: o.partyId ?? null,
      mediator_id: o.mediatorId ?? null,
      signer_name: o.name,
      method: 'electronic',
      signed_at: AT,
      text_hash: o.textHash,
    })
    .execute();
}

export async function createHeldSession(
  db: Kysely<Database>,
  o: { orgId: string; caseId: string; record: SessionRecord; participants: SessionPerson[] },
) {
  const id = newId();
  await db
    .insertInto('mediation_sessions')
    .values({
      id,
      org_id: o.orgId,
      case_id: o.caseId,
      starts_at: '2026-02-05T02:00:00.000Z',
      time_zone: 'Asia/Shanghai',
      duration_minutes: 90,
      mode: 'in_person',
      room: '义乌调解室 3',
      status: 'held',
      participants_json: sessionParticipantsJson(o.participants),
      record_json: sessionRecordJson(o.record),
      interpreter_present: 1,
      held_at: '2026-02-05T03:30:00.000Z',
      created_at: AT,
      updated_at: AT,
    })
    .execute();
  return { id };
}

export const foreignParty: Record<'ar' | 'ru' | 'fa', PartyInput> = {
  fa: {
    role: 'applicant',
    kind: 'person',
    name: 'مریم رضایی',
    country: 'IR',
    languages: ['fa'],
    preferredLanguage: 'fa',
  },
  ar: {
    role: 'applicant',
    kind: 'person',
    name: 'أحمد محمود',
    country: 'EG',
    languages: ['ar', 'en'],
    preferredLanguage: 'ar',
  },
  ru: {
    role: 'applicant',
    kind: 'person',
    name: 'Иван Петров',
    country: 'RU',
    languages: ['ru'],
    preferredLanguage: 'ru',
  },
};

/**
 * A case with a foreign party speaking `lang`, a Chinese respondent, a two-person team, an
 * agreement (in effect unless said otherwise), a held session with a record, and the seat court.
 */
export async function createDocumentCase(
  db: Kysely<Database>,
  o: {
    lang: 'ar' | 'ru' | 'fa';
    orgId?: string;
    status?: CaseStatus;
    /** More parties, after the foreign party and the Chinese respondent. */
    extraParties?: PartyInput[];
    agreementStatus?: 'proposal' | 'draft' | 'final' | 'in_effect' | null;
    foreignName?: string;
    content?: AgreementContent;
  },
) {
  const orgId = o.orgId ?? (await createOrg(db, { name: '义乌市涉外纠纷人民调解委员会' })).id;
  const court = await createCourt(db, orgId);
  const lead = await createMediator(db, { orgId, name: 'Karim Haddad', nationality: 'JO' });
  const lawyer = await createMediator(db, {
    orgId,
    kind: 'lawyer',
    name: '王律师',
    nationality: 'CN',
  });
  const party = { ...foreignParty[o.lang], ...(o.foreignName ? { name: o.foreignName } : {}) };
  const c = await createCase(db, {
    orgId,
    status: o.status ?? 'performing',
    teamMediatorIds: [lead.id, lawyer.id],
    parties: [
      party,
      {
        role: 'respondent',
        kind: 'organization',
        name: '义乌市福田鞋业商行',
        country: 'CN',
        languages: ['zh'],
        preferredLanguage: 'zh',
      },
      ...(o.extraParties ?? []),
    ],
  });
  await db
    .updateTable('case_parties')
    .set({
      address: '浙江省义乌市福田街道 88 号',
      phone_masked: '••••5678',
      id_document_type: 'passport',
      id_document_masked: '••••4567',
    })
    .where('case_id', '=', c.id)
    .execute();
  let agreement: { id: string; textHash: string | null } | undefined;
  if (o.agreementStatus !== null) {
    const content = o.content ?? agreementContentFor(o.lang);
    agreement = await createAgreement(db, {
      orgId,
      caseId: c.id,
      status: o.agreementStatus ?? 'in_effect',
      content,
    });
    if (agreement.textHash) {
      for (const partyId of c.partyIds) {
        for (const pointNo of [1, 2]) {
          await db
            .insertInto('agreement_confirmations')
            .values({
              id: newId(),
              org_id: orgId,
              agreement_id: agreement.id,
              party_id: partyId,
              point_no: pointNo,
              confirmed_at: '2026-02-09T08:00:00.000Z',
            })
            .execute();
        }
      }
      await signAgreement(db, {
        orgId,
        agreementId: agreement.id,
        textHash: agreement.textHash,
        partyId: c.partyIds[0]!,
        name: party.name!,
      });
      await signAgreement(db, {
        orgId,
        agreementId: agreement.id,
        textHash: agreement.textHash,
        mediatorId: lead.id,
        name: 'Karim Haddad',
      });
    }
  }
  const people: SessionPerson[] = [
    { kind: 'party', id: c.partyIds[0]!, name: party.name!, role: 'applicant' },
    { kind: 'party', id: c.partyIds[1]!, name: '义乌市福田鞋业商行', role: 'respondent' },
    { kind: 'mediator', id: lead.id, name: 'Karim Haddad', role: 'lead' },
    { kind: 'mediator', id: lawyer.id, name: '王律师', role: 'lawyer' },
  ];
  const session = await createHeldSession(db, {
    orgId,
    caseId: c.id,
    participants: people,
    record: {
      lang: 'zh',
      text: '双方确认货物存在质量问题，同意协商赔偿。',
      translations: { [o.lang]: agreementContentFor(o.lang).facts.translations[o.lang]! },
      attendees: people,
      recordedBy: newId(),
      recordedAt: '2026-02-05T03:30:00.000Z',
    },
  });
  return {
    orgId,
    caseId: c.id,
    partyIds: c.partyIds,
    courtId: court.id,
    leadId: lead.id,
    agreement,
    sessionId: session.id,
  };
}

let uploadSeq = 0;

/** Stores `bytes` the way the document store does and records an upload row for the case. */
export async function createUploadedFile(
  db: Kysely<Database>,
  dataDir: string,
  o: {
    orgId: string;
    caseId: string;
    kind: string;
    filename: string;
    mediaType: string;
    bytes: Buffer | null;
  },
) {
  const id = newId();
  const bytes = o.bytes ?? Buffer.from('gone');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // The document store's layout (src/documents/store): <dataDir>/documents/<2 hex>/<sha256>.
  const storageKey = storageKeyOf(sha256);
  if (o.bytes) {
    mkdirSync(join(dataDir, 'documents', sha256.slice(0, 2)), { recursive: true });
    writeFileSync(join(dataDir, storageKey), bytes);
  }
  await db
    .insertInto('documents')
    .values({
      id,
      org_id: o.orgId,
      case_id: o.caseId,
      kind: o.kind,
      filename: o.filename,
      media_type: o.mediaType,
      size_bytes: bytes.length,
      sha256,
      storage_key: storageKey,
      visibility: 'all',
      // Distinct instants, so that files keep the order in which the test uploaded them.
      created_at: new Date(Date.parse(AT) + ++uploadSeq * 1000).toISOString(),
    })
    .execute();
  return { id, sha256 };
}
