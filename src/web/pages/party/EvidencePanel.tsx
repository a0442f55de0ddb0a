import { useCallback, useEffect, useRef, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Tag from 'antd/es/tag';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { FileSize } from '../cases/FileSize';
import { evidenceUrl, previewableTypes } from '../cases/conversation-types';
import type { EvidenceDocument, PartyCaseDetail } from './party-types';

/** The evidence the party may see, to download, and the upload of new evidence (one file at a time, type sniffed by the server). */
export function EvidencePanel({
  detail,
  version = 0,
}: {
  detail: PartyCaseDetail;
  /** Bumped when the party shared a file in the conversation, so the list reloads. */
  version?: number;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const fileInput = useRef<HTMLInputElement>(null);
  const [documents, setDocuments] = useState<EvidenceDocument[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [uploaded, setUploaded] = useState<string | null>(null);

  const load = useCallback(() => {
    api
      .get<{ items: EvidenceDocument[] }>(`/api/v1/cases/${detail.id}/documents`)
      .then((r) => setDocuments(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [detail.id]);

  useEffect(load, [load, version]);

  const upload = async () => {
    const file = fileInput.current?.files?.[0];
    if (!file) {
      setError(intl.formatMessage({ id: 'party.evidence.choose' }));
      return;
    }
    setBusy(true);
    setError(null);
    setUploaded(null);
    try {
      const form = new FormData();
      form.append('visibility', 'all');
      form.append('file', file, file.name);
      const d = await api.upload<EvidenceDocument>(`/api/v1/cases/${detail.id}/documents`, form);
      setUploaded(d.filename);
      if (fileInput.current) fileInput.current.value = '';
      load();
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="evidence-title" className="party-section">
      <h2 id="evidence-title">
        <FormattedMessage id="party.evidence.title" />
      </h2>
      {documents && documents.length === 0 && (
        <p className="lead">
          <FormattedMessage id="party.evidence.none" />
        </p>
      )}
      {documents && documents.length > 0 && (
        <ul className="party-documents">
          {documents.map((d) => (
            <li key={d.id}>
              <a
                href={evidenceUrl(detail.id, d, true)}
                target={previewableTypes.includes(d.mediaType) ? '_blank' : undefined}
                rel="noopener noreferrer"
                download={previewableTypes.includes(d.mediaType) ? undefined : d.filename}
              >
                <bdi>{d.filename}</bdi>
              </a>{' '}
              {d.channel && (
                // Shared in the party's private caucus: the other side cannot see it.
                <Tag color="purple">
                  <FormattedMessage id="conversation.channel.ownCaucus" />
                </Tag>
              )}
              <span className="party-muted">
                <FileSize bytes={d.sizeBytes} /> ·{' '}
                <FormattedDate value={d.createdAt} dateStyle="medium" />
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="form-card">
        <label htmlFor="evidence-file" className="party-label">
          <FormattedMessage id="party.evidence.add" />
        </label>
        <input
          id="evidence-file"
          ref={fileInput}
          type="file"
          accept=".pdf,.png,.jpg,.jpeg,.webp,.heic,.docx,.xlsx,.txt"
          className="party-file"
        />
        <p className="party-muted">
          <FormattedMessage id="party.evidence.help" />
        </p>
        {uploaded && (
          <Alert
            type="success"
            showIcon
            role="status"
            message={<FormattedMessage id="party.evidence.uploaded" values={{ name: uploaded }} />}
          />
        )}
        {error && <Alert type="error" showIcon role="alert" message={error} />}
        <div className="form-actions">
          <span />
          <Button type="primary" loading={busy} onClick={() => void upload()}>
            <FormattedMessage id="party.evidence.upload" />
          </Button>
        </div>
      </div>
    </section>
  );
}
