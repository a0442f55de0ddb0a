import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Radio from 'antd/es/radio';
import Tag from 'antd/es/tag';
import message from 'antd/es/message';
import { api } from '../../app/api-client';
import { CheckboxList } from '../../app/CheckboxList';
import type { CaseDetail } from './case-types';
import { courtName, type ConfirmationSuggestion, type CourtChoice } from './filing-types';
import { committeeToday, useFieldErrorMessage } from './use-field-error-message';

const fieldLabels = {
  courtId: 'filings.court',
  applicantPartyIds: 'filings.applicants',
  applicationDate: 'filings.applicationDate',
  reason: 'filings.referral.reason',
};

/** The competent courts, each with why it may hear the case; the suggested one comes first. */
function CourtChoices({
  name,
  courts,
  value,
  onChange,
}: {
  name: string;
  courts: CourtChoice[];
  value: string;
  onChange(id: string): void;
}) {
  const intl = useIntl();
  const labelId = `${name}-court-label`;
  return (
    <fieldset className="filings-fieldset">
      <legend id={labelId} className="filings-label">
        <FormattedMessage id="filings.court" />
      </legend>
      <Radio.Group
        aria-labelledby={labelId}
        className="filings-courts"
        value={value}
        onChange={(e) => onChange(e.target.value as string)}
      >
        {courts.map((c, i) => (
          <Radio key={c.id} value={c.id}>
            <bdi>{courtName(c, intl.locale)}</bdi>
            {i === 0 && c.reason !== 'other' && (
              <Tag className="filings-tag filings-tag-ok filings-suggested">
                <FormattedMessage id="filings.suggested" />
              </Tag>
            )}
            <span className="filings-hint filings-court-reason">
              <FormattedMessage id={`filings.courtReason.${c.reason}`} />
            </span>
          </Radio>
        ))}
      </Radio.Group>
    </fieldset>
  );
}

/**
 * The parties' joint application for judicial confirmation, filed by the officer on their behalf
 * within 30 days of the agreement taking effect: the court (the suggested one preselected), every
 * party named as applicant, and the date the parties signed the application.
 */
export function ConfirmationFilingForm({
  detail,
  suggestion,
  onDone,
}: {
  detail: CaseDetail;
  suggestion: ConfirmationSuggestion;
  onDone(): void;
}) {
  const intl = useIntl();
  const errorMessage = useFieldErrorMessage(fieldLabels);
  const [messageApi, messageHolder] = message.useMessage();
  const [courtId, setCourtId] = useState(suggestion.courts[0]?.id ?? '');
  const [applicants, setApplicants] = useState<string[]>(detail.parties.map((p) => p.id));
  const [applicationDate, setApplicationDate] = useState(committeeToday());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const file = async () => {
    // A one-sided application is not one the court accepts: every party applies.
    if (applicants.length !== detail.parties.length) {
      setError(intl.formatMessage({ id: 'filings.applicantsAll' }));
      return;
    }
    if (!courtId || !/^\d{4}-\d{2}-\d{2}$/.test(applicationDate)) {
      setError(intl.formatMessage({ id: 'filings.incomplete' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/cases/${detail.id}/confirmation-filings`, {
        version: detail.version,
        courtId,
        applicantPartyIds: applicants,
        applicationDate,
      });
      void messageApi.success(intl.formatMessage({ id: 'filings.confirmation.filed' }));
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel filings-form" aria-labelledby="confirmation-form-title" role="group">
      {messageHolder}
      <h3 id="confirmation-form-title">
        <FormattedMessage id="filings.confirmation.title" />
      </h3>
      <p className="filings-hint">
        <FormattedMessage id="filings.confirmation.explain" />
      </p>
      <CourtChoices
        name="confirmation"
        courts={suggestion.courts}
        value={courtId}
        onChange={setCourtId}
      />
      <fieldset className="filings-fieldset">
        <legend id="confirmation-applicants" className="filings-label">
          <FormattedMessage id="filings.applicants" />
        </legend>
        <CheckboxList
          labelledBy="confirmation-applicants"
          className="filings-applicants"
          value={applicants}
          onChange={(v) => {
            setApplicants(v);
            setError(null);
          }}
          options={detail.parties.map((p) => ({
            value: p.id,
            label: (
              <FormattedMessage
                id="court.party"
                values={{
                  name: <bdi>{p.name}</bdi>,
                  role: intl.formatMessage({ id: `court.role.${p.role}` }),
                }}
              />
            ),
          }))}
        />
      </fieldset>
      <label htmlFor="confirmation-date" className="filings-label">
        <FormattedMessage id="filings.applicationDate" />
      </label>
      <Input
        id="confirmation-date"
        type="date"
        value={applicationDate}
        max={committeeToday()}
        onChange={(e) => setApplicationDate(e.target.value)}
        className="filings-date"
      />
      {error && (
        <Alert type="error" showIcon role="alert" message={error} className="filings-alert" />
      )}
      <div className="form-actions">
        <Button type="primary" loading={busy} onClick={() => void file()}>
          <FormattedMessage id="filings.confirmation.submit" />
        </Button>
      </div>
    </div>
  );
}

/**
 * 诉调对接: a failed case or a breached agreement goes to a court with its package, so the court
 * does not start over. It closes the case, so it opens behind a first button and needs a reason.
 */
export function ReferralForm({
  detail,
  courts,
  onDone,
}: {
  detail: CaseDetail;
  courts: CourtChoice[];
  onDone(): void;
}) {
  const intl = useIntl();
  const errorMessage = useFieldErrorMessage(fieldLabels);
  const [open, setOpen] = useState(false);
  const [courtId, setCourtId] = useState(courts[0]?.id ?? '');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!open) {
    return (
      <div className="form-actions filings-open">
        <Button onClick={() => setOpen(true)}>
          <FormattedMessage id="filings.referral.open" />
        </Button>
      </div>
    );
  }

  const refer = async () => {
    if (!courtId || !reason.trim()) {
      setError(intl.formatMessage({ id: 'filings.incomplete' }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.post(`/api/v1/cases/${detail.id}/referrals`, {
        version: detail.version,
        courtId,
        reason: reason.trim(),
      });
      setOpen(false);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel filings-form" aria-labelledby="referral-form-title" role="group">
      <h3 id="referral-form-title">
        <FormattedMessage id="filings.referral.title" />
      </h3>
      <p className="filings-hint">
        <FormattedMessage id="filings.referral.explain" />
      </p>
      <CourtChoices name="referral" courts={courts} value={courtId} onChange={setCourtId} />
      <label htmlFor="referral-reason" className="filings-label">
        <FormattedMessage id="filings.referral.reason" />
      </label>
      <Input.TextArea
        id="referral-reason"
        value={reason}
        maxLength={4000}
        autoSize={{ minRows: 2, maxRows: 6 }}
        onChange={(e) => setReason(e.target.value)}
      />
      {error && (
        <Alert type="error" showIcon role="alert" message={error} className="filings-alert" />
      )}
      <div className="form-actions">
        <Button onClick={() => setOpen(false)}>
          <FormattedMessage id="filings.cancel" />
        </Button>
        <Button type="primary" danger loading={busy} onClick={() => void refer()}>
          <FormattedMessage id="filings.referral.submit" />
        </Button>
      </div>
    </div>
  );
}
