import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { api } from './api-client';
import { inboxChangedEvent } from './inbox-changed-event';
import { Link, usePath } from './router';
import './inbox-bell.css';

/** How often the count is read again while a page stays open (no push channel needed). */
const REFRESH_MS = 60_000;

/**
 * The bell in the shell for every signed-in role: the unread count, read again on every
 * navigation, every minute and whenever the inbox changes it, and a link to the inbox.
 */
export default function InboxBell() {
  const intl = useIntl();
  const path = usePath();
  const [count, setCount] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const refresh = () => {
      // A failed read leaves the last count: the bell is a hint, the inbox page says more.
      void api
        .get<{ unreadCount: number }>('/api/v1/notifications', { unread: 'true', limit: 1 })
        .then((r) => !cancelled && setCount(r.unreadCount))
        .catch(() => undefined);
    };
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    window.addEventListener(inboxChangedEvent, refresh);
    return () => {
      cancelled = true;
      window.clearInterval(timer);
      window.removeEventListener(inboxChangedEvent, refresh);
    };
  }, [path]);

  return (
    <Link
      href="/inbox"
      className="inbox-bell"
      aria-label={intl.formatMessage({ id: 'shell.inbox' }, { count })}
      aria-current={path === '/inbox' ? 'page' : undefined}
      data-testid="inbox-bell"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" focusable="false">
        <path
          fill="currentColor"
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
        />
      </svg>
      {count > 0 && (
        <span className="inbox-count" aria-hidden="true" data-testid="inbox-count">
          {intl.formatNumber(count)}
        </span>
      )}
    </Link>
  );
}
