import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Checkbox from 'antd/es/checkbox';
import Input from 'antd/es/input';
import Radio from 'antd/es/radio';
import Select from 'antd/es/select';
import Steps from 'antd/es/steps';
import { AmountInput } from '../../app/AmountInput';
import { api } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { countryOptions, currencyOptions, languageOptions } from '../../app/reference-data';
import { useErrorMessage } from '../../app/use-error-message';
import {
  categories,
  clearDraft,
  loadDraft,
  saveDraft,
  stepKeys,
  stepProblems,
  toApplicationBody,
  type ApplicationDraft,
  type PartyDraft,
} from './application-draft';

function Field({
  id,
  label,
  error,
  help,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: string | undefined;
  help?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className="field" style={{ marginBottom: 16 }}>
      <label htmlFor={id} style={{ display: 'block', fontWeight: 600, marginBottom: 4 }}>
        {label}
      </label>
      {children}
      {help && (
        <div id={`${id}-help`} style={{ color: '#52606d', fontSize: '0.9rem', marginTop: 4 }}>
          {help}
        </div>
      )}
      {error && (
        <div id={`${id}-error`} role="alert" style={{ color: '#b42318', marginTop: 4 }}>
          {error}
        </div>
      )}
    </div>
  );
}

interface Created {
  id?: string;
  reference?: string;
}

