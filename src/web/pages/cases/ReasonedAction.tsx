import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import { useFieldErrorMessage } from './use-field-error-message';

/**
 * A step that ends or turns the case (withdraw, fail, resume, breach, start of performance,
 * police referral): a first button only opens it; the officer (or the applicant, withdrawing)
 * then reads what it does, writes the reason the record keeps, and confirms. Two clicks and a reason, so a slip of the finger cannot close a case.
 */
export function ReasonedAction({
  name,
  danger = false,
  run,
  messages = 'caseActions',
  instance,
  values,
}: {
  /** Message ids under <messages>.<name>: open, title, explain, reason, confirm. */
  name: string;
  danger?: boolean;
  run(reason: string): Promise<void>;
  /**
   * The catalogue prefix: <messages>.cancel and <messages>.reasonRequired too. The party's screens
   * pass their own ('party.actions') so they need not load the staff catalogue; the performance
   * panel passes 'filings'.
   */
  messages?: string;
  /** Tells apart several forms of one step on a page (the party's objection, per team member). */
  instance?: string;
  /** Values for the step's messages (the team member's name). */
  values?: Record<string, string>;
}) {
  const intl = useIntl();
  const id = (part: string) => `${messages}.${name}.${part}`;
  // The API calls the text `reason`, or `note` for the start of performance; a refusal names the
  // field as this form labels it.
  const errorMessage = useFieldErrorMessage({ reason: id('reason'), note: id('reason') });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const fieldId = `case-action-${name}${instance ? `-${instance}` : ''}-reason`;

  const confirm = async () => {
    if (!reason.trim()) {
      setError(intl.formatMessage({ id: `${messages}.reasonRequired` }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await run(reason.trim());
      // A step that can be taken again (a police referral) starts from an empty form.
      setOpen(false);
      setReason('');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (!open)
    return (
      <div className="case-action">
        <Button danger={danger} onClick={() => setOpen(true)}>
          {intl.formatMessage({ id: id('open') }, values)}
        </Button>
      </div>
    );
  return (
    <div className="case-action case-action-open" role="group" aria-labelledby={`${fieldId}-title`}>
      <h3 id={`${fieldId}-title`}>{intl.formatMessage({ id: id('title') }, values)}</h3>
      <p>{intl.formatMessage({ id: id('explain') }, values)}</p>
      <label htmlFor={fieldId} className="case-action-label">
        {intl.formatMessage({ id: id('reason') }, values)}
      </label>
      <Input.TextArea
        id={fieldId}
        // Opened by the officer's own click: the reason is what they write next.
        autoFocus
        value={reason}
        maxLength={4000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(e) => {
          setReason(e.target.value);
          setError(null);
        }}
      />
      {error && (
        <Alert type="error" showIcon role="alert" message={error} style={{ marginTop: 12 }} />
      )}
      <div className="form-actions">
        <Button
          onClick={() => {
            setOpen(false);
            setError(null);
          }}
        >
          <FormattedMessage id={`${messages}.cancel`} />
        </Button>
        <Button type="primary" danger={danger} loading={busy} onClick={() => void confirm()}>
          {intl.formatMessage({ id: id('confirm') }, values)}
        </Button>
      </div>
    </div>
  );
}
