import { currencyDigits } from '../domain/money.js';
import type { CaseDocumentBundle, DocumentAgreement } from './case-document-bundle.js';
import { fillLabel, languageName, type DocumentLabels } from './document-labels.js';
import {
  countryName,
  pickBilingual,
  resolveDocumentLanguages,
  type DocumentLanguages,
} from './resolve-document-languages.js';
import { enWordsAmount, formatAmountFigures, zhUppercaseAmount } from './spell-amount.js';

const roleLabel = (role: string, l: DocumentLabels) =>
  role === 'respondent' ? l.respondent : l.applicant;

const teamRoleZh: Record<string, string> = {
  lead: '主调解员',
  lawyer: '律师调解员',
  third: '调解员',
  interpreter: '翻译',
};

export function partyRows(bundle: CaseDocumentBundle, langs: DocumentLanguages) {
  return bundle.parties.map((p) => ({
    roleZh: roleLabel(p.role, langs.labelsZh),
    roleSec: roleLabel(p.role, langs.labelsSec),
    name: p.name,
    countryZh: countryName(p.country, 'zh'),
    countrySec: countryName(p.country, langs.labelLang),
    address: p.address,
    // Identity numbers are printed only masked; the full number never leaves the database.
    idMasked: p.idDocumentMasked ? `${p.idDocumentType ?? ''} ${p.idDocumentMasked}`.trim() : null,
    agent: p.agentName,
  }));
}

export function mediatorRows(bundle: CaseDocumentBundle) {
  return bundle.team.map((m) => ({ name: m.name, role: teamRoleZh[m.role] ?? m.role }));
}

/**
 * "中文 / other" in a bilingual document, the Chinese alone otherwise. The closing LRM keeps
 * what follows (a date, a reference) left to right after an Arabic or Persian label, which
 * would otherwise print 2026-02-10 as 10-02-2026.
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

/** The data the agreement template prints; every Art. 29 element comes from the stored content. */
export function buildAgreementData(
  bundle: CaseDocumentBundle,
  agreement: DocumentAgreement,
  opts: { lang?: string; publicUrl: string; printedAt: string },
) {
  const langs = resolveDocumentLanguages(bundle, opts.lang);
  const L = langs.labelsZh;
  const S = langs.labelsSec;
  const c = agreement.content;
  const section = (titleZh: string, titleSec: string, t: typeof c.facts) => ({
    titleZh,
    titleSec,
    ...pickBilingual(t, langs),
  });

  let amount = null;
  const currency = agreement.currency ?? c.currency;
  if (agreement.amountMinor !== null && currency) {
    const digits = currencyDigits(currency) ?? 2;
    const minor = BigInt(agreement.amountMinor);
    amount = {
      figuresZh: formatAmountFigures(minor, currency, digits, 'zh'),
      figuresSec: formatAmountFigures(minor, currency, digits, langs.labelLang),
      wordsZh: zhUppercaseAmount(minor, currency, digits),
      wordsEn: enWordsAmount(minor, currency, digits),
    };
  }

  const prevailing = agreement.prevailingLanguage || c.prevailingLanguage || 'zh';
  const signedBy = (partyId: string | null, mediatorId: string | null) =>
    agreement.signatures.find(
      (s) => (partyId && s.partyId === partyId) || (mediatorId && s.mediatorId === mediatorId),
    );
  const signedLine = (s: { signedAt: string; method: string } | undefined) =>
    s
      ? `${pair(langs, L.signedOn, S.signedOn)}: ${s.signedAt.slice(0, 10)} (${s.method})`
      : pair(langs, L.notSigned, S.notSigned);
  const draft = !(agreement.status === 'in_effect' || agreement.status === 'final');

  return {
    bilingual: langs.bilingual,
    lang2: langs.labelLang,
    dir2: langs.dir2,
    labels: { zh: L, sec: S },
    fallbackNote: langs.fallbackNote,
    draftMark: draft ? pair(langs, L.draftMark, S.draftMark) : null,
    org: bundle.org,
    reference: bundle.case.reference,
    version: agreement.version,
    mediators: mediatorRows(bundle),
    parties: partyRows(bundle, langs),
    sections: [
      section(L.facts, S.facts, c.facts),
      section(L.disputedMatters, S.disputedMatters, c.disputedMatters),
      section(L.responsibilities, S.responsibilities, c.responsibilities),
    ],
    points: c.points.map((p) => {
      const by = agreement.confirmations
        .filter((k) => k.pointNo === p.no)
        .flatMap((k) => {
          const party = bundle.parties.find((x) => x.id === k.partyId);
          return party ? [{ name: party.name, date: k.confirmedAt.slice(0, 10) }] : [];
        });
      return {
        no: p.no,
        ...pickBilingual(p.text, langs),
        // Names and dates stay separate so that the template isolates each name on its own.
        confirmed: by.length ? { label: pair(langs, L.confirmedBy, S.confirmedBy), by } : null,
      };
    }),
    amount,
    performance: pickBilingual(c.performanceMethod, langs),
    instalments: c.instalments.map((i) => ({
      seq: i.seq,
      dueOn: i.dueOn,
      amount: `${currency ?? ''} ${i.amount}`.trim(),
    })),
    effectZh: fillLabel(L.effect, { copies: bundle.parties.length + 1 }),
    effectSec: fillLabel(S.effect, { copies: bundle.parties.length + 1 }),
    prevailingZh: !langs.bilingual
      ? '本协议以中文书就。'
      : fillLabel(L.prevailing, {
          language: languageName(langs.requested, 'zh'),
          prevailing: languageName(prevailing, 'zh'),
        }),
    prevailingSec: fillLabel(S.prevailing, {
      language: languageName(langs.requested, langs.labelLang),
      prevailing: languageName(prevailing, langs.labelLang),
    }),
    signatures: {
      parties: bundle.parties.map((p) => ({
        name: p.name,
        signed: signedLine(signedBy(p.id, null)),
      })),
      mediators: bundle.team
        .filter((m) => m.role !== 'interpreter')
        .map((m) => ({ name: m.name, signed: signedLine(signedBy(null, m.mediatorId)) })),
      seal: agreement.sealedAt
        ? `${pair(langs, L.signedOn, S.signedOn)}: ${agreement.sealedAt.slice(0, 10)}`
        : pair(langs, L.notSigned, S.notSigned),
    },
    footer: { lines: verificationFooter(bundle, agreement, opts.publicUrl, langs) },
    printedAt: opts.printedAt,
  };
}
