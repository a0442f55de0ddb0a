import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import ConfigProvider from 'antd/es/config-provider';
import Spin from 'antd/es/spin';
import type { Locale as AntdLocale } from 'antd/es/locale';
import { setApiLanguage } from './api-client';
import { AreaMessages } from './AreaMessages';
import { staffMessages } from './staff-messages';
import { loadAntdLocale } from './load-antd-locale';
import { loadMessages, type Messages } from './load-messages';
import { LocaleContext } from './LocaleContext';
import { applyDocumentLocale, initialLocale, isRtl, rememberLocale, type Locale } from './locales';
import { matchPath, usePath } from './router';
import { SessionProvider, useSession } from './session';
import { Shell } from './Shell';
import './text-direction.css';
import { LandingPage } from '../pages/public/LandingPage';
import { NotFoundPage } from '../pages/public/NotFoundPage';

// Each public task is its own chunk too: the landing page stays light on a phone connection.
const ApplyPage = lazy(() => import('../pages/public/ApplyPage'));
const LoginPage = lazy(() => import('../pages/public/LoginPage'));
const FollowPage = lazy(() => import('../pages/public/FollowPage'));
const SignInLinkPage = lazy(() => import('../pages/public/SignInLinkPage'));
const FiguresPage = lazy(() => import('../pages/public/FiguresPage'));
const VerifyPage = lazy(() => import('../pages/public/VerifyPage'));

// Staff areas are separate chunks: a public visitor never downloads them.
const OfficerQueuePage = lazy(() => import('../pages/officer/OfficerQueuePage'));
const CaseWorkspacePage = lazy(() => import('../pages/cases/CaseWorkspacePage'));
const MyCasesPage = lazy(() => import('../pages/cases/MyCasesPage'));
const DirectorDashboardPage = lazy(() => import('../pages/director/DirectorDashboardPage'));
const DirectorRosterPage = lazy(() => import('../pages/director/DirectorRosterPage'));
const DirectorAuditPage = lazy(() => import('../pages/director/DirectorAuditPage'));
const DirectorNotificationsPage = lazy(() => import('../pages/director/DirectorNotificationsPage'));
const DirectorSettingsPage = lazy(() => import('../pages/director/DirectorSettingsPage'));
const CourtDocketPage = lazy(() => import('../pages/court/CourtDocketPage'));
const MyCalendarPage = lazy(() => import('../pages/mediator/MyCalendarPage'));
const InboxPage = lazy(() => import('../pages/inbox/InboxPage'));

interface LoadedLocale {
  locale: Locale;
  messages: Messages;
  antd: AntdLocale;
}

function Loading() {
  return (
    <div className="page-loading" role="status">
      <Spin />
    </div>
  );
}

function Routes() {
  const path = usePath();
  const { user, loading } = useSession();
  let page: ReactNode;
  let m: Record<string, string> | undefined;
  if (path === '/') page = <LandingPage />;
  else if (path === '/apply') page = <ApplyPage />;
  else if (path === '/login') page = <LoginPage />;
  else if (path === '/figures') page = <FiguresPage />;
  else if ((m = matchPath('/follow/:token', path))) page = <FollowPage token={m.token!} />;
  else if ((m = matchPath('/sign-in/:token', path))) page = <SignInLinkPage token={m.token!} />;
  else if (path === '/verify') page = <VerifyPage />;
  else if ((m = matchPath('/verify/:hash', path))) page = <VerifyPage hash={m.hash!} />;
  else if (loading) page = <Loading />;
  else if (!user) page = <LoginPage />;
  else if (path === '/officer') page = <OfficerQueuePage />;
  else if (path === '/my-cases') page = <MyCasesPage />;
  else if (path === '/my-calendar') page = <MyCalendarPage />;
  else if (path === '/inbox') page = <InboxPage />;
  else if (path === '/director') page = <DirectorDashboardPage />;
  else if (path === '/director/roster') page = <DirectorRosterPage />;
  else if (path === '/director/audit') page = <DirectorAuditPage />;
  else if (path === '/director/notifications') page = <DirectorNotificationsPage />;
  else if (path === '/director/settings') page = <DirectorSettingsPage />;
  else if (path === '/court') page = <CourtDocketPage />;
  else if ((m = matchPath('/cases/:id', path))) page = <CaseWorkspacePage caseId={m.id!} />;
  else page = <NotFoundPage />;
  // The committee's screens bring their own strings (staff-messages.ts), kept off the public first load.
  if (user && /^\/(director|court|cases|my-calendar)(\/|$)/.test(path))
    page = <AreaMessages loaders={staffMessages}>{page}</AreaMessages>;
  return (
    <Shell>
      <Suspense fallback={<Loading />}>{page}</Suspense>
    </Shell>
  );
}

export function App() {
  const [loaded, setLoaded] = useState<LoadedLocale | null>(null);

  const setLocale = useCallback(async (l: Locale) => {
    const [messages, antd] = await Promise.all([loadMessages(l), loadAntdLocale(l)]);
    applyDocumentLocale(l);
    setApiLanguage(l);
    setLoaded({ locale: l, messages, antd });
  }, []);

  useEffect(() => {
    void setLocale(initialLocale());
  }, [setLocale]);

  if (!loaded) return <Loading />;
  const choose = (l: Locale) => {
    rememberLocale(l);
    void setLocale(l);
  };
  return (
    <LocaleContext.Provider value={{ locale: loaded.locale, setLocale: choose }}>
      <IntlProvider
        locale={loaded.locale}
        messages={loaded.messages}
        defaultLocale="en"
        onError={(err) => {
          // A missing key or broken ICU message is a bug; the browser tests fail on it.
          console.error(`[i18n ${loaded.locale}] ${err.code}: ${err.message}`);
        }}
      >
        <ConfigProvider
          locale={loaded.antd}
          direction={isRtl(loaded.locale) ? 'rtl' : 'ltr'}
          theme={{
            // colorLink and colorInfo default to a blue too light for WCAG AA text contrast on white.
            token: {
              colorPrimary: '#0b5cad',
              colorLink: '#0b5cad',
              colorInfo: '#0b5cad',
              // antd's grey for secondary text (steps not reached, placeholders) is below 4.5:1 on white.
              colorTextDescription: '#596673',
              colorTextPlaceholder: '#667380',
              // antd's red (danger buttons, the rejected step, error tags) is below 4.5:1 on white.
              colorError: '#b42318',
              borderRadius: 6,
              fontFamily: 'inherit',
            },
          }}
        >
          <SessionProvider>
            <Routes />
          </SessionProvider>
        </ConfigProvider>
      </IntlProvider>
    </LocaleContext.Provider>
  );
}
