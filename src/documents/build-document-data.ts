import { decryptField, type FieldKeyring } from '../domain/encrypt-personal-data.js';
import { currencyDigits } from '../domain/money.js';
import type { CaseDocumentBundle } from './case-document-bundle.js';
import { buildAgreementData, columnData, mediatorRows, partyRows } from './build-agreement-data.js';
import { codeLabel } from './document-code-labels.js';
import { dossierLabels } from './dossier-labels.js';
import { fillLabel, type DocumentLanguage } from './document-labels.js';
import type { TemplateName } from './render-typst-document.js';
import {
  countryName,
  pickColumns,
  pickText,
  resolveDocumentLanguages,
} from './resolve-document-languages.js';
import { formatSessionTime, sessionLocalDate } from './format-session-time.js';
import { formatAmountFigures, spellAmount } from './spell-amount.js';

export const documentKinds = [
  'agreement',
  'certificate',
  'confirmation-application',
  'litigation-referral',
  'session-record',
  'notice-of-rights',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

export interface BuildOptions {
  lang?: string | undefined;
  publicUrl: string;
  printedAt: string;
  /** The field keyring, to decrypt service phones for court filings only. */
  keyring: FieldKeyring;
}

export interface BuiltDocument {
  template: TemplateName;
  data: unknown;
  filename: string;
  /** Signed or filed: render once, store, serve the stored bytes from then on. */
  immutable: boolean;
}

const acceptedStates = new Set([
  'accepted',
  'in_mediation',
  'agreed',
  'performing',
  'fulfilled',
  'breached',
  'failed',
  'referred',
  'withdrawn',
]);
const litigationStates = new Set(['failed', 'breached', 'referred']);

const dateOnly = (iso: string | null | undefined) => (iso ? iso.slice(0, 10) : '—');

function simpleFooter(bundle: CaseDocumentBundle, extra: string[] = []) {
  return { lines: [`案件编号 / Case reference: ${bundle.case.reference}`, ...extra] };
}

/** Service phones for the court: decrypted here and nowhere else; masked if undecryptable. */
function servicePhone(phoneEnc: string | null, phoneMasked: string | null, keyring: FieldKeyring) {
  if (phoneEnc) {
    try {
      return decryptField(keyring, phoneEnc);
    } catch {
      // A rotated-away key: the court still gets the masked number rather than nothing.
    }
  }
  return phoneMasked ?? '—';
}

/** Court papers are Chinese and English: the amount in both, in words in both. */
function amountBlock(a: { amountMinor: number | null; currency: string | null } | undefined) {
  if (!a || a.amountMinor === null || !a.currency) return null;
  const digits = currencyDigits(a.currency) ?? 2;
  const minor = BigInt(a.amountMinor);
  return {
    figures: formatAmountFigures(minor, a.currency, digits, 'zh'),
    figuresEn: formatAmountFigures(minor, a.currency, digits, 'en'),
    wordsZh: spellAmount(minor, a.currency, digits, 'zh') ?? '—',
    wordsEn: spellAmount(minor, a.currency, digits, 'en') ?? '—',
  };
}

/** "中文 / English" for the court papers, which are Chinese and English by design. */
const zhEn = (list: Parameters<typeof codeLabel>[0], code: string | null | undefined) =>
  `${codeLabel(list, code, 'zh')} / ${codeLabel(list, code, 'en')}`;
const countryZhEn = (code: string) => `${countryName(code, 'zh')} / ${countryName(code, 'en')}`;
const courtMediators = (bundle: CaseDocumentBundle) =>
  mediatorRows(bundle).map((m) => ({ name: m.name, role: `${m.role} / ${m.roleEn}` }));

/**
 * The template and data for one kind of document, or undefined when the case's state does not
 * allow it yet (no agreement text, nothing filed, no session held …).
 */
export function buildDocumentData(
  kind: DocumentKind,
  bundle: CaseDocumentBundle,
  opts: BuildOptions,
): BuiltDocument | undefined {
  const langs = resolveDocumentLanguages(bundle, opts.lang);
  // Every language printed is in the name: the stored copy of a signed agreement is found by it.
  const suffix = ['zh', ...langs.columns.map((c) => c.want)].join('-');
  const a = bundle.agreement;
  const signed =
    a !== undefined && (a.status === 'final' || a.status === 'in_effect') && a.textHash !== null;
  const inEffect = a !== undefined && a.status === 'in_effect';
  const common = {
    bilingual: langs.bilingual,
    lang2: langs.labelLang,
    dir2: langs.dir2,
    fallbackNote: langs.fallbackNote,
    org: bundle.org,
    reference: bundle.case.reference,
  };

  switch (kind) {
    case 'agreement': {
      if (!a) return undefined;
      return {
        template: 'agreement',
        data: buildAgreementData(bundle, a, opts),
        filename: `agreement-v${a.version}-${suffix}.pdf`,
        immutable: signed,
      };
    }
    case 'certificate': {
      if (!a || !inEffect) return undefined;
      return {
        template: 'certificate',
        data: {
          ...common,
          bilingual: true,
          lang2: 'en',
          dir2: 'ltr',
          fallbackNote: null,
          agreementDate: dateOnly(a.effectiveAt),
          version: a.version,
          textHash: a.textHash,
          parties: bundle.parties.map((p) => ({
            name: p.name,
            role: zhEn('partyRole', p.role),
            country: countryZhEn(p.country),
          })),
          mediators: courtMediators(bundle),
          issuedOn: dateOnly(opts.printedAt),
          verifyUrl: a.textHash
            ? `${opts.publicUrl.replace(/\/$/, '')}/verify/${a.textHash}`
            : null,
          footer: simpleFooter(bundle, a.textHash ? [`SHA-256: ${a.textHash}`] : []),
        },
        filename: `certificate-v${a.version}.pdf`,
        immutable: true,
      };
    }
    case 'confirmation-application': {
      if (!a || !inEffect) return undefined;
      const filing = [...bundle.filings].reverse().find((f) => f.kind === 'confirmation');
      return {
        template: 'confirmation-application',
        data: {
          ...common,
          bilingual: true,
          lang2: 'en',
          dir2: 'ltr',
          fallbackNote: null,
          court: filing ? filing.court : null,
          filedOn: filing ? dateOnly(filing.filedAt) : null,
          parties: bundle.parties.map((p) => ({
            role: p.role,
            name: p.name,
            country: countryZhEn(p.country),
            address: p.address ?? '—',
            phone: servicePhone(p.phoneEnc, p.phoneMasked, opts.keyring),
            email: p.email ?? '—',
            idMasked: p.idDocumentMasked
              ? `${p.idDocumentType ? zhEn('idDocumentType', p.idDocumentType) + ' ' : ''}${p.idDocumentMasked}`
              : '—',
            agent: p.agentName,
          })),
          agreementDate: dateOnly(a.effectiveAt),
          agreementVersion: a.version,
          amount: amountBlock(a),
          points: a.content.points.map((p) => ({
            no: p.no,
            text: pickText(p.text, 'zh', langs.labelsZh, 'zh').text,
          })),
          attachments: [
            '人民调解协议书 / Mediation agreement',
            '当事人身份证明 / Identity documents of the parties',
            '送达地址确认书 / Confirmation of service addresses',
            ...(bundle.parties.some((p) => p.agentName) ? ['授权委托书 / Power of attorney'] : []),
          ],
          footer: simpleFooter(
            bundle,
            a.textHash ? [`协议 SHA-256 / Agreement SHA-256: ${a.textHash}`] : [],
          ),
        },
        filename: `confirmation-application-v${a.version}.pdf`,
        // Once filed with the court, the application is what the court holds: store it.
        immutable: filing !== undefined,
      };
    }
    case 'litigation-referral': {
      if (!litigationStates.has(bundle.case.status)) return undefined;
      const filing = [...bundle.filings].reverse().find((f) => f.kind === 'litigation');
      return {
        template: 'litigation-referral',
        data: {
          ...common,
          bilingual: true,
          lang2: 'en',
          dir2: 'ltr',
          fallbackNote: null,
          court: filing ? filing.court : null,
          filedOn: filing ? dateOnly(filing.filedAt) : null,
          status: bundle.case.status,
          reason: filing?.reason ?? bundle.case.outcomeReason ?? '—',
          summary: bundle.case.summary,
          description: bundle.case.description,
          submittedOn: dateOnly(bundle.case.submittedAt),
          acceptedOn: dateOnly(bundle.case.acceptedAt),
          claimed: amountBlock({
            amountMinor: bundle.case.claimedAmountMinor,
            currency: bundle.case.claimedCurrency,
          }),
          parties: bundle.parties.map((p) => ({
            role: p.role,
            name: p.name,
            country: countryZhEn(p.country),
            address: p.address ?? '—',
            phone: servicePhone(p.phoneEnc, p.phoneMasked, opts.keyring),
            email: p.email ?? '—',
          })),
          mediators: courtMediators(bundle),
          sessions: bundle.sessions
            .filter((s) => s.status === 'held')
            // The day the parties met, in the session's own time zone.
            .map((s) => sessionLocalDate(s.heldAt ?? s.startsAt, s.timeZone)),
          footer: simpleFooter(bundle),
        },
        filename: 'litigation-referral.pdf',
        immutable: filing !== undefined,
      };
    }
    case 'session-record': {
      const held = bundle.sessions.filter((s) => s.status === 'held');
      if (held.length === 0) return undefined;
      const cols = langs.columns;
      const inAll = (f: (lang: DocumentLanguage, i: number) => string) => ({
        zh: f('zh', -1),
        secs: cols.map((c, i) => f(c.labelLang, i)),
      });
      const labelsAt = (i: number) => (i < 0 ? langs.labelsZh : cols[i]!.labels);
      return {
        template: 'session-record',
        data: {
          ...common,
          cols: columnData(langs),
          labels: { zh: langs.labelsZh, sec: langs.labelsSec },
          mediators: mediatorRows(bundle).map((m) => m.name),
          sessions: held.map((s) => {
            const zh = s.record ? pickText(s.record, 'zh', langs.labelsZh, 'zh') : null;
            const secs = s.record ? pickColumns(s.record, langs) : null;
            return {
              // In the session's own time zone, named: the parties met at that local hour.
              time: inAll((lang) =>
                formatSessionTime(s.startsAt, s.timeZone, s.durationMinutes, lang),
              ),
              mode: inAll((lang) => codeLabel('sessionMode', s.mode, lang)),
              room: s.room,
              participants: s.participants.map((p) => ({
                name: p.name,
                role: inAll((lang) =>
                  codeLabel(p.kind === 'party' ? 'partyRole' : 'teamRole', p.role, lang),
                ),
              })),
              interpreter: inAll((_lang, i) =>
                s.interpreterPresent === null
                  ? labelsAt(i).interpreterUnknown
                  : s.interpreterPresent
                    ? labelsAt(i).yes
                    : labelsAt(i).no,
              ),
              // User text: printed as recorded, in the language it was written in.
              interpreterAbsence: s.record?.interpreterAbsence
                ? {
                    reason: s.record.interpreterAbsence.reason,
                    by: s.record.interpreterAbsence.recordedByName,
                  }
                : null,
              correctionReason: s.record?.correctionReason ?? null,
              zh: zh?.text ?? langs.labelsZh.noRecord,
              zhNote: zh?.note ?? null,
              secs: secs ?? cols.map((c) => ({ text: c.labels.noRecord, note: null })),
            };
          }),
          footer: simpleFooter(bundle),
        },
        filename: `session-record-${suffix}.pdf`,
        immutable: false,
      };
    }
    case 'notice-of-rights': {
      if (!acceptedStates.has(bundle.case.status)) return undefined;
      return {
        template: 'notice-of-rights',
        data: {
          ...common,
          cols: columnData(langs),
          labels: { zh: langs.labelsZh, sec: langs.labelsSec },
          parties: partyRows(bundle, langs),
          committeeLabel: {
            zh: dossierLabels.zh.committee,
            secs: langs.columns.map((c) => dossierLabels[c.labelLang].committee),
          },
          intro: {
            zh: langs.labelsZh.noticeIntro,
            secs: langs.columns.map((c) => fillLabel(c.labels.noticeIntro, {})),
          },
          footer: simpleFooter(bundle),
        },
        filename: `notice-of-rights-${suffix}.pdf`,
        immutable: false,
      };
    }
  }
}
