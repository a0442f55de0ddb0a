import { useEffect, useState, type ReactNode } from 'react';
import { IntlProvider, useIntl } from 'react-intl';
import Spin from 'antd/es/spin';
import type { Messages } from './load-messages';
import type { Locale } from './locales';

export type AreaMessageLoaders = Record<Locale, () => Promise<{ default: Messages }>>;

/**
 * The messages of one lazily loaded area (i18n/messages/<area>/<locale>.json) on top of the app's
 * own. An area's strings travel with its chunk, so they do not weigh on the public first load.
 * Missing keys still reach the app's onError (a console error, which fails the browser tests).
 */
export function AreaMessages({
  loaders,
  children,
}: {
  loaders: AreaMessageLoaders;
  children: ReactNode;
}) {
  const parent = useIntl();
  const locale = parent.locale as Locale;
  const [loaded, setLoaded] = useState<{ locale: Locale; messages: Messages } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void loaders[locale]().then((m) => {
      if (!cancelled) setLoaded({ locale, messages: m.default });
    });
    return () => {
      cancelled = true;
    };
  }, [loaders, locale]);

  if (!loaded || loaded.locale !== locale)
    return (
      <div className="page-loading" role="status">
        <Spin />
      </div>
    );
  return (
    <IntlProvider
      locale={parent.locale}
      defaultLocale={parent.defaultLocale}
      // The app loads plain-string catalogues (load-messages.ts), never pre-parsed ones.
      messages={{ ...(parent.messages as Messages), ...loaded.messages }}
      onError={parent.onError}
    >
      {children}
    </IntlProvider>
  );
}
