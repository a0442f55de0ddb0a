import { useCallback, useEffect, useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Select from 'antd/es/select';
import Tag from 'antd/es/tag';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { evidenceUrl, previewableTypes, type EvidenceFile } from './conversation-types';
import { EvidenceVisibilityControl } from './EvidenceVisibilityControl';
import { FileSize } from './FileSize';

const visibilityColour: Record<string, string> = { all: 'blue', team: 'gold', committee: 'red' };

/**
 * Every piece of evidence the staff member may see, with who may see it, and an upload with its
 * visibility (committee-only is for the committee's own staff: officers and the director).
 */
export function StaffEvidencePanel({
  caseId,
  committeeStaff,
  teamMediator,
  version,
}: {
  caseId: string;
  committeeStaff: boolean;
  /** A mediator of this case, who may move files between the team and everyone. */
  teamMediator: boolean;
  /** Bumped when a file was shared in the conversation, so the list reloads. */
  version: number;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const errorRef = useRef(errorMessage);
  errorRef.current = errorMessage;
  const fileInput = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<EvidenceFile[] | null>(null);
  const [visibility, setVisibility] = useState<'all' | 'team' | 'committee'>('team');
  const [error, setError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    api
      .get<{ items: EvidenceFile[] }>(`/api/v1/cases/${caseId}/documents`)
      .then((r) => setFiles(r.items))
      .catch((e: unknown) => setError(errorRef.current(e)));
  }, [caseId]);
  useEffect(load, [load, version]);

  const upload = async () => {
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError(intl.formatMessage({ id: 'conversation.evidence.choose' }));
      return;
    }
    setBusy(true);
    setError(null);
    setUploaded(null);
    try {
      const form = new FormData();
      form.append('visibility', visibility);
      form.append('file', file, file.name);
      const d = await api.upload<EvidenceFile>(`/api/v1/cases/${caseId}/documents`, form);
      setUploaded(d.filename);
      if (fileInput.current) fileInput.current.value = '';
      load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const levels = committeeStaff
    ? (['all', 'team', 'committee'] as const)
    : (['all', 'team'] as const);
  return (
    <section aria-labelledby="staff-evidence-title" className="conversation">
      <h2 id="staff-evidence-title">
        <FormattedMessage id="conversation.evidence.title" />
      </h2>
      {files && files.length === 0 && (
        <p className="conversation-muted">
          <FormattedMessage id="conversation.evidence.none" />
        </p>
      )}
      {files && files.length > 0 && (
        <ul className="conversation-evidence">
          {files.map((d) => (
            <li key={d.id} data-document-id={d.id}>
              <a
                href={evidenceUrl(caseId, d, true)}
                target={previewableTypes.includes(d.mediaType) ? '_blank' : undefined}
                rel="noopener noreferrer"
                download={previewableTypes.includes(d.mediaType) ? undefined : d.filename}
              >
                <bdi>{d.filename}</bdi>
              </a>{' '}
              <Tag color={visibilityColour[d.visibility] ?? 'default'}>
                <FormattedMessage id={`conversation.evidence.visibility.${d.visibility}`} />
              </Tag>
              {d.channel && (
                <Tag color="purple">
                  <FormattedMessage
                    id="conversation.evidence.caucus"
                    values={{ side: d.channel === 'caucus_applicant' ? 'applicant' : 'respondent' }}
                  />
                </Tag>
              )}
              <span className="conversation-muted">
                <FileSize bytes={d.sizeBytes} /> ·{' '}
                <FormattedDate value={d.createdAt} dateStyle="medium" />
              </span>
              {(committeeStaff || teamMediator) && !d.channel && (
                <EvidenceVisibilityControl
                  caseId={caseId}
                  file={d}
                  levels={levels}
                  onChanged={load}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="form-card">
        <label htmlFor="staff-evidence-file" className="conversation-label">
          <FormattedMessage id="conversation.evidence.add" />
        </label>
        <input
          id="staff-evidence-file"
          ref={fileInput}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.webp,.heic,.docx,.xlsx,.txt"
          className="conversation-file"
        />
        <label htmlFor="staff-evidence-visibility" className="conversation-label">
          <FormattedMessage id="conversation.evidence.visibilityLabel" />
        </label>
        <Select
          id="staff-evidence-visibility"
          value={visibility}
          onChange={setVisibility}
          style={{ minWidth: 220 }}
          options={levels.map((v) => ({
            value: v,
            label: intl.formatMessage({ id: `conversation.evidence.visibility.${v}` }),
          }))}
        />
        <p className="conversation-muted conversation-small">
          <FormattedMessage id="conversation.evidence.help" />
        </p>
        {uploaded && (
          <Alert
            type="success"
            showIcon
            role="status"
            message={
              <FormattedMessage
                id="conversation.evidence.uploaded"
                values={{ name: <bdi>{uploaded}</bdi> }}
              />
            }
          />
        )}
        {error && <Alert type="error" showIcon role="alert" message={error} />}
        <div className="form-actions">
          <span />
          <Button type="primary" loading={busy} onClick={() => void upload()}>
            <FormattedMessage id="conversation.evidence.upload" />
          </Button>
        </div>
      </div>
    </section>
  );
}
