import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import Button from 'antd/es/button';
import { useLocale } from './LocaleContext';
import { localeNames, locales, type Locale } from './locales';
import { Link, navigate } from './router';
import { primaryRole, useSession } from './session';

function LanguageSwitch() {
  const { locale, setLocale } = useLocale();
  const intl = useIntl();
  return (
    <label className="lang-switch">
      <span className="visually-hidden">{intl.formatMessage({ id: 'shell.language' })}</span>
      <select
        value={locale}
        onChange={(e) => setLocale(e.target.value as Locale)}
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
      <Link href="/my-cases">
        <FormattedMessage id="nav.myCases" />
      </Link>
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
