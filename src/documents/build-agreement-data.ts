import { currencyDigits } from '../domain/money.js';
import type { CaseDocumentBundle, DocumentAgreement } from './case-document-bundle.js';
import { codeLabel } from './document-code-labels.js';
import { dossierLabels } from './dossier-labels.js';
import { fillLabel, languageName, type DocumentLanguage } from './document-labels.js';
import {
  countryName,
  pickColumns,
  pickText,
  resolveDocumentLanguages,
  type DocumentLanguages,
} from './resolve-document-languages.js';
import { decimalToMinor, formatAmountFigures, spellAmount } from './spell-amount.js';

/** The columns as the templates read them (`d.cols`, see common.typ). */
export function columnData(langs: DocumentLanguages) {
  return langs.columns.map((c) => ({
    lang: c.labelLang,
    dir: c.dir,
    labels: c.labels,
    fallbackNote: c.fallbackNote,
    fallbackNoteZh: c.fallbackNote
      ? fillLabel(langs.labelsZh.fallbackNote, { language: languageName(c.want, 'zh') })
      : null,
  }));
}

/** Chinese first, then each column's label language: the languages a value is printed in. */
const printLangs = (langs: DocumentLanguages): DocumentLanguage[] => [
  'zh',
  ...langs.columns.map((c) => c.labelLang),
];

/** A code's name in Chinese and every column's language, without repeats: 护照 / Passport. */
export function codeInAll(
  list: Parameters<typeof codeLabel>[0],
  code: string | null | undefined,
  langs: DocumentLanguages,
): string {
  return [...new Set(printLangs(langs).map((l) => codeLabel(list, code, l)))].join(' / ');
}

export function partyRows(bundle: CaseDocumentBundle, langs: DocumentLanguages) {
  return bundle.parties.map((p) => ({
    roleZh: codeLabel('partyRole', p.role, 'zh'),
    roleSecs: langs.columns.map((c) => codeLabel('partyRole', p.role, c.labelLang)),
    name: p.name,
    country: [
      ...new Set([
        countryName(p.country, 'zh'),
        ...langs.columns.map((c) => countryName(p.country, c.labelLang)),
      ]),
    ].join(' / '),
    address: p.address,
    // Identity numbers are printed only masked; the full number never leaves the database.
    idMasked: p.idDocumentMasked
      ? `${p.idDocumentType ? codeInAll('idDocumentType', p.idDocumentType, langs) + ' ' : ''}${p.idDocumentMasked}`
      : null,
    agent: p.agentName,
  }));
}

/** The team with each role's Chinese and English name (the court papers' two languages). */
export function mediatorRows(bundle: CaseDocumentBundle) {
  return bundle.team.map((m) => ({
    name: m.name,
    role: codeLabel('teamRole', m.role, 'zh'),
    roleEn: codeLabel('teamRole', m.role, 'en'),
  }));
}

/**
 * "中文 / other" for a short line (footer, draft mark) with the first column's language. The
 * closing LRM keeps what follows (a date, a reference) left to right after an Arabic or
 * Persian label, which would otherwise print 2026-02-10 as 10-02-2026.
 */
const pair = (langs: DocumentLanguages, zh: string, other: string) =>
  langs.bilingual ? `${zh} / ${other}\u200E` : zh;

export function verificationFooter(
  bundle: CaseDocumentBundle,
  a: Pick<DocumentAgreement, 'version' | 'textHash'>,
  publicUrl: string,
  langs: DocumentLanguages,
): string[] {
  const L = langs.labelsZh;
  const E = langs.labelsSec;
  const lines = [
    `${pair(langs, L.caseReference, E.caseReference)}: ${bundle.case.reference} · ${pair(langs, L.agreementVersion, E.agreementVersion)}: v${a.version}`,
    `SHA-256: ${a.textHash ?? pair(langs, L.notSigned, E.notSigned)}`,
  ];
  if (a.textHash)
    lines.push(
      `${pair(langs, L.verifyAt, E.verifyAt)}: ${publicUrl.replace(/\/$/, '')}/verify/${a.textHash}`,
    );
  return lines;
}

/** Figures and words of an amount in Chinese and each column's language. */
export function amountInAll(minor: bigint, currency: string, langs: DocumentLanguages) {
  const digits = currencyDigits(currency) ?? 2;
  return {
    figuresZh: formatAmountFigures(minor, currency, digits, 'zh'),
    wordsZh: spellAmount(minor, currency, digits, 'zh'),
    secs: langs.columns.map((c) => ({
      figures: formatAmountFigures(minor, currency, digits, c.labelLang),
      // Words in the column's own language; a column whose labels fell back to English has no
      // words of its own language, and English words would pass for them, so it gets none.
      words: c.labelLang === c.want ? spellAmount(minor, currency, digits, c.want) : null,
    })),
  };
}

