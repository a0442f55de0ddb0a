// pdf: renders the bilingual mediation agreement (zh + ar, then zh + ru, alternating) N times
// in one process. first_ms includes starting the compiler and loading the fonts; p50_ms is
// the warm figure a request pays. Runs standalone too: `npx tsx bench/pdf.ts`.
import { buildAgreementData } from '../src/documents/build-agreement-data.js';
import type {
  CaseDocumentBundle,
  DocumentAgreement,
} from '../src/documents/case-document-bundle.js';
import { renderTypstDocument } from '../src/documents/render-typst-document.js';

const docs = Number(process.env.BENCH_DOCS ?? 60);

const lt = (zh: string, ar: string, ru: string) => ({
  lang: 'zh',
  text: zh,
  translations: { ar, ru },
});

function bundleFor(lang: 'ar' | 'ru'): {
  bundle: CaseDocumentBundle;
  agreement: DocumentAgreement;
} {
  const agreement: DocumentAgreement = {
    id: 'a1',
    version: 2,
    status: 'in_effect',
    oral: false,
    textHash: 'c36a96ad6c13c85aa20fcf1b47445a2747d294bb3b66f47f66a14f154442981c',
    amountMinor: 1_200_000,
    currency: 'USD',
    prevailingLanguage: 'zh',
    sealedAt: '2026-02-10T03:00:00.000Z',
    effectiveAt: '2026-02-10T03:00:00.000Z',
    createdAt: '2026-02-09T03:00:00.000Z',
    confirmations: [],
    signatures: [],
    content: {
      facts: lt(
        '买方购买鞋类500箱，其中120箱存在质量缺陷。'.repeat(6),
        'اشترى المشتري ٥٠٠ كرتونة من الأحذية وتبين أن ١٢٠ منها معيبة. '.repeat(6),
        'Покупатель приобрёл 500 коробок обуви, 120 из них оказались бракованными. '.repeat(6),
      ),
      disputedMatters: lt(
        '货物质量及赔偿金额。',
        'جودة البضائع وقيمة التعويض.',
        'Качество товара и размер компенсации.',
      ),
      responsibilities: lt(
        '卖方对质量缺陷承担责任。',
        'يتحمل البائع مسؤولية العيوب.',
        'Продавец несёт ответственность за дефекты.',
      ),
      points: [1, 2, 3, 4].map((no) => ({
        no,
        text: lt(
          `第${no}项：卖方向买方支付赔偿款3000美元。`,
          `البند ${no}: يدفع البائع ٣٠٠٠ دولار.`,
          `Пункт ${no}: продавец выплачивает 3000 долларов.`,
        ),
      })),
      amount: '12000.00',
      currency: 'USD',
      performanceMethod: lt(
        '银行转账，分两期支付。',
        'تحويل مصرفي على قسطين.',
        'Банковский перевод двумя платежами.',
      ),
      instalments: [
        { seq: 1, dueOn: '2026-03-01', amount: '6000.00' },
        { seq: 2, dueOn: '2026-04-01', amount: '6000.00' },
      ],
      prevailingLanguage: 'zh',
    },
  };
  const bundle: CaseDocumentBundle = {
    org: {
      id: 'o1',
      name: '义乌市涉外纠纷人民调解委员会',
      nameEn: 'Yiwu Foreign-Related Dispute People’s Mediation Committee',
    },
    case: {
      id: 'c1',
      reference: '(2026) 义外调 No. 0042',
      status: 'performing',
      source: 'application',
      category: 'goods_quality',
      nationalCategory: '合同',
      summary: 'Shoes',
      description: 'Shoes',
      submittedAt: '2026-01-05T00:00:00.000Z',
      acceptedAt: '2026-01-06T00:00:00.000Z',
      claimedAmountMinor: 1_500_000,
      claimedCurrency: 'USD',
      outcomeReason: null,
    },
    parties: [
      {
        id: 'p1',
        role: 'applicant',
        kind: 'person',
        name: lang === 'ar' ? 'أحمد محمود' : 'Иван Петров',
        country: lang === 'ar' ? 'EG' : 'RU',
        preferredLanguage: lang,
        address: null,
        idDocumentType: 'passport',
        idDocumentMasked: '••••4567',
        phoneEnc: null,
        phoneMasked: null,
        email: null,
        agentName: null,
      },
      {
        id: 'p2',
        role: 'respondent',
        kind: 'organization',
        name: '义乌市福田鞋业商行',
        country: 'CN',
        preferredLanguage: 'zh',
        address: '浙江省义乌市福田街道 88 号',
        idDocumentType: null,
        idDocumentMasked: null,
        phoneEnc: null,
        phoneMasked: null,
        email: null,
        agentName: null,
      },
    ],
    team: [
      { mediatorId: 'm1', name: 'Karim Haddad', kind: 'foreign', role: 'lead' },
      { mediatorId: 'm2', name: '王律师', kind: 'lawyer', role: 'lawyer' },
    ],
    agreement,
    sessions: [],
    filings: [],
    files: [],
    followUps: [],
    payments: [],
  };
  return { bundle, agreement };
}

const inputs = (['ar', 'ru'] as const).map((lang) => {
  const { bundle, agreement } = bundleFor(lang);
  return buildAgreementData(bundle, agreement, {
    publicUrl: 'https://accord.example',
    printedAt: '2026-03-01T00:00:00.000Z',
  });
});

const times: number[] = [];
let pages = 0;
for (let i = 0; i < docs; i++) {
  const start = performance.now();
  pages += renderTypstDocument('agreement', inputs[i % 2]).pages;
  times.push(performance.now() - start);
}
const firstMs = times[0]!;
const warm = times.slice(1).sort((a, b) => a - b);
const pct = (p: number) => warm[Math.min(warm.length - 1, Math.floor(p * warm.length))] ?? firstMs;
console.log(
  JSON.stringify({
    bench: 'pdf',
    docs,
    p50_ms: Math.round(pct(0.5) * 10) / 10,
    p95_ms: Math.round(pct(0.95) * 10) / 10,
    first_ms: Math.round(firstMs),
    pages_per_doc: Math.round((pages / docs) * 10) / 10,
  }),
);