export default function ApplyPage() {
  const intl = useIntl();
  const { locale } = useLocale();
  const uiLanguage = locale === 'zh-CN' ? 'zh' : locale;
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<ApplicationDraft>(() => loadDraft(uiLanguage));
  const [step, setStep] = useState(0);
  const [showProblems, setShowProblems] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  const countries = useMemo(() => countryOptions(locale), [locale]);
  const languages = useMemo(() => languageOptions(locale), [locale]);
  const currencies = useMemo(() => currencyOptions(locale), [locale]);

  useEffect(() => {
    if (!created) saveDraft(draft);
  }, [draft, created]);

  const stepKey = stepKeys[step]!;
  const problems = stepProblems(draft, stepKey);
  const problem = (field: string) =>
    showProblems && problems[field] ? intl.formatMessage({ id: problems[field] }) : undefined;

  const update = (patch: Partial<ApplicationDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const updateParty = (role: 'applicant' | 'respondent', patch: Partial<PartyDraft>) =>
    setDraft((d) => ({ ...d, [role]: { ...d[role], ...patch } }));

  const go = (next: number) => {
    setStep(next);
    setShowProblems(false);
    headingRef.current?.focus();
  };
  const forward = () => {
    if (Object.keys(problems).length > 0) {
      setShowProblems(true);
      return;
    }
    go(step + 1);
  };

  const submit = async () => {
    if (Object.keys(problems).length > 0) {
      setShowProblems(true);
      return;
    }
    setSubmitting(true);
    setSubmitError(null);
    try {
      const r = await api.post<Created>('/api/v1/cases', toApplicationBody(draft));
      clearDraft();
      setCreated(r ?? {});
    } catch (e) {
      setSubmitError(errorMessage(e));
    } finally {
      setSubmitting(false);
    }
  };

  if (created) {
    return (
      <section className="form-card done" role="status" aria-live="polite">
        <div className="done-mark" aria-hidden="true">
          ✓
        </div>
        <h1>
          <FormattedMessage id="apply.done.title" />
        </h1>
        {created.reference && (
          <p className="lead">
            <FormattedMessage
              id="apply.done.reference"
              values={{ reference: <strong dir="ltr">{created.reference}</strong> }}
            />
          </p>
        )}
        <p className="lead">
          <FormattedMessage id="apply.done.next" />
        </p>
      </section>
    );
  }

  const partyFields = (role: 'applicant' | 'respondent') => {
    const p = draft[role];
    const id = (f: string) => `${role}-${f}`;
    return (
      <fieldset className="form-card" style={{ margin: 0 }}>
        <legend style={{ fontWeight: 700, fontSize: '1.05rem', padding: '0 6px' }}>
          <FormattedMessage id={`apply.party.${role}`} />
        </legend>
        <Field id={id('kind')} label={<FormattedMessage id="apply.party.kind" />}>
          <Radio.Group
            id={id('kind')}
            value={p.kind}
            onChange={(e) => updateParty(role, { kind: e.target.value as PartyDraft['kind'] })}
            options={[
              { value: 'person', label: intl.formatMessage({ id: 'apply.party.kind.person' }) },
              {
                value: 'organization',
                label: intl.formatMessage({ id: 'apply.party.kind.organization' }),
              },
            ]}
          />
        </Field>
        <Field
          id={id('name')}
          label={<FormattedMessage id="apply.party.name" />}
          error={problem(`${role}.name`)}
        >
          <Input
            id={id('name')}
            value={p.name}
            maxLength={200}
            autoComplete={role === 'applicant' ? 'name' : 'off'}
            status={problem(`${role}.name`) ? 'error' : ''}
            onChange={(e) => updateParty(role, { name: e.target.value })}
          />
        </Field>
        <Field
          id={id('country')}
          label={<FormattedMessage id="apply.party.country" />}
          error={problem(`${role}.country`)}
        >
          <Select
            id={id('country')}
            showSearch
            optionFilterProp="label"
            options={countries}
            value={p.country || undefined}
            placeholder={intl.formatMessage({ id: 'form.choose' })}
            status={problem(`${role}.country`) ? 'error' : ''}
            onChange={(v: string) => updateParty(role, { country: v })}
            style={{ width: '100%' }}
          />
        </Field>
        <Field
          id={id('languages')}
          label={<FormattedMessage id="apply.party.languages" />}
          error={problem(`${role}.languages`)}
          help={<FormattedMessage id="apply.party.languages.help" />}
        >
          <Select
            id={id('languages')}
            mode="multiple"
            showSearch
            optionFilterProp="label"
            options={languages}
            value={p.languages}
            status={problem(`${role}.languages`) ? 'error' : ''}
            onChange={(v: string[]) =>
              updateParty(role, {
                languages: v,
                preferredLanguage: v.includes(p.preferredLanguage)
                  ? p.preferredLanguage
                  : (v[0] ?? ''),
              })
            }
            style={{ width: '100%' }}
          />
        </Field>
        <Field
          id={id('email')}
          label={<FormattedMessage id="apply.party.email" />}
          error={problem(`${role}.email`)}
          help={role === 'applicant' ? <FormattedMessage id="apply.party.email.help" /> : undefined}
        >
          <Input
            id={id('email')}
            type="email"
            dir="ltr"
            value={p.email}
            maxLength={254}
            autoComplete={role === 'applicant' ? 'email' : 'off'}
            status={problem(`${role}.email`) ? 'error' : ''}
            onChange={(e) => updateParty(role, { email: e.target.value })}
          />
        </Field>
        <Field id={id('phone')} label={<FormattedMessage id="apply.party.phone" />}>
          <Input
            id={id('phone')}
            type="tel"
            dir="ltr"
            value={p.phone}
            maxLength={40}
            autoComplete={role === 'applicant' ? 'tel' : 'off'}
            onChange={(e) => updateParty(role, { phone: e.target.value })}
          />
        </Field>
      </fieldset>
    );
  };

  const countryName = (c: string) => countries.find((o) => o.value === c)?.label ?? c;

  return (
    <section aria-labelledby="apply-title">
      <h1 id="apply-title">
        <FormattedMessage id="apply.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="apply.lead" />
      </p>
      <Steps
        className="apply-steps"
        current={step}
        size="small"
        responsive={false}
        direction="horizontal"
        labelPlacement="vertical"
        items={stepKeys.map((k) => ({ title: intl.formatMessage({ id: `apply.step.${k}` }) }))}
      />
      <div className="form-card">
        <h2 ref={headingRef} tabIndex={-1} style={{ marginTop: 0 }}>
          <FormattedMessage
            id="apply.stepOf"
            values={{
              current: step + 1,
              total: stepKeys.length,
              title: intl.formatMessage({ id: `apply.step.${stepKey}` }),
            }}
          />
        </h2>

        {stepKey === 'category' && (
          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend style={{ marginBottom: 12 }}>
              <FormattedMessage id="apply.category.question" />
            </legend>
            {problem('category') && (
              <div role="alert" style={{ color: '#b42318', marginBottom: 8 }}>
                {problem('category')}
              </div>
            )}
            <div className="category-options">
              {categories.map((c) => (
                <label key={c} className="category-option">
                  <input
                    type="radio"
                    name="category"
                    value={c}
                    checked={draft.category === c}
                    onChange={() => update({ category: c })}
                  />
                  <strong>
                    <FormattedMessage id={`category.${c}`} />
                  </strong>
                  <span className="help">
                    <FormattedMessage id={`category.${c}.help`} />
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        )}

        {stepKey === 'parties' && (
          <div className="party-grid">
            {partyFields('applicant')}
            {partyFields('respondent')}
          </div>
        )}

        {stepKey === 'claim' && (
          <>
            <Field
              id="summary"
              label={<FormattedMessage id="apply.claim.summary" />}
              error={problem('summary')}
              help={<FormattedMessage id="apply.claim.summary.help" />}
            >
              <Input
                id="summary"
                value={draft.summary}
                maxLength={500}
                status={problem('summary') ? 'error' : ''}
                onChange={(e) => update({ summary: e.target.value })}
              />
            </Field>
            <Field
              id="description"
              label={<FormattedMessage id="apply.claim.description" />}
              error={problem('description')}
              help={<FormattedMessage id="apply.claim.description.help" />}
            >
              <Input.TextArea
                id="description"
                status={problem('description') ? 'error' : ''}
                value={draft.description}
                maxLength={5000}
                autoSize={{ minRows: 4, maxRows: 12 }}
                onChange={(e) => update({ description: e.target.value })}
              />
            </Field>
            <div className="party-grid">
              <Field
                id="amount"
                label={<FormattedMessage id="apply.claim.amount" />}
                error={problem('amount')}
                help={<FormattedMessage id="apply.claim.amount.help" />}
              >
                <AmountInput
                  id="amount"
                  value={draft.amount}
                  status={problem('amount') ? 'error' : ''}
                  onChange={(amount) => update({ amount })}
                />
              </Field>
              <Field
                id="currency"
                label={<FormattedMessage id="apply.claim.currency" />}
                error={problem('currency')}
              >
                <Select
                  id="currency"
                  showSearch
                  optionFilterProp="label"
                  options={currencies}
                  value={draft.currency}
                  onChange={(v: string) => update({ currency: v })}
                  style={{ width: '100%' }}
                />
              </Field>
            </div>
            <Alert type="info" showIcon message={<FormattedMessage id="apply.claim.free" />} />
          </>
        )}

        {stepKey === 'consents' && (
          <>
            <h3>
              <FormattedMessage id="apply.review" />
            </h3>
            <dl className="review-list">
              <dt>
                <FormattedMessage id="apply.step.category" />
              </dt>
              <dd>{draft.category && <FormattedMessage id={`category.${draft.category}`} />}</dd>
              <dt>
                <FormattedMessage id="apply.party.applicant" />
              </dt>
              <dd>
                {draft.applicant.name} · {countryName(draft.applicant.country)}
              </dd>
              <dt>
                <FormattedMessage id="apply.party.respondent" />
              </dt>
              <dd>
                {draft.respondent.name} · {countryName(draft.respondent.country)}
              </dd>
              <dt>
                <FormattedMessage id="apply.claim.amount" />
              </dt>
              <dd>
                {Number(draft.amount) > 0 ? (
                  // Isolated like Money (app/Money.tsx), inline here to keep this page's load light.
                  <bdi>
                    <FormattedNumber
                      value={Number(draft.amount)}
                      style="currency"
                      currency={draft.currency}
                    />
                  </bdi>
                ) : (
                  '—'
                )}
              </dd>
              <dt>
                <FormattedMessage id="apply.claim.summary" />
              </dt>
              <dd>{draft.summary}</dd>
            </dl>
            <h3>
              <FormattedMessage id="apply.consents" />
            </h3>
            <div style={{ display: 'grid', gap: 12 }}>
              <Checkbox
                id="consent-processing"
                checked={draft.consents.processing}
                onChange={(e) =>
                  update({ consents: { ...draft.consents, processing: e.target.checked } })
                }
              >
                <FormattedMessage id="apply.consent.processing" />
              </Checkbox>
              {problem('consents.processing') && (
                <div role="alert" style={{ color: '#b42318' }}>
                  {problem('consents.processing')}
                </div>
              )}
              <Checkbox
                id="consent-cross-border"
                checked={draft.consents.cross_border}
                onChange={(e) =>
                  update({ consents: { ...draft.consents, cross_border: e.target.checked } })
                }
              >
                <FormattedMessage id="apply.consent.crossBorder" />
              </Checkbox>
              {problem('consents.cross_border') && (
                <div role="alert" style={{ color: '#b42318' }}>
                  {problem('consents.cross_border')}
                </div>
              )}
            </div>
            {submitError && (
              <Alert
                type="error"
                showIcon
                role="alert"
                message={submitError}
                style={{ marginTop: 16 }}
              />
            )}
          </>
        )}

        <div className="form-actions">
          <Button disabled={step === 0} onClick={() => go(step - 1)}>
            <FormattedMessage id="form.back" />
          </Button>
          {step < stepKeys.length - 1 ? (
            <Button type="primary" onClick={forward}>
              <FormattedMessage id="form.next" />
            </Button>
          ) : (
            <Button type="primary" loading={submitting} onClick={() => void submit()}>
              <FormattedMessage id="apply.submit" />
            </Button>
          )}
        </div>
        <p style={{ color: '#52606d', fontSize: '0.85rem', marginBottom: 0 }}>
          <FormattedMessage id="apply.draftSaved" />
        </p>
      </div>
    </section>
  );
}
