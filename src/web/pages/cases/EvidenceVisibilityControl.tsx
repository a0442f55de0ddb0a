import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Input from 'antd/es/input';
import Select from 'antd/es/select';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import type { EvidenceFile } from './conversation-types';

type Level = 'all' | 'team' | 'committee';

/**
 * Changes who may see one piece of evidence, with an optional reason for the audit trail.
 * Officers and the director choose any level, the case's mediators team or everyone (the server
 * enforces both). Files of a private caucus get no control: they stay in their caucus.
 */
export function EvidenceVisibilityControl({
  caseId,
  file,
  levels,
  onChanged,
}: {
  caseId: string;
  file: EvidenceFile;
  levels: readonly Level[];
  onChanged: () => void;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [open, setOpen] = useState(false);
  const [level, setLevel] = useState<Level>(file.visibility as Level);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const idBase = `evidence-visibility-${file.id}`;

  if (!open)
    return (
      <Button size="small" type="link" onClick={() => setOpen(true)}>
        <FormattedMessage id="conversation.evidence.change" />
      </Button>
    );

  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.patch(`/api/v1/cases/${caseId}/documents/${file.id}`, {
        visibility: level,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
      });
      setOpen(false);
      setReason('');
      onChanged();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      className="evidence-visibility-form"
      role="group"
      aria-label={intl.formatMessage({ id: 'conversation.evidence.change' })}
    >
      <label htmlFor={`${idBase}-level`} className="conversation-label">
        <FormattedMessage id="conversation.evidence.visibilityLabel" />
      </label>
      <Select
        id={`${idBase}-level`}
        value={level}
        onChange={setLevel}
        style={{ minWidth: 220 }}
        options={levels.map((v) => ({
          value: v,
          label: intl.formatMessage({ id: `conversation.evidence.visibility.${v}` }),
        }))}
      />
      <label htmlFor={`${idBase}-reason`} className="conversation-label">
        <FormattedMessage id="conversation.evidence.reason" />
      </label>
      <Input
        id={`${idBase}-reason`}
        dir="auto"
        value={reason}
        maxLength={1000}
        onChange={(e) => setReason(e.target.value)}
      />
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      <div className="form-actions">
        <Button onClick={() => setOpen(false)}>
          <FormattedMessage id="conversation.evidence.cancel" />
        </Button>
        <Button type="primary" loading={busy} onClick={() => void save()}>
          <FormattedMessage id="conversation.evidence.save" />
        </Button>
      </div>
    </div>
  );
}
