import { PDFDocument, StandardFonts, rgb, type PDFPage } from 'pdf-lib';
import { currencyDigits } from '../domain/money.js';
import type { CaseDocumentBundle, DocumentFile } from './case-document-bundle.js';
import { buildDocumentData, type BuildOptions, type DocumentKind } from './build-document-data.js';
import { codeLabel } from './document-code-labels.js';
import { fillLabel, languageName, type DocumentLanguage } from './document-labels.js';
import { dossierLabels, type DossierLabels } from './dossier-labels.js';
import { renderTypstDocument, type TemplateName } from './render-typst-document.js';
import { countryName, resolveDocumentLanguages } from './resolve-document-languages.js';
import { formatAmountFigures, spellAmount } from './spell-amount.js';

/**
 * The dossier (卷宗) in the fixed order of DESIGN §2: cover and contents, intake register,
 * notice of rights and duties, identity proof, power of attorney, investigation records,
 * evidence, mediation records, the agreement, proof of performance and follow-up, confirmation
 * papers, back cover. Parts that do not exist for the case are left out; uploaded PDFs and
 * images become pages; anything else gets a page naming it and its hash.
 */
interface Section {
  key: keyof DossierLabels['sections'];
  titleZh: string;
  titleEn: string;
  /** Upload kinds filed under this section (the document store's `documents.kind`). */
  uploadKinds?: string[];
}

export const dossierSections: Section[] = [
  {
    key: 'intake',
    titleZh: '受理登记表',
    titleEn: 'Intake register',
    uploadKinds: ['application'],
  },
  { key: 'notice', titleZh: '权利义务告知书', titleEn: 'Notice of rights and duties' },
  {
    key: 'identity',
    titleZh: '当事人身份证明',
    titleEn: 'Identity proof',
    uploadKinds: ['identity', 'identity_proof', 'id_document'],
  },
  {
    key: 'poa',
    titleZh: '授权委托书',
    titleEn: 'Power of attorney',
    uploadKinds: ['power_of_attorney'],
  },
  {
    key: 'investigation',
    titleZh: '调查笔录',
    titleEn: 'Investigation records',
    uploadKinds: ['investigation', 'investigation_record'],
  },
  { key: 'evidence', titleZh: '证据材料', titleEn: 'Evidence', uploadKinds: ['evidence'] },
  {
    key: 'records',
    titleZh: '调解笔录',
    titleEn: 'Mediation records',
    uploadKinds: ['session_record'],
  },
  { key: 'agreement', titleZh: '调解协议书', titleEn: 'Mediation agreement' },
  {
    key: 'performance',
    titleZh: '履行凭证及回访记录',
    titleEn: 'Proof of performance and follow-up',
    uploadKinds: ['performance_proof', 'payment_proof', 'receipt', 'follow_up'],
  },
  {
    key: 'confirmation',
    titleZh: '司法确认材料',
    titleEn: 'Judicial confirmation papers',
    uploadKinds: ['confirmation', 'court_decision', 'court_filing'],
  },
];

// Documents Accord generates itself are printed fresh (or from their stored copy) in their
// own section, never again as uploads.
const generatedKinds = new Set([
  'agreement',
  'certificate',
  'confirmation-application',
  'litigation-referral',
  'session-record',
  'notice-of-rights',
]);

export interface DossierInput {
  bundle: CaseDocumentBundle;
  options: BuildOptions;
  /** The stored bytes of an upload, or undefined when the file is missing from the store. */
  readFile: (f: DocumentFile) => Promise<Buffer | undefined>;
  /** The stored, immutable agreement PDF when one exists (it is what was signed). */
  storedAgreementPdf?: Buffer | undefined;
}

interface Part {
  pdf: Buffer | Uint8Array;
  pages: number;
  detail: string | null;
}

const A4: [number, number] = [595.28, 841.89];