/** The data the agreement template prints; every Art. 29 element comes from the stored content. */
export function buildAgreementData(
  bundle: CaseDocumentBundle,
  agreement: DocumentAgreement,
  opts: { lang?: string | undefined; publicUrl: string; printedAt: string },
) {
  const langs = resolveDocumentLanguages(bundle, opts.lang);
  const L = langs.labelsZh;
  const cols = langs.columns;
  const c = agreement.content;
  const zhOf = (t: typeof c.facts) => pickText(t, 'zh', L, 'zh');
  const section = (key: 'facts' | 'disputedMatters' | 'responsibilities', t: typeof c.facts) => {
    const zh = zhOf(t);
    return {
      titleZh: L[key],
      titles: cols.map((k) => k.labels[key]),
      zh: zh.text,
      zhNote: zh.note,
      secs: pickColumns(t, langs),
    };
  };

  const currency = agreement.currency ?? c.currency;
  const amount =
    agreement.amountMinor !== null && currency
      ? amountInAll(BigInt(agreement.amountMinor), currency, langs)
      : null;

  const prevailing = agreement.prevailingLanguage || c.prevailingLanguage || 'zh';
  const signedBy = (partyId: string | null, mediatorId: string | null) =>
    agreement.signatures.find(
      (s) => (partyId && s.partyId === partyId) || (mediatorId && s.mediatorId === mediatorId),
    );
  // One line per language: "签署时间: 2026-02-10（电子签名）", "Signed on: … (electronic signature)".
  const signedLines = (s: { signedAt: string; method: string } | undefined) =>
    printLangs(langs).map((lang, i) => {
      const labels = i === 0 ? L : cols[i - 1]!.labels;
      return s
        ? // LRMs around the date: after an Arabic or Persian label, 2026-02-10 would print as
          // 10-02-2026 (the digits take the label's direction).
          `${labels.signedOn}: \u200E${s.signedAt.slice(0, 10)}\u200E (${codeLabel('signatureMethod', s.method, lang)})`
        : labels.notSigned;
    });
  const draft = !(agreement.status === 'in_effect' || agreement.status === 'final');
  const copies = bundle.parties.length + 1;
  // Every language the agreement is written in, named in each language ("阿拉伯语、波斯语").
  const otherNames = (displayIn: string) =>
    new Intl.ListFormat(displayIn, { type: 'conjunction' }).format(
      cols.map((k) => languageName(k.want, displayIn)),
    );
  const instalmentDigits = currency ? (currencyDigits(currency) ?? 2) : 2;

  return {
    bilingual: langs.bilingual,
    lang2: langs.labelLang,
    dir2: langs.dir2,
    cols: columnData(langs),
    labels: { zh: L, sec: langs.labelsSec },
    // In every language printed: a party must be able to read that this is not the signed text.
    draftMark: draft ? [L.draftMark, ...cols.map((k) => k.labels.draftMark)] : null,
    org: bundle.org,
    committeeLabel: {
      zh: dossierLabels.zh.committee,
      secs: cols.map((k) => dossierLabels[k.labelLang].committee),
    },
    reference: bundle.case.reference,
    version: agreement.version,
    // One line per language, so that a right-to-left role never reorders a left-to-right name.
    mediators: bundle.team.map((m) => ({
      zh: `${m.name}（${codeLabel('teamRole', m.role, 'zh')}）`,
      secs: cols.map((k) => `${m.name} (${codeLabel('teamRole', m.role, k.labelLang)})`),
    })),
    parties: partyRows(bundle, langs),
    sections: [
      section('facts', c.facts),
      section('disputedMatters', c.disputedMatters),
      section('responsibilities', c.responsibilities),
    ],
    points: c.points.map((p) => {
      const by = agreement.confirmations
        .filter((k) => k.pointNo === p.no)
        .flatMap((k) => {
          const party = bundle.parties.find((x) => x.id === k.partyId);
          return party ? [{ name: party.name, date: k.confirmedAt.slice(0, 10) }] : [];
        });
      const zh = zhOf(p.text);
      return {
        no: p.no,
        zh: zh.text,
        zhNote: zh.note,
        secs: pickColumns(p.text, langs),
        // Names and dates stay separate so that the template isolates each name on its own.
        confirmed: by.length
          ? { label: pair(langs, L.confirmedBy, langs.labelsSec.confirmedBy), by }
          : null,
      };
    }),
    amount,
    performance: (() => {
      const zh = zhOf(c.performanceMethod);
      return { zh: zh.text, zhNote: zh.note, secs: pickColumns(c.performanceMethod, langs) };
    })(),
    instalments: c.instalments.map((i) => {
      const minor = currency ? decimalToMinor(i.amount, instalmentDigits) : null;
      const amounts =
        minor !== null && currency
          ? [
              ...new Set(
                printLangs(langs).map((l) =>
                  formatAmountFigures(minor, currency, instalmentDigits, l),
                ),
              ),
            ]
          : [i.amount];
      return { seq: i.seq, dueOn: i.dueOn, amounts };
    }),
    effectZh: fillLabel(L.effect, { copies }),
    effects: cols.map((k) => fillLabel(k.labels.effect, { copies })),
    prevailingZh: !langs.bilingual
      ? '本协议以中文书就。'
      : fillLabel(L.prevailing, {
          language: otherNames('zh'),
          prevailing: languageName(prevailing, 'zh'),
        }),
    prevailings: cols.map((k) =>
      fillLabel(k.labels.prevailing, {
        language: otherNames(k.labelLang),
        prevailing: languageName(prevailing, k.labelLang),
      }),
    ),
    signatures: {
      parties: bundle.parties.map((p) => ({
        name: p.name,
        signed: signedLines(signedBy(p.id, null)),
      })),
      mediators: bundle.team
        .filter((m) => m.role !== 'interpreter')
        .map((m) => ({ name: m.name, signed: signedLines(signedBy(null, m.mediatorId)) })),
      seal: agreement.sealedAt
        ? `${pair(langs, L.signedOn, langs.labelsSec.signedOn)}: ${agreement.sealedAt.slice(0, 10)}`
        : pair(langs, L.notSigned, langs.labelsSec.notSigned),
    },
    footer: { lines: verificationFooter(bundle, agreement, opts.publicUrl, langs) },
    printedAt: opts.printedAt,
  };
}
