import { useCallback, useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import Alert from 'antd/es/alert';
import Button from 'antd/es/button';
import Spin from 'antd/es/spin';
import { AreaMessages } from '../../app/AreaMessages';
import { api } from '../../app/api-client';
import { inboxChangedEvent } from '../../app/inbox-changed-event';
import { navigate } from '../../app/router';
import { scrollToPanelWhenShown } from '../../app/scroll-to-panel';
import { inboxMessages } from './inbox-messages';
import './inbox.css';

interface Notification {
  id: string;
  kind: string;
  caseId: string | null;
  title: string;
  body: string;
  params: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
}

interface Page {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

/** The panel of the case page a notification is about, by its kind. */
function panelOf(kind: string): string | null {
  if (kind.startsWith('payment.') || kind.startsWith('instalment.') || kind === 'follow_up.due')
    return 'performance';
  if (kind.startsWith('session.')) return 'sessions';
  if (kind === 'message.posted') return 'conversation';
  if (kind === 'evidence.uploaded') return 'evidence';
  if (kind.startsWith('case.rejection_appeal')) return 'appeal';
  if (kind.startsWith('agreement.') || kind === 'translation.requested') return 'agreement';
  if (kind.startsWith('confirmation.') || kind.startsWith('referral.')) return 'filings';
  if (kind.startsWith('team.')) return 'team';
  return null;
}

const changed = () => window.dispatchEvent(new Event(inboxChangedEvent));

function Inbox() {
  const intl = useIntl();
  const [items, setItems] = useState<Notification[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [unread, setUnread] = useState(0);
  const [error, setError] = useState(false);
  const [done, setDone] = useState(false);
  const lang = intl.locale;

  const load = useCallback(
    async (cursor?: string) => {
      try {
        const r = await api.get<Page>('/api/v1/notifications', { limit: 20, cursor, lang });
        setItems((old) => (cursor && old ? [...old, ...r.items] : r.items));
        setNext(r.nextCursor);
        setUnread(r.unreadCount);
        setError(false);
      } catch {
        setError(true);
      }
    },
    [lang],
  );

  useEffect(() => {
    void load();
  }, [load]);

  /** Opening an item marks it read, then goes to the case and the panel it names. */
  const open = async (n: Notification) => {
    if (!n.readAt) {
      // Marking read must not stand between the reader and the case.
      await api.post(`/api/v1/notifications/${n.id}/read`).catch(() => undefined);
      changed();
    }
    if (!n.caseId) {
      void load();
      return;
    }
    navigate(`/cases/${n.caseId}`);
    const panel = panelOf(n.kind);
    if (panel) scrollToPanelWhenShown(panel);
  };

  const markAll = async () => {
    try {
      await api.post('/api/v1/notifications/read-all');
      setDone(true);
      changed();
      await load();
    } catch {
      setError(true);
    }
  };

  return (
    <section className="inbox" aria-labelledby="inbox-title">
      <div className="inbox-head">
        <h1 id="inbox-title">
          <FormattedMessage id="inbox.title" />
        </h1>
        <Button onClick={() => void markAll()} disabled={unread === 0}>
          <FormattedMessage id="inbox.markAllRead" />
        </Button>
      </div>
      <p className="lead" data-testid="inbox-unread" aria-live="polite">
        <FormattedMessage id="inbox.unread" values={{ count: unread }} />
      </p>
      {done && unread === 0 && (
        <Alert
          type="success"
          showIcon
          role="status"
          message={<FormattedMessage id="inbox.allRead" />}
        />
      )}
      {error && (
        <Alert type="error" showIcon role="alert" message={<FormattedMessage id="inbox.error" />} />
      )}
      {!items && !error && (
        <div className="page-loading" role="status">
          <Spin />
        </div>
      )}
      {items && items.length === 0 && (
        <p>
          <FormattedMessage id="inbox.empty" />
        </p>
      )}
      {items && items.length > 0 && (
        <ul className="inbox-list">
          {items.map((n) => (
            <li key={n.id} className={n.readAt ? 'inbox-item' : 'inbox-item unread'} data-id={n.id}>
              <a
                href={n.caseId ? `/cases/${n.caseId}` : '/inbox'}
                onClick={(e) => {
                  if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
                  e.preventDefault();
                  void open(n);
                }}
              >
                {!n.readAt && (
                  <span className="inbox-dot">
                    <span className="visually-hidden">
                      <FormattedMessage id="inbox.unreadMark" />
                    </span>
                  </span>
                )}
                <span className="inbox-title">{n.title}</span>
                <span className="inbox-body" dir="auto">
                  {n.body}
                </span>
                <span className="inbox-meta">
                  {typeof n.params.reference === 'string' && (
                    <>
                      <FormattedMessage
                        id="inbox.openCase"
                        values={{ reference: <bdi>{n.params.reference}</bdi> }}
                      />
                      {' · '}
                    </>
                  )}
                  <FormattedDate value={n.createdAt} dateStyle="medium" timeStyle="short" />
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <Button onClick={() => void load(next)}>
          <FormattedMessage id="inbox.more" />
        </Button>
      )}
    </section>
  );
}

/** Every signed-in role's notifications: open one to go to its case, or mark them all read. */
export default function InboxPage() {
  return (
    <AreaMessages loaders={inboxMessages}>
      <Inbox />
    </AreaMessages>
  );
}
