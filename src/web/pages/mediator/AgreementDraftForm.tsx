import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import { api } from '../../app/api-client';
import { useLocale } from '../../app/LocaleContext';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseDetail } from '../cases/case-types';

const draftLanguages = ['zh', 'en', 'ar', 'ru', 'es', 'fr', 'fa', 'tr'];

interface Instalment {
  dueOn: string;
  amount: string;
}

/**
 * The proposal (建议方案) drafted as an agreement with the contents Art. 29 requires: the facts,
 * the matters in dispute, each side's responsibility, numbered terms, the amount, and how and by
 * when it is performed. Written in one language; the prevailing version is Chinese unless agreed.
 */
export function AgreementDraftForm({ detail, onDone }: { detail: CaseDetail; onDone(): void }) {
  const intl = useIntl();
  const { locale } = useLocale();
  const errorMessage = useErrorMessage();
  const languageName = new Intl.DisplayNames([locale], { type: 'language', fallback: 'code' });
  const [lang, setLang] = useState('zh');
  const [facts, setFacts] = useState('');
  const [matters, setMatters] = useState('');
  const [responsibilities, setResponsibilities] = useState('');
  const [points, setPoints] = useState<string[]>(['']);
  const [amount, setAmount] = useState(detail.claimedAmount?.amount ?? '');
  const [currency, setCurrency] = useState(detail.claimedAmount?.currency ?? 'CNY');
  const [performance, setPerformance] = useState('');
  // A monetary agreement needs its instalments to add up to the amount: start with one for all of it.
  const [instalments, setInstalments] = useState<Instalment[]>(
    detail.claimedAmount ? [{ dueOn: '', amount: detail.claimedAmount.amount }] : [],
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const text = (t: string) => ({ lang, text: t.trim(), translations: {} });
  const submit = async () => {
    const terms = points.map((p) => p.trim()).filter(Boolean);
    if (!facts.trim() || !matters.trim() || !performance.trim() || terms.length === 0) {
      setError(intl.formatMessage({ id: 'draft.incomplete' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/cases/${detail.id}/agreements`, {
        version: detail.version,
        content: {
          facts: text(facts),
          disputedMatters: text(matters),
          responsibilities: text(responsibilities),
          points: terms.map((t, i) => ({ no: i + 1, text: text(t) })),
          amount: amount.trim() || null,
          currency: amount.trim() ? currency.trim().toUpperCase() : null,
          performanceMethod: text(performance),
          instalments: instalments
            .filter((i) => i.dueOn && i.amount.trim())
            .map((i, n) => ({ seq: n + 1, dueOn: i.dueOn, amount: i.amount.trim() })),
          prevailingLanguage: 'zh',
        },
      });
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const area = (id: string, label: string, value: string, set: (v: string) => void) => (
    <>
      <label htmlFor={id} className="field-label">
        <FormattedMessage id={label} />
      </label>
      <Input.TextArea
        id={id}
        rows={3}
        maxLength={100_000}
        value={value}
        dir="auto"
        onChange={(e) => set(e.target.value)}
      />
    </>
  );

  return (
    <div className="form-card" data-testid="agreement-draft-form">
      <h3 style={{ marginTop: 0 }}>
        <FormattedMessage id="draft.title" />
      </h3>
      <label htmlFor="draft-lang" className="field-label">
        <FormattedMessage id="draft.language" />
      </label>
      <Select
        id="draft-lang"
        value={lang}
        onChange={setLang}
        style={{ minWidth: 200 }}
        options={draftLanguages.map((l) => ({ value: l, label: languageName.of(l) ?? l }))}
      />
      {area('draft-facts', 'draft.facts', facts, setFacts)}
      {area('draft-matters', 'draft.matters', matters, setMatters)}
      {area('draft-resp', 'draft.responsibilities', responsibilities, setResponsibilities)}
      <fieldset className="plain-fieldset">
        <legend>
          <FormattedMessage id="draft.points" />
        </legend>
        <ol className="agreement-points">
          {points.map((p, i) => (
            <li key={i}>
              <Input.TextArea
                aria-label={intl.formatMessage({ id: 'draft.point' }, { no: i + 1 })}
                rows={2}
                value={p}
                dir="auto"
                onChange={(e) =>
                  setPoints((ps) => ps.map((x, j) => (j === i ? e.target.value : x)))
                }
              />
            </li>
          ))}
        </ol>
        <Button onClick={() => setPoints((ps) => [...ps, ''])}>
          <FormattedMessage id="draft.addPoint" />
        </Button>
      </fieldset>
      <div className="party-grid">
        <div>
          <label htmlFor="draft-amount" className="field-label">
            <FormattedMessage id="draft.amount" />
          </label>
          <Input
            id="draft-amount"
            inputMode="decimal"
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
          />
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
      {area('draft-performance', 'draft.performance', performance, setPerformance)}
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
            <Input
              inputMode="decimal"
              aria-label={intl.formatMessage({ id: 'draft.instalmentAmount' }, { no: i + 1 })}
              value={inst.amount}
              onChange={(e) =>
                setInstalments((xs) =>
                  xs.map((x, j) => (j === i ? { ...x, amount: e.target.value } : x)),
                )
              }
            />
          </div>
        ))}
        <Button onClick={() => setInstalments((xs) => [...xs, { dueOn: '', amount: '' }])}>
          <FormattedMessage id="draft.addInstalment" />
        </Button>
      </fieldset>
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
      )}
      <div className="form-actions">
        <span />
        <Button type="primary" loading={busy} onClick={() => void submit()}>
          <FormattedMessage id="draft.submit" />
        </Button>
      </div>
    </div>
  );
}
