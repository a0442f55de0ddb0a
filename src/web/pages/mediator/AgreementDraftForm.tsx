import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import { AmountInput } from '../../app/AmountInput';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail } from '../cases/case-types';
import { baseLanguage, useLanguageName } from '../party/agreement-labels';
import {
  agreementSectionKeys,
  type Agreement,
  type AgreementSectionKey,
  type LocalizedText,
} from '../party/party-types';

const draftLanguages = ['zh', 'en', 'ar', 'ru', 'es', 'fr', 'fa', 'tr'];

interface Instalment {
  dueOn: string;
  amount: string;
}

/** One text in every language of the draft, by language code. */
type Texts = Record<string, string>;

const sectionLabels: Record<AgreementSectionKey, string> = {
  facts: 'draft.facts',
  disputedMatters: 'draft.matters',
  responsibilities: 'draft.responsibilities',
  performanceMethod: 'draft.performance',
};

/** The languages the parties read: each party's preferred language and the others they declared. */
export function partyLanguages(detail: CaseDetail): string[] {
  return [
    ...new Set(
      detail.parties.flatMap((p) => [p.preferredLanguage, ...p.languages].map(baseLanguage)),
    ),
  ];
}

const textsOf = (t: LocalizedText | undefined): Texts =>
  t ? { ...t.translations, [t.lang]: t.text } : {};

const filled = (s: string | undefined) => (s ?? '').trim() !== '';

/**
 * Per language a party reads, the sections and points the draft lacks in it: the form's own
 * translation checklist, counted as the API counts it (a section exists in its original and in
 * each non-empty translation).
 */
export function missingInDraft(
  sections: Record<AgreementSectionKey, Texts>,
  points: Texts[],
  language: string,
): { sections: number; points: number } {
  return {
    sections: agreementSectionKeys.filter((k) => !filled(sections[k][language])).length,
    points: points.filter((p) => !filled(p[language])).length,
  };
}

/**
 * The proposal (建议方案) drafted as an agreement with the contents Art. 29 requires: the facts,
 * the matters in dispute, each side's responsibility, numbered terms, the amount, and how and by
 * when it is performed. Every text is written side by side: the original (Chinese unless chosen
 * otherwise) and a column per language the parties read; on a phone the columns stack, each
 * labelled with its language. Given `initial`, it edits that version: saving creates the next one.
 */