async function imagePage(bytes: Buffer, mediaType: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const image = mediaType === 'image/png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes);
  const page: PDFPage = doc.addPage(A4);
  const margin = 36;
  const scale = Math.min(
    (A4[0] - 2 * margin) / image.width,
    (A4[1] - 2 * margin) / image.height,
    1,
  );
  const w = image.width * scale;
  const h = image.height * scale;
  page.drawImage(image, { x: (A4[0] - w) / 2, y: (A4[1] - h) / 2, width: w, height: h });
  return doc.save();
}

async function pageCount(pdf: Buffer | Uint8Array): Promise<number> {
  return (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
}

type Frame = {
  bilingual: boolean;
  lang2: DocumentLanguage;
  dir2: 'rtl' | 'ltr';
  labels: { zh: DossierLabels; sec: DossierLabels };
};

function placeholder(
  f: DocumentFile,
  reason: 'format' | 'missing' | 'damaged',
  frame: Frame,
): Part {
  const key = ({ format: 'noteFormat', missing: 'noteMissing', damaged: 'noteDamaged' } as const)[
    reason
  ];
  const { zh, sec } = frame.labels;
  const r = render('uploaded-file-placeholder', {
    ...frame,
    filename: f.filename,
    mediaType: f.mediaType,
    size: {
      zh: fillLabel(zh.bytes, { n: f.sizeBytes }),
      sec: fillLabel(sec.bytes, { n: f.sizeBytes }),
    },
    sha256: f.sha256,
    note: { zh: zh[key], sec: sec[key] },
    footer: { lines: [f.filename] },
  });
  return { ...r, detail: f.filename };
}

function render(template: TemplateName, data: unknown): Part {
  const r = renderTypstDocument(template, data);
  return { pdf: r.pdf, pages: r.pages, detail: null };
}

async function uploadPart(f: DocumentFile, bytes: Buffer | undefined, frame: Frame): Promise<Part> {
  if (!bytes) return placeholder(f, 'missing', frame);
  try {
    if (f.mediaType === 'application/pdf') {
      return { pdf: bytes, pages: await pageCount(bytes), detail: f.filename };
    }
    if (f.mediaType === 'image/png' || f.mediaType === 'image/jpeg') {
      return { pdf: await imagePage(bytes, f.mediaType), pages: 1, detail: f.filename };
    }
  } catch {
    // An encrypted or damaged upload must not break the whole dossier.
    return placeholder(f, 'damaged', frame);
  }
  return placeholder(f, 'format', frame);
}

function generated(kind: DocumentKind, input: DossierInput): Part | undefined {
  const built = buildDocumentData(kind, input.bundle, input.options);
  return built ? render(built.template, built.data) : undefined;
}

export interface AssembledDossier {
  pdf: Uint8Array;
  pages: number;
  entries: { titleZh: string; titleEn: string; startPage: number; pages: number }[];
}

export async function assembleDossier(input: DossierInput): Promise<AssembledDossier> {
  const { bundle } = input;
  // The cover, contents and register are in Chinese and the language asked for (?lang=), or
  // Chinese alone when Chinese was asked for; the body documents carry their own languages.
  const langs = resolveDocumentLanguages(bundle, input.options.lang);
  const sec: DocumentLanguage = langs.bilingual ? langs.labelLang : 'zh';
  const Z = dossierLabels.zh;
  const D = dossierLabels[sec];
  const frame = {
    bilingual: langs.bilingual,
    lang2: sec,
    dir2: langs.bilingual ? langs.dir2 : ('ltr' as const),
    fallbackNote: langs.bilingual ? langs.fallbackNote : null,
    labels: { zh: Z, sec: D },
  };
  const both = (zh: string, other: string) =>
    langs.bilingual && other !== zh ? `${zh} / ${other}` : zh;
  const code = (list: Parameters<typeof codeLabel>[0], value: string) => ({
    zh: codeLabel(list, value, 'zh'),
    sec: codeLabel(list, value, sec),
  });
  const footer = {
    lines: [`${both(Z.caseReference, D.caseReference)}\u200E: ${bundle.case.reference}`],
  };
  const uploadsBy = (kinds: string[] | undefined) =>
    bundle.files.filter((f) => kinds?.includes(f.kind) && !generatedKinds.has(f.kind));
  const claimedCurrency = bundle.case.claimedCurrency;
  const claimed =
    bundle.case.claimedAmountMinor !== null && claimedCurrency
      ? (() => {
          const minor = BigInt(bundle.case.claimedAmountMinor);
          const digits = currencyDigits(claimedCurrency) ?? 2;
          return {
            figuresZh: formatAmountFigures(minor, claimedCurrency, digits, 'zh'),
            wordsZh: spellAmount(minor, claimedCurrency, digits, 'zh'),
            figuresSec: formatAmountFigures(minor, claimedCurrency, digits, sec),
            // Words only in the language asked for itself, never English standing in for it.
            wordsSec:
              langs.bilingual && sec === langs.requested
                ? spellAmount(minor, claimedCurrency, digits, sec)
                : null,
          };
        })()
      : null;

  // The national category and, when it is finer, the commercial one: 合同 · 货物质量.
  const categoryIn = (lang: DocumentLanguage) =>
    [
      ...new Set([
        codeLabel('category', bundle.case.nationalCategory, lang),
        codeLabel('category', bundle.case.category, lang),
      ]),
    ].join(' · ');
  const category = { zh: categoryIn('zh'), sec: categoryIn(sec) };

  const entries: { titleZh: string; titleEn: string; detail: string | null; parts: Part[] }[] = [];
  for (const s of dossierSections) {
    const parts: Part[] = [];
    if (s.key === 'intake') {
      parts.push(
        render('intake-register', {
          ...frame,
          org: bundle.org,
          reference: bundle.case.reference,
          source: code('caseSource', bundle.case.source),
          category: category,
          submittedOn: bundle.case.submittedAt.slice(0, 10),
          acceptedOn: bundle.case.acceptedAt?.slice(0, 10) ?? '—',
          claimed,
          parties: bundle.parties.map((p) => ({
            role: code('partyRole', p.role),
            name: p.name,
            country: both(countryName(p.country, 'zh'), countryName(p.country, sec)),
            language: both(
              languageName(p.preferredLanguage, 'zh'),
              languageName(p.preferredLanguage, sec),
            ),
          })),
          summary: bundle.case.summary,
          description: bundle.case.description,
          footer,
        }),
      );
    }
    if (s.key === 'notice') {
      const p = generated('notice-of-rights', input);
      if (p) parts.push(p);
    }
    if (s.key === 'records') {
      const p = generated('session-record', input);
      if (p) parts.push(p);
    }
    if (s.key === 'agreement') {
      if (input.storedAgreementPdf) {
        parts.push({
          pdf: input.storedAgreementPdf,
          pages: await pageCount(input.storedAgreementPdf),
          detail: null,
        });
      } else {
        const p = generated('agreement', input);
        if (p) parts.push(p);
      }
    }
    if (s.key === 'performance' && (bundle.payments.length || bundle.followUps.length)) {
      parts.push(
        render('follow-up-record', {
          ...frame,
          reference: bundle.case.reference,
          payments: bundle.payments.map((p) => {
            const minor = BigInt(p.amountMinor);
            const digits = currencyDigits(p.currency) ?? 2;
            return {
              paidOn: p.paidOn,
              amount: {
                zh: formatAmountFigures(minor, p.currency, digits, 'zh'),
                sec: formatAmountFigures(minor, p.currency, digits, sec),
              },
            };
          }),
          followUps: bundle.followUps.map((f) => ({
            dueOn: f.dueOn,
            doneAt: f.doneAt?.slice(0, 10) ?? '—',
            method: f.method ? code('followUpMethod', f.method) : { zh: '—', sec: '—' },
            notes: f.notes ?? '',
          })),
          footer,
        }),
      );
    }
    if (s.key === 'confirmation' && bundle.filings.some((f) => f.kind === 'confirmation')) {
      const p = generated('confirmation-application', input);
      if (p) parts.push(p);
    }
    for (const f of uploadsBy(s.uploadKinds))
      parts.push(await uploadPart(f, await input.readFile(f), frame));
    if (parts.length)
      entries.push({ titleZh: Z.sections[s.key], titleEn: D.sections[s.key], detail: null, parts });
  }

  const hashedFiles = bundle.files
    .filter((f) => !generatedKinds.has(f.kind))
    .map((f) => ({ name: f.filename, sha256: f.sha256 }));
  const bodyPages = entries.reduce((n, e) => n + e.parts.reduce((m, p) => m + p.pages, 0), 0);

  // Cover and back cover print the total, which depends on their own length: settle it in a
  // few passes (the count only changes when a page boundary moves, so this converges at once).
  let coverPages = 2;
  let backPages = 1;
  let cover: Part | undefined;
  let back: Part | undefined;
  let tocEntries: AssembledDossier['entries'] = [];
  for (let pass = 0; pass < 4; pass++) {
    const total = coverPages + bodyPages + backPages;
    let page = coverPages + 1;
    tocEntries = entries.map((e) => {
      const pages = e.parts.reduce((m, p) => m + p.pages, 0);
      const entry = {
        titleZh: e.titleZh,
        titleEn: e.titleEn,
        startPage: page,
        pages,
        detail:
          e.parts
            .map((p) => p.detail)
            .filter(Boolean)
            .join('; ') || null,
      };
      page += pages;
      return entry;
    });
    const backEntry = {
      titleZh: Z.sections.backCover,
      titleEn: D.sections.backCover,
      startPage: page,
      pages: backPages,
      detail: null,
    };
    cover = render('dossier-cover', {
      ...frame,
      org: bundle.org,
      reference: bundle.case.reference,
      category,
      parties: bundle.parties.map((p) => p.name),
      mediators: bundle.team.map((m) => m.name),
      submittedOn: bundle.case.submittedAt.slice(0, 10),
      acceptedOn: bundle.case.acceptedAt?.slice(0, 10) ?? '—',
      status: code('status', bundle.case.status),
      totalPages: total,
      compiledOn: input.options.printedAt.slice(0, 10),
      entries: [...tocEntries, backEntry],
      footer,
    });
    back = render('dossier-back-cover', {
      ...frame,
      text: {
        zh: fillLabel(Z.backCoverText, { pages: total, items: entries.length }),
        sec: fillLabel(D.backCoverText, { pages: total, items: entries.length }),
      },
      files: hashedFiles,
      compiledOn: input.options.printedAt.slice(0, 10),
      footer,
    });
    if (cover.pages === coverPages && back.pages === backPages) {
      tocEntries.push(backEntry);
      break;
    }
    coverPages = cover.pages;
    backPages = back.pages;
  }

  const out = await PDFDocument.create();
  out.setTitle(`卷宗 ${bundle.case.reference}`);
  out.setCreationDate(new Date(input.options.printedAt));
  out.setModificationDate(new Date(input.options.printedAt));
  for (const part of [cover!, ...entries.flatMap((e) => e.parts), back!]) {
    const src = await PDFDocument.load(part.pdf, { updateMetadata: false });
    for (const p of await out.copyPages(src, src.getPageIndices())) out.addPage(p);
  }
  // The file's own running page number (卷宗页码), top right, which the contents refer to:
  // the parts keep their own "page x / y" footers.
  const font = await out.embedFont(StandardFonts.Helvetica);
  const total = out.getPageCount();
  out.getPages().forEach((page, i) => {
    const label = `${i + 1} / ${total}`;
    const { width, height } = page.getSize();
    page.drawText(label, {
      x: width - 24 - font.widthOfTextAtSize(label, 9),
      y: height - 20,
      size: 9,
      font,
      color: rgb(0.2, 0.2, 0.2),
    });
  });
  return { pdf: await out.save(), pages: out.getPageCount(), entries: tocEntries };
}
