import { categories, type Category } from '../../app/dispute-categories';

export { categories, type Category };

/** The application as the visitor fills it in, kept in the browser until it is submitted. */

export interface PartyDraft {
  kind: 'person' | 'organization';
  name: string;
  country: string;
  languages: string[];
  preferredLanguage: string;
  email: string;
  phone: string;
}

export interface ApplicationDraft {
  category: Category | '';
  summary: string;
  description: string;
  amount: string;
  currency: string;
  applicant: PartyDraft;
  respondent: PartyDraft;
  consents: { processing: boolean; cross_border: boolean };
}

const storageKey = 'accord.applicationDraft.v1';

export function emptyDraft(uiLanguage: string): ApplicationDraft {
  return {
    category: '',
    summary: '',
    description: '',
    amount: '',
    currency: 'USD',
    applicant: {
      kind: 'person',
      name: '',
      country: '',
      languages: [uiLanguage],
      preferredLanguage: uiLanguage,
      email: '',
      phone: '',
    },
    respondent: {
      kind: 'organization',
      name: '',
      country: 'CN',
      languages: ['zh'],
      preferredLanguage: 'zh',
      email: '',
      phone: '',
    },
    consents: { processing: false, cross_border: false },
  };
}

export function loadDraft(uiLanguage: string): ApplicationDraft {
  try {
    const raw = localStorage.getItem(storageKey);
    if (raw) {
      const empty = emptyDraft(uiLanguage);
      const saved = JSON.parse(raw) as Partial<ApplicationDraft>;
      return {
        ...empty,
        ...saved,
        applicant: { ...empty.applicant, ...saved.applicant },
        respondent: { ...empty.respondent, ...saved.respondent },
        consents: { ...empty.consents, ...saved.consents },
      };
    }
  } catch {
    // A corrupt or unavailable draft is simply not restored.
  }
  return emptyDraft(uiLanguage);
}

export function saveDraft(d: ApplicationDraft): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(d));
  } catch {
    // Storage full or disabled: the form still works, only the draft is not kept.
  }
}

export function clearDraft(): void {
  try {
    localStorage.removeItem(storageKey);
  } catch {
    // Nothing to clear.
  }
}

/** A decimal string with at most two decimals, as POST /api/v1/cases expects. */
export const isAmount = (s: string) => /^\d{1,13}(\.\d{1,2})?$/.test(s.trim()) && Number(s) > 0;
const isEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s.trim());

export type StepKey = 'category' | 'parties' | 'claim' | 'consents';
export const stepKeys: StepKey[] = ['category', 'parties', 'claim', 'consents'];

/** The fields of a step still wrong, as message ids keyed by field; empty when the step is complete. */
export function stepProblems(d: ApplicationDraft, step: StepKey): Record<string, string> {
  const p: Record<string, string> = {};
  if (step === 'category' && !d.category) p.category = 'apply.error.category';
  if (step === 'parties') {
    for (const role of ['applicant', 'respondent'] as const) {
      const party = d[role];
      if (!party.name.trim()) p[`${role}.name`] = 'form.required';
      if (!party.country) p[`${role}.country`] = 'form.required';
      if (party.languages.length === 0) p[`${role}.languages`] = 'form.required';
      // The committee must be able to reach every party: an e-mail, or failing that a telephone.
      if (party.email.trim() && !isEmail(party.email)) p[`${role}.email`] = 'form.emailInvalid';
      else if (role === 'applicant' && !party.email.trim())
        p[`${role}.email`] = 'form.emailInvalid';
      else if (!party.email.trim() && !party.phone.trim())
        p[`${role}.email`] = 'apply.error.contact';
    }
  }
  if (step === 'claim') {
    if (d.summary.trim().length < 5) p.summary = 'apply.error.summary';
    if (d.description.trim().length < 10) p.description = 'apply.error.description';
    if (!isAmount(d.amount)) p.amount = 'apply.error.amount';
    if (!d.currency) p.currency = 'form.required';
  }
  if (step === 'consents') {
    if (!d.consents.processing) p['consents.processing'] = 'apply.error.consent';
    // PIPL Art. 39: a separate consent whenever personal data crosses the border.
    if (needsCrossBorderConsent(d) && !d.consents.cross_border)
      p['consents.cross_border'] = 'apply.error.crossBorder';
  }
  return p;
}

export const needsCrossBorderConsent = (d: ApplicationDraft) =>
  [d.applicant.country, d.respondent.country].some((c) => c && c !== 'CN');

export function toApplicationBody(d: ApplicationDraft) {
  const party = (role: 'applicant' | 'respondent', p: PartyDraft) => ({
    role,
    kind: p.kind,
    name: p.name.trim(),
    country: p.country,
    languages: p.languages,
    preferredLanguage: p.languages.includes(p.preferredLanguage)
      ? p.preferredLanguage
      : p.languages[0],
    ...(p.email.trim() ? { email: p.email.trim() } : {}),
    ...(p.phone.trim() ? { phone: p.phone.trim() } : {}),
  });
  return {
    category: d.category,
    summary: d.summary.trim(),
    description: d.description.trim(),
    claimedAmount: { amount: d.amount.trim(), currency: d.currency },
    source: 'application',
    parties: [party('applicant', d.applicant), party('respondent', d.respondent)],
    consents: (['processing', 'cross_border'] as const).filter((c) => d.consents[c]),
  };
}
