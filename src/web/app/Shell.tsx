import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Button from 'antd/es/button';
import { api } from './api-client';
import { useLocale } from './LocaleContext';
import { hasRememberedLocale, localeNames, locales, matchLocale, type Locale } from './locales';
import { Link, navigate } from './router';
import { primaryRole, useSession } from './session';

// Only signed-in people have an inbox: the bell stays off the public pages' first load.
const InboxBell = lazy(() => import('./InboxBell'));

function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const { user } = useSession();
  const intl = useIntl();
  // Signed in, a language chosen by hand is also the account's, so e-mails and notices follow it.
  // Failing to save it changes nothing on screen, hence no error shown.
  const saveForAccount = (l: Locale) => {
    if (user) void api.put('/api/v1/me/preferences', { locale: l }).catch(() => undefined);
  };
  const userId = user?.id;
  const accountLocale = user ? matchLocale(user.locale) : undefined;
  useEffect(() => {
    // A language picked on this device before signing in becomes the account's too.
    if (userId && hasRememberedLocale() && accountLocale !== locale) saveForAccount(locale);
  }, [userId]);
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{intl.formatMessage({ id: 'shell.language' })}</span>
      <select
        value={locale}
        onChange={(e) => {
          const l = e.target.value as Locale;
          setLocale(l);
          saveForAccount(l);
        }}
        aria-label={intl.formatMessage({ id: 'shell.language' })}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>
            {localeNames[l]}
          </option>
        ))}
      </select>
    </label>
  );
}

function StaffNav() {
  const { user } = useSession();
  if (!user) return null;
  const role = primaryRole(user);
  return (
    <>
      {role === 'director' && (
        <Link href="/director">
          <FormattedMessage id="nav.dashboard" />
        </Link>
      )}
      {(role === 'officer' || role === 'director') && (
        <Link href="/officer">
          <FormattedMessage id="nav.queue" />
        </Link>
      )}
      {role === 'court_liaison' && (
        <Link href="/court">
          <FormattedMessage id="nav.court" />
        </Link>
      )}
      <Link href="/my-cases">
        <FormattedMessage id="nav.myCases" />
      </Link>
      {user.mediatorIds.length > 0 && (
        <Link href="/my-calendar">
          <FormattedMessage id="nav.myCalendar" />
        </Link>
      )}
    </>
  );
}

export function Shell({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession();
  const intl = useIntl();
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        <FormattedMessage id="shell.skipToContent" />
      </a>
      <header className="shell-header">
        <Link href="/" className="brand">
          <span className="brand-mark" aria-hidden="true">
            ⚖
          </span>
          <span>
            <FormattedMessage id="app.name" />
          </span>
        </Link>
        <nav className="shell-nav" aria-label={intl.formatMessage({ id: 'shell.mainNavigation' })}>
          {user ? (
            <StaffNav />
          ) : (
            <>
              <Link href="/apply">
                <FormattedMessage id="nav.apply" />
              </Link>
              <Link href="/figures">
                <FormattedMessage id="nav.figures" />
              </Link>
            </>
          )}
        </nav>
        <div className="shell-tools">
          <LanguageSwitch />
          {user && (
            <Suspense fallback={null}>
              <InboxBell />
            </Suspense>
          )}
          {user ? (
            <Button
              onClick={() => {
                void signOut().then(() => navigate('/'));
              }}
            >
              <FormattedMessage id="shell.signOut" />
            </Button>
          ) : (
            <Button onClick={() => navigate('/login')}>
              <FormattedMessage id="shell.signIn" />
            </Button>
          )}
        </div>
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="shell-footer">
        <FormattedMessage id="shell.footer" />
      </footer>
    </div>
  );
}
