import type { AppLocale } from './locales';
import type englishMessages from '@/locales/en.json';

export type Messages = typeof englishMessages;

const loaders: Record<AppLocale, () => Promise<{ default: Messages }>> = {
  en: () => import('@/locales/en.json'),
  'zh-CN': () => import('@/locales/zh-CN.json'),
  'zh-TW': () => import('@/locales/zh-TW.json'),
  da: () => import('@/locales/da.json'),
  ja: () => import('@/locales/ja.json'),
  ko: () => import('@/locales/ko.json'),
  de: () => import('@/locales/de.json'),
  fr: () => import('@/locales/fr.json'),
  es: () => import('@/locales/es.json'),
  'pt-BR': () => import('@/locales/pt-BR.json'),
  ru: () => import('@/locales/ru.json'),
};

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  return (await loaders[locale]()).default;
}