export function AgreementDraftForm({
  detail,
  initial,
  onDone,
  onCancel,
}: {
  detail: CaseDetail;
  initial?: Agreement;
  onDone(): void;
  onCancel?(): void;
}) {
  const intl = useIntl();
  const languageName = useLanguageName();
  const errorMessage = useErrorMessage();
  const c = initial?.content;
  const [lang, setLang] = useState(c ? baseLanguage(c.facts.lang) : 'zh');
  const [sections, setSections] = useState<Record<AgreementSectionKey, Texts>>({
    facts: textsOf(c?.facts),
    disputedMatters: textsOf(c?.disputedMatters),
    responsibilities: textsOf(c?.responsibilities),
    performanceMethod: textsOf(c?.performanceMethod),
  });
  const [points, setPoints] = useState<Texts[]>(c ? c.points.map((p) => textsOf(p.text)) : [{}]);
  const [amount, setAmount] = useState(c ? (c.amount ?? '') : (detail.claimedAmount?.amount ?? ''));
  const [currency, setCurrency] = useState(
    c ? (c.currency ?? 'CNY') : (detail.claimedAmount?.currency ?? 'CNY'),
  );
  // A monetary agreement needs its instalments to add up to the amount: start with one for all of it.
  const [instalments, setInstalments] = useState<Instalment[]>(
    c
      ? c.instalments.map((i) => ({ dueOn: i.dueOn, amount: i.amount }))
      : detail.claimedAmount
        ? [{ dueOn: '', amount: detail.claimedAmount.amount }]
        : [],
  );
  // An outside translator to credit, by language; empty means the one saving translated it.
  const [translators, setTranslators] = useState<Texts>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const readerLanguages = partyLanguages(detail);
  const existing = c
    ? [
        c.facts,
        c.disputedMatters,
        c.responsibilities,
        c.performanceMethod,
        ...c.points.map((p) => p.text),
      ]
        .flatMap((t) => Object.keys(t.translations))
        .map(baseLanguage)
    : [];
  const translationLanguages = [...new Set([...readerLanguages, ...existing])].filter(
    (l) => l !== lang,
  );
  const columns = [lang, ...translationLanguages];

  const localized = (t: Texts): LocalizedText => ({
    lang,
    text: (t[lang] ?? '').trim(),
    translations: Object.fromEntries(
      translationLanguages.filter((l) => filled(t[l])).map((l) => [l, t[l]!.trim()]),
    ),
  });

  const submit = async () => {
    const terms = points.filter((p) => columns.some((l) => filled(p[l])));
    if (
      !filled(sections.facts[lang]) ||
      !filled(sections.disputedMatters[lang]) ||
      !filled(sections.performanceMethod[lang]) ||
      terms.length === 0 ||
      terms.some((p) => !filled(p[lang]))
    ) {
      setError(intl.formatMessage({ id: 'draft.incomplete' }));
      return;
    }
    const translatedBy = Object.fromEntries(
      translationLanguages
        .filter((l) => filled(translators[l]))
        .map((l) => [l, { name: translators[l]!.trim(), method: 'human' as const }]),
    );
    setBusy(true);
    setError(null);
    try {
      await api.post(
        initial
          ? `/api/v1/cases/${detail.id}/agreements/${initial.id}/revisions`
          : `/api/v1/cases/${detail.id}/agreements`,
        {
          version: detail.version,
          content: {
            facts: localized(sections.facts),
            disputedMatters: localized(sections.disputedMatters),
            responsibilities: localized(sections.responsibilities),
            points: terms.map((t, i) => ({ no: i + 1, text: localized(t) })),
            amount: amount.trim() || null,
            currency: amount.trim() ? currency.trim().toUpperCase() : null,
            performanceMethod: localized(sections.performanceMethod),
            instalments: instalments
              .filter((i) => i.dueOn && i.amount.trim())
              .map((i, n) => ({ seq: n + 1, dueOn: i.dueOn, amount: i.amount.trim() })),
            prevailingLanguage: c?.prevailingLanguage ?? 'zh',
          },
          ...(Object.keys(translatedBy).length > 0 ? { translatedBy } : {}),
        },
      );
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  /** One text side by side in every language; `label` names it, each column names its language. */
  const columnsOf = (id: string, label: string, value: Texts, set: (t: Texts) => void) => (
    <div className="agreement-columns">
      {columns.map((l) => (
        <div key={l} className="agreement-column">
          <label htmlFor={`${id}-${l}`} className="agreement-column-label">
            <FormattedMessage
              id="agreement.draft.column"
              values={{ language: languageName(l), original: l === lang ? 'yes' : 'no' }}
            />
          </label>
          <Input.TextArea
            id={`${id}-${l}`}
            aria-label={intl.formatMessage(
              { id: 'agreement.draft.field' },
              { section: label, language: languageName(l) },
            )}
            rows={3}
            maxLength={100_000}
            value={value[l] ?? ''}
            dir="auto"
            lang={l}
            onChange={(e) => set({ ...value, [l]: e.target.value })}
          />
        </div>
      ))}
    </div>
  );

  const section = (key: AgreementSectionKey) => {
    const label = intl.formatMessage({ id: sectionLabels[key] });
    return (
      <fieldset className="plain-fieldset agreement-section" key={key}>
        <legend>{label}</legend>
        {columnsOf(`draft-${key}`, label, sections[key], (t) =>
          setSections((s) => ({ ...s, [key]: t })),
        )}
      </fieldset>
    );
  };

  return (
    <div className="form-card" data-testid="agreement-draft-form">
      <h3 style={{ marginTop: 0 }}>
        {initial ? (
          <FormattedMessage id="agreement.draft.editTitle" values={{ version: initial.version }} />
        ) : (
          <FormattedMessage id="draft.title" />
        )}
      </h3>
      {initial?.status === 'final' && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={
            <FormattedMessage id="agreement.revise.warning" values={{ version: initial.version }} />
          }
        />
      )}
      <p className="agreement-help">
        <FormattedMessage id="agreement.draft.help" />
      </p>
      <label htmlFor="draft-lang" className="field-label">
        <FormattedMessage id="draft.language" />
      </label>
      <Select
        id="draft-lang"
        value={lang}
        onChange={setLang}
        style={{ minWidth: 200 }}
        options={draftLanguages.map((l) => ({ value: l, label: languageName(l) }))}
      />
      {section('facts')}
      {section('disputedMatters')}
      {section('responsibilities')}
      <fieldset className="plain-fieldset">
        <legend>
          <FormattedMessage id="draft.points" />
        </legend>
        <ol className="agreement-points agreement-draft-points">
          {points.map((p, i) => {
            const label = intl.formatMessage({ id: 'draft.point' }, { no: i + 1 });
            return (
              <li key={i}>
                <span className="agreement-point-label">{label}</span>
                {columnsOf(`draft-point-${i + 1}`, label, p, (t) =>
                  setPoints((ps) => ps.map((x, j) => (j === i ? t : x))),
                )}
              </li>
            );
          })}
        </ol>
        <Button onClick={() => setPoints((ps) => [...ps, {}])}>
          <FormattedMessage id="draft.addPoint" />
        </Button>
      </fieldset>
      <div className="party-grid">
        <div>
          <label htmlFor="draft-amount" className="field-label">
            <FormattedMessage id="draft.amount" />
          </label>
          <AmountInput id="draft-amount" value={amount} onChange={setAmount} />
        </div>
        <div>
          <label htmlFor="draft-currency" className="field-label">
            <FormattedMessage id="draft.currency" />
          </label>
          <Input
            id="draft-currency"
            maxLength={3}
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
          />
        </div>
      </div>
      {section('performanceMethod')}
      <fieldset className="plain-fieldset">
        <legend>
          <FormattedMessage id="draft.instalments" />
        </legend>
        {instalments.map((inst, i) => (
          <div key={i} className="party-grid">
            <Input
              type="date"
              aria-label={intl.formatMessage({ id: 'draft.dueOn' }, { no: i + 1 })}
              value={inst.dueOn}
              onChange={(e) =>
                setInstalments((xs) =>
                  xs.map((x, j) => (j === i ? { ...x, dueOn: e.target.value } : x)),
                )
              }
            />
            <AmountInput
              aria-label={intl.formatMessage({ id: 'draft.instalmentAmount' }, { no: i + 1 })}
              value={inst.amount}
              onChange={(amount) =>
                setInstalments((xs) => xs.map((x, j) => (j === i ? { ...x, amount } : x)))
              }
            />
          </div>
        ))}
        <Button onClick={() => setInstalments((xs) => [...xs, { dueOn: '', amount: '' }])}>
          <FormattedMessage id="draft.addInstalment" />
        </Button>
      </fieldset>
      {translationLanguages.length > 0 && (
        <fieldset className="plain-fieldset" data-testid="draft-checklist">
          <legend>
            <FormattedMessage id="agreement.checklist.title" />
          </legend>
          <ul className="agreement-checklist">
            {translationLanguages.map((l) => {
              const m = missingInDraft(sections, points, l);
              return (
                <li key={l}>
                  <MissingCounts language={languageName(l)} {...m} />
                  <label htmlFor={`draft-translator-${l}`} className="field-label">
                    <FormattedMessage
                      id="agreement.draft.translator"
                      values={{ language: languageName(l) }}
                    />
                  </label>
                  <Input
                    id={`draft-translator-${l}`}
                    maxLength={200}
                    dir="auto"
                    value={translators[l] ?? ''}
                    onChange={(e) => setTranslators((t) => ({ ...t, [l]: e.target.value }))}
                  />
                </li>
              );
            })}
          </ul>
        </fieldset>
      )}
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
      )}
      <div className="form-actions">
        {onCancel ? (
          <Button onClick={onCancel}>
            <FormattedMessage id="agreement.cancel" />
          </Button>
        ) : (
          <span />
        )}
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          {initial ? (
            <FormattedMessage id="agreement.draft.saveVersion" />
          ) : (
            <FormattedMessage id="draft.submit" />
          )}
        </Button>
      </div>
    </div>
  );
}

/** "3 points missing in Persian", or that the language is complete. */
export function MissingCounts({
  language,
  sections,
  points,
}: {
  language: string;
  sections: number;
  points: number;
}) {
  if (sections === 0 && points === 0)
    return (
      <span className="agreement-complete">
        <FormattedMessage id="agreement.checklist.complete" values={{ language }} />
      </span>
    );
  return (
    <span className="agreement-incomplete">
      {sections > 0 && (
        <FormattedMessage
          id="agreement.checklist.missingSections"
          values={{ count: sections, language }}
        />
      )}
      {sections > 0 && points > 0 && ' · '}
      {points > 0 && (
        <FormattedMessage
          id="agreement.checklist.missingPoints"
          values={{ count: points, language }}
        />
      )}
    </span>
  );
}
