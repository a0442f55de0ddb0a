import { decryptField, type FieldKeyring } from '../domain/encrypt-personal-data.js';
import { currencyDigits } from '../domain/money.js';
import type { CaseDocumentBundle } from './case-document-bundle.js';
import { buildAgreementData, mediatorRows, partyRows } from './build-agreement-data.js';
import { fillLabel } from './document-labels.js';
import type { TemplateName } from './render-typst-document.js';
import { pickText, resolveDocumentLanguages } from './resolve-document-languages.js';
import { enWordsAmount, formatAmountFigures, zhUppercaseAmount } from './spell-amount.js';

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

function amountBlock(a: { amountMinor: number | null; currency: string | null } | undefined) {
  if (!a || a.amountMinor === null || !a.currency) return null;
  const digits = currencyDigits(a.currency) ?? 2;
  const minor = BigInt(a.amountMinor);
  return {
    figures: formatAmountFigures(minor, a.currency, digits, 'zh'),
    wordsZh: zhUppercaseAmount(minor, a.currency, digits),
    wordsEn: enWordsAmount(minor, a.currency, digits),
  };
}

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
  const suffix = langs.bilingual ? `zh-${langs.requested}` : 'zh';
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
          parties: bundle.parties.map((p) => ({ name: p.name, role: p.role, country: p.country })),
          mediators: mediatorRows(bundle),
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
            country: p.country,
            address: p.address ?? '—',
            phone: servicePhone(p.phoneEnc, p.phoneMasked, opts.keyring),
            email: p.email ?? '—',
            idMasked: p.idDocumentMasked
              ? `${p.idDocumentType ?? ''} ${p.idDocumentMasked}`.trim()
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
            country: p.country,
            address: p.address ?? '—',
            phone: servicePhone(p.phoneEnc, p.phoneMasked, opts.keyring),
            email: p.email ?? '—',
          })),
          mediators: mediatorRows(bundle),
          sessions: bundle.sessions
            .filter((s) => s.status === 'held')
            .map((s) => dateOnly(s.heldAt ?? s.startsAt)),
          footer: simpleFooter(bundle),
        },
        filename: 'litigation-referral.pdf',
        immutable: filing !== undefined,
      };
    }
    case 'session-record': {
      const held = bundle.sessions.filter((s) => s.status === 'held');
      if (held.length === 0) return undefined;
      return {
        template: 'session-record',
        data: {
          ...common,
          labels: { zh: langs.labelsZh, sec: langs.labelsSec },
          mediators: mediatorRows(bundle),
          sessions: held.map((s) => {
            const zh = s.record ? pickText({ ...s.record }, 'zh', langs.labelsZh, 'zh') : null;
            const sec = s.record
              ? pickText(
                  { ...s.record },
                  langs.requested,
                  langs.labelsSec,
                  langs.labelLang,
                  langs.labelLang === langs.requested ? [] : [langs.labelLang],
                )
              : null;
            return {
              time: `${s.startsAt.slice(0, 16).replace('T', ' ')} UTC (${s.timeZone}), ${s.durationMinutes} min`,
              modeZh: s.mode === 'online' ? langs.labelsZh.online : langs.labelsZh.inPerson,
              modeSec: s.mode === 'online' ? langs.labelsSec.online : langs.labelsSec.inPerson,
              room: s.room,
              participants: s.participants,
              interpreterZh: s.interpreterPresent ? langs.labelsZh.yes : langs.labelsZh.no,
              interpreterSec: s.interpreterPresent ? langs.labelsSec.yes : langs.labelsSec.no,
              zh: zh?.text ?? langs.labelsZh.noRecord,
              zhNote: zh?.note ?? null,
              sec: sec?.text ?? langs.labelsSec.noRecord,
              secNote: sec?.note ?? null,
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
          labels: { zh: langs.labelsZh, sec: langs.labelsSec },
          parties: partyRows(bundle, langs),
          intro: {
            zh: langs.labelsZh.noticeIntro,
            sec: fillLabel(langs.labelsSec.noticeIntro, {}),
          },
          footer: simpleFooter(bundle),
        },
        filename: `notice-of-rights-${suffix}.pdf`,
        immutable: false,
      };
    }
  }
}
