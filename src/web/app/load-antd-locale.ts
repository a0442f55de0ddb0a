import type { Locale as AntdLocale } from 'antd/es/locale';
import enUS from 'antd/es/locale/en_US';
import type { Locale } from './locales';

const loaders: Record<Locale, () => Promise<{ default: AntdLocale }>> = {
  'zh-CN': () => import('antd/es/locale/zh_CN'),
  // antd bundles en_US itself, so it costs nothing to import directly.
  en: async () => ({ default: enUS }),
  ar: () => import('antd/es/locale/ar_EG'),
  ru: () => import('antd/es/locale/ru_RU'),
  es: () => import('antd/es/locale/es_ES'),
  fr: () => import('antd/es/locale/fr_FR'),
  fa: () => import('antd/es/locale/fa_IR'),
  tr: () => import('antd/es/locale/tr_TR'),
};

export async function loadAntdLocale(l: Locale): Promise<AntdLocale> {
  return (await loaders[l]()).default;
}
