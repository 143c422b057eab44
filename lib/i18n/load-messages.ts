import type { AppLocale } from './locales';
import type englishMessages from '@/locales/en.json';

export type Messages = typeof englishMessages;

const loaders: Record<AppLocale, () => Promise<{ default: Messages }>> = {
  en: () => import('@/locales/en.json'),
  'zh-CN': () => import('@/locales/zh-CN.json'),
};

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  return (await loaders[locale]()).default;
}
