import { createContext, useContext } from 'react';
import type { Locale } from './locales';

export const LocaleContext = createContext<{ locale: Locale; setLocale(l: Locale): void }>({
  locale: 'en',
  setLocale: () => undefined,
});

export const useLocale = () => useContext(LocaleContext);
