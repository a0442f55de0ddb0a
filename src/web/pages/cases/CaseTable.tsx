import { useCallback, useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Empty from 'antd/es/empty';
import Table from 'antd/es/table';
import Tag from 'antd/es/tag';
import { api } from '../../app/api-client';
import { AreaMessages } from '../../app/AreaMessages';
import { Link } from '../../app/router';
import { Money } from '../../app/Money';
import { useErrorMessage } from '../../app/use-error-message';
import type { CaseListItem, CasePage, CaseStatus } from './case-types';
import { conversationMessages } from './conversation-messages';
import './conversation.css';

/** Accent colours per state; the text stays dark so every tag meets WCAG AA contrast. */
const statusAccent: Record<CaseStatus, string> = {
  submitted: '#0b5cad',
  accepted: '#0f7b8a',
  rejected: '#7b8794',
  in_mediation: '#3949ab',
  agreed: '#1a7f37',
  performing: '#5b8c00',
  fulfilled: '#1a7f37',
  breached: '#b42318',
  failed: '#c2410c',
  withdrawn: '#7b8794',
  referred: '#6b21a8',
};

const accentStyle = (accent: string) => ({
  color: '#1f2933',
  background: '#fff',
  borderColor: accent,
  borderInlineStartWidth: 4,
});

export function StatusTag({ status }: { status: CaseStatus }) {
  return (
    <Tag style={accentStyle(statusAccent[status])}>
      <FormattedMessage id={`status.${status}`} />
    </Tag>
  );
}

/** Whole days from now to a due instant; negative when overdue. */
export function daysUntil(due: string, now = Date.now()): number {
  return Math.floor((Date.parse(due) - now) / 86_400_000);
}

export function DueTag({ due }: { due: string }) {
  const days = daysUntil(due);
  if (days < 0)
    // Overdue must stand out in a long queue: a filled tag, and the days in words for everyone.
    return (
      <Tag
        className="due-overdue"
        style={{
          ...accentStyle('#b42318'),
          color: '#b42318',
          background: '#fef3f2',
          fontWeight: 600,
        }}
      >
        <FormattedMessage id="deadline.overdue" values={{ days: -days }} />
      </Tag>
    );
  return (
    <Tag style={accentStyle(days <= 7 ? '#c2410c' : '#7b8794')}>
      <FormattedMessage id="deadline.dueIn" values={{ days }} />
    </Tag>
  );
}

const pageSize = 20;

/** The caller's unread messages on a case, as the conversation's channel tabs show them. */
function UnreadBadge({ count }: { count: number }) {
  const intl = useIntl();
  if (count === 0) return null;
  // Words for screen readers beside the bare figure: a span may not carry an aria-label.
  return (
    <span className="case-unread">
      <span className="conversation-badge" aria-hidden="true">
        {intl.formatNumber(count)}
      </span>
      <span className="visually-hidden">
        {intl.formatMessage({ id: 'conversation.unread' }, { count })}
      </span>
    </span>
  );
}

/**
 * One page at a time from the API's cursor, with "load more": the queue of a large committee
 * never loads whole. The unread counts' words come with the conversation's catalogue.
 */
export function CaseTable(props: { query: Record<string, string | undefined>; caption: string }) {
  return (
    <AreaMessages loaders={conversationMessages}>
      <CasePageTable {...props} />
    </AreaMessages>
  );
}

function CasePageTable({
  query,
  caption,
}: {
  query: Record<string, string | undefined>;
  caption: string;
}) {
  const intl = useIntl();
  const errorMessage = useErrorMessage();
  const [items, setItems] = useState<CaseListItem[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify(query);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      setError(null);
      try {
        const page = await api.get<CasePage>('/api/v1/cases', {
          ...query,
          limit: pageSize,
          cursor: after,
        });
        setItems((prev) => (after ? [...prev, ...page.items] : page.items));
        setCursor(page.nextCursor);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    // `key` stands for the query's content, so a new object with the same filters does not reload.
    [key],
  );

  useEffect(() => {
    setItems([]);
    void load(null);
  }, [load]);

  if (error) return <Alert type="error" showIcon role="alert" message={error} />;
  return (
    <>
      <Table<CaseListItem>
        rowKey="id"
        loading={loading}
        dataSource={items}
        pagination={false}
        scroll={{ x: 720 }}
        locale={{ emptyText: <Empty description={intl.formatMessage({ id: 'cases.empty' })} /> }}
        title={() => <span className="visually-hidden">{caption}</span>}
        columns={[
          {
            key: 'reference',
            title: intl.formatMessage({ id: 'cases.reference' }),
            render: (_, c) => (
              <span className="case-reference">
                <Link href={`/cases/${c.id}`}>
                  <bdi dir="auto" className="case-reference-text">
                    {c.reference}
                  </bdi>
                </Link>
                <UnreadBadge count={c.unreadMessages ?? 0} />
              </span>
            ),
          },
          {
            key: 'status',
            title: intl.formatMessage({ id: 'cases.status' }),
            render: (_, c) => <StatusTag status={c.status} />,
          },
          {
            key: 'category',
            title: intl.formatMessage({ id: 'cases.category' }),
            render: (_, c) => <FormattedMessage id={`category.${c.category}`} />,
          },
          {
            key: 'summary',
            title: intl.formatMessage({ id: 'cases.summary' }),
            ellipsis: true,
            // A Persian or Arabic summary keeps its own direction in a Chinese or English table.
            render: (_, c) => <span dir="auto">{c.summary}</span>,
          },
          {
            key: 'amount',
            title: intl.formatMessage({ id: 'cases.amount' }),
            render: (_, c) =>
              c.claimedAmount ? (
                <Money amount={c.claimedAmount.amount} currency={c.claimedAmount.currency} />
              ) : (
                '—'
              ),
          },
          {
            key: 'submitted',
            title: intl.formatMessage({ id: 'cases.submittedAt' }),
            render: (_, c) => <FormattedDate value={c.submittedAt} dateStyle="medium" />,
          },
          {
            key: 'due',
            title: intl.formatMessage({ id: 'cases.due' }),
            render: (_, c) =>
              c.mediationDueAt && ['accepted', 'in_mediation'].includes(c.status) ? (
                <DueTag due={c.mediationDueAt} />
              ) : (
                '—'
              ),
          },
        ]}
      />
      {cursor && (
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button onClick={() => void load(cursor)} loading={loading}>
            <FormattedMessage id="common.loadMore" />
          </Button>
        </div>
      )}
    </>
  );
}
