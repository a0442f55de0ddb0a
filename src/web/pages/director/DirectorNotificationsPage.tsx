import { FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Table from 'antd/es/table';
import message from 'antd/es/message';
import { api } from '../../app/api-client';
import { useErrorMessage } from '../../app/use-error-message';
import { CaseLinkCell, DateTimeCell } from './director-table-cells';
import { DirectorNav } from './DirectorNav';
import { usePagedList } from './use-paged-list';

interface DeadRow {
  id: string;
  kind: string;
  event: string | null;
  caseId: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string;
}

/** Notifications the worker gave up on, each with a retry. */
export default function DirectorNotificationsPage() {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  // A hook-bound message follows the app's theme and direction (the static one cannot).
  const [messageApi, messageHolder] = message.useMessage();
  const { items, setItems, loading, error, setError, more } = usePagedList<DeadRow, string>(
    'dead',
    async (cursor) => {
      const r = await api.get<{ items: DeadRow[]; nextCursor: string | null }>(
        '/api/v1/admin/outbox/dead',
        { limit: 50, cursor },
      );
      return { items: r.items, next: r.nextCursor };
    },
  );

  const retry = async (id: string) => {
    try {
      await api.post(`/api/v1/admin/outbox/${id}/retry`);
      setItems((rows) => rows.filter((r) => r.id !== id));
      void messageApi.success(intl.formatMessage({ id: 'director.deadLetters.retried' }));
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <section>
      {messageHolder}
      <DirectorNav />
      <h1>
        <FormattedMessage id="director.deadLetters.title" />
      </h1>
      <p>
        <FormattedMessage id="director.deadLetters.lead" />
      </p>
      {error && <Alert type="error" showIcon role="alert" message={error} />}
      <Table<DeadRow>
        rowKey="id"
        size="small"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: intl.formatMessage({ id: 'director.deadLetters.empty' }) }}
        columns={[
          {
            title: intl.formatMessage({ id: 'director.deadLetters.what' }),
            render: (_: unknown, r) => <code>{r.event ?? r.kind}</code>,
          },
          {
            title: intl.formatMessage({ id: 'director.audit.case' }),
            dataIndex: 'caseId',
            render: (id: string | null) => <CaseLinkCell caseId={id} />,
          },
          {
            title: intl.formatMessage({ id: 'director.deadLetters.attempts' }),
            dataIndex: 'attempts',
          },
          {
            title: intl.formatMessage({ id: 'director.deadLetters.lastError' }),
            dataIndex: 'lastError',
            render: (e: string | null) => (
              <code className="audit-summary" dir="ltr">
                {e}
              </code>
            ),
          },
          {
            title: intl.formatMessage({ id: 'director.deadLetters.lastAttempt' }),
            dataIndex: 'lastAttemptAt',
            render: (at: string) => <DateTimeCell at={at} />,
          },
          {
            title: intl.formatMessage({ id: 'director.actions' }),
            render: (_: unknown, r) => (
              <Button size="small" onClick={() => void retry(r.id)}>
                <FormattedMessage id="director.deadLetters.retry" />
              </Button>
            ),
          },
        ]}
      />
      {more}
    </section>
  );
}
