import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Table from 'antd/es/table';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { CaseLinkCell, DateTimeCell } from './director-table-cells';
import { DirectorNav, useDirectorOrgId } from './DirectorNav';
import { usePagedList } from './use-paged-list';

interface AuditEvent {
  seq: number;
  at: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string | null;
  caseId: string | null;
  summary: unknown;
  hash: string;
}

interface Verification {
  ok: boolean;
  brokenAtSeq: number | null;
  reason: string | null;
}

/** The organisation's hash-chained audit log, newest first, with a check of the chain. */
export default function DirectorAuditPage() {
  const intl = useIntl();
  const orgId = useDirectorOrgId();
  const errorMessage = useErrorMessage();
  const [verification, setVerification] = useState<Verification | null>(null);
  const { items, loading, error, setError, more } = usePagedList<AuditEvent, number>(
    orgId,
    async (beforeSeq) => {
      const r = await api.get<{ items: AuditEvent[]; nextBeforeSeq: number | null }>(
        `/api/v1/orgs/${orgId}/audit-events`,
        { limit: 50, beforeSeq },
      );
      return { items: r.items, next: r.nextBeforeSeq };
    },
  );

  const verify = async () => {
    try {
      setVerification(
        await api.get<Verification>(`/api/v1/orgs/${orgId}/audit-events/verification`),
      );
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section>
      <DirectorNav />
      <h1>
        <FormattedMessage id="director.audit.title" />
      </h1>
      <p>
        <FormattedMessage id="director.audit.lead" />
      </p>
      <div className="toolbar">
        <Button onClick={() => void verify()}>
          <FormattedMessage id="director.audit.verify" />
        </Button>
      </div>
      {verification && (
        <Alert
          role="status"
          showIcon
          type={verification.ok ? 'success' : 'error'}
          message={
            verification.ok ? (
              <FormattedMessage id="director.audit.chainOk" />
            ) : (
              <FormattedMessage
                id="director.audit.chainBroken"
                values={{ seq: verification.brokenAtSeq }}
              />
            )
          }
          style={{ marginBottom: 12 }}
        />
      )}
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      <Table<AuditEvent>
        rowKey="seq"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: intl.formatMessage({ id: 'director.audit.empty' }) }}
        columns={[
          { title: intl.formatMessage({ id: 'director.audit.seq' }), dataIndex: 'seq' },
          {
            title: intl.formatMessage({ id: 'director.audit.at' }),
            dataIndex: 'at',
            render: (at: string) => <DateTimeCell at={at} />,
          },
          { title: intl.formatMessage({ id: 'director.audit.actor' }), dataIndex: 'actorLabel' },
          {
            title: intl.formatMessage({ id: 'director.audit.action' }),
            dataIndex: 'action',
            render: (a: string) => <code>{a}</code>,
          },
          {
            title: intl.formatMessage({ id: 'director.audit.case' }),
            dataIndex: 'caseId',
            render: (id: string | null) => <CaseLinkCell caseId={id} />,
          },
          {
            title: intl.formatMessage({ id: 'director.audit.details' }),
            dataIndex: 'summary',
            render: (s: unknown) => (
              <code className="audit-summary" dir="ltr">
                {JSON.stringify(s)}
              </code>
            ),
          },
          {
            title: intl.formatMessage({ id: 'director.audit.hash' }),
            dataIndex: 'hash',
            render: (h: string) => (
              <code title={h} dir="ltr">
                {h.slice(0, 12)}
              </code>
            ),
          },
        ]}
      />
      {more}
    </section>
  );
}
